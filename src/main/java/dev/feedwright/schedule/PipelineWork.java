package dev.feedwright.schedule;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.liveness.LinkCheckReport;
import dev.feedwright.liveness.Progress;
import dev.feedwright.pipeline.ExportRun;
import dev.feedwright.pipeline.LivenessPass;
import dev.feedwright.pipeline.RunReport;
import dev.feedwright.publish.PublishReport;
import dev.feedwright.status.RunResult;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The daemon's real work: an {@link ExportRun} (which checks the links first when
 * {@code liveness.enabled}) and a {@link LivenessPass}, each made new for every run so that a run
 * that failed leaves nothing behind for the next one. They take the locks the one-shot commands
 * take: an export the output folder's, a link check (an export's too) the state folder's.
 */
public final class PipelineWork implements DaemonWork {

    private final FeedwrightConfig config;
    private final BuildInfo build;
    private final Clock clock;

    public PipelineWork(FeedwrightConfig config, BuildInfo build, Clock clock) {
        this.config = config;
        this.build = build;
        this.clock = clock;
    }

    @Override
    public RunResult export() throws IOException {
        RunReport report;
        try (Progress progress = Progress.forConsole(false, config.liveness().progressInterval())) {
            report = new ExportRun(config, build, clock, progress, false).run();
        }
        PublishReport published = report.publish();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("filesRead", report.filesRead());
        counts.put("filesSkipped", report.filesSkipped());
        counts.put("files", report.files());
        counts.put("stories", report.stories());
        counts.put("articles", report.articles());
        counts.put("feeds", (long) published.feeds());
        counts.put("feedsWritten", (long) published.feedsWritten());
        counts.put("feedsUnchanged", (long) published.feedsUnchanged());
        counts.put("feedsDeleted", (long) published.feedsDeleted());
        String summary = report.counts();
        LivenessPass.Result checked = report.links();
        if (checked != null) {
            summary += checked.report() != null ? "; links: " + links(checked.report(), counts)
                    : "; links not checked: " + checked.notChecked();
        }
        return new RunResult(summary, counts);
    }

    @Override
    public RunResult checkLinks() throws IOException {
        LivenessPass.Result result;
        try (Progress progress = Progress.forConsole(false, config.liveness().progressInterval())) {
            result = new LivenessPass(config, build).run(clock, progress);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("filesRead", result.filesRead());
        counts.put("filesSkipped", result.filesSkipped());
        LinkCheckReport report = result.report();
        counts.put("links", report.links());
        counts.put("linksDue", report.due());
        String summary = String.format(Locale.ROOT, "%d files read, %d skipped; %d links, %d due; ",
                result.filesRead(), result.filesSkipped(), report.links(), report.due()) + links(report, counts)
                + "; " + result.feeds();
        return new RunResult(summary, counts);
    }

    /** The link states a check found, added to {@code counts} and said in a few words. */
    private static String links(LinkCheckReport report, Map<String, Long> counts) {
        counts.put("linksChecked", report.checked());
        counts.put("linksAlive", report.alive());
        counts.put("linksMoved", report.moved());
        counts.put("linksDead", report.dead());
        counts.put("linksUnknown", report.unknown());
        counts.put("linksRefused", report.refused());
        counts.put("linksNotChecked", report.notChecked());
        String line = String.format(Locale.ROOT, "%d checked: %d alive, %d moved, %d dead, %d unknown, %d refused;"
                + " %d not checked", report.checked(), report.alive(), report.moved(), report.dead(),
                report.unknown(), report.refused(), report.notChecked());
        return report.networkLooksDown() ? line + "; " + report.networkDown() : line;
    }
}
