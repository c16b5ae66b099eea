package dev.feedwright.publish.rome;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.modules.content.ContentModule;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import dev.feedwright.catalog.FeedKey;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.publish.FeedDocument;
import dev.feedwright.publish.FeedItem;
import dev.feedwright.publish.Sample;
import dev.feedwright.testing.Feeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: plain text that looks like markup ("S&P500", "1&1", a literal "&eacute;", "<Co>")
 * made the W3C Feed Validation Service report ContainsHTML (titles, categories, sources, Atom
 * text and names) and CharacterData (RSS). Such text is now written with hexadecimal references,
 * which readers parse to the same text; ordinary text and HTML are written as before.
 */
class PlainTextEscapingTest {

    private static final Instant DATE = Instant.parse("2024-03-02T10:15:30Z");
    private static final String TITLE = "S&P500 and 1&1 rally; &eacute; <Co>";

    @TempDir
    Path temp;

    private static FeedDocument document() {
        FeedItem item = new FeedItem("urn:uuid:aa033fa0-938d-55ac-9ed2-5c6b77848bd9", TITLE, "https://example.com/?a=1&b=2",
                DATE, DATE, "Games 3&4 & more", "<p><a href=\"https://example.com/?a=1&amp;b=2\">R&amp;D</a></p>",
                List.of("R&D2", "Tom & Jerry"), "1&1", new FeedKey(FeedKind.PROVIDER, "example.com"), null);
        return new FeedDocument(new FeedKey(FeedKind.TOPIC, "markets"), "Markets — Wire & Co", "About 1&1.", "en", DATE,
                Duration.ofMinutes(15), List.of(item));
    }

    @Test
    void rssWritesMarkupLikePlainTextWithHexReferencesAndReadsBackTheSame() {
        byte[] bytes = new RssRenderer(Sample.LAYOUT, Sample.GENERATOR).render(document());
        String xml = new String(bytes, StandardCharsets.UTF_8);

        assertThat(xml).contains("<title>S&#x26;P500 and 1&#x26;1 rally; &#x26;eacute; &#x3C;Co&gt;</title>",
                "<category>R&#x26;D2</category>", "<category>Tom &amp; Jerry</category>",
                "<title>Markets — Wire &amp; Co</title>", "<description>About 1&#x26;1.</description>",
                "<dc:creator>1&#x26;1</dc:creator>");
        assertThat(xml).contains("<description>Games 3&amp;amp;4 &amp;amp; more</description>",
                "<![CDATA[<p><a href=\"https://example.com/?a=1&amp;b=2\">R&amp;D</a></p>]]>");
        Channel channel = Feeds.rss(Sample.file(temp, "markets.xml", bytes));
        Item item = channel.getItems().get(0);
        assertThat(item.getTitle()).isEqualTo(TITLE);
        assertThat(item.getSource().getValue()).isEqualTo("1&1");
        assertThat(channel.getDescription()).isEqualTo("About 1&1.");
        assertThat(((ContentModule) item.getModule(ContentModule.URI)).getEncodeds())
                .containsExactly("<p><a href=\"https://example.com/?a=1&amp;b=2\">R&amp;D</a></p>");
    }

    @Test
    void atomWritesMarkupLikeTextWithHexReferencesButLeavesHtmlContentAlone() {
        byte[] bytes = new AtomRenderer(Sample.LAYOUT, Sample.GENERATOR).render(document());
        String xml = new String(bytes, StandardCharsets.UTF_8);

        assertThat(xml).contains("<title type=\"text\">S&#x26;P500 and 1&#x26;1 rally; &#x26;eacute; &#x3C;Co&gt;</title>",
                "<name>1&#x26;1</name>", "<summary type=\"text\">Games 3&#x26;4 &#x26; more</summary>",
                "<subtitle type=\"text\">About 1&#x26;1.</subtitle>");
        assertThat(xml).contains("<content type=\"html\">&lt;p&gt;&lt;a href=\"https://example.com/?a=1&amp;amp;b=2\"&gt;");
        Feed feed = Feeds.atom(Sample.file(temp, "markets.atom", bytes));
        Entry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo(TITLE);
        assertThat(entry.getSummary().getValue()).isEqualTo("Games 3&4 & more");
        assertThat(entry.getAuthors().get(0).getName()).isEqualTo("1&1");
    }
}
