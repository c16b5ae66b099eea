package dev.feedwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers {@code --version}. */
class CommandListTest {

    /** Regression: `feedwright export --version`, which `export --help` lists, printed nothing. */
    @Test
    void everyCommandThatListsVersionPrintsIt() {
        CommandLine feedwright = FeedwrightCommand.newCommandLine();
        for (String name : feedwright.getSubcommands().keySet()) {
            if (feedwright.getSubcommands().get(name).getCommandSpec().findOption("--version") == null) {
                continue;
            }
            StringWriter out = new StringWriter();
            CommandLine commandLine = FeedwrightCommand.newCommandLine();
            commandLine.setOut(new PrintWriter(out, true));

            int exit = commandLine.execute(name, "--version");

            assertThat(exit).as(name).isZero();
            assertThat(out.toString()).as(name).startsWith("Feedwright ").contains("\nJava ");
        }
    }
}
