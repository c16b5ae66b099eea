package dev.feedwright.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of its own (a tmpfs mounted on a test's folder), for tests of a full disk.
 * Mounting needs root on Linux: tests assume {@link #mount} worked and are skipped elsewhere.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (as mount takes it: 64k, 1m) on {@code dir}, or returns null. */
    public static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        return succeeds("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()) ? new SmallDisk(dir) : null;
    }

    /** The folder it is mounted on. */
    public Path dir() {
        return dir;
    }

    /** Fills it up but for {@code room} bytes, with a file named {@code filler}. */
    public Path fill(long room) throws IOException {
        Path filler = dir.resolve("filler");
        Files.write(filler, new byte[(int) (Files.getFileStore(dir).getUsableSpace() - room)]);
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!succeeds("umount", dir.toString())) {
            throw new IOException("cannot unmount " + dir);
        }
    }

    /** Runs a command, true when it exits with 0; false also when it cannot be started. */
    public static boolean succeeds(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
