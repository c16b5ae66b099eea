package dev.feedwright.liveness;

import static dev.feedwright.liveness.ServerSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkState;
import dev.feedwright.state.LinkStore;
import dev.feedwright.state.StateDb;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed half way loses only what was in flight: results reach the database as they come. */
class IncrementalWritesTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private CheckerHarness harness;

    @BeforeEach
    void start() throws IOException {
        server.start();
        harness = new CheckerHarness(temp, CheckerHarness.fast().networkDownSample(10).retries(0)
                .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        harness.close();
        server.close();
    }

    @Test
    void finishedChecksAreCommittedWhileAnotherIsStillInFlight() throws Exception {
        Routes routes = new Routes().on("/slow", new MockResponse.Builder().code(200)
                .headersDelay(2, TimeUnit.SECONDS).build());
        String[] links = new String[41];
        for (int i = 0; i < 40; i++) {
            routes.on("/fast/" + i, status(200));
            links[i] = ServerSupport.url(server, "site" + i + ".test", "/fast/" + i);
        }
        links[40] = ServerSupport.url(server, "slow.test", "/slow");
        server.setDispatcher(routes);

        Future<LinkCheckReport> run = background.submit(() -> harness.check(links));
        int committed = 0;
        // Read through a second connection, as the next process would after a crash.
        try (StateDb reader = StateDb.open(temp)) {
            LinkStore store = new LinkStore(reader);
            long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (committed < 40 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                committed = alive(store, links);
            }
        }

        assertThat(run.isDone()).as("the slow check is still in flight").isFalse();
        assertThat(committed).isEqualTo(40);
        assertThat(run.get(10, TimeUnit.SECONDS).alive()).isEqualTo(41);
    }

    private static int alive(LinkStore store, String[] links) throws IOException {
        int alive = 0;
        for (String link : links) {
            LinkRow row = store.find(link);
            if (row != null && row.state() == LinkState.ALIVE) {
                alive++;
            }
        }
        return alive;
    }
}
