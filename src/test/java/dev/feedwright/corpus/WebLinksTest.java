package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** Normalising corpus links to absolute ASCII http(s) addresses, and reading provider domains. */
class WebLinksTest {

    private static String url(String raw) {
        WebLinks.Result result = WebLinks.parse(raw);
        assertThat(result.usable()).as("%s is usable, problem: %s", raw, result.problem()).isTrue();
        assertThat(result.problem()).isNull();
        return result.url();
    }

    private static String problem(String raw) {
        WebLinks.Result result = WebLinks.parse(raw);
        assertThat(result.usable()).as("%s is refused", raw).isFalse();
        assertThat(result.url()).isNull();
        return result.problem();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://example.com/a                  | https://example.com/a
            HTTPS://WWW.Example.COM/Path/Case      | https://www.example.com/Path/Case
            https://example.com:443/a              | https://example.com/a
            http://example.com:80/a                | http://example.com/a
            http://example.com:8080/a              | http://example.com:8080/a
            https://example.com:80/a               | https://example.com:80/a
            https://example.com                    | https://example.com/
            https://example.com?q=1                | https://example.com/?q=1
            https://example.com./a                 | https://example.com/a
            //cdn.example.com/x.jpg                | https://cdn.example.com/x.jpg
            https://example.com/a#b#c              | https://example.com/a#b%23c
            """)
    void normalisesSchemeHostAndPort(String raw, String expected) {
        assertThat(url(raw)).isEqualTo(expected);
    }

    @Test
    void keepsPortsAtTheEdgesOfTheirRangeAndEveryDigit() {
        assertThat(url("http://Example.com:1/a")).isEqualTo("http://example.com:1/a");
        assertThat(url("http://Example.com:65535/a")).isEqualTo("http://example.com:65535/a");
        assertThat(url("http://Example.com:10009/a")).isEqualTo("http://example.com:10009/a");
        assertThat(problem("http://example.com:65536/a")).contains("is not valid");
        assertThat(problem("http://example.com:100000/a")).contains("is not valid");
    }

    @Test
    void keepsHostsAndLabelsOfTheLongestLengthsDnsAllows() {
        String label = "A".repeat(63);
        String host = label + "." + label + "." + label + "." + "b".repeat(61);
        assertThat(host).hasSize(253);

        assertThat(url("https://" + label + ".com/")).isEqualTo("https://" + label.toLowerCase() + ".com/");
        assertThat(url("https://" + host + "/")).isEqualTo("https://" + host.toLowerCase() + "/");
        assertThat(url("https://" + host + "./")).isEqualTo("https://" + host.toLowerCase() + "/");
        assertThat(problem("https://" + label + "A.com/")).contains("is not valid");
        assertThat(problem("https://" + host + "b/")).contains("is not valid");
    }

    @Test
    void keepsTheFirstAndLastLettersAndDigitsUnescaped() {
        assertThat(url("HTTP://AZ09.Example/azAZ09?az=AZ09#09")).isEqualTo("http://az09.example/azAZ09?az=AZ09#09");
    }

    @Test
    void keepsAPercentEscapeThatEndsTheLink() {
        assertThat(url("https://Example.com/caf%C3%A9")).isEqualTo("https://example.com/caf%C3%A9");
        assertThat(url("https://Example.com/a%0A")).isEqualTo("https://example.com/a%0A");
        assertThat(url("https://Example.com/a%A0")).isEqualTo("https://example.com/a%A0");
        assertThat(url("https://example.com/x%4")).isEqualTo("https://example.com/x%254");
    }

    @Test
    void takesALinkOfExactlyTheLongestLength() {
        String link = "https://Example.com/" + "a".repeat(WebLinks.MAX_LENGTH - 20);
        assertThat(link).hasSize(WebLinks.MAX_LENGTH);

        assertThat(url(link)).isEqualTo(link.replace("Example", "example"));
    }

    @Test
    void writesInternationalisedHostAsPunycode() {
        assertThat(url("https://bücher.de/")).isEqualTo("https://xn--bcher-kva.de/");
        assertThat(url("https://例え.jp/")).isEqualTo("https://xn--r8jz45g.jp/");
    }

    @Test
    void percentEncodesNonAsciiAndSpacesInPathQueryAndFragment() {
        assertThat(url("https://example.com/straße mit space?q=日本#ü"))
                .isEqualTo("https://example.com/stra%C3%9Fe%20mit%20space?q=%E6%97%A5%E6%9C%AC#%C3%BC");
    }

    @Test
    void keepsExistingPercentEscapes() {
        assertThat(url("https://example.com/caf%C3%A9?q=%2F%20x")).isEqualTo("https://example.com/caf%C3%A9?q=%2F%20x");
    }

    @Test
    void escapesPercentSignThatStartsNoEscape() {
        assertThat(url("https://example.com/100%")).isEqualTo("https://example.com/100%25");
        assertThat(url("https://example.com/a%zzb%4")).isEqualTo("https://example.com/a%25zzb%254");
    }

    @Test
    void decodesAmpersandEntityInLink() {
        assertThat(url("https://example.com/a?x=1&amp;y=2")).isEqualTo("https://example.com/a?x=1&y=2");
    }

    @Test
    void repairsMojibakeInLink() {
        assertThat(url("https://example.com/itâ€™s")).isEqualTo("https://example.com/it%E2%80%99s");
    }

    @Test
    void trimsSurroundingSpaceAndDropsControlCharacters() {
        assertThat(url("  https://example.com/x\u0000y  ")).isEqualTo("https://example.com/xy");
    }

    @Test
    void resultIsAsciiAndAValidUri() {
        String result = url("https://Bücher.de/ä ö?ü=ß#€");
        assertThat(result).matches("[\\x21-\\x7E]+");
        assertThat(java.net.URI.create(result).getHost()).isEqualTo("xn--bcher-kva.de");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            javascript:alert(1)                  | scheme 'javascript:' is not http or https
            JavaScript:alert(1)                  | scheme 'javascript:' is not http or https
            data:text/html,<b>x</b>              | scheme 'data:' is not http or https
            file:///etc/passwd                   | scheme 'file:' is not http or https
            ftp://example.com/                   | scheme 'ftp:' is not http or https
            mailto:news@example.com              | scheme 'mailto:' is not http or https
            /relative/path                       | the link is relative: /relative/path
            relative.html                        | the link is relative: relative.html
            ?q=1                                 | the link is relative
            https://user:pass@example.com/       | the link carries credentials
            https://user@example.com/            | the link carries credentials
            https://example.com@evil.example/    | the link carries credentials
            http:/example.com                    | the link has no host
            https://                             | host '' is not valid
            https://exa mple.com/                | host 'exa mple.com' is not valid
            https://-bad-.example/               | is not valid
            https://example.com:99999/           | is not valid
            https://example.com:0/               | is not valid
            https://example.com:x/               | is not valid
            https://[::1/                        | IPv6
            https://[::1]:8443/x                 | is an IPv6 address
            https://example.com\\evil.example/   | is not valid
            """)
    void refusesLinkThatIsNoAbsoluteHttpAddress(String raw, String reason) {
        assertThat(problem(raw)).contains(reason);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesMissingLink(String raw) {
        assertThat(problem(raw)).isEqualTo("the link is empty");
    }

    @Test
    void refusesOverlongLink() {
        assertThat(problem("https://example.com/" + "a".repeat(WebLinks.MAX_LENGTH)))
                .contains("longer than " + WebLinks.MAX_LENGTH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            example.com                      | example.com
            WWW.Example.COM                  | example.com
            www.www.example.com              | www.example.com
            news.BBC.co.uk                   | news.bbc.co.uk
            https://www.example.com/path     | example.com
            example.com:8080                 | example.com
            bücher.de                        | xn--bcher-kva.de
            ' example.org '                  | example.org
            """)
    void readsProviderDomain(String raw, String expected) {
        assertThat(WebLinks.domain(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''
            not a host
            192.168.0.1
            [::1]
            -bad-.example
            """)
    void refusesProviderDomainThatIsNoHostName(String raw) {
        assertThat(WebLinks.domain(raw)).isNull();
    }

    @Test
    void takesHostOfNormalisedLinkWithoutWwwOrPort() {
        assertThat(WebLinks.hostOf("https://www.example.com:8080/x")).isEqualTo("example.com");
        assertThat(WebLinks.hostOf("https://news.example.org/")).isEqualTo("news.example.org");
        assertThat(WebLinks.hostOf("https://[::1]:8443/x")).isEqualTo("[::1]");
    }
}
