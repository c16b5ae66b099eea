package dev.feedwright.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Adjusts logging from command-line options and settings; the rest of the program only speaks SLF4J. */
final class Logging {

    /** The name of the appender {@link #alsoToFile} adds. */
    static final String FILE_APPENDER = "FILE";
    /** The logger of what a command prints itself: to the log file only, as the console has it. */
    private static final String PRINTED = "dev.feedwright.printed";
    /**
     * The console's pattern ({@link ConsoleLogging}) with the full date and time in UTC: a file is read days
     * later, next to the status file's UTC times.
     */
    private static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC} %-5level"
            + " %replace(%replace(%msg){'\\r?\\n|\\r', '\\\\n'}){'" + ConsoleLogging.CONTROLS + "', '?'}%n"
            + "%replace(%ex){'(?m)^', '    '}%nopex";

    private Logging() {
    }

    /**
     * With {@code --quiet}, the console shows only warnings and errors; {@code logging.file}
     * still gets every line, so that a quiet export from cron leaves its runs there.
     */
    static void quiet(boolean quiet) {
        Logger root = root();
        root.setLevel(Level.INFO);
        Appender<ILoggingEvent> console = root.getAppender(ConsoleLogging.APPENDER);
        if (console == null) {
            return;
        }
        console.clearAllFilters();
        if (quiet) {
            ThresholdFilter warnings = new ThresholdFilter();
            warnings.setContext(root.getLoggerContext());
            warnings.setLevel(Level.WARN.toString());
            warnings.start();
            console.addFilter(warnings);
        }
    }

    /**
     * Where a command's summary lines go: its standard output, or under {@code --quiet} the log
     * file alone (nowhere without one), so that a quiet run from cron still leaves them there.
     */
    static Consumer<String> summary(CommandLine command, boolean quiet) {
        if (!quiet) {
            return command.getOut()::println;
        }
        Logger printed = (Logger) LoggerFactory.getLogger(PRINTED);
        return line -> {
            if (printed.getAppender(FILE_APPENDER) != null) {
                printed.info(line);
            }
        };
    }

    /**
     * Appends every log line to {@code file} as well as to standard output ({@code logging.file});
     * null logs to standard output only. Replaces the file a command before set, if any.
     *
     * @throws IOException when the file cannot be created or appended to
     */
    static void alsoToFile(Path file) throws IOException {
        Logger root = root();
        Logger printed = (Logger) LoggerFactory.getLogger(PRINTED);
        printed.setAdditive(false);
        Appender<ILoggingEvent> previous = root.getAppender(FILE_APPENDER);
        if (file == null) {
            stopFileAppender(previous);
            return;
        }
        // The new file is opened before the old one is let go: one that cannot be opened (a
        // reopen after logrotate, say) leaves the log going where it went.
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Opened once here only to learn now, with a clear message, that the file can be written.
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
        LoggerContext context = root.getLoggerContext();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(FILE_APPENDER);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(ConsoleLogging.encoder(context, FILE_PATTERN));
        appender.start();
        if (!appender.isStarted()) {
            throw new IOException("cannot log to " + file);
        }
        stopFileAppender(previous);
        root.addAppender(appender);
        printed.addAppender(appender);
    }

    private static void stopFileAppender(Appender<ILoggingEvent> appender) {
        if (appender != null) {
            root().detachAppender(appender);
            ((Logger) LoggerFactory.getLogger(PRINTED)).detachAppender(appender);
            appender.stop();
        }
    }

    /**
     * {@link #alsoToFile} for a command, whose stdout and stderr then also go to the file.
     *
     * @throws IOException when the file cannot be written
     */
    static void alsoToFile(Path file, CommandLine command) throws IOException {
        alsoToFile(file);
        if (file != null) {
            // What the command prints (its summary, a fatal error) goes to the file too.
            command.setOut(alsoPrintedToFile(command.getOut(), org.slf4j.event.Level.INFO));
            command.setErr(alsoPrintedToFile(command.getErr(), org.slf4j.event.Level.WARN));
        }
    }

    /** {@code console}, each of whose lines is also logged at {@code level} to the log file alone. */
    private static PrintWriter alsoPrintedToFile(PrintWriter console, org.slf4j.event.Level level) {
        org.slf4j.Logger printed = LoggerFactory.getLogger(PRINTED);
        return new PrintWriter(new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] chars, int offset, int length) {
                console.write(chars, offset, length);
                for (int i = offset; i < offset + length; i++) {
                    if (chars[i] == '\n') {
                        printed.atLevel(level).log(line.toString());
                        line.setLength(0);
                    } else if (chars[i] != '\r') {
                        line.append(chars[i]);
                    }
                }
            }

            @Override
            public void flush() {
                console.flush();
            }

            @Override
            public void close() {
                console.flush();
            }
        }, true);
    }

    /** Writes out and closes every appender: the last thing before the process ends. */
    static void flush() {
        root().getLoggerContext().stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
