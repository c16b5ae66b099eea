package dev.feedwright.schedule;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.feedwright.corpus.CorpusScanner;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the corpus folder and its sub-folders (registering new ones as they appear) and calls
 * back once the folder has been quiet for the quiet period after a change: copying 10,000 files
 * gives one call, not 10,000. Only changes that matter count: an article file (by the corpus's
 * include glob) added, changed or removed, or a folder added or removed; hidden files and folders
 * (names starting with a dot) are passed over as the corpus scanner passes them over. When the
 * operating system drops events (an overflow), that counts as a change too.
 *
 * <p>Runs on its own thread until {@link #close()}. A corpus folder that does not exist yet is
 * waited for; when it appears, that is a change.
 */
final class CorpusWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);
    private static final long IDLE_POLL_MILLIS = 1000;

    private final Path root;
    private final PathMatcher include;
    private final PathMatcher includeAtTop;
    private final long quietNanos;
    private final Runnable onChange;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Set<Path> registered = new HashSet<>();
    private final Thread thread;
    private volatile boolean closed;
    private long lastChange;
    private boolean pending;
    /** The file system's identity of the folder watched as the root, to notice one renamed into its place. */
    private Object rootKey;
    private long lastRootCheck;
    /** Whether {@link #start} found the folder and registered it; written before the thread starts. */
    private boolean watching;

    /**
     * @param root     the corpus folder
     * @param include  the corpus's include glob, relative to the folder; a leading {@code **}{@code /}
     *                 also matches files directly in it, as in the scanner
     * @param quiet    how long the folder must stay unchanged before {@code onChange} is called
     * @param onChange called on the watcher's thread; should return quickly
     */
    CorpusWatcher(Path root, String include, Duration quiet, Runnable onChange) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.include = FileSystems.getDefault().getPathMatcher("glob:" + include);
        this.includeAtTop = include.startsWith("**/")
                ? FileSystems.getDefault().getPathMatcher("glob:" + include.substring(3)) : this.include;
        this.quietNanos = quiet.toNanos();
        this.onChange = onChange;
        this.service = this.root.getFileSystem().newWatchService();
        this.thread = new Thread(this::loop, "feedwright-watch");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching. A folder that exists is registered before this returns, on the caller's
     * thread, so that a change made once the daemon has started (even before its run at start
     * reads the corpus) is never missed; one that does not is waited for on the watcher's thread.
     */
    void start() {
        if (Files.isDirectory(root)) {
            rootKey = identity();
            registerTree(root);
            watching = true;
        }
        thread.start();
    }

    private void loop() {
        try {
            if (!watching) {
                awaitRoot();
            }
            while (!closed) {
                WatchKey key = pending ? service.poll(Math.max(1, lastChange + quietNanos - System.nanoTime()),
                        TimeUnit.NANOSECONDS) : service.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    handle(key);
                }
                if (System.nanoTime() - lastRootCheck >= TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MILLIS)) {
                    lastRootCheck = System.nanoTime();
                    watchAgainIfRootReplaced();
                }
                if (pending && System.nanoTime() - lastChange >= quietNanos && !closed) {
                    pending = false;
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        } catch (RuntimeException e) {
            LOG.error("watching {} stopped: {}", root, e.toString(), e);
        }
    }

    /** Registers the folder once it exists; a folder that appears late is a change. */
    private void awaitRoot() throws InterruptedException {
        boolean waited = false;
        while (!closed) {
            if (Files.isDirectory(root)) {
                rootKey = identity();
                registerTree(root);
                if (waited) {
                    changed();
                }
                return;
            }
            if (!waited) {
                LOG.warn("the corpus folder {} does not exist; watching for it to appear", root);
                waited = true;
            }
            Thread.sleep(IDLE_POLL_MILLIS);
        }
    }

    private void handle(WatchKey key) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                registerTree(root);
                changed();
                continue;
            }
            if (folder == null) {
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (isHidden(path)) {
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                // Files may have landed in it before it was registered; they are read by the run anyway.
                registerTree(path);
                changed();
            } else if (event.kind() == ENTRY_DELETE && registered.contains(path)) {
                // Removed, or renamed: a folder made again under this name must be watched anew.
                forget(path);
                changed();
            } else if (isArticle(path) || registered.contains(path)) {
                changed();
            }
        }
        if (!key.reset()) {
            folders.remove(key);
            registered.remove(folder);
            changed();
            if (root.equals(folder)) {
                LOG.warn("the corpus folder {} is gone; watching for it to come back", root);
                try {
                    watchRootAnew();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    /**
     * Watches the corpus folder anew when another folder took its name (renamed into place, or a
     * symbolic link pointed elsewhere) or it was renamed away: the watch is on the folder itself,
     * which would otherwise go on reporting the old one's changes and none of the new one's.
     */
    private void watchAgainIfRootReplaced() throws InterruptedException {
        Object now = identity();
        // Without an identity (gone, or a file system that has none) only a missing folder counts.
        if (now == null ? Files.isDirectory(root) : now.equals(rootKey)) {
            return;
        }
        LOG.info("the corpus folder {} was replaced or moved; watching it anew", root);
        changed();
        watchRootAnew();
    }

    /** Forgets every folder watched and watches the corpus folder again once it exists. */
    private void watchRootAnew() throws InterruptedException {
        forget(root);
        awaitRoot();
    }

    /** The root's identity with links followed (on Unix, its device and inode); null when it is gone or has none. */
    private Object identity() {
        try {
            return Files.readAttributes(root, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Stops watching {@code gone} and every folder under it, so that folders made again there are watched. */
    private void forget(Path gone) {
        registered.removeIf(dir -> dir.startsWith(gone));
        folders.entrySet().removeIf(entry -> {
            if (entry.getValue().startsWith(gone)) {
                entry.getKey().cancel();
                return true;
            }
            return false;
        });
    }

    private void changed() {
        pending = true;
        lastChange = System.nanoTime();
    }

    private boolean isArticle(Path path) {
        Path relative = root.relativize(path);
        return include.matches(relative) || relative.getNameCount() == 1 && includeAtTop.matches(relative);
    }

    private boolean isHidden(Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void registerTree(Path start) {
        try {
            CorpusScanner.walkTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && isHidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (registered.add(dir)) {
                        try {
                            folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
                        } catch (NoSuchFileException e) {
                            registered.remove(dir);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot watch {} for changes: {}", start, e.toString());
        }
    }

    /** Stops watching; a change still in its quiet period is dropped. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service failed: {}", e.toString());
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
