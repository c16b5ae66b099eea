package dev.feedwright.cli;

import dev.feedwright.config.ConfigException;
import dev.feedwright.config.ConfigLoader;
import dev.feedwright.config.CronCheck;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.pipeline.IoFailures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --config} option of the commands that read the configuration (a picocli mixin), and
 * the first thing each does with it: load the file, apply the command's own options, and open
 * {@code logging.file} when it is set. A bad file is a usage error, a log file that cannot be
 * written a fatal one; either ends the command with a {@link CommandFailure}.
 */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: config/feedwright.yaml if it exists, else built-in defaults).")
    private Path file;

    /** {@link #load(CommandLine, CronCheck, UnaryOperator)} with no cron check and no options to apply. */
    FeedwrightConfig load(CommandLine command) {
        return load(command, CronCheck.NONE, UnaryOperator.identity());
    }

    /**
     * The configuration, checking its cron expressions with {@code cron}, with {@code options}
     * applied (which may throw picocli's {@code ParameterException} for a bad option). From here on
     * the command's stdout and stderr also go to {@code logging.file}.
     */
    FeedwrightConfig load(CommandLine command, CronCheck cron, UnaryOperator<FeedwrightConfig> options) {
        FeedwrightConfig settings;
        try {
            settings = options.apply(ConfigLoader.load(file, cron));
        } catch (ConfigException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
        Path output = settings.output().dir().toAbsolutePath().normalize();
        Path state = settings.state().dir().toAbsolutePath().normalize();
        if (state.startsWith(output)) {
            throw new CommandFailure(ExitCodes.USAGE, "the state folder " + settings.state().dir() + " is "
                    + (state.equals(output) ? "the output folder" : "inside the output folder " + settings.output().dir())
                    + ", whose files are published: the state database would be served with the feeds; keep"
                    + " state.dir (--state) outside output.dir (--out)");
        }
        Path log = settings.logging().file();
        try {
            Logging.alsoToFile(log, command);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.FATAL,
                    "logging.file " + log + " cannot be written: " + IoFailures.describe(e));
        }
        return settings;
    }
}
