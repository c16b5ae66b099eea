package dev.feedwright.liveness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback socket that does what MockWebServer will not: accept every connection and either
 * never send a byte (a host gone silent, so each request ends in the client's read timeout) or
 * write one fixed answer at once, whatever was sent (so a TLS handshake meets plain HTTP the same
 * way every time). Counts the connections it accepted.
 */
final class RawServer implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] answer;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private final boolean readsRequest;

    private RawServer(byte[] answer, boolean readsRequest) {
        this.answer = answer;
        this.readsRequest = readsRequest;
        try {
            socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptAll, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A host that accepts connections and never answers; they stay open until closed. */
    static RawServer silent() {
        return new RawServer(null, false);
    }

    /** A host that writes {@code answer} on every connection at once and closes it. */
    static RawServer answering(String answer) {
        return new RawServer(answer.getBytes(StandardCharsets.US_ASCII), false);
    }

    /**
     * A host that reads each connection's request headers, then writes {@code answer} and closes
     * it: the client always reads the answer, never a reset for bytes left unread.
     */
    static RawServer answeringAfterRequest(String answer) {
        return new RawServer(answer.getBytes(StandardCharsets.US_ASCII), true);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                if (answer == null) {
                    held.add(connection);
                } else {
                    try (connection) {
                        if (readsRequest) {
                            readHeaders(connection);
                        }
                        connection.getOutputStream().write(answer);
                    }
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void readHeaders(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0 && matched < end.length; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
