package dev.feedwright.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteAddressTest {

    private static final URI DEFAULT = URI.create("http://127.0.0.1:8080/");

    @Test
    void theDefaultsFit() {
        assertThat(SiteAddress.problem(DEFAULT, URI.create("http://127.0.0.1:8080/"), "127.0.0.1")).isEmpty();
        assertThat(SiteAddress.problem(URI.create("http://localhost/"), URI.create("http://localhost:80/"), "localhost"))
                .isEmpty();
    }

    @Test
    void anHttpsSiteAddressWithoutAPortMeansPort443() {
        URI site = URI.create("https://localhost/");
        assertThat(SiteAddress.problem(site, URI.create("http://127.0.0.1:443/"), "127.0.0.1")).isEmpty();
        assertThat(SiteAddress.problem(site, URI.create("http://127.0.0.1:80/"), "127.0.0.1"))
                .hasValueSatisfying(words -> assertThat(words).contains("lead to port 443"));
    }

    @Test
    void aBracketedIpv6LoopbackSiteAddressIsJudged() {
        URI site = URI.create("http://[::1]:8080/");
        assertThat(site.getHost()).isEqualTo("[::1]");
        assertThat(SiteAddress.problem(site, URI.create("http://[::1]:9090/"), "::1"))
                .hasValueSatisfying(words -> assertThat(words).contains("lead to port 8080"));
    }

    @Test
    void anotherPortThanTheSiteAddressNamesIsASlip() {
        assertThat(SiteAddress.problem(DEFAULT, URI.create("http://127.0.0.1:9090/"), "127.0.0.1")).hasValueSatisfying(
                words -> assertThat(words).contains("site.baseUrl is http://127.0.0.1:8080/")
                        .contains("this server is at http://127.0.0.1:9090/").contains("lead to port 8080"));
    }

    @Test
    void openingToOtherMachinesWhileTheFeedsNameThisOneIsASlip() {
        assertThat(SiteAddress.problem(DEFAULT, URI.create("http://0.0.0.0:8080/"), "0.0.0.0"))
                .hasValueSatisfying(words -> assertThat(words).contains("listens on 0.0.0.0 for others"));
    }

    /** Found by a helper's review: every link of the index page went to /feeds/..., a 404. */
    @Test
    void aSiteAddressWithAPathIsASlipForThisServer() {
        URI site = URI.create("http://127.0.0.1:8080/feeds/");
        assertThat(SiteAddress.problem(site, URI.create("http://127.0.0.1:8080/"), "127.0.0.1")).hasValueSatisfying(
                problem -> assertThat(problem).startsWith("site.baseUrl is http://127.0.0.1:8080/feeds/, but this server"
                        + " serves the output folder at http://127.0.0.1:8080/").contains("under /feeds/, lead nowhere"));
        assertThat(SiteAddress.problem(URI.create("http://127.0.0.1:8080"), URI.create("http://127.0.0.1:8080/"),
                "127.0.0.1")).isEmpty();
    }

    @Test
    void aPublicSiteAddressIsNotJudged() {
        URI site = URI.create("https://news.example.org/feeds/");
        assertThat(SiteAddress.problem(site, URI.create("http://127.0.0.1:9090/"), "127.0.0.1")).isEmpty();
        assertThat(SiteAddress.problem(site, URI.create("http://0.0.0.0:8080/"), "0.0.0.0")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "feeds.localhost", "::1", "[::1]"})
    void recognisesLoopbackWithoutALookup(String host) {
        assertThat(SiteAddress.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.168.1.2", "example.org", "127.example.org", "::", "localhost.example.org"})
    void otherAddressesAreNotLoopback(String host) {
        assertThat(SiteAddress.isLoopback(host)).isFalse();
    }
}
