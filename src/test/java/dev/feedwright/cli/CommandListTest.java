package dev.feedwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** What {@code --help} lists is what the README's command list says, and every command answers {@code --version}. */
class CommandListTest {

    /** The lines of the README's command list: the code block after "## Commands". */
    private static List<String> readmeCommands() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int heading = lines.indexOf("## Commands");
        int open = lines.subList(heading, lines.size()).indexOf("```") + heading;
        int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
        return lines.subList(open + 1, close);
    }

    /** Regression: the help command, which `feedwright --help` lists, was not in the README's list. */
    @Test
    void theReadmeListsEveryCommandWithEveryOptionItsHelpShows() throws IOException {
        List<String> readme = readmeCommands();
        CommandLine feedwright = FeedwrightCommand.newCommandLine();
        assertThat(feedwright.getSubcommands()).containsKeys("export", "check-links", "serve", "daemon",
                "generate-corpus", "help");

        for (Map.Entry<String, CommandLine> command : feedwright.getSubcommands().entrySet()) {
            String usage = readme.stream().filter(line -> line.startsWith("feedwright " + command.getKey() + " ")
                    || line.equals("feedwright " + command.getKey())).findFirst().orElse(null);
            assertThat(usage).as("the README's line for %s", command.getKey()).isNotNull();
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    assertThat(String.join("\n", readme)).as("%s %s", command.getKey(), option.longestName())
                            .contains(option.longestName()).contains(option.shortestName());
                } else {
                    assertThat(usage).as("%s %s", command.getKey(), option.longestName())
                            .contains(option.longestName() + (option.arity().max() > 0
                                    ? " " + option.paramLabel() : ""));
                }
            }
            for (PositionalParamSpec parameter : command.getValue().getCommandSpec().positionalParameters()) {
                assertThat(usage).as("%s %s", command.getKey(), parameter.paramLabel())
                        .contains(parameter.paramLabel());
            }
        }
        for (OptionSpec option : feedwright.getCommandSpec().options()) {
            assertThat(readme).as("feedwright %s", option.longestName())
                    .anySatisfy(line -> assertThat(line).contains(option.longestName())
                            .contains(option.shortestName()));
        }
    }

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
