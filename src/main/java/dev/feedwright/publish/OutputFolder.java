package dev.feedwright.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The output folder, written safely.
 *
 * <ul>
 *   <li>Every file is written to a temporary file beside it and renamed into place, so a reader or
 *       a server never sees half a file, and a crash or kill at any moment leaves the previous file
 *       whole. Temporary files left by a killed run are removed by the next one.</li>
 *   <li>A file whose bytes would not change is not written at all: its modification time stays,
 *       and so do HTTP validators based on it.</li>
 *   <li>Only files Feedwright wrote are ever deleted. A manifest lists them; it is widened before
 *       any new file is written and narrowed after stale files are deleted, so that a crash at any
 *       point leaves no file of ours unlisted.</li>
 *   <li>No path can leave the folder: relative paths are checked, and folders are resolved to their
 *       real location before anything is written in them.</li>
 * </ul>
 *
 * <p>Callers hold the folder's {@link OutputLock} for as long as they use it. {@link #write} is
 * safe to call from several threads for different paths.
 */
public final class OutputFolder {

    /** The manifest of files this program wrote, relative to the folder, one per line. */
    public static final String MANIFEST = ".feedwright-files";

    private static final String TEMP_SUFFIX = ".fw-tmp";
    private static final Pattern SAFE_PATH = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");

    private final Path root;
    private final Path realRoot;
    private final boolean sync;
    private final Set<String> previous;
    private final AtomicLong tempCounter = new AtomicLong();
    /** Folders this run created or found inside the root: checked once each, not for every file. */
    private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();

    private OutputFolder(Path root, Path realRoot, boolean sync, Set<String> previous) {
        this.root = root;
        this.realRoot = realRoot;
        this.sync = sync;
        this.previous = previous;
    }

    /**
     * Opens a folder, creating it if needed, removing temporary files a killed run left behind and
     * reading the manifest of files written before.
     *
     * @param sync whether to flush each file to disk before renaming it into place, so that a
     *             power cut cannot leave an empty file behind
     */
    public static OutputFolder open(Path root, boolean sync) throws IOException {
        Files.createDirectories(root);
        Path realRoot = root.toRealPath();
        removeTemporaryFiles(realRoot);
        return new OutputFolder(root, realRoot, sync, readManifest(realRoot.resolve(MANIFEST)));
    }

    public Path root() {
        return root;
    }

    /** The files the previous runs wrote, as listed in the manifest. */
    public Set<String> previousFiles() {
        return Set.copyOf(previous);
    }

    /**
     * Records, before anything is written, every file this run may write and every file it keeps,
     * so that a crash during the run still leaves them listed as ours; first checks that every file
     * it may write can be written (see {@link #checkWritable}).
     *
     * @param kept    files of the last run that stay as they are
     * @param written files this run may write
     * @throws IOException naming the first path that cannot be written; nothing was changed
     */
    public void plan(Collection<String> kept, Collection<String> written) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        for (String path : written) {
            folders.add(checkWritable(path, resolve(path)));
        }
        for (Path folder : folders) {
            probe(folder);
        }
        Set<String> union = new TreeSet<>(previous);
        union.addAll(kept);
        union.addAll(written);
        writeManifest(union);
    }

    /**
     * Checks, before anything is replaced, that {@code target} can be written: every folder on its
     * way is a folder inside the root or absent, and the target is absent or a regular file this
     * process may open for writing (an immutable or locked file may not). A run that would fail
     * half way fails here, with every previous file untouched.
     *
     * @return the nearest folder on the way that exists, for {@link #probe}
     */
    private Path checkWritable(String path, Path target) throws IOException {
        Path existing = target.getParent();
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw new IOException("cannot write " + target + ": " + existing + " is in the way and is not a folder");
        }
        if (!existing.toRealPath().startsWith(realRoot)) {
            throw new IOException("refusing to write " + path + ": its folder leads outside " + root);
        }
        if (!existing.equals(target.getParent()) || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return existing;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot write " + target + ": something that is not a regular file is in the way");
        }
        try {
            FileChannel.open(target, StandardOpenOption.WRITE).close();
        } catch (AccessDeniedException e) {
            // Another user's file (one written by an export run by hand as root, say) is replaced
            // by a rename, which the folder's permission allows (probed), unless the folder is
            // sticky; an immutable file fails the open with another error.
            if (isSticky(existing) && !isOurs(target)) {
                throw new IOException("cannot write " + target + ": permission denied, and its folder is sticky"
                        + " (only the file's owner may replace it there)", e);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
        return existing;
    }

    /** Whether this process's user owns {@code file}. */
    private static boolean isOurs(Path file) {
        try {
            return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(file.getFileSystem()
                    .getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether only a file's owner may rename or delete it in {@code folder} (the sticky bit, as on /tmp). */
    private static boolean isSticky(Path folder) {
        try {
            return ((Integer) Files.getAttribute(folder, "unix:mode") & 01000) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
    }

    /** Creates and deletes a temporary file in {@code folder}: what every write there needs. */
    private void probe(Path folder) throws IOException {
        Path temp = folder.resolve(".probe." + ProcessHandle.current().pid() + "-" + tempCounter.incrementAndGet()
                + TEMP_SUFFIX);
        try {
            Files.createFile(temp);
        } catch (IOException e) {
            throw new IOException("cannot write in " + folder + ": " + reason(e), e);
        }
        Files.delete(temp);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
        }
        return String.valueOf(e.getMessage());
    }

    /** What {@link #write} did. */
    public enum Outcome { WRITTEN, UNCHANGED }

    /**
     * Writes a file atomically, unless it already holds exactly these bytes.
     *
     * @throws IOException when the path is taken by something that is not a regular file, or the
     *                     file cannot be written
     */
    public Outcome write(String path, byte[] bytes) throws IOException {
        Path target = resolve(path);
        // Looked at once: whether something else is in the way, the size to compare, the mode to keep.
        BasicFileAttributes existing = attributes(target);
        if (existing != null && !existing.isRegularFile()) {
            throw new IOException("cannot write " + target + ": something that is not a regular file is in the way");
        }
        Path parent = target.getParent();
        if (!checkedFolders.contains(parent)) {
            Files.createDirectories(parent);
            if (!parent.toRealPath().startsWith(realRoot)) {
                throw new IOException("refusing to write " + path + ": its folder leads outside " + root);
            }
            checkedFolders.add(parent);
        }
        if (existing != null && sameBytes(target, existing, bytes)) {
            return Outcome.UNCHANGED;
        }
        Path temp = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + tempCounter.incrementAndGet() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (sync) {
                    channel.force(true);
                }
            }
            if (existing instanceof PosixFileAttributes replaced) {
                keepModeAndGroup(replaced, temp);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // A full disk's error ("No space left on device") names no file.
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            Files.deleteIfExists(temp);
        }
        return Outcome.WRITTEN;
    }

    /**
     * Gives the new version of a file the permissions and group of the one it replaces, as an
     * operator may have set them (a group the web server reads through, say): a new file gets
     * the umask's, and would lock that reader out of every feed that changed. A group this
     * process may not give (one it is not a member of) is left as it is.
     */
    private static void keepModeAndGroup(PosixFileAttributes old, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes now = view.readAttributes();
        if (!now.group().equals(old.group())) {
            try {
                view.setGroup(old.group());
            } catch (IOException e) {
                // Not a member of that group: the folder's or the user's group it is.
            }
        }
        if (!now.permissions().equals(old.permissions())) {
            view.setPermissions(old.permissions());
        }
    }

    /**
     * Deletes the files the previous runs wrote that this run did not keep, then records
     * {@code kept} as the manifest.
     *
     * @return the paths that were deleted, sorted
     */
    public List<String> finish(Collection<String> kept) throws IOException {
        Set<String> keep = Set.copyOf(kept);
        List<String> deleted = new ArrayList<>();
        for (String path : new TreeSet<>(previous)) {
            if (keep.contains(path) || !SAFE_PATH.matcher(path).matches()) {
                continue;
            }
            Path file = resolve(path);
            if (!isInsideRoot(file.getParent())) {
                continue;
            }
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file)) {
                deleted.add(path);
            }
            removeEmptyParents(file.getParent());
        }
        writeManifest(new TreeSet<>(keep));
        previous.clear();
        previous.addAll(keep);
        return deleted;
    }

    /** Whether {@code folder} exists and, with symbolic links followed, lies inside the root. */
    private boolean isInsideRoot(Path folder) throws IOException {
        try {
            return folder.toRealPath().startsWith(realRoot);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private void removeEmptyParents(Path folder) throws IOException {
        while (folder != null && !folder.equals(realRoot) && folder.startsWith(realRoot)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                if (entries.iterator().hasNext()) {
                    return;
                }
            } catch (NoSuchFileException e) {
                return;
            }
            Files.deleteIfExists(folder);
            folder = folder.getParent();
        }
    }

    private Path resolve(String path) throws IOException {
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            throw new IOException("refusing to write '" + path + "': not a safe relative path");
        }
        Path target = realRoot.resolve(path).normalize();
        if (!target.startsWith(realRoot)) {
            throw new IOException("refusing to write '" + path + "': it leads outside " + root);
        }
        return target;
    }

    private static boolean sameBytes(Path target, BasicFileAttributes existing, byte[] bytes) throws IOException {
        try {
            return existing.size() == bytes.length && Arrays.equals(Files.readAllBytes(target), bytes);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * What a path is, not following a link: POSIX attributes where the file system has them (their
     * mode and group are kept when the file is replaced), else the basic ones; null when nothing is there.
     */
    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            try {
                return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException e) {
                return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void writeManifest(Set<String> paths) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String path : paths) {
            text.append(path).append('\n');
        }
        Path manifest = realRoot.resolve(MANIFEST);
        Path temp = realRoot.resolve(MANIFEST + "." + ProcessHandle.current().pid() + TEMP_SUFFIX);
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot write " + manifest + ": " + reason(e), e);
        }
    }

    private static Set<String> readManifest(Path manifest) throws IOException {
        Set<String> paths = new TreeSet<>();
        if (!Files.isRegularFile(manifest)) {
            return paths;
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (SAFE_PATH.matcher(line).matches() && !line.contains("..")) {
                paths.add(line);
            }
        }
        return paths;
    }

    /**
     * Removes the temporary files of a killed run from the folders files are written to: the
     * output folder and its {@link FeedLayout#FOLDERS}. Other folders are never looked into: an
     * operator's own, or a volume's {@code lost+found} that only root can read, stay as they are.
     */
    private static void removeTemporaryFiles(Path root) throws IOException {
        removeTemporaryFilesIn(root);
        for (String folder : FeedLayout.FOLDERS) {
            Path below = root.resolve(folder);
            if (Files.isDirectory(below, LinkOption.NOFOLLOW_LINKS)) {
                removeTemporaryFilesIn(below);
            }
        }
    }

    private static void removeTemporaryFilesIn(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(TEMP_SUFFIX)
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }
}
