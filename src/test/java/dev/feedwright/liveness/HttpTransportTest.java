package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InterruptedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        Thread.interrupted();
        server.close();
    }

    /**
     * A stopped run shuts its workers down, which interrupts those still connecting; OkHttp then
     * throws InterruptedException undeclared. It is a failed exchange, and the thread stays
     * interrupted; before, it escaped the worker and printed its stack trace on stderr.
     */
    @Test
    void aRequestOfAnInterruptedWorkerIsAFailedExchange() {
        server.enqueue(new MockResponse.Builder().code(200).build());
        try (HttpTransport transport = new HttpTransport(CheckerHarness.fast().build(), Dns.SYSTEM)) {
            Thread.currentThread().interrupt();

            Exchange exchange = transport.execute(new Request.Builder().url(server.url("/a")).head().build(), false);

            assertThat(exchange.failed()).isTrue();
            assertThat(exchange.failure()).isInstanceOf(InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
    }

    @Test
    void aRequestAnsweredIsNotFailed() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        try (HttpTransport transport = new HttpTransport(CheckerHarness.fast().build(), Dns.SYSTEM)) {
            Exchange exchange = transport.execute(new Request.Builder().url(server.url("/a")).head().build(), false);

            assertThat(exchange.failed()).isFalse();
            assertThat(exchange.status()).isEqualTo(404);
        }
    }
}
