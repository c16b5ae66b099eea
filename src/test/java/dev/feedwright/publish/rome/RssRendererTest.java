package dev.feedwright.publish.rome;

import static dev.feedwright.publish.Sample.BBC_DATE;
import static dev.feedwright.publish.Sample.BBC_ID;
import static dev.feedwright.publish.Sample.BBC_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.content.ContentModule;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import dev.feedwright.catalog.FeedKey;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.publish.FeedDocument;
import dev.feedwright.publish.FeedItem;
import dev.feedwright.publish.Format;
import dev.feedwright.publish.ItemImage;
import dev.feedwright.publish.Sample;
import dev.feedwright.testing.Feeds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RssRendererTest {

    @TempDir
    Path temp;

    private Channel channel;
    private Item bbc;
    private Item npr;

    @BeforeEach
    void renderTopicFeed() {
        byte[] bytes = new RssRenderer(Sample.LAYOUT, Sample.GENERATOR)
                .render(Sample.document(Sample.feeds(), FeedKind.TOPIC, "ai"));
        channel = Feeds.rss(Sample.file(temp, "ai.xml", bytes));
        bbc = channel.getItems().get(0);
        npr = channel.getItems().get(1);
    }

    @Test
    void describesTheChannelWithAbsoluteSelfLink() {
        assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
        assertThat(channel.getTitle()).isEqualTo("AI — Test Wire");
        assertThat(channel.getDescription()).isEqualTo("The newest stories about AI, from Test Wire.");
        assertThat(channel.getLink()).isEqualTo("https://feeds.example.org/news/index.html");
        assertThat(channel.getGenerator()).isEqualTo("Feedwright 9.9.9");
        AtomLinkModule atom = (AtomLinkModule) channel.getModule(AtomLinkModule.URI);
        assertThat(atom.getLinks()).singleElement().satisfies(link -> {
            assertThat(link.getRel()).isEqualTo("self");
            assertThat(link.getHref()).isEqualTo("https://feeds.example.org/news/topics/ai.xml")
                    .isEqualTo(Sample.LAYOUT.url(Sample.document(Sample.feeds(), FeedKind.TOPIC, "ai").key(),
                            Format.RSS));
            assertThat(link.getType()).isEqualTo("application/rss+xml");
        });
        assertThat(atom.getLinks()).extracting(Link::getRel).containsExactly("self");
    }

    @Test
    void datesTheChannelByItsNewestItemNotByTheClock() {
        assertThat(channel.getLastBuildDate().toInstant()).isEqualTo(BBC_DATE);
        assertThat(channel.getPubDate()).isNull();
    }

    @Test
    void listsItemsNewestFirstWithNonPermalinkGuidsAndDates() {
        assertThat(channel.getItems()).hasSize(2);
        assertThat(bbc.getGuid().getValue()).isEqualTo(BBC_ID);
        assertThat(bbc.getGuid().isPermaLink()).isFalse();
        assertThat(bbc.getPubDate().toInstant()).isEqualTo(BBC_DATE);
        assertThat(bbc.getLink()).isEqualTo(Sample.BBC_LINK);
        assertThat(npr.getGuid().getValue()).isEqualTo(Sample.NPR_ID);
        assertThat(npr.getPubDate().toInstant()).isEqualTo(Sample.NPR_DATE);
    }

    @Test
    void keepsTitleWithMarkupCharactersAndEmojiExactly() {
        assertThat(bbc.getTitle()).isEqualTo("Tom & Jerry <3 \"AI\" 'rules' 🎉");
    }

    @Test
    void escapesTheExcerptSoThatHtmlReadersShowTheSameText() {
        String html = bbc.getDescription().getValue();

        assertThat(html).isEqualTo("a &lt; b &amp; \"c\"");
        assertThat(Jsoup.parseBodyFragment(html).body().text()).isEqualTo(Sample.BBC_EXCERPT);
        assertThat(npr.getDescription().getValue()).isEqualTo("An article from NPR.");
    }

    @Test
    void namesTopicsProviderAndCreator() {
        assertThat(bbc.getCategories()).extracting(Category::getValue).containsExactly("AI", "Security");
        assertThat(bbc.getSource().getUrl()).isEqualTo("https://feeds.example.org/news/providers/bbc.com.xml");
        assertThat(bbc.getSource().getValue()).isEqualTo("BBC News");
        assertThat(((DCModule) bbc.getModule(DCModule.URI)).getCreator()).isEqualTo("BBC News");
        assertThat(npr.getSource().getUrl()).isEqualTo("https://feeds.example.org/news/providers/npr.org.xml");
        assertThat(((DCModule) npr.getModule(DCModule.URI)).getCreator()).isEqualTo("NPR");
    }

    @Test
    void listsOtherOutletsInContentAndCountsTheRest() {
        List<String> encodeds = ((ContentModule) bbc.getModule(ContentModule.URI)).getEncodeds();
        assertThat(encodeds).hasSize(1);
        Document content = Jsoup.parseBodyFragment(encodeds.get(0));

        assertThat(content.select("li a")).extracting(a -> a.attr("href"))
                .containsExactly(Sample.GUARDIAN_LINK, Sample.NPR_RELATED_LINK);
        assertThat(content.select("li a")).extracting(Element::text).containsExactly("Guardian <take>", "NPR & AI");
        assertThat(content.select("li")).extracting(Element::text).containsExactly(
                "Guardian <take> — The Guardian, 2024-03-02", "NPR & AI — NPR, 2024-03-01");
        assertThat(content.select("p").last().text()).isEqualTo("And 2 more.");
        assertThat(npr.getModule(ContentModule.URI)).isNull();
    }

    @Test
    void addsAnEnclosureOnlyForAnImageOfKnownType() {
        assertThat(bbc.getEnclosures()).singleElement().satisfies(enclosure -> {
            assertThat(enclosure.getUrl()).isEqualTo(BBC_IMAGE);
            assertThat(enclosure.getType()).isEqualTo("image/jpeg");
        });
        assertThat(npr.getEnclosures()).isEmpty();
    }

    /** Regression: the W3C validator refuses these enclosure URLs (InvalidURLAttribute). */
    @Test
    void leavesOutTheEnclosureOfAnImageOnAHostAnEnclosureMayNotHave() {
        List<String> urls = List.of("https://img_cdn.example.com/a.jpg", "http://localhost/b.png",
                "https://img.example.com:8443/c.gif?w=1", "http://192.0.2.7/d.jpg");
        List<FeedItem> items = new ArrayList<>();
        for (String image : urls) {
            String id = "urn:uuid:00000000-0000-5000-8000-00000000000" + items.size();
            items.add(new FeedItem(id, "Title", "https://example.com/",
                    BBC_DATE, BBC_DATE.plusMillis(items.size()), "Summary", null, List.of("AI"), "BBC News",
                    new FeedKey(FeedKind.PROVIDER, "bbc.com"), new ItemImage(image, 10, 10, ItemImage.mediaTypeOf(image))));
        }
        FeedDocument document = new FeedDocument(new FeedKey(FeedKind.TOPIC, "images"), "Images", "Images.", "en",
                BBC_DATE, Duration.ofMinutes(15), items);

        Channel images = Feeds.rss(Sample.file(temp, "images.xml",
                new RssRenderer(Sample.LAYOUT, Sample.GENERATOR).render(document)));

        assertThat(images.getItems()).extracting(item -> item.getEnclosures().size()).containsExactly(0, 0, 1, 1);
        assertThat(images.getItems()).extracting(item -> ((MediaEntryModule) item.getModule(MediaModule.URI))
                .getMediaContents()[0].getReference().toString()).containsExactlyElementsOf(urls);
    }

    @Test
    void addsMediaContentAndThumbnailForEveryImage() {
        MediaEntryModule bbcMedia = (MediaEntryModule) bbc.getModule(MediaModule.URI);
        MediaContent content = bbcMedia.getMediaContents()[0];
        assertThat(bbcMedia.getMediaContents()).hasSize(1);
        assertThat(content.getReference().toString()).isEqualTo(BBC_IMAGE);
        assertThat(content.getType()).isEqualTo("image/jpeg");
        assertThat(content.getMedium()).isEqualTo("image");
        assertThat(content.getWidth()).isEqualTo(640);
        assertThat(content.getHeight()).isEqualTo(360);
        assertThat(bbcMedia.getMetadata().getThumbnail()).extracting(Thumbnail::getUrl)
                .extracting(Object::toString).containsExactly(BBC_IMAGE);

        MediaEntryModule nprMedia = (MediaEntryModule) npr.getModule(MediaModule.URI);
        assertThat(nprMedia.getMediaContents()[0].getReference().toString()).isEqualTo(Sample.NPR_IMAGE);
        assertThat(nprMedia.getMediaContents()[0].getType()).isNull();
        assertThat(nprMedia.getMediaContents()[0].getWidth()).isNull();
        assertThat(nprMedia.getMediaContents()[0].getHeight()).isNull();
        assertThat(nprMedia.getMetadata().getThumbnail()).extracting(t -> t.getUrl().toString())
                .containsExactly(Sample.NPR_IMAGE);
    }
}
