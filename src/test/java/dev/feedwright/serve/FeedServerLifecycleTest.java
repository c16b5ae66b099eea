package dev.feedwright.serve;

import static dev.feedwright.serve.Client.header;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping, and what a server that runs beside exports can add. */
class FeedServerLifecycleTest {

    @TempDir
    Path folder;

    private ServeOptions options(int port) {
        return new ServeOptions(folder, "127.0.0.1", port, Duration.ofMinutes(15));
    }

    @Test
    void picksAFreePortForPortZeroAndNamesTheAddress() throws IOException {
        Files.writeString(folder.resolve("all.xml"), "<rss/>", UTF_8);
        try (FeedServer server = new FeedServer(options(0))) {
            server.start();

            assertThat(server.port()).isBetween(1, 65_535);
            assertThat(server.address()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));
            assertThat(new Client(server).get("/all.xml").body()).asString(UTF_8).isEqualTo("<rss/>");
        }
    }

    /** The default bind address keeps the feeds on this machine: not on every address it has. */
    @Test
    void listensOnlyOnTheAddressItIsGiven() throws IOException {
        Files.writeString(folder.resolve("all.xml"), "<rss/>", UTF_8);
        try (FeedServer server = new FeedServer(options(0))) {
            server.start();

            try (Socket given = new Socket(InetAddress.getByName("127.0.0.1"), server.port())) {
                assertThat(given.isConnected()).isTrue();
            }
            // Another loopback address of this machine: reached only by a server listening on all of them.
            assertThatThrownBy(() -> new Socket(InetAddress.getByName("127.0.0.2"), server.port()).close())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void bracketsAnIpv6AddressInTheUrl() {
        FeedServer server = new FeedServer(new ServeOptions(folder, "::1", 8080, Duration.ofMinutes(1)));

        assertThat(server.address().toString()).startsWith("http://[::1]:");
    }

    @Test
    void saysWhichAddressIsTakenWhenThePortIsInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                FeedServer server = new FeedServer(options(taken.getLocalPort()))) {

            assertThatThrownBy(server::start).isInstanceOf(BindException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
    }

    @Test
    void saysWhenTheHostNameToListenOnDoesNotResolve() throws IOException {
        // .invalid never resolves (RFC 6761); Jetty's own words were "Failed to bind to
        // no-such-host.invalid/<unresolved>:0" inside a java.io.IOException.
        try (FeedServer server = new FeedServer(new ServeOptions(folder, "no-such-host.invalid", 0,
                Duration.ofMinutes(1)))) {

            assertThatThrownBy(server::start).isInstanceOf(IOException.class).hasMessage(
                    "cannot listen on no-such-host.invalid:0: the host name 'no-such-host.invalid' does not resolve"
                            + " to an address");
        }
    }

    @Test
    void refusesAMissingFolder() {
        FeedServer server = new FeedServer(new ServeOptions(folder.resolve("nowhere"), "127.0.0.1", 0,
                Duration.ofMinutes(1)));

        assertThatThrownBy(server::start).isInstanceOf(NoSuchFileException.class).hasMessageContaining("nowhere");
    }

    @Test
    void refusesAFileInPlaceOfTheFolder() throws IOException {
        Path file = Files.writeString(folder.resolve("feeds"), "not a folder", UTF_8);
        FeedServer server = new FeedServer(new ServeOptions(file, "127.0.0.1", 0, Duration.ofMinutes(1)));

        assertThatThrownBy(server::start).isInstanceOf(NotDirectoryException.class).hasMessageContaining("feeds");
    }

    @Test
    void stopsListeningWhenClosedAndMayBeClosedAgain() throws IOException {
        FeedServer server = new FeedServer(options(0));
        server.start();
        Client client = new Client(server);
        assertThat(client.get("/missing").statusCode()).isEqualTo(404);

        server.close();
        server.close();

        assertThatThrownBy(() -> client.get("/missing")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void joinWaitsUntilAnotherThreadClosesTheServer() throws Exception {
        FeedServer server = new FeedServer(options(0));
        server.start();
        CountDownLatch joined = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                server.join();
                joined.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();

        assertThat(joined.await(300, TimeUnit.MILLISECONDS)).as("join returned while still serving").isFalse();
        server.close();

        assertThat(joined.await(5, TimeUnit.SECONDS)).as("join returned after close").isTrue();
    }

    @Test
    void answersStatusWithFreshJsonThatNoCacheKeeps() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (FeedServer server = new FeedServer(options(0), () -> "{\"exports\":" + calls.incrementAndGet() + "}")) {
            server.start();
            Client client = new Client(server);

            HttpResponse<byte[]> first = client.get(FeedServer.STATUS_PATH);
            HttpResponse<byte[]> second = client.get(FeedServer.STATUS_PATH);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(header(first, "Content-Type")).isEqualTo("application/json;charset=utf-8");
            assertThat(header(first, "Cache-Control")).isEqualTo("no-store");
            assertThat(first.body()).asString(UTF_8).isEqualTo("{\"exports\":1}");
            assertThat(second.body()).asString(UTF_8).isEqualTo("{\"exports\":2}");
            assertThat(client.send("POST", FeedServer.STATUS_PATH).statusCode()).isEqualTo(405);
        }
    }
}
