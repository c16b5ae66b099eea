package dev.feedwright.pipeline;

import dev.feedwright.corpus.Problem;
import dev.feedwright.publish.PublishReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What one export did.
 *
 * @param files        corpus files found
 * @param filesRead    of those, the files read in this run: new and changed ones (all of them in a full export)
 * @param skipped      the files that could not become stories, with the reason (the first
 *                     {@link ExportRun#MAX_REPORTED_PROBLEMS} of them)
 * @param filesSkipped how many files were skipped
 * @param warnings     how many problems were repaired or dropped inside the files read
 * @param stories      stories in the corpus
 * @param articles     articles in the corpus, primary and related
 * @param publish      what happened in the output folder
 * @param links        what the link check found, or null when links were not checked
 * @param elapsed      wall time of the whole run
 */
public record RunReport(
        long files, long filesRead, List<Problem> skipped, long filesSkipped, long warnings, long stories, long articles,
        HeldBack heldBack, PublishReport publish, LivenessPass.Result links, Duration elapsed) {

    /**
     * The articles held back for a date still to come: how many, and the soonest date (null when
     * none), so that a date mistyped years ahead does not leave its article missing unsaid.
     */
    public record HeldBack(long articles, Instant soonest) {

        public static final HeldBack NONE = new HeldBack(0, null);
    }

    public RunReport {
        skipped = List.copyOf(skipped);
    }

    /** The one-line summary printed at the end of a run. */
    public String summary() {
        return String.format(Locale.ROOT, "%s; %.2f s", counts(), elapsed.toNanos() / 1e9);
    }

    /** The summary without the time taken. */
    public String counts() {
        return String.format(Locale.ROOT,
                "%d files, %d read, %d skipped; %d stories, %d articles; %d feeds: %d written, %d unchanged,"
                        + " %d deleted",
                files, filesRead, filesSkipped, stories, articles, publish.feeds(), publish.feedsWritten(),
                publish.feedsUnchanged(), publish.feedsDeleted())
                + (heldBack.articles() == 0 ? "" : String.format(Locale.ROOT, "; %d article%s held back for %s date,"
                        + " the soonest %s", heldBack.articles(), heldBack.articles() == 1 ? "" : "s",
                        heldBack.articles() == 1 ? "its" : "their", heldBack.soonest()));
    }
}
