package dev.feedwright.pipeline;

import dev.feedwright.corpus.Problem;
import dev.feedwright.publish.PublishReport;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one export did.
 *
 * @param filesRead    corpus files read
 * @param skipped      the files that could not become stories, with the reason (the first
 *                     {@link ExportRun#MAX_REPORTED_PROBLEMS} of them)
 * @param filesSkipped how many files were skipped
 * @param warnings     how many problems were repaired or dropped inside files that were kept
 * @param stories      stories read
 * @param articles     articles read, primary and related
 * @param publish      what happened in the output folder
 * @param links        what the link check found, or null when links were not checked
 * @param elapsed      wall time of the whole run
 */
public record RunReport(
        long filesRead, List<Problem> skipped, long filesSkipped, long warnings, long stories, long articles,
        PublishReport publish, LivenessPass.Result links, Duration elapsed) {

    public RunReport {
        skipped = List.copyOf(skipped);
    }

    /** The one-line summary printed at the end of a run. */
    public String summary() {
        return String.format(Locale.ROOT,
                "%d files read, %d skipped; %d stories, %d articles; %d feeds: %d written, %d unchanged, %d deleted;"
                        + " %.2f s",
                filesRead, filesSkipped, stories, articles, publish.feeds(), publish.feedsWritten(),
                publish.feedsUnchanged(), publish.feedsDeleted(), elapsed.toNanos() / 1e9);
    }
}
