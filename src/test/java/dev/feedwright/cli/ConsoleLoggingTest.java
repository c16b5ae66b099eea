package dev.feedwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The console log as a command writes it: one line per event on standard output, INFO and up,
 * the libraries' chatter held to warnings, and no text that could forge a line or move the
 * cursor. Configured into a context of its own, so that the tests' shared logging is untouched.
 */
class ConsoleLoggingTest {

    @Test
    void writesOneDefusedLinePerEventAtInfoAndAboveAndHoldsLibrariesToWarnings() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            new ConsoleLogging().configure(context);
            context.getLogger("dev.feedwright.pipeline.ExportRun").info("skipped a.md:\n2\u2028forged \u001b[31mred");
            // Found by a helper's hunt: a right-to-left override showed x\u202Egnp.md as xdm.png.
            context.getLogger("dev.feedwright.pipeline.ExportRun").info("skipped x\u202Egnp.md and \u2066y\u2069");
            context.getLogger("dev.feedwright.pipeline.ExportRun").debug("not shown");
            context.getLogger("org.quartz.core.QuartzScheduler").info("not shown either");
            context.getLogger("org.quartz.core.QuartzScheduler").warn("a scheduler warning");
        } finally {
            System.setOut(stdout);
            context.stop();
        }

        assertThat(captured.toString(StandardCharsets.UTF_8).lines()).satisfiesExactly(
                line -> assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  skipped a\\.md:\\\\n2\\\\nforged \\?\\[31mred"),
                line -> assertThat(line).endsWith("INFO  skipped x?gnp.md and ?y?"),
                line -> assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  a scheduler warning"));
    }
}
