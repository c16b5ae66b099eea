package dev.feedwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code logging.file}: its lines are defused as the console's, and a reopen that fails loses nothing. */
class LoggingTest {

    @TempDir
    Path temp;

    /**
     * Found by a helper's review: the file kept a right-to-left override the console defused, and
     * a reopen after logrotate that could not open the new file stopped the old one first, so
     * nothing was logged to any file after it.
     */
    @Test
    void defusesControlsAndKeepsLoggingWhereItWentWhenAReopenFails() throws IOException {
        Path log = temp.resolve("logs").resolve("fw.log");
        Path blocked = Files.writeString(temp.resolve("a-file"), "in the way");
        try {
            Logging.alsoToFile(log);
            LoggerFactory.getLogger("dev.feedwright.pipeline.ExportRun").warn("skipped x\u202Egnp.md");

            assertThatThrownBy(() -> Logging.alsoToFile(blocked.resolve("fw.log"))).isInstanceOf(IOException.class);
            LoggerFactory.getLogger("dev.feedwright.pipeline.ExportRun").warn("still logged");
        } finally {
            Logging.alsoToFile(null);
        }

        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("WARN  skipped x?gnp.md")
                .contains("WARN  still logged");
    }
}
