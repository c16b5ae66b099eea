package dev.feedwright.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Adjusts logging from command-line options; the rest of the program only speaks SLF4J. */
final class Logging {

    private Logging() {
    }

    /** With {@code --quiet}, only warnings and errors are logged. */
    static void quiet(boolean quiet) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(quiet ? Level.WARN : Level.INFO);
    }
}
