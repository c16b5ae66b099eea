package dev.feedwright.corpus;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Finds the article files under the corpus folder: files whose path relative to the folder
 * matches the include glob, in sub-folders too. Hidden files and folders (names starting with a
 * dot) and {@code lost+found} folders are passed over, and symbolic links below the folder are not followed, so that the walk
 * cannot loop or leave the folder (the folder itself may be a link). A file or folder that cannot
 * be read is handed over too, for the reader to report, and so is a link, pipe, device or socket
 * the glob matches: the reader reads none of them ({@link FileBytes}) but says why. Files are handed over as they are found,
 * never collected, so a corpus of any size costs no memory here (a walk may keep the list of its
 * folders, one path per folder).
 */
public final class CorpusScanner {

    /**
     * The character set the JVM decodes file names with: the locale's, fixed at its start. In a
     * locale that is not UTF-8 (cron's or a container's POSIX one) a name that is not ASCII reads
     * with U+FFFD in place of its letters, may read as another file's name and does not lead back
     * to its file, so a walk that meets one stops the run before anything is written.
     */
    static final String NAME_CHARSET = System.getProperty("sun.jnu.encoding", "UTF-8");
    private static final boolean NAMES_IN_UTF8 = isUtf8(NAME_CHARSET);

    /** Where a walk hands on what it found. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param file       the file
         * @param source     its name relative to the corpus folder (see {@link #sourceName})
         * @param attributes what the walk read (its size and modification time), or null for a
         *                   file that could not be looked at
         */
        void accept(Path file, String source, BasicFileAttributes attributes);
    }

    /** Where a file system keeps what its check recovered: never articles. */
    private static final String LOST_AND_FOUND = "lost+found";

    private final Path root;
    private final PathMatcher include;
    private final PathMatcher includeAtTop;

    /**
     * @param root    the corpus folder
     * @param include a glob such as {@code **}{@code /*.{md,txt}}; a leading {@code **}{@code /}
     *                also matches files directly in the folder
     */
    public CorpusScanner(Path root, String include) {
        this.root = root;
        this.include = FileSystems.getDefault().getPathMatcher("glob:" + include);
        this.includeAtTop = include.startsWith("**/")
                ? FileSystems.getDefault().getPathMatcher("glob:" + include.substring(3)) : this.include;
    }

    /**
     * Walks the folder and hands every matching file to {@code sink}.
     *
     * @throws IOException when the folder itself cannot be read; unreadable sub-folders are skipped
     */
    public void scan(Consumer<Path> sink) throws IOException {
        scanWithAttributes((file, source, attributes) -> sink.accept(file));
    }

    /** Walks the folder and hands every matching file to {@code sink}, with its source name and attributes. */
    public void scanWithAttributes(Sink sink) throws IOException {
        walk(sink, folder -> { });
    }

    /**
     * Whether the folder holds a file that a walk would hand on (an article file, or one it could
     * not look at). The walk stops at the first.
     */
    public boolean holdsAnArticle() throws IOException {
        try {
            walk((file, source, attributes) -> {
                throw new Found();
            }, folder -> { });
            return false;
        } catch (Found found) {
            return true;
        }
    }

    /** Ends a walk at its first file; {@code walkFileTree} passes it on, closing what it opened. */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Found() {
            super(null, null, false, false);
        }
    }

    /**
     * Like {@link #scanWithAttributes}, and returns the folders the walk went through (the corpus
     * folder first), for {@link #rescan}; or nothing when there were more than {@code most} of
     * them, so that memory stays bounded however the corpus is laid out.
     */
    public Optional<List<Path>> scanFolders(Sink sink, int most)
            throws IOException {
        List<Path> folders = new ArrayList<>();
        boolean[] tooMany = {false};
        walk(sink, folder -> {
            if (folders.size() < most) {
                folders.add(folder);
            } else {
                tooMany[0] = true;
            }
        });
        return tooMany[0] ? Optional.empty() : Optional.of(folders);
    }

    /**
     * Hands {@code sink} again what a walk would, of the files in {@code folders} whose source
     * name (see {@link #sourceName}) {@code wanted} accepts, reading only those files' attributes:
     * listing a folder costs far less than looking at each of its files. A folder that could not
     * be read is handed on with null attributes, as a walk does; one that was not among
     * {@code folders} and can be read came after them, and is left to the next walk.
     *
     * @param folders what {@link #scanFolders} returned
     */
    public void rescan(List<Path> folders, Predicate<String> wanted, Sink sink) throws IOException {
        Set<Path> known = new HashSet<>(folders);
        for (Path folder : folders) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (!known.contains(entry)) {
                        String source = sourceName(root, entry);
                        if (wanted.test(source)) {
                            look(entry, source, sink);
                        }
                    }
                }
            } catch (IOException | DirectoryIteratorException e) {
                if (folder.equals(root)) {
                    throw e instanceof IOException io ? io : ((DirectoryIteratorException) e).getCause();
                }
                // Gone or unreadable since the walk: the next walk sees what it is now.
            }
        }
    }

    /** One entry of a folder, handed on as the walk would hand it on. */
    private void look(Path entry, String source, Sink sink) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            sink.accept(entry, source, null);
            return;
        }
        if (attributes.isDirectory()) {
            if (!isPassedOver(entry.getFileName().toString()) && !canList(entry)) {
                sink.accept(entry, source, null);
            }
            return;
        }
        if (article(entry, attributes) != null) {
            sink.accept(entry, source, attributes);
        }
    }

    private static boolean canList(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return entries != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether this JVM reads file names as UTF-8. In a locale that is not (the POSIX one: {@code
     * LANG} unset, as in cron and many containers) it cannot even name a file that is not ASCII,
     * and a walk that meets one stops.
     */
    public static boolean readsNamesAsUtf8() {
        return NAMES_IN_UTF8;
    }

    private static boolean isUtf8(String charset) {
        try {
            return Charset.forName(charset).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Fails naming the corpus folder when it is missing or is not a folder (a file given in its
     * place): what a run checks before it opens anything else, and every walk. A relative folder
     * is named with the folder it was taken from as well ({@code seeds (/srv/seeds)}), since a job
     * run from another working folder (cron's is the home folder) looks there.
     */
    public static void requireFolder(Path root) throws FileSystemException {
        if (!Files.isDirectory(root)) {
            String name = root.isAbsolute() ? root.toString()
                    : root + " (" + root.toAbsolutePath().normalize() + ")";
            if (Files.exists(root)) {
                throw new FileSystemException(name, null, "the corpus must be a folder of articles, not a file");
            }
            throw new NoSuchFileException(name, null, "the corpus folder does not exist");
        }
    }

    private void walk(Sink sink, Consumer<Path> folders) throws IOException {
        requireFolder(root);
        walkTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && isPassedOver(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                folders.accept(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String source = article(file, attrs);
                if (source != null) {
                    if (!NAMES_IN_UTF8 && source.indexOf('\uFFFD') >= 0) {
                        throw new FileSystemException(root.toString(), null, "the file name '" + source
                                + "' cannot be read in this locale's character set (" + NAME_CHARSET + "): run"
                                + " Feedwright in a UTF-8 locale (LC_ALL=C.UTF-8; ./feedwright sets one), so that"
                                + " names which are not ASCII are read as written");
                    }
                    sink.accept(file, source, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(root)) {
                    throw e;
                }
                // Handed on, so that the reader reports it as a file it could not read; but not a
                // hidden name, nor one gone (deleted while the walk went by, as rsync's temporary
                // files are) that is no article by corpus.include: neither was ever an article.
                String source = sourceName(root, file);
                Path relative = relative(root, file);
                if (isHidden(source) || LOST_AND_FOUND.equals(file.getFileName().toString())
                        || e instanceof NoSuchFileException && (relative == null || !matches(relative))) {
                    return FileVisitResult.CONTINUE;
                }
                sink.accept(file, source, null);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * {@link Files#walkFileTree(Path, FileVisitor)}, except that a start which is a symbolic link to
     * a folder is walked as that folder, under the link's own path: a corpus folder is often a link
     * (to a mounted volume, to the current release), and {@code walkFileTree} would see only the
     * link and hand on nothing. Links below the start are still not followed, so that a walk cannot
     * loop or leave the folder. Under a linked start, a visitor's {@code TERMINATE} or
     * {@code SKIP_SIBLINGS} for anything below it ends only the walk of that entry; the visitors
     * here return neither.
     */
    public static void walkTree(Path start, FileVisitor<Path> visitor) throws IOException {
        if (!Files.isSymbolicLink(start) || !Files.isDirectory(start)) {
            Files.walkFileTree(start, visitor);
            return;
        }
        BasicFileAttributes attributes;
        DirectoryStream<Path> entries;
        try {
            attributes = Files.readAttributes(start, BasicFileAttributes.class);
            entries = Files.newDirectoryStream(start);
        } catch (IOException e) {
            visitor.visitFileFailed(start, e);
            return;
        }
        try (entries) {
            if (visitor.preVisitDirectory(start, attributes) != FileVisitResult.CONTINUE) {
                return;
            }
            IOException failure = null;
            try {
                for (Path entry : entries) {
                    Files.walkFileTree(entry, visitor);
                }
            } catch (DirectoryIteratorException e) {
                failure = e.getCause();
            }
            visitor.postVisitDirectory(start, failure);
        }
    }

    /**
     * The source name of a file the walk or a rescan looked at when it is handed on (a visible
     * entry the glob matches that is not a folder), else null. The relative path is made once, for the name and
     * the glob (a path keeps its string): making it and its parts again for every file cost a
     * walk of 50,000 files about 0.08 s of its 0.6 s.
     */
    private String article(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return null;
        }
        Path relative = relative(root, file);
        if (relative == null) {
            return null;
        }
        String source = sourceName(relative);
        return isHidden(source) || !matches(relative) ? null : source;
    }

    private boolean matches(Path relative) {
        if (relative.getNameCount() == 1 && includeAtTop != include) {
            return includeAtTop.matches(relative) || include.matches(relative);
        }
        return include.matches(relative);
    }

    /**
     * Whether a folder is passed over with what it holds: a hidden one, and a volume's
     * {@code lost+found} (a corpus on its own volume has one, that only root can read).
     */
    private static boolean isPassedOver(String folderName) {
        return isHidden(folderName) || LOST_AND_FOUND.equals(folderName);
    }

    /** Whether the last name of a {@code /}-separated path (or a bare name) starts with a dot. */
    private static boolean isHidden(String path) {
        return path.startsWith(".", path.lastIndexOf('/') + 1);
    }

    /**
     * A path under {@code root} relative to it: its names after those of {@code root}; null for a
     * path that is not under {@code root}. The same as {@code root.relativize(file)} for a path
     * under it, and a few times cheaper (relativize also handles paths that go up and out, which
     * no file found under the folder does); the walk of a 50,000-file corpus spent 0.2 s of its
     * 0.7 s in relativize.
     */
    static Path relative(Path root, Path file) {
        if (!file.startsWith(root)) {
            return null;
        }
        int skip = root.toString().isEmpty() ? 0 : root.getNameCount();
        return file.getNameCount() > skip ? file.subpath(skip, file.getNameCount()) : root.relativize(file);
    }

    /** A file's name relative to the corpus folder, with {@code /} separators, as used in messages and ordering. */
    public static String sourceName(Path root, Path file) {
        Path under = relative(root, file);
        return sourceName(under == null ? file : under);
    }

    private static String sourceName(Path relative) {
        if (relative.getRoot() == null && relative.getFileSystem().getSeparator().equals("/")) {
            return relative.toString();
        }
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }
}
