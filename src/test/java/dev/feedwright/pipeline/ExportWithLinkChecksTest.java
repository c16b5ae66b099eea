package dev.feedwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import dev.feedwright.catalog.CanonicalLinks;
import dev.feedwright.catalog.ItemIds;
import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.config.LivenessConfig;
import dev.feedwright.config.OutputConfig;
import dev.feedwright.liveness.MutableClock;
import dev.feedwright.publish.OutputLock;
import dev.feedwright.publish.OutputLockedException;
import dev.feedwright.state.LinkStore;
import dev.feedwright.state.StateDb;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Link checks as part of an export, against a loopback server: what readers end up seeing. */
class ExportWithLinkChecksTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private String base;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getUrl().encodedPath()) {
                    case "/old" -> new MockResponse.Builder().code(301).setHeader("Location", "/new").build();
                    case "/to-credentials" -> new MockResponse.Builder().code(301)
                            .setHeader("Location", "http://editor:secret@127.0.0.1:" + server.getPort() + "/new").build();
                    case "/new", "/alive", "/related-alive" -> new MockResponse.Builder().code(200).build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedwrightConfig config(Path corpus, Path out, boolean checkLinks) {
        LivenessConfig liveness = LivenessConfig.builder()
                .enabled(checkLinks)
                .allowPrivateAddresses(true)
                .hostInterval(Duration.ZERO)
                .retries(0)
                .confirmAfter(Duration.ofHours(1))
                .build();
        return FeedwrightConfig.defaults().withCorpusDir(corpus).withOutputDir(out)
                .withStateDir(temp.resolve("state")).withLiveness(liveness);
    }

    private Path corpus(String... stories) throws IOException {
        Path corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        for (int i = 0; i < stories.length; i++) {
            Files.writeString(corpus.resolve("story-" + i + ".md"), stories[i]);
        }
        return corpus;
    }

    private static String story(String title, String link, String relatedLink) {
        return """
                ---
                title: "%s"
                publishedDateTime: 2024-01-0%dT03:04:05Z
                webUrl: "%s"
                provider:
                  name: Loop News
                  domain: loop.example
                topics:
                  - Tests
                related:
                  - title: "Coverage of %s"
                    publishedDateTime: 2024-01-01T00:00:00Z
                    webUrl: "%s"
                    provider:
                      name: Other Outlet
                      domain: other.example
                ---
                """.formatted(title, title.length() % 9 + 1, link, title, relatedLink);
    }

    private RunReport export(Path corpus, Path out, boolean checkLinks) throws IOException {
        return new ExportRun(config(corpus, out, checkLinks), BuildInfo.load(), clock).run();
    }

    @Test
    void aMovedLinkChangesTheItemLinkButNotItsId() throws Exception {
        Path corpus = corpus(story("Moved story", base + "/old", base + "/related-alive"));
        Path out = temp.resolve("feeds");

        RunReport report = export(corpus, out, true);

        assertThat(report.links().report().moved()).isEqualTo(1);
        String expectedId = ItemIds.of(CanonicalLinks.canonical(base + "/old"));
        Item item = Feeds.rss(out.resolve("all.xml")).getItems().get(0);
        assertThat(item.getLink()).isEqualTo(base + "/new");
        assertThat(item.getGuid().getValue()).isEqualTo(expectedId);
        Feed atom = Feeds.atom(out.resolve("all.atom"));
        assertThat(atom.getEntries().get(0).getId()).isEqualTo(expectedId);
        assertThat(atom.getEntries().get(0).getAlternateLinks().get(0).getHref()).isEqualTo(base + "/new");
    }

    @Test
    void anExportWhoseLinkCheckFindsAnotherRunningGoesOnWithTheStoredLinkStates() throws Exception {
        Path corpus = corpus(story("Moved story", base + "/old", base + "/related-alive"));
        Path out = temp.resolve("feeds");
        export(corpus, out, true);
        int requestsBefore = server.getRequestCount();
        Files.writeString(corpus.resolve("story-0.md"), story("Moved story, edited", base + "/old",
                base + "/related-alive"));
        FeedwrightConfig config = config(corpus, out, true);
        config = new FeedwrightConfig(config.site(), config.corpus(),
                new OutputConfig(out, Duration.ofMillis(200), false), config.feeds(), config.export(),
                config.serve(), config.liveness(), config.state(), config.schedule(), config.logging());

        RunReport report;
        // The system's clock, which the lock's wait needs to run out (the test's clock stands still).
        try (OutputLock held = OutputLock.acquireForLinkCheck(temp.resolve("state"), Duration.ZERO, clock)) {
            report = new ExportRun(config, BuildInfo.load(), Clock.systemUTC()).run();
        }

        assertThat(report.links().report()).isNull();
        assertThat(report.links().lines().get(0))
                .startsWith("not checked: state folder ").contains("is locked by another link check");
        assertThat(server.getRequestCount()).as("no link requested again").isEqualTo(requestsBefore);
        Item item = Feeds.rss(out.resolve("all.xml")).getItems().get(0);
        assertThat(item.getTitle()).isEqualTo("Moved story, edited");
        assertThat(item.getLink()).as("the stored move applied").isEqualTo(base + "/new");
    }

    /**
     * Regression: an export that checks its links checked them all (network work, minutes on a
     * large corpus) before it found another run holding the output folder and gave up. It now
     * waits for the output folder first, taking and letting go of its lock, never holding it
     * together with the link check's.
     */
    @Test
    void anExportWhoseOutputFolderStaysLockedRequestsNoLink() throws Exception {
        Path corpus = corpus(story("Locked out", base + "/alive", base + "/related-alive"));
        Path out = temp.resolve("feeds");
        FeedwrightConfig config = config(corpus, out, true);
        config = new FeedwrightConfig(config.site(), config.corpus(),
                new OutputConfig(out, Duration.ofMillis(200), false), config.feeds(), config.export(),
                config.serve(), config.liveness(), config.state(), config.schedule(), config.logging());
        FeedwrightConfig withShortWait = config;

        // The system's clock, which the lock's wait needs to run out (the test's clock stands still).
        try (OutputLock held = OutputLock.acquire(out, Duration.ZERO, clock)) {
            assertThatThrownBy(() -> new ExportRun(withShortWait, BuildInfo.load(), Clock.systemUTC()).run())
                    .isInstanceOf(OutputLockedException.class)
                    .hasMessageStartingWith("output folder " + out + " is locked by another run");
        }

        assertThat(server.getRequestCount()).as("links requested").isZero();
        RunReport after = new ExportRun(withShortWait, BuildInfo.load(), Clock.systemUTC()).run();
        assertThat(after.links().report().alive()).isEqualTo(2);
    }

    @Test
    void aMoveToAnAddressTheCorpusCouldNotHoldIsNotFollowed() throws Exception {
        Path corpus = corpus(story("Moved to credentials", base + "/to-credentials", base + "/related-alive"));
        Path out = temp.resolve("feeds");

        RunReport report = export(corpus, out, true);

        assertThat(report.links().report().moved()).isEqualTo(1);
        assertThat(Feeds.rss(out.resolve("all.xml")).getItems().get(0).getLink()).isEqualTo(base + "/to-credentials");
        assertThat(Files.readString(out.resolve("all.atom"))).doesNotContain("secret");
        assertThat(Files.readString(out.resolve("all.json"))).doesNotContain("secret");
    }

    @Test
    void aConfirmedDeadArticleLeavesTheFeedsAndTheCoverageLists() throws Exception {
        Path corpus = corpus(story("Dead story", base + "/gone", base + "/related-alive"),
                story("Living story", base + "/alive", base + "/related-gone"));
        Path out = temp.resolve("feeds");

        export(corpus, out, true);
        Channel first = Feeds.rss(out.resolve("all.xml"));
        clock.advance(Duration.ofHours(2));
        RunReport second = export(corpus, out, true);

        // One DEAD check is not enough: everything is still there after the first run.
        assertThat(titles(first)).containsExactlyInAnyOrder("Dead story", "Living story");
        assertThat(contentOf(first, "Living story")).contains(base + "/related-gone");
        assertThat(second.links().verdicts().deadLinks()).isEqualTo(2);
        Channel rss = Feeds.rss(out.resolve("all.xml"));
        assertThat(titles(rss)).containsExactly("Living story");
        assertThat(contentOf(rss, "Living story")).isNull();
        assertThat(Feeds.rss(out.resolve("providers/other.example.xml")).getItems())
                .extracting(Item::getLink).containsExactly(base + "/related-alive");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage", "truncated to half"})
    void aDamagedStateDatabaseIsSetAsideWithAWarningAndMarksNoLinkDead(String damage) throws Exception {
        Path corpus = corpus(story("Dead story", base + "/gone", base + "/related-alive"),
                story("Living story", base + "/alive", base + "/related-gone"));
        Path out = temp.resolve("feeds");
        export(corpus, out, true);
        clock.advance(Duration.ofHours(2));
        Path db = temp.resolve("state/feedwright.db");
        if (damage.equals("garbage")) {
            Files.write(db, new java.util.SplittableRandom(7).ints(64 * 1024, 0, 256)
                    .collect(java.io.ByteArrayOutputStream::new, (b, i) -> b.write(i), (a, b) -> { }).toByteArray());
        } else {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(db,
                    java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(channel.size() / 2);
            }
        }
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                dev.feedwright.state.StateDb.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        RunReport second;
        try {
            second = export(corpus, out, true);
        } finally {
            logger.detachAppender(log);
        }

        // Two DEAD checks two hours apart would confirm /gone; the second run starts over instead.
        assertThat(second.links().verdicts().deadLinks()).isZero();
        assertThat(titles(Feeds.rss(out.resolve("all.xml")))).containsExactlyInAnyOrder("Dead story", "Living story");
        assertThat(log.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("feedwright.db: the state database is damaged", "moved it to feedwright.db.damaged-"));
        assertThat(Feeds.files(temp.resolve("state"))).anyMatch(f -> f.startsWith("feedwright.db.damaged-"));
    }

    @Test
    void withTheNetworkDownTheFeedsAreByteForByteThoseOfAPlainExport() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closed;
        Path corpus = corpus(story("One", nowhere + "/1", nowhere + "/1r"), story("Two", nowhere + "/2", nowhere + "/2r"),
                story("Three", nowhere + "/3", nowhere + "/3r"));

        export(corpus, temp.resolve("plain"), false);
        RunReport checked = export(corpus, temp.resolve("checked"), true);

        assertThat(checked.links().report().networkLooksDown()).isTrue();
        assertThat(Files.exists(temp.resolve("state"))).isTrue();
        List<String> files = Feeds.files(temp.resolve("plain")).stream()
                .filter(f -> !f.equals(".feedwright.lock")).toList();
        assertThat(Feeds.files(temp.resolve("checked"))).containsAll(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(temp.resolve("checked").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(temp.resolve("plain").resolve(file)));
        }
    }

    @Test
    void aPlainExportMakesNoRequestAndRecordsNoLink() throws Exception {
        Path corpus = corpus(story("Quiet", base + "/gone", base + "/old"));

        RunReport report = export(corpus, temp.resolve("feeds"), false);

        assertThat(report.links()).isNull();
        assertThat(server.getRequestCount()).isZero();
        try (StateDb db = StateDb.open(temp.resolve("state"))) {
            assertThat(new LinkStore(db).find(base + "/gone")).isNull();
        }
    }

    @Test
    void forgetsTheLinksOfArticlesThatLeftTheCorpusOnceForgetAfterHasPassed() throws Exception {
        Path corpus = corpus(story("Kept", base + "/alive", base + "/related-alive"),
                story("Removed", base + "/old", base + "/gone"));
        Path out = temp.resolve("feeds");
        export(corpus, out, true);
        Files.delete(corpus.resolve("story-1.md"));

        clock.advance(Duration.ofDays(29));
        export(corpus, out, true);
        try (StateDb db = StateDb.open(temp.resolve("state"))) {
            LinkStore store = new LinkStore(db);
            assertThat(store.find(base + "/gone")).as("listed 29 days ago").isNotNull();
            assertThat(store.find(base + "/old").movedTo()).isEqualTo(base + "/new");
        }

        clock.advance(Duration.ofDays(2));
        export(corpus, out, true);
        try (StateDb db = StateDb.open(temp.resolve("state"))) {
            LinkStore store = new LinkStore(db);
            assertThat(store.find(base + "/gone")).as("listed 31 days ago").isNull();
            assertThat(store.find(base + "/old")).isNull();
            assertThat(store.find(base + "/alive").state()).isEqualTo(dev.feedwright.state.LinkState.ALIVE);
            assertThat(store.find(base + "/related-alive")).isNotNull();
        }
    }

    /** The HTML listing an item's other coverage, or null when it has none. */
    private static String contentOf(Channel rss, String title) {
        Item item = rss.getItems().stream().filter(i -> i.getTitle().equals(title)).findFirst().orElseThrow();
        return item.getContent() == null ? null : item.getContent().getValue();
    }

    private static List<String> titles(Channel rss) {
        return rss.getItems().stream().map(Item::getTitle).toList();
    }
}
