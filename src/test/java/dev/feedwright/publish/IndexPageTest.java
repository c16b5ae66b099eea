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
        html = new String(new IndexPage(Sample.SITE, Sample.LAYOUT).write(Sample.summaries(set)), StandardCharsets.UTF_8);
        page = Jsoup.parse(html);
    }

    @Test
    void announcesTheAllFeedInBothFormatsForAutodiscovery() {
        assertThat(page.select("head link[rel=alternate]")).extracting(e -> e.attr("type"), e -> e.attr("href"))
                .containsExactly(
                        tuple("application/rss+xml", "https://feeds.example.org/news/all.xml"),
                        tuple("application/atom+xml",
                                "https://feeds.example.org/news/all.atom"));
        assertThat(page.select("head link[rel=alternate]").attr("title")).isEqualTo("All stories — Test Wire");
    }

    @Test
    void escapesEveryFeedName() {
        assertThat(html).doesNotContain(SCRIPT_TOPIC).doesNotContain("<Co>");
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("td:eq(0)")).extracting(Element::text)
                .containsExactly("AI", SCRIPT_TOPIC, "BBC \"News\" & <Co>", "NPR");
    }

    @Test
    void listsEveryFeedWithItsCountNewestDateAndBothFormats() {
        Element ai = page.select("tr:has(td)").first();

        assertThat(ai.select("td").eachText()).containsExactly("AI", "2", "2024-03-02", "RSS · Atom");
        assertThat(ai.select("a").eachAttr("href")).containsExactly(
                "https://feeds.example.org/news/topics/ai.xml", "https://feeds.example.org/news/topics/ai.atom");
        assertThat(page.select("h2").eachText()).containsExactly("Topics", "Providers");
        assertThat(page.select("a[href]").eachAttr("href")).allSatisfy(href ->
                assertThat(href).startsWith("https://feeds.example.org/news/"));
        assertThat(page.select("a[href$=feeds.opml]")).hasSize(1);
    }

    @Test
    void titlesThePageAfterTheSite() {
        assertThat(page.title()).isEqualTo("Test Wire");
        assertThat(page.select("h1").text()).isEqualTo("Test Wire");
        assertThat(page.select("body > p").first().text()).isEqualTo("Every test story.");
    }
}
