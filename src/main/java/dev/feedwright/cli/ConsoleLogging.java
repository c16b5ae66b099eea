package dev.feedwright.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Logback's configuration, in code rather than XML: logback finds it through
 * {@code META-INF/services}, and a command starts about a fifth of a second sooner without the
 * XML configuration machinery. Logs go to standard output, one line per event: fit for a
 * terminal, cron, systemd and containers. Line breaks inside a message (any that a terminal,
 * journald or a log shipper may take for one, U+2028 and NEL included) are written as {@code \n}
 * and other control characters (terminal escapes) as {@code ?}, so that no text from the corpus,
 * nor a file name, can forge a log line or rewrite the screen.
 *
 * <p>An operator who sets {@code -Dlogback.configurationFile} gets that file instead.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    /** What is written as {@code \n}: every line break a terminal, journald or a log shipper may take for one. */
    private static final String LINE_BREAKS = "\\r\\n|[\\n\\r\\x0B\\x0C\\x1C-\\x1E\\x85\\u2028\\u2029]";
    /**
     * What is written as {@code ?}: the other control characters, and the bidirectional overrides
     * and isolates, which make a file name display as another ({@code x\u202Egnp.md} as {@code xdm.png}).
     */
    static final String CONTROLS = "[\\x00-\\x08\\x0E-\\x1B\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]";
    private static final Pattern LINE_BREAK = Pattern.compile(LINE_BREAKS);
    private static final Pattern CONTROL = Pattern.compile(CONTROLS);

    /** The console appender's name. */
    static final String APPENDER = "STDOUT";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level"
            + " %replace(%replace(%msg){'" + LINE_BREAKS + "', '\\\\n'}){'" + CONTROLS + "', '?'}"
            + "%n%replace(%ex){'(?m)^', '    '}%nopex";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(APPENDER);
        console.setEncoder(encoder(context, PATTERN));
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        for (String noisy : new String[] {"com.rometools", "org.eclipse.jetty", "org.quartz"}) {
            context.getLogger(noisy).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * {@code text} on one line, defused as the log writes a message: for what is printed to the
     * console outside the log.
     */
    static String defused(String text) {
        return CONTROL.matcher(LINE_BREAK.matcher(text).replaceAll("\\\\n")).replaceAll("?");
    }

    /** A started UTF-8 encoder writing events with {@code pattern}. */
    static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
