package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The progress of a link check where no terminal shows a bar (cron, CI, a pipe): a log line now and then. */
class ProgressLinesTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(Progress.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level level;

    @BeforeEach
    void listen() {
        // At INFO whatever an earlier test in this JVM left the root at (a command's --quiet sets it).
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
        logger.setLevel(level);
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void saysHowManyLinksOfHowManyAreCheckedAtWhatRateAndHowTheyEnded() {
        try (Progress progress = Progress.forConsole(false, Duration.ZERO)) {
            progress.start(40);
            progress.update(12, "10 alive, 1 dead, 1 unknown");
        }

        assertThat(messages()).singleElement().asString()
                .matches("check-links: 12 of 40 links checked, \\d+\\.\\d links/s; 10 alive, 1 dead, 1 unknown");
    }

    @Test
    void writesNoLineBeforeTheIntervalHasPassed() {
        try (Progress progress = Progress.forConsole(false, Duration.ofHours(1))) {
            progress.start(40);
            for (int done = 1; done <= 40; done++) {
                progress.update(done, done + " alive, 0 dead, 0 unknown");
            }
        }

        assertThat(messages()).isEmpty();
    }
}
