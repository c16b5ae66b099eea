package dev.feedwright.publish;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An exclusive lock on an output folder, shared by every Feedwright process and thread that writes
 * there: a one-shot export from cron and a daemon cannot write the same folder at once. The same
 * kind of lock, on a file of its own in the state folder, keeps two link checks from requesting
 * every link twice ({@link #acquireForLinkCheck}). The holder writes its process id, host and
 * start time into the lock file, so that a run that has to wait can say who holds it. The
 * operating system releases the lock when the process dies, so a killed run never leaves the
 * folder locked.
 */
public final class OutputLock implements AutoCloseable {

    /** The lock file's name in the output folder. */
    public static final String FILE_NAME = ".feedwright.lock";

    /** The link check's lock file's name in the state folder. */
    public static final String LINK_CHECK_FILE_NAME = "links.lock";

    /** The export's lock file's name in the state folder. */
    public static final String EXPORT_FILE_NAME = "export.lock";
    /** The file a daemon locks in its state folder while it runs. */
    public static final String DAEMON_FILE_NAME = "daemon.lock";

    private static final long POLL_MILLIS = 200;

    /**
     * The lock files this process holds, with their holder. The operating system's lock belongs to
     * the whole process, and closing any channel on the file drops it, so a second acquirer in this
     * process waits here and never opens the file. Process-wide like the JVM's own lock table.
     */
    private static final ConcurrentMap<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code folder}, waiting up to {@code wait} for another holder to let go.
     *
     * @throws OutputLockedException when the lock is still held after {@code wait}
     */
    public static OutputLock acquire(Path folder, Duration wait, Clock clock) throws IOException {
        return acquire(folder, FILE_NAME, "output folder " + folder + " is locked by another run", wait, clock);
    }

    /**
     * Takes the lock that a link check holds on {@code stateFolder}, waiting up to {@code wait} for
     * another link check to end. It is not the output folder's lock (its file is another), so an
     * export that checks its links first takes one after the other, never both at once.
     *
     * @throws OutputLockedException when the lock is still held after {@code wait}
     */
    public static OutputLock acquireForLinkCheck(Path stateFolder, Duration wait, Clock clock) throws IOException {
        return acquire(stateFolder, LINK_CHECK_FILE_NAME,
                "state folder " + stateFolder + " is locked by another link check", wait, clock);
    }

    /**
     * Takes the lock an export holds on {@code stateFolder} while it holds its output folder's:
     * two exports into different output folders with one state folder (a daemon, and an export
     * into a folder to look at first) would otherwise read and write one database's rows at once,
     * and each publish feeds the other had half changed. Taken after the output folder's lock,
     * always, so that two runs never wait for each other.
     *
     * @throws OutputLockedException when the lock is still held after {@code wait}
     */
    public static OutputLock acquireForExport(Path stateFolder, Duration wait, Clock clock) throws IOException {
        return acquire(stateFolder, EXPORT_FILE_NAME,
                "state folder " + stateFolder + " is used by another export", wait, clock);
    }

    /**
     * Takes, without waiting, the lock a daemon holds on {@code stateFolder} for as long as it
     * runs: a second daemon on one state folder would write its own status over the first's
     * ({@code status.json}, which tells an operator which build is running).
     *
     * @throws OutputLockedException when another daemon holds it
     */
    public static OutputLock acquireForDaemon(Path stateFolder, Clock clock) throws IOException {
        return acquire(stateFolder, DAEMON_FILE_NAME, "state folder " + stateFolder + " is used by another daemon",
                Duration.ZERO, clock);
    }

    /** Takes the lock of {@code fileName} in {@code folder}; {@code locked} says so when it cannot be had. */
    private static OutputLock acquire(Path folder, String fileName, String locked, Duration wait, Clock clock)
            throws IOException {
        if (Files.isSymbolicLink(folder) && !Files.exists(folder)) {
            // createDirectories would say only that something is in the way.
            throw new NoSuchFileException(folder.toString(), null, "the folder is a symbolic link to "
                    + Files.readSymbolicLink(folder) + ", which does not exist");
        }
        Files.createDirectories(folder);
        Path file = folder.toRealPath().resolve(fileName);
        Instant deadline = clock.instant().plus(wait);
        boolean registered = false;
        try {
            while (HELD_HERE.putIfAbsent(file, "pid " + ProcessHandle.current().pid() + " on " + host()) != null) {
                pause(locked, wait, deadline, clock, HELD_HERE.getOrDefault(file, "holder unknown"));
            }
            registered = true;
            return lockFile(locked, file, wait, deadline, clock);
        } catch (IOException | RuntimeException e) {
            if (registered) {
                HELD_HERE.remove(file);
            }
            throw e;
        } catch (InterruptedException e) {
            if (registered) {
                HELD_HERE.remove(file);
            }
            Thread.currentThread().interrupt();
            throw new OutputLockedException("interrupted while waiting for the lock on " + folder);
        }
    }

    /** Takes the operating system's lock, which no other thread of this process is after. */
    private static OutputLock lockFile(String locked, Path file, Duration wait, Instant deadline, Clock clock)
            throws IOException, InterruptedException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    HELD_HERE.put(file, writeHolder(channel, clock));
                    return new OutputLock(file, channel, lock);
                }
                pause(locked, wait, deadline, clock, holder(file));
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            channel.close();
            throw e;
        }
    }

    private static void pause(String locked, Duration wait, Instant deadline, Clock clock, String holder)
            throws OutputLockedException, InterruptedException {
        if (!clock.instant().isBefore(deadline)) {
            String waited = wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
            throw new OutputLockedException(locked + " (" + holder + "); waited " + waited);
        }
        Thread.sleep(POLL_MILLIS);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String writeHolder(FileChannel channel, Clock clock) throws IOException {
        String holder = "pid " + ProcessHandle.current().pid() + " on " + host() + " since " + clock.instant();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return holder;
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    /**
     * This machine's name, as the JVM's runtime bean would give it (it asks the same), without
     * starting the management beans: 15 ms of every run.
     */
    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this host";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        } finally {
            HELD_HERE.remove(file);
        }
    }
}
