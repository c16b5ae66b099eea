package dev.feedwright.liveness;

import static dev.feedwright.liveness.ServerSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkState;
import dev.feedwright.state.LinkStore.SeenLink;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine that lost its network must never mark the corpus dead. */
class NetworkDownTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private CheckerHarness harness;
    private int closedPort;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Routes().on("/ok", status(200)).on("/gone", status(404)));
        server.start();
        // The unreachable links are spread over eight loopback addresses, standing for a whole
        // network of hosts (one host's failures alone are not the network's, see
        // NetworkBreakerTest); without hostGiveUp 0 the per-host cut-off would leave all but a few
        // of each (see SilentHostTest).
        harness = new CheckerHarness(temp, CheckerHarness.fast().retries(0).hostGiveUp(0).build());
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nothing listens here once closed: connections are refused
        }
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    private String[] unreachable(int count) {
        String[] links = new String[count];
        for (int i = 0; i < count; i++) {
            links[i] = "http://127.0.0." + (1 + i % 8) + ":" + closedPort + "/story-" + i;
        }
        return links;
    }

    @Test
    void stopsWhenMostOfTheFirstChecksFailAndKeepsEveryPreviousState() throws Exception {
        String[] links = unreachable(80);
        String known = links[0];
        harness.store.markSeen(List.of(new SeenLink(known, "127.0.0.1")), 1);
        LinkRow before = new LinkRow(known, "127.0.0.1", LinkState.DEAD, 404, "HTTP 404", null, 5, 0, 5, 5, 1,
                null, null, null);
        harness.store.save(List.of(before));

        LinkCheckReport report = harness.check(links);

        assertThat(report.networkLooksDown()).isTrue();
        assertThat(report.networkDown()).startsWith("the network looks down: 26 of the first 26 checks failed")
                .contains("every link keeps its previous state")
                .doesNotContain("no host name resolved"); // addresses, not names, failed here
        assertThat(report.checked()).isEqualTo(26);
        assertThat(report.unknown()).isEqualTo(26);
        assertThat(report.dead()).isZero();
        assertThat(report.notChecked()).isEqualTo(54);
        assertThat(report.lines()).contains("26 checked: 0 alive, 0 moved, 0 dead, 26 unknown, 0 refused;"
                + " 54 not checked (left unknown)");
        assertThat(harness.row(known)).isEqualTo(before);
        for (String link : links) {
            if (!link.equals(known)) {
                assertThat(harness.row(link).state()).as(link).isNull();
            }
        }
    }

    @Test
    void namesThatNoLongerResolveAreNotDeadWhenNoNameResolves() throws Exception {
        String[] links = new String[10];
        for (int i = 0; i < links.length; i++) {
            links[i] = "http://outlet-" + i + ".example/story"; // the fake resolver knows none of them
        }

        LinkCheckReport report = harness.check(links);

        assertThat(report.networkDown()).contains("(no host name resolved)");
        assertThat(report.dead()).isZero();
        assertThat(report.unknown()).isEqualTo(10);
        assertThat(harness.row(links[3]).state()).isNull();
    }

    /**
     * Regression: offline, {@code /etc/hosts} still answers {@code localhost}; a link to it (refused
     * by the address guard, never requested) counted as a name that resolves, so every outlet whose
     * name failed was dead, and a DNS outage over two checks could empty the feeds.
     */
    @Test
    void aNameResolvingOnlyToARefusedAddressDoesNotMakeTheNamesThatFailDead() throws Exception {
        try (CheckerHarness guarded = new CheckerHarness(temp.resolve("guarded"),
                CheckerHarness.fast().retries(0).hostGiveUp(0).allowPrivateAddresses(false).build())) {
            guarded.dns.map("localhost", "127.0.0.1");
            String[] links = new String[11];
            links[0] = "http://localhost/admin";
            for (int i = 1; i < links.length; i++) {
                links[i] = "http://outlet-" + i + ".example/story"; // the fake resolver knows none of them
            }

            LinkCheckReport report = guarded.check(links);

            assertThat(report.refused()).isEqualTo(1);
            assertThat(report.dead()).isZero();
            assertThat(report.networkDown()).contains("(no host name resolved)");
            assertThat(guarded.row(links[1]).state()).isNotEqualTo(LinkState.DEAD);
        }
    }

    @Test
    void aFewUnreachableLinksAmongHealthyOnesAreOnlyUnknown() throws Exception {
        String[] links = new String[20];
        String[] down = unreachable(8);
        System.arraycopy(down, 0, links, 0, 8);
        for (int i = 8; i < 20; i++) {
            links[i] = ServerSupport.url(server, "site" + i + ".test", "/ok");
        }

        LinkCheckReport report = harness.check(links);

        assertThat(report.networkLooksDown()).isFalse();
        assertThat(report.alive()).isEqualTo(12);
        assertThat(report.unknown()).isEqualTo(8);
        assertThat(harness.row(down[0]).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(down[0]).detail()).startsWith("cannot connect");
    }

    @Test
    void oneOutletRefusingConnectionsInASmallRunIsNotTheNetwork() throws Exception {
        // Five links, fewer than the sample of 50: three of one outlet that refuses connections,
        // two of another that answers. The run used to be judged "network down" (3 of 5) and
        // nothing was written, at every run again.
        String down = "http://127.0.0.1:" + closedPort;
        String[] links = {down + "/a", down + "/b", down + "/c",
                ServerSupport.url(server, "up.test", "/ok"), ServerSupport.url(server, "up.test", "/ok?2")};

        LinkCheckReport report = harness.check(links);

        assertThat(report.networkLooksDown()).isFalse();
        assertThat(report.alive()).isEqualTo(2);
        assertThat(report.unknown()).isEqualTo(3);
        assertThat(harness.row(links[3]).state()).isEqualTo(LinkState.ALIVE);
        assertThat(harness.row(links[0]).state()).isEqualTo(LinkState.UNKNOWN);
    }

    @Test
    void aSmallRunWhoseOnlyOutletRefusesEveryConnectionIsTheNetwork() throws Exception {
        String down = "http://127.0.0.1:" + closedPort;

        LinkCheckReport report = harness.check(down + "/a", down + "/b", down + "/c");

        assertThat(report.networkDown()).startsWith("the network looks down: 3 of the first 3 checks failed");
        assertThat(harness.row(down + "/a").state()).isNull();
    }

    @Test
    void progressCountsTheResultsHeldBackForTheSample() throws Exception {
        // Five links, fewer than the sample: every result is held back until the run ends, and
        // the progress display said "0 alive, 0 dead, 0 unknown" all along.
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void start(long total) {
            }

            @Override
            public void update(long done, String counts) {
                shown.add(done + ": " + counts);
            }

            @Override
            public void close() {
            }
        };
        String[] links = {ServerSupport.url(server, "a.test", "/ok"), ServerSupport.url(server, "b.test", "/ok"),
                ServerSupport.url(server, "c.test", "/ok"), ServerSupport.url(server, "d.test", "/gone"),
                "http://127.0.0.1:" + closedPort + "/e"};

        LinkCheckReport report = harness.checkSeen(harness.seen(links), recording);

        assertThat(report.alive()).isEqualTo(3);
        // Updates come from the checking threads in any order; the fifth saw every result.
        assertThat(shown).hasSize(5).contains("5: 3 alive, 1 dead, 1 unknown");
    }
}
