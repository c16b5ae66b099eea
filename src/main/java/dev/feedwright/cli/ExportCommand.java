package dev.feedwright.cli;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.CronCheck;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.liveness.Progress;
import dev.feedwright.pipeline.ExportRun;
import dev.feedwright.pipeline.IoFailures;
import dev.feedwright.pipeline.RunReport;
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

/** {@code feedwright export}: the corpus in, every feed out. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Read the corpus and write a feed for every topic and every provider.")
final class ExportCommand implements Callable<Integer> {

    /** The skipped files {@code --strict} lists, at most. */
    private static final int MAX_SKIPPED_LISTED = 20;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder (overrides corpus.dir).")
    private Path corpus;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (overrides output.dir).")
    private Path out;

    @Option(names = "--state", paramLabel = "DIR",
            description = "State folder: what exports and link checks remember between runs (overrides state.dir).")
    private Path state;

    @Option(names = "--full",
            description = "Read every corpus file and render every feed, whatever earlier exports remember;"
                    + " also exports a corpus folder that is now empty, which is otherwise refused.")
    private boolean full;

    @Option(names = "--strict", description = "Exit with code 3 when any corpus file was skipped.")
    private boolean strict;

    @Option(names = "--quiet", description = "Print only warnings and errors, no summary.")
    private boolean quiet;

    @Option(names = "--check-links",
            description = "Check the links over HTTP first (as liveness.enabled: true): confirmed-dead links leave the"
                    + " feeds, permanently moved ones point to their new address.")
    private boolean checkLinks;

    @Override
    public Integer call() {
        Logging.quiet(quiet);
        FeedwrightConfig settings = config.load(spec.commandLine(), CronCheck.NONE, this::withOptions);
        PrintWriter err = spec.commandLine().getErr(); // with logging.file, also to the file
        RunReport report;
        try (Progress progress = quiet ? Progress.none()
                : Progress.forConsole(System.console() != null, settings.liveness().progressInterval())) {
            report = new ExportRun(settings, BuildInfo.load(), Clock.systemUTC(), progress, full).run();
        } catch (OutputLockedException e) {
            Failures.print(err, String.valueOf(e.getMessage()));
            return ExitCodes.LOCKED;
        } catch (IOException e) {
            Failures.print(err, "export failed: " + IoFailures.describe(e));
            return ExitCodes.FATAL;
        }
        Consumer<String> summary = Logging.summary(spec.commandLine(), quiet);
        if (report.links() != null) {
            report.links().lines().forEach(line -> summary.accept("links: " + line));
        }
        summary.accept("export: " + report.summary());
        if (quiet && report.links() != null && report.links().networkLooksDown()) {
            Failures.print(err, "links: " + report.links().report().networkDown());
        }
        if (strict && report.filesSkipped() > 0) {
            printSkipped(err, report);
            return ExitCodes.SKIPPED_FILES;
        }
        return ExitCodes.OK;
    }

    private FeedwrightConfig withOptions(FeedwrightConfig settings) {
        if (corpus != null) {
            settings = settings.withCorpusDir(corpus);
        }
        if (out != null) {
            settings = settings.withOutputDir(out);
        }
        if (state != null) {
            settings = settings.withStateDir(state);
        }
        if (checkLinks) {
            settings = settings.withLiveness(settings.liveness().toBuilder().enabled(true).build());
        }
        return settings;
    }

    /**
     * The skipped files with their line and reason: a rerun reads no unchanged file and so logs
     * no warning for it, and exit code 3 alone would not say which file to mend. Line breaks and
     * control characters in a name are defused as in the log.
     */
    private static void printSkipped(PrintWriter err, RunReport report) {
        Failures.print(err, "--strict: " + report.filesSkipped() + " corpus file(s) were skipped:");
        report.skipped().stream().limit(MAX_SKIPPED_LISTED)
                .forEach(problem -> err.println("  " + ConsoleLogging.defused(problem.toString())));
        if (report.filesSkipped() > MAX_SKIPPED_LISTED) {
            err.println("  and " + (report.filesSkipped() - MAX_SKIPPED_LISTED) + " more");
        }
    }
}
