package dev.feedwright.publish;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.feedwright.catalog.FeedSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndexPageTest {

    private static final String SCRIPT_TOPIC = "<script>alert(1)</script>";

    private String html;
    private Document page;

    @BeforeEach
    void writePage() {
        FeedSet set = Sample.feeds(List.of(
                story("a.md", article("https://bbc.com/1").provider("BBC \"News\" & <Co>", "bbc.com")
                        .published("2024-03-02T10:00:00Z").build(), List.of(SCRIPT_TOPIC, "AI")),
                story("b.md", article("https://npr.org/2").provider("NPR", "npr.org").build(), List.of("AI"))));
        html = new String(new IndexPage(Sample.SITE, Sample.LAYOUT, Sample.GENERATOR).write(Sample.summaries(set)), StandardCharsets.UTF_8);
        page = Jsoup.parse(html);
    }

    @Test
    void announcesTheAllFeedInEveryFormatForAutodiscovery() {
        assertThat(page.select("head link[rel=alternate]")).extracting(e -> e.attr("type"), e -> e.attr("href"))
                .containsExactly(
                        tuple("application/rss+xml", "https://feeds.example.org/news/all.xml"),
                        tuple("application/atom+xml", "https://feeds.example.org/news/all.atom"),
                        tuple("application/feed+json", "https://feeds.example.org/news/all.json"));
        assertThat(page.select("head link[rel=alternate]").eachAttr("title")).containsExactly(
                "All stories — Test Wire (RSS)", "All stories — Test Wire (Atom)", "All stories — Test Wire (JSON Feed)");
    }

    @Test
    void escapesEveryFeedName() {
        assertThat(html).doesNotContain(SCRIPT_TOPIC).doesNotContain("<Co>");
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("td:eq(0)")).extracting(Element::text)
                .containsExactly("AI", SCRIPT_TOPIC, "BBC \"News\" & <Co> bbc.com", "NPR npr.org");
    }

    @Test
    void listsEveryFeedWithItsCountNewestDateAndEveryFormat() {
        Element ai = page.select("tr:has(td)").first();

        assertThat(ai.select("td").eachText()).containsExactly("AI", "2", "2024-03-02", "RSS · Atom · JSON Feed");
        assertThat(ai.select("a").eachAttr("href")).containsExactly(
                "https://feeds.example.org/news/topics/ai.xml", "https://feeds.example.org/news/topics/ai.atom",
                "https://feeds.example.org/news/topics/ai.json");
        assertThat(page.select("h2").eachText()).containsExactly("Subscribe", "Topics (2)", "Providers (2)");
        assertThat(page.select("a[href]").eachAttr("href")).filteredOn(href -> !href.equals(Sample.GENERATOR.uri()))
                .allSatisfy(href -> assertThat(href).startsWith("https://feeds.example.org/news/"));
    }

    @Test
    void offersTheSubscriptionListOfEveryFormatToImportEverything() {
        assertThat(page.select("section.box a[href$=.opml]").eachAttr("href")).containsExactly(
                "https://feeds.example.org/news/feeds.opml", "https://feeds.example.org/news/feeds-atom.opml",
                "https://feeds.example.org/news/feeds-json.opml");
    }

    @Test
    void saysHowManyStoriesTheAllFeedHoldsAndNamesTheListsToImport() {
        assertThat(page.select("section.box p").eachText()).contains(
                "Every story: RSS · Atom · JSON Feed — 2 newest stories",
                "Everything at once: import feeds.opml (RSS), feeds-atom.opml (Atom) or feeds-json.opml (JSON Feed)"
                        + " into your reader: it subscribes to every topic and provider below, in folders.");
    }

    @Test
    void needsNoScriptToRead() {
        assertThat(page.select("script, noscript, [onload], [onclick]")).isEmpty();
        assertThat(page.select("footer").text()).startsWith("Written by Feedwright 9.9.9");
    }

    @Test
    void titlesThePageAfterTheSite() {
        assertThat(page.title()).isEqualTo("Test Wire");
        assertThat(page.select("h1").text()).isEqualTo("Test Wire");
        assertThat(page.select("header p.lead").text()).isEqualTo("Every test story.");
    }
}
