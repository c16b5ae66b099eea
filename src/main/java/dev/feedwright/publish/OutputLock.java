package dev.feedwright.publish;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An exclusive lock on an output folder, shared by every Feedwright process and thread that writes
 * there: a one-shot export from cron and a daemon cannot write the same folder at once. The holder
 * writes its process id, host and start time into the lock file, so that a run that has to wait
 * can say who holds it. The operating system releases the lock when the process dies, so a killed
 * run never leaves the folder locked.
 */
public final class OutputLock implements AutoCloseable {

    /** The lock file's name in the output folder. */
    public static final String FILE_NAME = ".feedwright.lock";

    private static final long POLL_MILLIS = 200;

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code folder}, waiting up to {@code wait} for another holder to let go.
     *
     * @throws OutputLockedException when the lock is still held after {@code wait}
     */
    public static OutputLock acquire(Path folder, Duration wait, Clock clock) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            Instant deadline = clock.instant().plus(wait);
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    writeHolder(channel, clock);
                    return new OutputLock(channel, lock);
                }
                if (!clock.instant().isBefore(deadline)) {
                    throw new OutputLockedException("output folder " + folder + " is locked by another run ("
                            + holder(file) + "); waited " + wait.toSeconds() + " s");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new OutputLockedException("interrupted while waiting for the lock on " + folder);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void writeHolder(FileChannel channel, Clock clock) throws IOException {
        String holder = "pid " + ProcessHandle.current().pid() + " on " + host() + " since " + clock.instant() + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    private static String host() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(at + 1) : "this host";
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
