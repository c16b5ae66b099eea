package dev.feedwright.publish.validity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The value rules find what the W3C validator finds: each broken value below is one the validator
 * reports (the message class is in the second column), each good one passes. Without these, a rule
 * test over the exports could pass because its helper looks at nothing.
 */
class RuleHelpersTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Tue, 04 Jan 2022 13:07:00 UTC   | InvalidRFC2822Date
            2022-01-04T13:07:00Z            | InvalidRFC2822Date
            Tue, 4 Jan 22 13:07:00 GMT      | ProblematicalRFC822Date
            Tue,  04 Jan 2022 13:07:00 GMT  | ProblematicalRFC822Date
            Tue, 04 jan 2022 13:07:00 GMT   | ProblematicalRFC822Date
            Tue, 04 Jan 2022 13:07:00 +0545 | ProblematicalRFC822Date
            Tue, 04 Jan 2022 13:07:00       | InvalidRFC2822Date
            Mon, 04 Jan 2022 13:07:00 GMT   | IncorrectDOW
            Fri, 30 Feb 2024 13:07:00 GMT   | InvalidRFC2822Date
            Sat, 01 Jun 2024 12:11:00 GMT   | ImplausibleDate
            Fri, 29 Dec 1989 10:00:00 +0000 | ImplausibleDate
            """)
    void rfc822RuleReports(String value, String messageClass) {
        assertThat(W3cValues.rfc822(value, NOW)).get().asString().contains(messageClass);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tue, 04 Jan 2022 13:07:00 GMT", "4 Jan 2022 13:07 +0000", "Sat, 01 Jun 2024 12:09:00 GMT",
        "Sat, 01 Jun 2024 13:09:00 +0100"})
    void rfc822RuleAccepts(String value) {
        assertThat(W3cValues.rfc822(value, NOW)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2022-01-04t13:07:00z         | InvalidRFC3339Date
            2022-01-04T13:07Z            | InvalidRFC3339Date
            2022-01-04 13:07:00Z         | InvalidRFC3339Date
            2022-01-04T13:07:00          | InvalidRFC3339Date
            2022-02-30T13:07:00Z         | InvalidRFC3339Date
            1989-12-31T23:59:59Z         | ImplausibleDate
            2024-06-02T12:00:01Z         | ImplausibleDate
            """)
    void rfc3339RuleReports(String value, String messageClass) {
        assertThat(W3cValues.rfc3339(value, NOW)).get().asString().contains(messageClass);
        assertThat(W3cValues.rfc3339(" 2022-01-04T13:07:00Z", NOW)).get().asString().contains("UnexpectedWhitespace");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /topics/ai.xml                            | InvalidFullLink
            https://example.com/a b                   | InvalidUriChar
            https://example.com/a{b}                  | InvalidUriChar
            https://[::1]/a.jpg                       | InvalidUriChar
            https://example.com/café                  | InvalidFullLink
            http:/example.com/a                       | InvalidFullLink
            urn:uuid:ec0c4df8-aa2e-5361-9171          | InvalidUUID
            javascript:alert(1)                       | SchemeNotIANARegistered
            """)
    void fullUriRuleReports(String value, String messageClass) {
        assertThat(W3cValues.webAddress(value)).get().asString().contains(messageClass);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://img_cdn.example.com/a.jpg | InvalidURLAttribute
            http://localhost/a.jpg            | InvalidURLAttribute
            https://img.example.com?a.jpg     | InvalidURLAttribute
            //img.example.com/a.jpg           | InvalidURLAttribute
            """)
    void enclosureUrlRuleReports(String value, String messageClass) {
        assertThat(W3cValues.enclosureUrl(value)).get().asString().contains(messageClass);
        assertThat(W3cValues.enclosureUrl("https://img.example.com:8443/a.jpg?w=1&h=2")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP://example.com/a", "http://Example.com/a", "http://example.com:80/a",
        "https://example.com/a/../b", "https://example.com/./b", "https://example.com/%7euser",
        "https://example.com/%e2%82%ac", "https://example.com", "https://example.com/50%"})
    void canonicalRuleReportsWhatTheValidatorRewrites(String value) {
        assertThat(W3cValues.canonical(value)).get().asString().contains("NonCanonicalURI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:uuid:ec0c4df8-aa2e-5361-9171-0548e665f0ba", "http://127.0.0.1:8080/topics/ai.atom",
        "https://example.com/a%2Fb?q=1&r=%E2%82%AC#top"})
    void canonicalRuleAcceptsCanonicalUris(String value) {
        assertThat(W3cValues.canonical(value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <a href="/x">x</a>             | ContainsRelRef
            <a href='#top'>x</a>           | ContainsRelRef
            <a href="//host/x">x</a>       | ContainsRelRef
            <img alt="" src="rel.png" />   | ContainsRelRef
            <a href="a b">x</a>            | InvalidUriChar
            <img src="rel.png"/><p title="t">x</p> | InvalidUriChar
            """)
    void relativeReferenceRuleReports(String html, String messageClass) {
        assertThat(W3cText.relativeReferences(html)).singleElement().asString().startsWith(messageClass);
        assertThat(W3cText.relativeReferences("<a href=\"https://example.com/?a=1&amp;b=2\">x</a>")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "pt-BR", "de-CH", "zh-Hant", "deu"})
    void languageRuleAcceptsTags(String tag) {
        assertThat(W3cValues.language(tag)).isTrue();
        assertThat(W3cValues.language("english")).isFalse();
        assertThat(W3cValues.language("qq")).isFalse();
        assertThat(W3cValues.language("en_US")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0001b", "a\u001Fb", "a\uFFFEb", "a\uD800b"})
    void xmlCharacterRuleReportsWhatXmlCannotCarry(String raw) {
        assertThat(W3cText.xmlCharacters(raw)).get().asString().startsWith("SAXError");
        assertThat(W3cText.xmlCharacters("tab\tline\nreturn\r😀")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"image", "image/jpeg;", "image jpeg", "image/jpeg; q", "/jpeg"})
    void mimeRuleReportsWhatIsNoMediaType(String value) {
        assertThat(W3cValues.mimeType(value)).isFalse();
        assertThat(W3cValues.mimeType("image/jpeg")).isTrue();
        assertThat(W3cValues.mimeType("text/html; charset=\"utf-8\"")).isTrue();
    }
}
