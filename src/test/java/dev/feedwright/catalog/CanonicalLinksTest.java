package dev.feedwright.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalLinksTest {

    @Test
    void dropsTheFragment() {
        assertThat(CanonicalLinks.canonical("https://example.com/story#comments")).isEqualTo("https://example.com/story");
    }

    @Test
    void dropsTrackingParametersInAnyCaseAndKeepsTheOthersInOrder() {
        String link = "https://example.com/a?utm_source=tw&id=3&UTM_Medium=social&b=2&Utm_Campaign=x&a=1#top";

        assertThat(CanonicalLinks.canonical(link)).isEqualTo("https://example.com/a?id=3&b=2&a=1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://example.com/a?utm_source=x&utm_medium=y  | https://example.com/a",
        "https://example.com/a?utm_source=x#frag          | https://example.com/a",
        "https://example.com/a?#frag                      | https://example.com/a",
        "https://example.com/a?utmost=1&utm=2             | https://example.com/a?utmost=1&utm=2",
        "https://example.com/a?x=1&&utm_term=t&y=2        | https://example.com/a?x=1&y=2",
        "https://example.com/a?q=utm_source               | https://example.com/a?q=utm_source",
        "https://example.com/a                            | https://example.com/a",
    })
    void canonicalFormOf(String link, String canonical) {
        assertThat(CanonicalLinks.canonical(link)).isEqualTo(canonical);
    }

    @Test
    void linksThatDifferOnlyInTrackingAreTheSameArticle() {
        assertThat(CanonicalLinks.canonical("https://example.com/a?id=1&utm_source=rss"))
                .isEqualTo(CanonicalLinks.canonical("https://example.com/a?id=1#section-2"));
        assertThat(CanonicalLinks.canonical("https://example.com/a?id=1"))
                .isNotEqualTo(CanonicalLinks.canonical("https://example.com/a?id=2"));
    }
}
