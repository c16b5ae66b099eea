package dev.feedwright.liveness;

import static dev.feedwright.liveness.ServerSupport.redirect;
import static dev.feedwright.liveness.ServerSupport.requests;
import static dev.feedwright.liveness.ServerSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Across runs: results cached until they expire, conditional re-checks, and dead only when confirmed. */
class CacheAndConfirmationTest {

    private static final String LAST_MODIFIED = "Sat, 31 May 2025 08:00:00 GMT";

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private CheckerHarness harness;

    @BeforeEach
    void start() throws IOException {
        server.start();
        harness = new CheckerHarness(temp, CheckerHarness.fast().build());
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    private String link(String path) {
        return ServerSupport.url(server, "news.test", path);
    }

    private StoredVerdicts verdicts() throws IOException {
        return StoredVerdicts.load(harness.store, harness.clock.millis(), harness.config.confirmAfter());
    }

    @Test
    void skipsAnAliveLinkUntilItsResultExpiresThenAsksConditionally() throws Exception {
        String link = link("/story");
        server.enqueue(new MockResponse.Builder().code(200).setHeader("ETag", "\"v1\"")
                .setHeader("Last-Modified", LAST_MODIFIED).build());
        harness.check(link);
        requests(server);

        harness.clock.advance(Duration.ofHours(12));
        LinkCheckReport cached = harness.check(link);
        harness.clock.advance(Duration.ofHours(13));
        server.enqueue(status(304));
        LinkCheckReport due = harness.check(link);

        assertThat(cached.cached()).isEqualTo(1);
        assertThat(cached.checked()).isZero();
        assertThat(due.alive()).isEqualTo(1);
        List<RecordedRequest> requests = requests(server);
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
            assertThat(r.getHeaders().get("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        });
        LinkRow row = harness.row(link);
        assertThat(row.state()).isEqualTo(LinkState.ALIVE);
        assertThat(row.status()).isEqualTo(304);
        assertThat(row.etag()).isEqualTo("\"v1\"");
        assertThat(row.checkedAt()).isEqualTo(harness.clock.millis());
    }

    /**
     * Regression: lowering liveness.cacheAlive or cacheUnknown left the links checked before due
     * when the old setting said, so an operator who lowered it saw them rechecked only days later.
     */
    @Test
    void aLoweredCacheSettingShortensTheWaitOfLinksCheckedBefore() throws Exception {
        String alive = link("/alive");
        String blocked = link("/blocked");
        server.setDispatcher(new Routes().on("/alive", status(200)).on("/blocked", status(403)));
        harness.check(alive, blocked);
        harness.clock.advance(Duration.ofHours(2));
        harness.config = CheckerHarness.fast().cacheAlive(Duration.ofHours(1)).cacheUnknown(Duration.ofHours(1))
                .build();

        LinkCheckReport lowered = harness.check(alive, blocked);
        harness.clock.advance(Duration.ofMinutes(30));
        LinkCheckReport soonAfter = harness.check(alive, blocked);

        assertThat(lowered.cached()).isZero();
        assertThat(lowered.alive()).isEqualTo(1);
        assertThat(lowered.unknown()).isEqualTo(1);
        assertThat(soonAfter.cached()).isEqualTo(2);
        assertThat(requests(server)).extracting(r -> r.getUrl().encodedPath())
                .filteredOn("/alive"::equals).hasSize(2);
        assertThat(harness.row(alive).checkedAt()).isEqualTo(CheckerHarness.T0.plus(Duration.ofHours(2)).toEpochMilli());
    }

    /** Regression: as above, for a confirmed-dead link and liveness.cacheDead. */
    @Test
    void aLoweredCacheDeadShortensTheWaitOfALinkConfirmedDeadBefore() throws Exception {
        String link = link("/gone");
        server.setDispatcher(new Routes().on("/gone", status(404)));
        harness.check(link);
        harness.clock.advance(Duration.ofHours(24));
        harness.check(link);
        assertThat(harness.row(link).confirmedDead(harness.config.confirmAfter().toMillis())).isTrue();
        requests(server);
        harness.clock.advance(Duration.ofDays(2));
        harness.config = CheckerHarness.fast().cacheDead(Duration.ofDays(1)).build();

        LinkCheckReport lowered = harness.check(link);

        assertThat(lowered.cached()).isZero();
        assertThat(lowered.dead()).isEqualTo(1);
        assertThat(requests(server)).extracting(r -> r.getUrl().encodedPath()).isNotEmpty().containsOnly("/gone");
    }

    /** Regression: an ETag with bytes a request header cannot carry made every later re-check fail. */
    @Test
    void keepsOnlyValidatorsThatCanBeSentBack() throws Exception {
        String link = link("/odd-etag");
        server.enqueue(new MockResponse.Builder().code(200).addHeaderLenient("ETag", "\"caf\u00e9\"")
                .setHeader("Last-Modified", LAST_MODIFIED).build());
        harness.check(link);
        harness.clock.advance(Duration.ofDays(2));
        server.enqueue(status(304));

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.row(link).etag()).isNull();
        RecordedRequest recheck = requests(server).get(1);
        assertThat(recheck.getHeaders().get("If-None-Match")).isNull();
        assertThat(recheck.getHeaders().get("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
    }

    @Test
    void keepsAndSendsBackAValidatorOfTheLongestLengthFromSpaceToTilde() throws Exception {
        StringBuilder printable = new StringBuilder("\"");
        for (char c = 0x20; c <= 0x7e; c++) {
            printable.append(c);
        }
        String longest = printable.append("x".repeat(1023 - printable.length())).append('"').toString();
        String link = link("/long-etag");
        String tooLong = link("/too-long-etag");
        server.setDispatcher(new Routes()
                .on("/long-etag", new MockResponse.Builder().code(200).setHeader("ETag", longest).build(),
                        status(304))
                .on("/too-long-etag", new MockResponse.Builder().code(200).setHeader("ETag", "x" + longest).build(),
                        status(200)));
        harness.check(link, tooLong);
        harness.clock.advance(Duration.ofDays(2));
        requests(server);

        harness.check(link, tooLong);

        assertThat(longest).hasSize(1024).contains(" ", "~");
        assertThat("x" + longest).hasSize(1025);
        assertThat(harness.row(link).etag()).isEqualTo(longest);
        assertThat(harness.row(link).status()).isEqualTo(304);
        assertThat(harness.row(tooLong).etag()).isNull();
        assertThat(requests(server)).hasSize(2).allSatisfy(r -> assertThat(r.getHeaders().get("If-None-Match"))
                .isEqualTo(r.getUrl().encodedPath().equals("/long-etag") ? longest : null));
    }

    @Test
    void aFirstCheckSendsNoConditionalHeaders() throws Exception {
        server.enqueue(status(200));

        harness.check(link("/fresh"));

        assertThat(requests(server)).singleElement().satisfies(r -> {
            assertThat(r.getHeaders().get("If-None-Match")).isNull();
            assertThat(r.getHeaders().get("If-Modified-Since")).isNull();
        });
    }

    @Test
    void checksAnUnknownLinkAgainSoonerThanAnAliveOne() throws Exception {
        String link = link("/blocked");
        server.setDispatcher(new Routes().on("/blocked", status(403)));
        harness.check(link);

        harness.clock.advance(Duration.ofHours(5));
        LinkCheckReport early = harness.check(link);
        harness.clock.advance(Duration.ofHours(2));
        LinkCheckReport later = harness.check(link);

        assertThat(early.cached()).isEqualTo(1);
        assertThat(later.cached()).isZero();
        assertThat(later.unknown()).isEqualTo(1);
    }

    @Test
    void aLinkLeavesTheFeedsOnlyAfterTwoDeadChecksADayApart() throws Exception {
        String link = link("/gone");
        server.setDispatcher(new Routes().on("/gone", status(404)));

        harness.check(link);
        String afterFirst = verdicts().resolve(link);
        harness.clock.advance(Duration.ofHours(1));
        LinkCheckReport hourLater = harness.check(link);
        harness.clock.advance(Duration.ofHours(23));
        harness.check(link);

        assertThat(afterFirst).isEqualTo(link);
        assertThat(hourLater.cached()).isEqualTo(1);
        assertThat(harness.row(link).deadChecks()).isEqualTo(2);
        assertThat(verdicts().resolve(link)).isNull();
        assertThat(verdicts().deadLinks()).isEqualTo(1);
    }

    @Test
    void unknownBetweenTwoDeadChecksDoesNotSaveTheLinkAndAliveDoes() throws Exception {
        String flaky = link("/flaky");
        String back = link("/back");
        server.setDispatcher(new Routes().on("/flaky", status(404)).on("/back", status(404)));
        harness.check(flaky, back);

        harness.clock.advance(Duration.ofHours(24));
        server.setDispatcher(new Routes().on("/flaky", status(403)).on("/back", status(200)));
        harness.check(flaky, back);
        harness.clock.advance(Duration.ofHours(24));
        server.setDispatcher(new Routes().on("/flaky", status(404)).on("/back", status(404)));
        harness.check(flaky, back);

        assertThat(verdicts().resolve(flaky)).isNull();
        assertThat(verdicts().resolve(back)).isEqualTo(back);
        assertThat(harness.row(back).deadChecks()).isEqualTo(1);
    }

    @Test
    void aPermanentMoveIsPublishedAndForgottenOnlyWhenTheLinkAnswersInPlace() throws Exception {
        String link = link("/old");
        server.setDispatcher(new Routes().on("/old", redirect(301, "/new")).on("/new", status(200)));
        harness.check(link);
        String moved = verdicts().resolve(link);

        harness.clock.advance(Duration.ofDays(2));
        server.setDispatcher(new Routes().on("/old", status(503)));
        harness.check(link);
        String afterUnknown = verdicts().resolve(link);
        harness.clock.advance(Duration.ofDays(2));
        server.setDispatcher(new Routes().on("/old", status(200)));
        harness.check(link);

        assertThat(moved).isEqualTo(link("/new"));
        assertThat(afterUnknown).isEqualTo(link("/new"));
        assertThat(verdicts().resolve(link)).isEqualTo(link);
    }

    @Test
    void excludedLinksAreNeverRequested() throws Exception {
        harness.config = CheckerHarness.fast().exclude(List.of("/paywall/", "\\.pdf$")).build();
        server.setDispatcher(new Routes().on("/open", status(200)));
        String open = link("/open");

        LinkCheckReport report = harness.check(open, link("/paywall/story"), link("/report.pdf"));

        assertThat(report.excluded()).isEqualTo(2);
        assertThat(report.alive()).isEqualTo(1);
        assertThat(requests(server)).extracting(r -> r.getUrl().encodedPath()).containsExactly("/open");
        assertThat(harness.row(link("/report.pdf")).state()).isNull();
    }
}
