package dev.feedwright.pipeline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The words for an I/O failure of a run, for the command line and the daemon's log and status.
 * The JDK names some failures by their path alone ({@code Files.createDirectories} on a path
 * that is a file throws an exception whose message is just {@code /srv/state}); those get what
 * happened added.
 */
public final class IoFailures {

    private IoFailures() {
    }

    /** The failure's message, with what happened when the JDK gives only a path. */
    public static String describe(IOException e) {
        if (!(e instanceof FileSystemException failure) || failure.getFile() == null) {
            return e.getMessage();
        }
        if (failure.getReason() != null) {
            // The system's ENOTDIR does not say which parent is a file, and its words are in the
            // system's language, so the file system is asked instead of the message.
            Path file = fileOnTheWay(failure.getFile());
            return file == null ? e.getMessage() : failure.getFile() + ": " + file + " is a file, where a folder is needed";
        }
        return failure.getMessage() + ": " + what(failure);
    }

    /**
     * The file among a path's parents, if one is: then the failure was the system's {@code ENOTDIR}
     * ("Not a directory" in English), which means that one of them is a file but does not say which.
     */
    private static Path fileOnTheWay(String path) {
        try {
            for (Path parent = Path.of(path).getParent(); parent != null; parent = parent.getParent()) {
                if (Files.isRegularFile(parent)) {
                    return parent;
                }
            }
        } catch (InvalidPathException e) {
            return null;
        }
        return null;
    }

    private static String what(FileSystemException e) {
        if (e instanceof FileAlreadyExistsException) {
            return isFolder(e.getFile()) ? "already exists" : "a file is in the way where a folder is needed";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        return e.getClass().getSimpleName();
    }

    private static boolean isFolder(String path) {
        try {
            return Files.isDirectory(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
