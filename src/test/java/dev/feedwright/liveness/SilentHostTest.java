package dev.feedwright.liveness;

import static dev.feedwright.liveness.ServerSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.LivenessConfig;
import dev.feedwright.liveness.LinkCheckReport.GivenUpHost;
import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-host cut-off ({@code liveness.hostGiveUp}): a host that accepts connections and never
 * answers is given up after a few links in a row, its other links are left as they were, and the
 * other hosts are checked in full.
 */
class SilentHostTest {

    private static final int SILENT_LINKS = 40;
    private static final int HEALTHY_LINKS = 10;
    private static final int GIVE_UP = 3;
    private static final int PER_HOST = 4;

    @TempDir
    Path temp;

    private final MockWebServer healthy = new MockWebServer();
    private RawServer silent;
    private CheckerHarness harness;

    @BeforeEach
    void start() throws IOException {
        healthy.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return status(200);
            }
        });
        healthy.start();
        silent = RawServer.silent();
        harness = new CheckerHarness(temp, config().build());
    }

    @AfterEach
    void stop() throws IOException {
        harness.close();
        healthy.close();
        silent.close();
    }

    private static LivenessConfig.Builder config() {
        return CheckerHarness.fast().readTimeout(Duration.ofMillis(500)).callTimeout(Duration.ofSeconds(2))
                .perHost(PER_HOST).hostGiveUp(GIVE_UP);
    }

    private List<String> silentLinks(String host, int count) {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add("http://" + host + ":" + silent.port() + "/story-" + i);
        }
        return links;
    }

    private List<String> healthyLinks(int count) {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(ServerSupport.url(healthy, "healthy.test", "/story-" + i));
        }
        return links;
    }

    private LinkCheckReport check(List<String> first, List<String> second) throws IOException {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return harness.check(all.toArray(String[]::new));
    }

    @Test
    void givesUpASilentHostAndStillChecksEveryLinkOfTheHealthyOne() throws Exception {
        List<String> quiet = silentLinks("silent.test", SILENT_LINKS);
        List<String> good = healthyLinks(HEALTHY_LINKS);

        LinkCheckReport report = check(quiet, good);

        // The links whose first tries made the streak, plus those already in flight then.
        assertThat(silent.connections()).isBetween(GIVE_UP, GIVE_UP + PER_HOST);
        for (String link : good) {
            assertThat(harness.row(link).state()).as(link).isEqualTo(LinkState.ALIVE);
        }
        long written = 0;
        for (String link : quiet) {
            LinkState state = harness.row(link).state();
            assertThat(state).as(link).isIn(null, LinkState.UNKNOWN);
            written += state == null ? 0 : 1;
        }
        long left = SILENT_LINKS - written;
        assertThat(left).isGreaterThanOrEqualTo(SILENT_LINKS - PER_HOST - GIVE_UP);
        assertThat(report.alive()).isEqualTo(HEALTHY_LINKS);
        assertThat(report.dead()).isZero();
        assertThat(report.notChecked()).isEqualTo(left);
        assertThat(report.networkLooksDown()).isFalse();
        assertThat(report.givenUp()).containsExactly(new GivenUpHost("silent.test", left));
        assertThat(report.lines()).contains("gave up on 1 host after 3 links in a row got no answer: silent.test ("
                + left + " links not checked)");
    }

    @Test
    void aSilentHostAmongHealthyOnesNoLongerMakesTheNetworkLookDown() throws Exception {
        // Without retries each silent link ends at once as a network failure: 40 of them among
        // 20 healthy links used to be 2 in 3 of the first sample, and the breaker stopped the run.
        harness.config = config().retries(0).build();
        List<String> good = healthyLinks(2 * HEALTHY_LINKS);

        LinkCheckReport report = check(silentLinks("silent.test", SILENT_LINKS), good);

        assertThat(report.networkLooksDown()).isFalse();
        assertThat(report.alive()).isEqualTo(good.size());
        assertThat(report.unknown()).isBetween((long) GIVE_UP, (long) GIVE_UP + PER_HOST);
        assertThat(report.givenUp()).extracting(GivenUpHost::host).containsExactly("silent.test");
    }

    @Test
    void aRunWhoseOnlyHostIsSilentStillSaysTheNetworkLooksDownAndWritesNothing() throws Exception {
        harness.config = config().retries(0).build();
        List<String> quiet = silentLinks("silent.test", SILENT_LINKS);

        LinkCheckReport report = check(quiet, List.of());

        assertThat(report.networkLooksDown()).isTrue();
        assertThat(report.givenUp()).extracting(GivenUpHost::host).containsExactly("silent.test");
        for (String link : quiet) {
            assertThat(harness.row(link).state()).as(link).isNull();
        }
    }

    @Test
    void anAnswerFromTheHostStartsTheCountOver() throws Exception {
        // One request at a time: silent, silent, answer, silent, silent, answer... never 3 in a row.
        // The breaker is kept out of it (two thirds of the checks fail for network reasons).
        harness.config = config().retries(0).perHost(1).networkDownPercent(100).build();
        AtomicInteger requests = new AtomicInteger();
        MockWebServer flaky = new MockWebServer();
        flaky.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return requests.incrementAndGet() % 3 == 0 ? status(200)
                        : new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build();
            }
        });
        flaky.start();
        try {
            List<String> links = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                links.add(ServerSupport.url(flaky, "flaky.test", "/story-" + i));
            }

            LinkCheckReport report = harness.check(links.toArray(String[]::new));

            assertThat(report.givenUp()).isEmpty();
            assertThat(requests.get()).isEqualTo(12);
            assertThat(report.alive()).isEqualTo(4);
            assertThat(report.unknown()).isEqualTo(8);
            assertThat(report.notChecked()).isZero();
        } finally {
            flaky.close();
        }
    }

    @Test
    void aLinkCountsOnceTowardsGivingItsHostUpHoweverOftenItIsRetried() throws Exception {
        // Three tries of one link, all silent, with a cut-off of two links: the host stays.
        harness.config = config().retries(2).hostGiveUp(2).networkDownPercent(100).build();
        String link = silentLinks("silent.test", 1).get(0);

        LinkCheckReport report = check(List.of(link), healthyLinks(2));

        assertThat(silent.connections()).isEqualTo(3);
        assertThat(harness.row(link).state()).isEqualTo(LinkState.UNKNOWN);
        assertThat(harness.row(link).detail()).containsIgnoringCase("timeout");
        assertThat(report.givenUp()).isEmpty();
        assertThat(report.notChecked()).isZero();
    }

    @Test
    void aHostThatRefusesEveryConnectionIsGivenUp() throws Exception {
        // One request at a time to it, so that exactly the cut-off's links are tried.
        harness.config = config().perHost(1).networkDownPercent(100).build();
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        List<String> refusing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            refusing.add("http://refusing.test:" + closed + "/story-" + i);
        }

        LinkCheckReport report = check(refusing, healthyLinks(HEALTHY_LINKS));

        assertThat(report.givenUp()).containsExactly(new GivenUpHost("refusing.test", 10 - GIVE_UP));
        assertThat(report.notChecked()).isEqualTo(10 - GIVE_UP);
        assertThat(report.alive()).isEqualTo(HEALTHY_LINKS);
        List<LinkRow> tried = new ArrayList<>();
        for (String link : refusing) {
            LinkRow row = harness.row(link);
            if (row.state() != null) {
                tried.add(row);
            }
        }
        assertThat(tried).hasSize(GIVE_UP).allSatisfy(row -> {
            assertThat(row.state()).isEqualTo(LinkState.UNKNOWN);
            assertThat(row.detail()).startsWith("cannot connect: ConnectException");
        });
    }

    @Test
    void answersThatAreNotHttpAndNamesThatFailNeverGiveAHostUp() throws Exception {
        // Each of these hosts fails three links in a row with a cut-off of two, and none of the
        // failures is silence: the server answered (not in HTTP, or not in TLS), or was never asked.
        harness.config = config().hostGiveUp(2).retries(0).perHost(1).networkDownPercent(100).build();
        harness.guard = new AddressGuard(false, address -> address.getHostAddress().equals("127.0.0.1"));
        harness.dns.map("inside.test", "127.0.0.2");
        try (RawServer ssh = RawServer.answeringAfterRequest("SSH-2.0-OpenSSH_9.6\r\n");
                RawServer plain = RawServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")) {
            List<String> failing = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                failing.add("http://ssh.test:" + ssh.port() + "/story-" + i);
                failing.add("https://secure.test:" + plain.port() + "/story-" + i);
                failing.add("http://gone.invalid/story-" + i);
                failing.add("http://inside.test:" + ssh.port() + "/story-" + i);
            }

            LinkCheckReport report = check(failing, healthyLinks(2));

            assertThat(report.givenUp()).isEmpty();
            assertThat(report.notChecked()).isZero();
            assertThat(ssh.connections()).as("the ssh host's connections: one per link, none to inside.test")
                    .isEqualTo(3);
            assertThat(plain.connections()).isEqualTo(3);
            for (String link : failing) {
                LinkRow row = harness.row(link);
                LinkState expected = link.contains("ssh.test") || link.contains("secure.test") ? LinkState.UNKNOWN
                        : link.contains("inside.test") ? LinkState.REFUSED : LinkState.DEAD;
                assertThat(row.state()).as(link + ": " + row.detail()).isEqualTo(expected);
            }
        }
    }

    @Test
    void zeroNeverGivesUp() throws Exception {
        harness.config = config().hostGiveUp(0).retries(0).networkDownPercent(100).build();

        LinkCheckReport report = check(silentLinks("silent.test", 12), List.of());

        assertThat(silent.connections()).isEqualTo(12);
        assertThat(report.unknown()).isEqualTo(12);
        assertThat(report.givenUp()).isEmpty();
    }
}
