package dev.feedwright.cli;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.CronCheck;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.liveness.Progress;
import dev.feedwright.pipeline.IoFailures;
import dev.feedwright.pipeline.LivenessPass;
import dev.feedwright.publish.OutputLockedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code feedwright check-links}: checks every link of the corpus over HTTP, remembers what it
 * found in the state folder, and reports. A run that finds the network down is not a failure.
 */
@Command(name = "check-links",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Check every link of the corpus (primary and related articles) over HTTP and report.",
            "Results are kept in the state folder; the export uses them when liveness.enabled is true or with"
                + " --check-links. Exit code 0 also when the network looks down: the run then changes nothing."})
final class CheckLinksCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder (overrides corpus.dir).")
    private Path corpus;

    @Option(names = "--state", paramLabel = "DIR",
            description = "State folder, where the results are kept for the export (overrides state.dir).")
    private Path state;

    @Option(names = "--quiet", description = "Print only warnings and errors, no report.")
    private boolean quiet;

    @Override
    public Integer call() {
        Logging.quiet(quiet);
        FeedwrightConfig settings = config.load(spec.commandLine(), CronCheck.NONE, this::withOptions);
        PrintWriter err = spec.commandLine().getErr(); // with logging.file, also to the file
        LivenessPass.Result result;
        try (Progress progress = quiet ? Progress.none()
                : Progress.forConsole(System.console() != null, settings.liveness().progressInterval())) {
            result = new LivenessPass(settings, BuildInfo.load()).run(Clock.systemUTC(), progress);
        } catch (OutputLockedException e) {
            Failures.print(err, String.valueOf(e.getMessage()));
            return ExitCodes.LOCKED;
        } catch (IOException e) {
            Failures.print(err, "check-links failed: " + IoFailures.describe(e));
            return ExitCodes.FATAL;
        }
        Consumer<String> summary = Logging.summary(spec.commandLine(), quiet);
        result.lines().forEach(line -> summary.accept("check-links: " + line));
        if (quiet && result.report().networkLooksDown()) {
            Failures.print(err, "check-links: " + result.report().networkDown());
        }
        return ExitCodes.OK;
    }

    private FeedwrightConfig withOptions(FeedwrightConfig settings) {
        if (corpus != null) {
            settings = settings.withCorpusDir(corpus);
        }
        return state == null ? settings : settings.withStateDir(state);
    }
}
