package dev.feedwright.corpus;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Finds the article files under the corpus folder: regular files whose path relative to the folder
 * matches the include glob, in sub-folders too. Hidden files and folders (names starting with a
 * dot) are passed over, and symbolic links are not followed, so that the walk cannot loop or leave
 * the folder. A file or folder that cannot be read is handed over too, for the reader to report.
 * Files are handed over as they are found, never collected, so a corpus of any size costs no
 * memory here.
 */
public final class CorpusScanner {

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
        scanWithAttributes((file, attributes) -> sink.accept(file));
    }

    /**
     * Walks the folder and hands every matching file to {@code sink} with the attributes the walk
     * read (its size and modification time), or null for a file that could not be looked at.
     */
    public void scanWithAttributes(BiConsumer<Path, BasicFileAttributes> sink) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("corpus folder " + root + " does not exist or is not a folder");
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isHidden(file) && matches(root.relativize(file))) {
                    sink.accept(file, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(root)) {
                    throw e;
                }
                // Handed on, so that the reader reports it as a file it could not read.
                sink.accept(file, null);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private boolean matches(Path relative) {
        if (relative.getNameCount() == 1 && includeAtTop != include) {
            return includeAtTop.matches(relative) || include.matches(relative);
        }
        return include.matches(relative);
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** A file's name relative to the corpus folder, with {@code /} separators, as used in messages and ordering. */
    public static String sourceName(Path root, Path file) {
        Path relative = file.startsWith(root) ? root.relativize(file) : file;
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
