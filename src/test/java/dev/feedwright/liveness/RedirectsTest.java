package dev.feedwright.liveness;

import static dev.feedwright.liveness.ServerSupport.redirect;
import static dev.feedwright.liveness.ServerSupport.requests;
import static dev.feedwright.liveness.ServerSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkState;
import java.io.IOException;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redirect chains: which ones move a link for good, and which ones end the check. */
class RedirectsTest {

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

    private String url(String host, String path) {
        return ServerSupport.url(server, host, path);
    }

    @Test
    void permanentRedirectChainMovesTheLinkToTheFinalAddress() throws Exception {
        server.enqueue(redirect(301, url("news.test", "/b")));
        server.enqueue(redirect(308, "/c"));
        server.enqueue(status(200));
        String link = url("old.test", "/a");

        LinkCheckReport report = harness.check(link);

        assertThat(report.moved()).isEqualTo(1);
        LinkRow row = harness.row(link);
        assertThat(row.state()).isEqualTo(LinkState.ALIVE);
        assertThat(row.movedTo()).isEqualTo(url("news.test", "/c"));
        assertThat(requests(server)).extracting(r -> r.getHeaders().get("Host") + r.getUrl().encodedPath())
                .containsExactly("old.test:" + server.getPort() + "/a", "news.test:" + server.getPort() + "/b",
                        "news.test:" + server.getPort() + "/c");
    }

    @Test
    void temporaryRedirectKeepsTheLinkAsItIs() throws Exception {
        server.enqueue(redirect(302, "/login"));
        server.enqueue(status(200));
        String link = url("news.test", "/a");

        LinkCheckReport report = harness.check(link);

        assertThat(report.alive()).isEqualTo(1);
        assertThat(report.moved()).isZero();
        assertThat(harness.row(link).movedTo()).isNull();
    }

    @Test
    void aTemporaryHopEndsThePermanentMoveAtTheAddressBeforeIt() throws Exception {
        server.enqueue(redirect(301, "/b"));
        server.enqueue(redirect(307, "/c"));
        server.enqueue(redirect(301, "/d"));
        server.enqueue(status(200));
        String link = url("news.test", "/a");

        harness.check(link);

        assertThat(harness.row(link).movedTo()).isEqualTo(url("news.test", "/b"));
    }

    @Test
    void redirectToAnOverlongAddressIsUnknownAndNotFollowed() throws Exception {
        // A hostile server can make every hop's Location nearly 256 KiB long; the chain is held in memory.
        server.enqueue(redirect(301, "/" + "a".repeat(LinkProbe.MAX_LOCATION_CHARS)));
        server.enqueue(status(200));
        String link = url("news.test", "/a");

        LinkCheckReport report = harness.check(link);

        assertThat(report.unknown()).isEqualTo(1);
        LinkRow row = harness.row(link);
        assertThat(row.detail()).isEqualTo("HTTP 301 to an address longer than 8192 characters");
        assertThat(row.movedTo()).isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void redirectLoopIsUnknownAndStopsAtTheFirstRepeat() throws Exception {
        server.enqueue(redirect(301, "/b"));
        server.enqueue(redirect(301, "/a"));
        server.enqueue(status(200));
        String link = url("news.test", "/a");

        harness.check(link);

        LinkRow row = harness.row(link);
        assertThat(row.state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(row.detail()).isEqualTo("redirect loop");
        assertThat(row.movedTo()).isNull();
        assertThat(requests(server)).hasSize(2);
    }

    @Test
    void seeOtherIsFollowedAndKeepsTheLinkAsItIs() throws Exception {
        server.enqueue(redirect(303, "/landing"));
        server.enqueue(status(200));
        String link = url("news.test", "/story");

        LinkCheckReport report = harness.check(link);

        assertThat(report.moved()).isZero();
        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.row(link).movedTo()).isNull();
        assertThat(requests(server)).extracting(r -> r.getUrl().encodedPath()).containsExactly("/story", "/landing");
    }

    @Test
    void chainOfExactlyTheLimitIsFollowed() throws Exception {
        harness.config = CheckerHarness.fast().maxRedirects(3).build();
        for (int i = 1; i <= 3; i++) {
            server.enqueue(redirect(301, "/hop" + i));
        }
        server.enqueue(status(200));
        String link = url("news.test", "/start");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.row(link).movedTo()).isEqualTo(url("news.test", "/hop3"));
    }

    @Test
    void chainLongerThanTheLimitIsUnknown() throws Exception {
        harness.config = CheckerHarness.fast().maxRedirects(3).build();
        for (int i = 1; i <= 5; i++) {
            server.enqueue(redirect(301, "/hop" + i));
        }
        String link = url("news.test", "/start");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail()).isEqualTo("more than 3 redirects");
        assertThat(requests(server)).hasSize(4);
    }

    @Test
    void permanentRedirectToA404IsDeadNotMoved() throws Exception {
        server.enqueue(redirect(301, "/new"));
        server.enqueue(status(404));
        server.enqueue(status(404));
        String link = url("news.test", "/old");

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.DEAD);
        assertThat(harness.row(link).movedTo()).isNull();
    }

    @Test
    void redirectToAnotherSchemeIsRefusedUnrequested() throws Exception {
        server.enqueue(redirect(302, "ftp://files.test/story.txt"));
        String link = url("news.test", "/a");

        LinkCheckReport report = harness.check(link);

        assertThat(report.refused()).isEqualTo(1);
        assertThat(harness.row(link).state()).isEqualTo(LinkState.REFUSED);
        assertThat(requests(server)).extracting(RecordedRequest::getMethod).containsExactly("HEAD");
    }

    @Test
    void redirectToAnyOtherSchemeIsRefusedHoweverItIsWritten() throws Exception {
        // OkHttp resolves none of these; java.net.URI cannot parse the ones with a space or braces.
        String[] locations = {
            "file:///etc/passwd",
            "FTP://files.test/story.txt",
            "javascript:alert(1)",
            "ftp://files.test/my story.txt",
            "ftp://files.test/{id}.txt",
            "ftp:",
        };
        Routes routes = new Routes();
        String[] links = new String[locations.length];
        for (int i = 0; i < locations.length; i++) {
            routes.on("/r" + i, redirect(302, locations[i]));
            links[i] = url("news.test", "/r" + i);
        }
        server.setDispatcher(routes);

        LinkCheckReport report = harness.check(links);

        for (int i = 0; i < links.length; i++) {
            LinkRow row = harness.row(links[i]);
            assertThat(row.state()).as(locations[i]).isEqualTo(LinkState.REFUSED);
            assertThat(row.detail()).as(locations[i]).isEqualTo("redirect to a non-http(s) address");
        }
        assertThat(report.refused()).isEqualTo(locations.length);
        assertThat(requests(server)).extracting(r -> r.getUrl().encodedPath())
                .containsExactlyInAnyOrder("/r0", "/r1", "/r2", "/r3", "/r4", "/r5");
    }

    @Test
    void redirectToAnHttpAddressThatCannotBeReadIsUnknownNotRefused() throws Exception {
        server.setDispatcher(new Routes()
                .on("/space", redirect(302, "http://news .test/b"))
                .on("/slash", redirect(302, "http://news%2Ftest/b"))
                .on("/empty-host", redirect(302, "https://")));
        String space = url("news.test", "/space");
        String slash = url("news.test", "/slash");
        String emptyHost = url("news.test", "/empty-host");

        LinkCheckReport report = harness.check(space, slash, emptyHost);

        assertThat(report.unknown()).isEqualTo(3);
        assertThat(report.refused()).isZero();
        for (String link : new String[] {space, slash, emptyHost}) {
            assertThat(harness.row(link).state()).as(link).isEqualTo(LinkState.UNKNOWN);
            assertThat(harness.row(link).detail()).as(link).isEqualTo("HTTP 302 to an unusable Location");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void redirectWithoutALocationIsUnknownAndEndsTheCheck() throws Exception {
        server.setDispatcher(new Routes()
                .on("/none", status(302))
                .on("/blank", redirect(301, " ")));
        String none = url("news.test", "/none");
        String blank = url("news.test", "/blank");

        harness.check(none, blank);

        assertThat(harness.row(none).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(none).detail()).isEqualTo("HTTP 302 without a Location");
        assertThat(harness.row(blank).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(blank).detail()).isEqualTo("HTTP 301 without a Location");
        assertThat(harness.row(blank).movedTo()).isNull();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void redirectToAnAddressOfExactlyTheLongestLengthIsFollowed() throws Exception {
        String prefix = url("news.test", "/");
        String longest = prefix + "a".repeat(LinkProbe.MAX_LOCATION_CHARS - prefix.length());
        server.setDispatcher(new Routes()
                .on("/a", redirect(301, longest))
                .on("/" + "a".repeat(LinkProbe.MAX_LOCATION_CHARS - prefix.length()), status(200)));
        String link = url("news.test", "/a");

        harness.check(link);

        assertThat(longest).hasSize(LinkProbe.MAX_LOCATION_CHARS);
        LinkRow row = harness.row(link);
        assertThat(row.state()).isEqualTo(LinkState.ALIVE);
        assertThat(row.movedTo()).isEqualTo(longest);
        assertThat(requests(server)).extracting(r -> r.getUrl().toString()).containsExactly(link, longest);
    }
}
