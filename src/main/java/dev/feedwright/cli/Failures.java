package dev.feedwright.cli;

import dev.feedwright.pipeline.IoFailures;
import java.io.PrintWriter;

/** The words a command prints for a failure (those for an I/O failure are {@link IoFailures}'). */
final class Failures {

    private Failures() {
    }

    /**
     * Prints {@code feedwright: message} on one line, its line breaks and control characters
     * defused as the log defuses them: a file or folder name may hold any of them, and must not
     * make a line of its own in the output or in {@code logging.file}.
     */
    static void print(PrintWriter err, String message) {
        err.println("feedwright: " + ConsoleLogging.defused(message));
    }
}
