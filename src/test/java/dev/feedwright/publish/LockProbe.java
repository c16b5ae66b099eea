package dev.feedwright.publish;

import dev.feedwright.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Another process for {@link OutputLockTest}: {@code try <folder>} takes the lock without waiting and
 * prints {@code acquired} or {@code refused: <message>}; {@code hold <folder>} takes it, prints
 * {@code held} and keeps it until its standard input closes.
 */
@SuppressWarnings("try") // locks are held by try-with-resources without being used in the body
public final class LockProbe {

    private LockProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[1]);
        try (OutputLock lock = OutputLock.acquire(folder, Duration.ZERO, Clock.systemUTC())) {
            System.out.println(args[0].equals("hold") ? "held" : "acquired");
            System.out.flush();
            if (args[0].equals("hold")) {
                while (System.in.read() >= 0) {
                    // wait for the parent to close our input
                }
            }
        } catch (OutputLockedException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }

    /** Starts a probe in a new JVM with this test's class path. */
    static Process start(String mode, Path folder) throws IOException {
        return new ProcessBuilder(ChildJvm.command(LockProbe.class.getName(), mode, folder.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
