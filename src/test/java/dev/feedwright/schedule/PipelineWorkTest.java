package dev.feedwright.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.config.LivenessConfig;
import dev.feedwright.config.OutputConfig;
import dev.feedwright.publish.OutputLock;
import dev.feedwright.status.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's real work reports the pipeline's counts, link states included, against a loopback server. */
class PipelineWorkTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private FeedwrightConfig config;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(request.getUrl().encodedPath().equals("/alive") ? 200 : 404)
                        .build();
            }
        });
        server.start();
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        story(corpus.resolve("a.md"), "Alive", "/alive");
        story(corpus.resolve("b.md"), "Gone", "/gone");
        LivenessConfig liveness = LivenessConfig.builder().enabled(true).allowPrivateAddresses(true)
                .hostInterval(Duration.ZERO).retries(0).build();
        config = FeedwrightConfig.defaults().withCorpusDir(corpus).withOutputDir(temp.resolve("feeds"))
                .withStateDir(temp.resolve("state")).withLiveness(liveness);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void story(Path file, String title, String path) throws IOException {
        Files.writeString(file, "---\ntitle: " + title + "\npublishedDateTime: 2025-06-01T10:00:00Z\nwebUrl:"
                + " \"http://127.0.0.1:" + server.getPort() + path + "\"\nprovider:\n  name: Local\n  domain:"
                + " local.example\ntopics:\n  - AI\n---\n");
    }

    @Test
    void aLinkCheckCountsTheLinkStates() throws Exception {
        RunResult result = new PipelineWork(config, BuildInfo.load(), Clock.systemUTC()).checkLinks();

        assertThat(result.summary()).startsWith("2 files read, 0 skipped; 2 links, 2 due; 2 checked: 1 alive,"
                + " 0 moved, 1 dead, 0 unknown, 0 refused; 0 not checked; feeds: 0 confirmed-dead links left out");
        assertThat(result.counts()).containsEntry("linksChecked", 2L).containsEntry("linksAlive", 1L)
                .containsEntry("linksDead", 1L);
    }

    @Test
    void anExportWithLinkChecksReportsFeedsAndLinks() throws Exception {
        RunResult result = new PipelineWork(config, BuildInfo.load(), Clock.systemUTC()).export();

        assertThat(result.summary()).startsWith("2 files, 2 read, 0 skipped; 2 stories, 2 articles; 3 feeds: 3 written,"
                + " 0 unchanged, 0 deleted; links: 2 checked: 1 alive");
        assertThat(result.counts()).containsEntry("feedsWritten", 3L).containsEntry("linksDead", 1L);
        assertThat(temp.resolve("feeds").resolve("all.xml")).isRegularFile();
    }

    @Test
    void anExportWhoseLinkCheckFindsAnotherRunningSaysSoAndWritesTheFeeds() throws Exception {
        FeedwrightConfig waitLittle = new FeedwrightConfig(config.site(), config.corpus(),
                new OutputConfig(temp.resolve("feeds"), Duration.ofMillis(200), false), config.feeds(),
                config.export(), config.serve(), config.liveness(), config.state(), config.schedule(),
                config.logging());
        RunResult result;
        try (OutputLock held = OutputLock.acquireForLinkCheck(temp.resolve("state"), Duration.ZERO,
                Clock.systemUTC())) {
            result = new PipelineWork(waitLittle, BuildInfo.load(), Clock.systemUTC()).export();
        }

        assertThat(result.summary()).startsWith("2 files, 2 read, 0 skipped; 2 stories, 2 articles; 3 feeds: 3 written,"
                + " 0 unchanged, 0 deleted; links not checked: state folder ").contains("locked by another link check");
        assertThat(server.getRequestCount()).isZero();
        assertThat(temp.resolve("feeds").resolve("all.xml")).isRegularFile();
    }

    @Test
    void aMissingCorpusFailsTheRun() {
        FeedwrightConfig missing = config.withCorpusDir(temp.resolve("nowhere"));

        assertThatThrownBy(() -> new PipelineWork(missing, BuildInfo.load(), Clock.systemUTC()).export())
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nowhere");
    }
}
