package dev.feedwright.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {

    @TempDir
    Path temp;

    @Test
    void createsTheStateFolderAndReplacesTheFileWhole() throws IOException {
        StatusFile status = new StatusFile(temp.resolve("state"));

        status.write("{\"state\": \"starting\"}\n");
        status.write("{\"state\": \"running\"}\n");

        assertThat(status.path()).isEqualTo(temp.resolve("state").resolve("status.json"));
        assertThat(Files.readString(status.path())).isEqualTo("{\"state\": \"running\"}\n");
        try (Stream<Path> files = Files.list(temp.resolve("state"))) {
            assertThat(files).containsExactly(status.path());
        }
    }

    /** Two daemons started on one state folder by mistake: each write still lands whole. */
    @Test
    void writersInTwoProcessesNeverLeaveHalfAFile() throws Exception {
        Path state = temp.resolve("state");
        String first = "{\"state\": \"running\", \"pid\": 1, \"pad\": \"" + "a".repeat(20_000) + "\"}\n";
        String second = "{\"state\": \"stopped\", \"pid\": 2}\n";
        // One StatusFile each, as two processes have: nothing in one object holds the other back.
        StatusFile one = new StatusFile(state);
        StatusFile two = new StatusFile(state);
        one.write(first);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writing = new ArrayList<>();
            writing.add(writers.submit(() -> writeRepeatedly(one, first)));
            writing.add(writers.submit(() -> writeRepeatedly(two, second)));
            // Each read is judged as it comes, never kept: on a slow disk the writers take long and
            // a list of every 20 kB read ran the test JVM out of heap in CI.
            Set<String> seen = new HashSet<>();
            int reads = 0;
            while (!writing.stream().allMatch(Future::isDone)) {
                String text;
                try {
                    text = Files.readString(one.path());
                } catch (NoSuchFileException e) {
                    text = "(missing)";
                }
                reads++;
                seen.add(text.equals(first) ? "first" : text.equals(second) ? "second" : text);
            }
            for (Future<?> done : writing) {
                done.get();
            }
            assertThat(reads).isPositive();
            assertThat(seen).isSubsetOf("first", "second");
        } finally {
            writers.shutdownNow();
        }
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files).containsExactly(one.path());
        }
    }

    /**
     * A daemon killed between writing its temporary file and renaming it leaves the file behind; a
     * later write removes it once it is old, but not a young one, which another daemon sharing the
     * folder may be about to rename, nor any other file.
     */
    @Test
    void aWriteRemovesTheTemporaryFileAKilledWriteLeftOnceItIsOld() throws IOException {
        Path state = Files.createDirectories(temp.resolve("state"));
        Path killed = Files.writeString(state.resolve(".status.json." + UUID.randomUUID() + ".fw-tmp"), "{\"sta");
        Path young = Files.writeString(state.resolve(".status.json." + UUID.randomUUID() + ".fw-tmp"), "{\"st");
        Path other = Files.writeString(state.resolve(".feeds.xml.1.fw-tmp"), "not ours");
        FileTime now = Files.getLastModifiedTime(young);
        FileTime yesterday = FileTime.from(now.toInstant().minus(Duration.ofDays(1)));
        Files.setLastModifiedTime(killed, yesterday);
        Files.setLastModifiedTime(other, yesterday);
        Files.setLastModifiedTime(young, FileTime.from(now.toInstant().minus(Duration.ofSeconds(30))));
        StatusFile status = new StatusFile(state);

        status.write("{\"state\": \"running\"}\n");

        assertThat(Files.readString(status.path())).isEqualTo("{\"state\": \"running\"}\n");
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files).containsExactlyInAnyOrder(status.path(), young, other);
        }
    }

    private static Void writeRepeatedly(StatusFile status, String json) throws IOException {
        for (int i = 0; i < 2_000; i++) {
            status.write(json);
        }
        return null;
    }
}
