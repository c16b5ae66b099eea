package dev.feedwright.liveness;

import static dev.feedwright.liveness.ServerSupport.redirect;
import static dev.feedwright.liveness.ServerSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkState;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile corpus cannot make Feedwright probe its own network. Every address used here is on
 * loopback, so a guard that failed would reach the test's own server (and the test would see
 * it), never another machine.
 */
class PrivateAddressRefusalTest {

    @TempDir
    Path temp;

    private final MockWebServer server = new MockWebServer();
    private CheckerHarness harness;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        harness = new CheckerHarness(temp, CheckerHarness.fast().allowPrivateAddresses(false).build());
    }

    @AfterEach
    void stop() {
        harness.close();
        server.close();
    }

    @Test
    void refusesLoopbackLinksByAddressAndByNameWithoutARequest() throws Exception {
        int port = server.getPort();
        harness.dns.map("innocent-looking.example", "127.0.0.1");
        String[] links = {
            "http://127.0.0.1:" + port + "/literal",
            "http://[::1]:" + port + "/ipv6",
            "http://[::ffff:127.0.0.1]:" + port + "/mapped",
            "http://innocent-looking.example:" + port + "/by-name",
            "http://localhost.test:" + port + "/test-name",
        };

        LinkCheckReport report = harness.check(links);

        assertThat(report.refused()).isEqualTo(links.length);
        assertThat(report.networkLooksDown()).isFalse();
        assertThat(server.getRequestCount()).isZero();
        for (String link : links) {
            assertThat(harness.row(link).state()).as(link).isEqualTo(LinkState.REFUSED);
        }
        assertThat(Arrays.stream(links).map(l -> {
            try {
                return harness.row(l).detail();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        })).anySatisfy(detail -> assertThat(detail).contains("resolves only to non-public addresses"))
                .anySatisfy(detail -> assertThat(detail).startsWith("non-public address"));
    }

    @Test
    void refusesLoopbackWrittenAsAShortOrDecimalNumber() throws Exception {
        // OkHttp connects to these without asking the resolver: 127.0.0.1, 127.0.0.1, 0.0.0.0.
        int port = server.getPort();
        String[] links = {
            "http://2130706433:" + port + "/decimal",
            "http://127.1:" + port + "/short",
            "http://0:" + port + "/zero",
        };

        LinkCheckReport report = harness.check(links);

        assertThat(server.getRequestCount()).isZero();
        assertThat(report.refused()).isEqualTo(links.length);
        assertThat(harness.row(links[0]).detail()).isEqualTo("non-public address 2130706433 (127.0.0.1)");
    }

    @Test
    void namesARefusedIpv6AddressAsWrittenAndOnlyAShortIpv4OneAlsoInFull() throws Exception {
        int port = server.getPort();
        String ipv6 = "http://[::1]:" + port + "/ipv6";
        String dotted = "http://127.0.0.1:" + port + "/dotted";
        String shortForm = "http://127.0.1:" + port + "/short";

        harness.check(ipv6, dotted, shortForm);

        assertThat(harness.row(ipv6).detail()).isEqualTo("non-public address ::1");
        assertThat(harness.row(dotted).detail()).isEqualTo("non-public address 127.0.0.1");
        assertThat(harness.row(shortForm).detail()).isEqualTo("non-public address 127.0.1 (127.0.0.1)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refusesDigitsAndDotsThatAreNoIpv4AddressWithoutALookup() throws Exception {
        // OkHttp takes such a host for an IP literal too; the JDK would look it up as a name.
        int port = server.getPort();
        String[] links = {"http://1.2.3.4.5:" + port + "/five", "http://999.0.0.1:" + port + "/big"};

        LinkCheckReport report = harness.check(links);

        assertThat(report.refused()).isEqualTo(2);
        assertThat(harness.row(links[0]).detail()).isEqualTo("not a valid IP address: 1.2.3.4.5");
        assertThat(harness.row(links[1]).detail()).isEqualTo("not a valid IP address: 999.0.0.1");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refusesLoopbackWrittenInTheDeprecatedIpv4CompatibleForm() throws Exception {
        // [::127.0.0.1] reaches loopback on a stack that still routes ::/96 (this one does not,
        // so without the guard the check ends UNKNOWN here, not REFUSED).
        String link = "http://[::127.0.0.1]:" + server.getPort() + "/compatible";

        LinkCheckReport report = harness.check(link);

        assertThat(report.refused()).isEqualTo(1);
        assertThat(harness.row(link).detail()).startsWith("non-public address");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refusesARedirectToLoopbackWrittenAsADecimalNumber() throws Exception {
        harness.guard = new AddressGuard(false, address -> address.getHostAddress().equals("127.0.0.1")
                && !address.getHostName().equals("2130706433"));
        harness.dns.map("public.example", "127.0.0.1");
        int port = server.getPort();
        server.setDispatcher(new Routes()
                .on("/away", redirect(302, "http://2130706433:" + port + "/secret")));
        String link = "http://public.example:" + port + "/away";

        harness.check(link);

        assertThat(harness.row(link).state()).isEqualTo(LinkState.REFUSED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusesARedirectToAPrivateAddress() throws Exception {
        // Let the checker reach this one loopback server as if it were public; 127.0.0.2 stays private.
        harness.guard = new AddressGuard(false, address -> address.getHostAddress().equals("127.0.0.1"));
        harness.dns.map("public.example", "127.0.0.1").map("metadata.example", "127.0.0.2");
        int port = server.getPort();
        server.setDispatcher(new Routes()
                .on("/to-literal", redirect(302, "http://127.0.0.2:" + port + "/secret"))
                .on("/to-name", redirect(301, "http://metadata.example:" + port + "/latest"))
                .on("/fine", status(200)));
        String toLiteral = "http://public.example:" + port + "/to-literal";
        String toName = "http://public.example:" + port + "/to-name";
        String fine = "http://public.example:" + port + "/fine";

        LinkCheckReport report = harness.check(toLiteral, toName, fine);

        assertThat(harness.row(toLiteral).state()).isEqualTo(LinkState.REFUSED);
        assertThat(harness.row(toName).state()).isEqualTo(LinkState.REFUSED);
        assertThat(harness.row(toName).movedTo()).isNull();
        assertThat(harness.row(fine).state()).isEqualTo(LinkState.ALIVE);
        assertThat(report.refused()).isEqualTo(2);
        // Only the three first hops reached the server; no redirect was followed to it.
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void refusesSchemesOtherThanHttp() throws Exception {
        String link = "ftp://files.test/story.txt";

        LinkCheckReport report = harness.check(link);

        assertThat(report.refused()).isEqualTo(1);
        assertThat(harness.row(link).detail()).isEqualTo("not an http(s) address");
    }
}
