package dev.feedwright.publish.rome;

import static dev.feedwright.publish.Sample.BBC_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.publish.Sample;
import dev.feedwright.testing.Feeds;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomRendererTest {

    @TempDir
    Path temp;

    private Feed feed;
    private Entry bbc;
    private Entry npr;

    @BeforeEach
    void renderTopicFeed() {
        byte[] bytes = new AtomRenderer(Sample.LAYOUT, Sample.GENERATOR)
                .render(Sample.document(Sample.feeds(), FeedKind.TOPIC, "ai"));
        feed = Feeds.atom(Sample.file(temp, "ai.atom", bytes));
        bbc = feed.getEntries().get(0);
        npr = feed.getEntries().get(1);
    }

    @Test
    void identifiesTheFeedByItsAbsoluteSelfLink() {
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo("https://feeds.example.org/news/topics/ai.atom");
        assertThat(feed.getOtherLinks()).singleElement().satisfies(link -> {
            assertThat(link.getRel()).isEqualTo("self");
            assertThat(link.getHref()).isEqualTo("https://feeds.example.org/news/topics/ai.atom");
            assertThat(link.getType()).isEqualTo("application/atom+xml");
        });
        assertThat(feed.getAlternateLinks()).extracting(Link::getHref)
                .containsExactly("https://feeds.example.org/news/index.html");
        assertThat(feed.getTitle()).isEqualTo("AI — Test Wire");
        assertThat(feed.getSubtitle().getValue()).isEqualTo("The newest stories about AI, from Test Wire.");
        assertThat(feed.getGenerator().getValue()).isEqualTo("Feedwright");
        assertThat(feed.getGenerator().getVersion()).isEqualTo("9.9.9");
        assertThat(feed.getGenerator().getUrl()).isEqualTo("https://feedwright.example/");
    }

    @Test
    void datesTheFeedByItsNewestEntryNotByTheClock() {
        assertThat(feed.getUpdated().toInstant()).isEqualTo(BBC_DATE);
    }

    @Test
    void givesEachEntryItsIdLinkDatesAndAuthor() {
        assertThat(feed.getEntries()).extracting(Entry::getId).containsExactly(Sample.BBC_ID, Sample.NPR_ID);
        assertThat(bbc.getAlternateLinks()).extracting(Link::getHref).containsExactly(Sample.BBC_LINK);
        assertThat(bbc.getPublished().toInstant()).isEqualTo(BBC_DATE);
        assertThat(bbc.getUpdated().toInstant()).isEqualTo(BBC_DATE);
        assertThat(bbc.getAuthors()).extracting(SyndPerson::getName).containsExactly("BBC News");
        assertThat(npr.getAuthors()).extracting(SyndPerson::getName).containsExactly("NPR");
        assertThat(npr.getPublished().toInstant()).isEqualTo(Sample.NPR_DATE);
    }

    @Test
    void keepsTitleWithMarkupCharactersAndEmojiExactly() {
        assertThat(bbc.getTitleEx().getType()).isEqualTo("text");
        assertThat(bbc.getTitle()).isEqualTo("Tom & Jerry <3 \"AI\" 'rules' 🎉");
    }

    @Test
    void givesTheExcerptAsPlainTextSummary() {
        assertThat(bbc.getSummary().getType()).isEqualTo("text");
        assertThat(bbc.getSummary().getValue()).isEqualTo(Sample.BBC_EXCERPT);
        assertThat(npr.getSummary().getValue()).isEqualTo("An article from NPR.");
    }

    @Test
    void listsOtherOutletsAsHtmlContent() {
        assertThat(bbc.getContents()).singleElement().satisfies(content -> {
            assertThat(content.getType()).isEqualTo(Content.HTML);
            org.jsoup.nodes.Document html = Jsoup.parseBodyFragment(content.getValue());
            assertThat(html.select("li a")).extracting(a -> a.attr("href"))
                    .containsExactly(Sample.GUARDIAN_LINK, Sample.NPR_RELATED_LINK);
            assertThat(html.select("li a")).extracting(Element::text).containsExactly("Guardian <take>", "NPR & AI");
            assertThat(html.select("p").last().text()).isEqualTo("And 2 more.");
        });
        assertThat(npr.getContents()).isEmpty();
    }

    @Test
    void namesTopicsAsCategoriesAndTheImageAsMediaRss() {
        assertThat(bbc.getCategories()).extracting(Category::getTerm).containsExactly("AI", "Security");
        MediaEntryModule media = (MediaEntryModule) bbc.getModule(MediaModule.URI);
        assertThat(media.getMediaContents()).singleElement().satisfies(content -> {
            assertThat(content.getReference().toString()).isEqualTo(Sample.BBC_IMAGE);
            assertThat(content.getType()).isEqualTo("image/jpeg");
        });
        assertThat(media.getMetadata().getThumbnail()).extracting(t -> t.getUrl().toString())
                .containsExactly(Sample.BBC_IMAGE);
    }
}
