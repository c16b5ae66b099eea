package dev.feedwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rometools.rome.feed.rss.Channel;
import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports the real corpus in {@code ../shared/corpus/diablo4} when it is there (a developer's
 * machine); skips when it is not (a user's clone).
 */
class RealCorpusTest {

    private static final Path DIABLO4 = Path.of("..", "shared", "corpus", "diablo4");

    @TempDir
    Path temp;

    @Test
    void exportsEveryValidFileOfTheRealCorpus() throws IOException {
        assumeTrue(Files.isDirectory(DIABLO4), "../shared/corpus/diablo4 is not here");
        Path out = temp.resolve("feeds");
        FeedwrightConfig config = FeedwrightConfig.defaults().withCorpusDir(DIABLO4).withOutputDir(out)
                .withStateDir(temp.resolve("state"));

        RunReport report = new ExportRun(config, BuildInfo.load(), Clock.systemUTC()).run();

        assertThat(report.filesRead()).isEqualTo(1611);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.stories()).isEqualTo(1611);
        Channel all = Feeds.rss(out.resolve("all.xml"));
        assertThat(all.getItems()).hasSize(50);
        for (String file : Feeds.files(out)) {
            if (file.endsWith(".xml")) {
                // Two outlets' articles are listed elsewhere as their AMP pages alone (givemesport.com's
                // "?amp", pocket-lint.com's ".amphtml"): each shows once in its provider's feed.
                assertThat(Feeds.rss(out.resolve(file)).getItems()).as(file).isNotEmpty()
                        .extracting(item -> item.getLink().replaceFirst("(\\?amp|\\.amp|\\.amphtml)$", ""))
                        .doesNotHaveDuplicates();
            } else if (file.endsWith(".atom")) {
                assertThat(Feeds.atom(out.resolve(file)).getEntries()).as(file).isNotEmpty();
            }
        }
    }
}
