package dev.feedwright.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@SuppressWarnings("try") // locks are held by try-with-resources without being used in the body
class OutputLockTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String PID = "pid " + ProcessHandle.current().pid() + " ";

    @TempDir
    Path folder;

    @Test
    void aSecondAcquireWaitsThenSaysWhoHoldsTheLock() throws IOException {
        try (OutputLock held = OutputLock.acquire(folder, Duration.ZERO, CLOCK)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> OutputLock.acquire(folder, Duration.ofMillis(600), CLOCK))
                    .isInstanceOf(OutputLockedException.class)
                    .hasMessageContaining("output folder " + folder + " is locked by another run")
                    .hasMessageContaining(PID);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    void canBeAcquiredAgainAfterClose() throws IOException {
        OutputLock.acquire(folder, Duration.ZERO, CLOCK).close();

        try (OutputLock again = OutputLock.acquire(folder, Duration.ZERO, CLOCK)) {
            assertThat(Files.readString(folder.resolve(OutputLock.FILE_NAME))).startsWith(PID);
        }
    }

    @Test
    void aWaitingAcquireGetsTheLockWhenTheHolderLetsGo() throws Exception {
        OutputLock held = OutputLock.acquire(folder, Duration.ZERO, CLOCK);
        CompletableFuture<OutputLock> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return OutputLock.acquire(folder, Duration.ofSeconds(20), CLOCK);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertThat(waiter).isNotDone();

        held.close();

        waiter.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void anotherProcessIsRefusedAndToldThisProcessHoldsTheLock() throws Exception {
        try (OutputLock held = OutputLock.acquire(folder, Duration.ZERO, CLOCK)) {
            assertThat(probe("try")).startsWith("refused: ").contains(PID);
        }
        assertThat(probe("try")).isEqualTo("acquired");
    }

    @Test
    void aFailedAcquireInThisProcessDoesNotLetAnotherProcessIn() throws Exception {
        try (OutputLock held = OutputLock.acquire(folder, Duration.ZERO, CLOCK)) {
            assertThatThrownBy(() -> OutputLock.acquire(folder, Duration.ZERO, CLOCK))
                    .isInstanceOf(OutputLockedException.class);

            assertThat(probe("try")).startsWith("refused: ");
        }
    }

    @Test
    void thisProcessWaitsForAnotherAndNamesItsPid() throws Exception {
        Process holder = LockProbe.start("hold", folder);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("held");

            assertThatThrownBy(() -> OutputLock.acquire(folder, Duration.ofMillis(300), CLOCK))
                    .isInstanceOf(OutputLockedException.class)
                    .hasMessageContaining("pid " + holder.pid() + " ");

            holder.getOutputStream().close();
            try (OutputLock mine = OutputLock.acquire(folder, Duration.ofSeconds(20), CLOCK)) {
                assertThat(Files.readString(folder.resolve(OutputLock.FILE_NAME))).startsWith(PID);
            }
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String probe(String mode) throws Exception {
        Process process = LockProbe.start(mode, folder);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
