package dev.feedwright.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One request sent byte for byte over a socket, for request lines that an HTTP client would
 * normalise or refuse to send ({@code /../x}, backslashes, raw percent signs).
 *
 * @param status the status code of the answer
 * @param raw    the whole answer, headers and body, as ISO-8859-1 so that every byte shows
 */
record RawHttp(int status, String raw) {

    static RawHttp get(int port, String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!raw.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP answer: " + raw);
            }
            return new RawHttp(Integer.parseInt(raw.substring(9, 12)), raw);
        }
    }
}
