package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.feedwright.state.StateDb;
import dev.feedwright.testing.SmallDisk;
import java.nio.file.Path;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A link check whose findings cannot be saved ends with the reason, never as a check that went well. */
class FullStateDiskTest {

    @TempDir
    Path temp;

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskUnderTheStateFolderFailsTheCheckWithItsReason() throws Exception {
        // SQLite's driver copies its native library into the first state folder opened in this JVM:
        // not onto the small disk, which could then not be unmounted.
        StateDb.open(temp.resolve("library")).close();
        SmallDisk disk = SmallDisk.mount(temp.resolve("small"), "2m");
        assumeThat(disk).as("a tmpfs can be mounted here").isNotNull();
        try (disk; MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return ServerSupport.status(200);
                }
            });
            server.start();
            try (CheckerHarness harness = new CheckerHarness(disk.dir().resolve("state"),
                    CheckerHarness.fast().build())) {
                String[] links = IntStream.range(0, 2_000)
                        .mapToObj(i -> ServerSupport.url(server, "news.test", "/story-" + i))
                        .toArray(String[]::new);
                long stamp = harness.seen(links);
                disk.fill(0);

                // The results are written by a thread of their own; its failure is the run's.
                assertThatThrownBy(() -> harness.checkSeen(stamp)).hasMessageContaining("disk is full");
            }
        }
    }
}
