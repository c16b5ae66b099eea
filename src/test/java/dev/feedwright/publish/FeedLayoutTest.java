package dev.feedwright.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.catalog.FeedKey;
import dev.feedwright.catalog.FeedKind;
import java.net.URI;
import org.junit.jupiter.api.Test;

class FeedLayoutTest {

    private final FeedLayout layout = new FeedLayout(URI.create("https://example.org/feeds/"));

    @Test
    void putsTheAllFeedAtTheTopAndOtherFeedsInTheirFolder() {
        assertThat(layout.path(FeedKey.ALL, Format.RSS)).isEqualTo("all.xml");
        assertThat(layout.path(FeedKey.ALL, Format.ATOM)).isEqualTo("all.atom");
        assertThat(layout.path(new FeedKey(FeedKind.TOPIC, "ai"), Format.RSS)).isEqualTo("topics/ai.xml");
        assertThat(layout.path(new FeedKey(FeedKind.TOPIC, "ai"), Format.ATOM)).isEqualTo("topics/ai.atom");
        assertThat(layout.path(new FeedKey(FeedKind.PROVIDER, "bbc.co.uk"), Format.RSS))
                .isEqualTo("providers/bbc.co.uk.xml");
    }

    @Test
    void servesEveryFileUnderTheBaseUrl() {
        assertThat(layout.url(new FeedKey(FeedKind.PROVIDER, "bbc.co.uk"), Format.ATOM))
                .isEqualTo("https://example.org/feeds/providers/bbc.co.uk.atom");
        assertThat(layout.url(FeedKey.ALL, Format.RSS)).isEqualTo("https://example.org/feeds/all.xml");
        assertThat(layout.url(FeedLayout.OPML)).isEqualTo("https://example.org/feeds/feeds.opml");
        assertThat(layout.indexUrl()).isEqualTo("https://example.org/feeds/index.html");
    }

    @Test
    void namesFormatsByExtensionAndMediaType() {
        assertThat(Format.RSS.extension()).isEqualTo("xml");
        assertThat(Format.RSS.mediaType()).isEqualTo("application/rss+xml");
        assertThat(Format.ATOM.extension()).isEqualTo("atom");
        assertThat(Format.ATOM.mediaType()).isEqualTo("application/atom+xml");
    }
}
