package dev.feedwright.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code feedwright} command: only subcommands, help and version. */
@Command(name = "feedwright",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads a corpus of news-article files and writes a feed for every topic and every provider.",
        subcommands = {ExportCommand.class, CheckLinksCommand.class, ServeCommand.class, DaemonCommand.class,
            GenerateCorpusCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (skipped files are warnings)",
            "1:fatal error (corpus folder missing, output not writable, state database failing; for serve: output folder missing, port in use)",
            "2:bad usage or bad configuration",
            "3:--strict was given and files were skipped",
            "4:another run holds the output folder's lock (check-links: another link check holds the state folder's)"})
public final class FeedwrightCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a command, such as 'export', 'serve' or 'daemon'");
    }

    /** A command line ready to execute, with Feedwright's exit codes for usage errors and failures. */
    public static CommandLine newCommandLine() {
        return newCommandLine(CommandLine.defaultFactory());
    }

    /** The same, with the subcommands made by {@code factory}: tests hand a command what it needs. */
    static CommandLine newCommandLine(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(new FeedwrightCommand(), factory);
        // An empty path names the current folder, which no option means: it comes from an unset
        // variable (--corpus "$CORPUS"), and would export, say, the working folder and delete every
        // feed. The configuration refuses an empty folder the same way.
        commandLine.registerConverter(Path.class, value -> {
            if (value.isBlank()) {
                throw new CommandLine.TypeConversionException("must not be empty");
            }
            return Path.of(value);
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof CommandFailure failure) {
                Failures.print(cmd.getErr(), String.valueOf(failure.getMessage()));
                return failure.exitCode();
            }
            Failures.print(cmd.getErr(), "unexpected error: " + e);
            e.printStackTrace(cmd.getErr());
            return ExitCodes.FATAL;
        });
        return commandLine;
    }
}
