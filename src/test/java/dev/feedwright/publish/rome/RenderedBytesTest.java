package dev.feedwright.publish.rome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import dev.feedwright.catalog.CatalogFeed;
import dev.feedwright.catalog.FeedKey;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.catalog.FeedSet;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.Story;
import dev.feedwright.corpus.StoryReader;
import dev.feedwright.publish.FeedAssembler;
import dev.feedwright.publish.FeedDocument;
import dev.feedwright.publish.FeedRenderer;
import dev.feedwright.publish.Sample;
import dev.feedwright.testing.Feeds;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What holds for every rendered feed, in both formats: stable bytes, absolute addresses, exact text. */
class RenderedBytesTest {

    private static final List<FeedRenderer> RENDERERS = List.of(
            new RssRenderer(Sample.LAYOUT, Sample.GENERATOR), new AtomRenderer(Sample.LAYOUT, Sample.GENERATOR));

    @TempDir
    Path temp;

    private static List<FeedDocument> documents(FeedSet set) {
        FeedAssembler assembler = new FeedAssembler(Sample.SITE, Sample.FEEDS);
        return set.feeds().stream().map(feed -> assembler.assemble(feed, set)).toList();
    }

    @Test
    void rendersTheSameDocumentToTheSameBytes() throws InterruptedException {
        List<FeedDocument> documents = documents(Sample.feeds());
        List<byte[]> first = new ArrayList<>();
        for (FeedDocument document : documents) {
            RENDERERS.forEach(renderer -> first.add(renderer.render(document)));
        }
        Thread.sleep(1100);

        List<byte[]> second = new ArrayList<>();
        List<Story> reversed = new ArrayList<>(Sample.stories());
        Collections.reverse(reversed);
        for (FeedDocument document : documents(Sample.feeds(reversed))) {
            RENDERERS.forEach(renderer -> second.add(renderer.render(document)));
        }
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("file %d", i).isEqualTo(first.get(i));
        }
    }

    /** Regression: the epoch made the W3C validator report ImplausibleDate on an empty Atom feed. */
    @Test
    void datesAFeedWithoutItemsAt1990NotTheClock() {
        FeedDocument empty = new FeedAssembler(Sample.SITE, Sample.FEEDS)
                .assemble(new CatalogFeed(new FeedKey(FeedKind.TOPIC, "quiet"), "Quiet", null, List.of()), Sample.feeds());

        Channel rss = Feeds.rss(Sample.file(temp, "quiet.xml", RENDERERS.get(0).render(empty)));
        Feed atom = Feeds.atom(Sample.file(temp, "quiet.atom", RENDERERS.get(1).render(empty)));

        assertThat(rss.getItems()).isEmpty();
        assertThat(rss.getLastBuildDate()).isNull();
        assertThat(atom.getUpdated().toInstant()).isEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
    }

    @Test
    void everyAddressInEveryFeedIsAbsolute() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (FeedDocument document : documents(Sample.feeds())) {
            for (FeedRenderer renderer : RENDERERS) {
                collectAddresses(parse(renderer.render(document)), addresses);
            }
        }

        assertThat(addresses).hasSizeGreaterThan(100);
        assertThat(addresses).allSatisfy(address -> {
            URI uri = URI.create(address);
            assertThat(uri.isAbsolute()).as(address).isTrue();
            assertThat(uri.getScheme()).as(address).isIn("http", "https", "urn");
        });
        assertThat(addresses).contains("https://feeds.example.org/news/topics/ai.xml",
                "https://feeds.example.org/news/providers/npr.org.atom", Sample.GUARDIAN_LINK, Sample.BBC_IMAGE);
    }

    /** href, url, src and uri attributes, link and id elements, and the links inside HTML content. */
    private static void collectAddresses(Element element, List<String> addresses) {
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node attribute = element.getAttributes().item(i);
            if (List.of("href", "url", "src", "uri").contains(attribute.getLocalName())) {
                addresses.add(attribute.getNodeValue());
            }
        }
        String name = element.getLocalName();
        if (name.equals("link") && !element.hasAttribute("href") || name.equals("id") || name.equals("guid")) {
            addresses.add(element.getTextContent().strip());
        }
        if (name.equals("encoded") || name.equals("content") && "html".equals(element.getAttribute("type"))) {
            Jsoup.parseBodyFragment(element.getTextContent()).select("[href], [src]")
                    .forEach(html -> addresses.add(html.hasAttr("href") ? html.attr("href") : html.attr("src")));
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                collectAddresses(child, addresses);
            }
        }
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    @Test
    void textRepairedFromTheCorpusRoundTripsThroughBothFormats() {
        String file = """
                ---
                title: "Tom\\x01 & Jerry\\u202E <3 \\"quotes\\" 'single' \\uFFFE🎉"
                excerpt: "a < b\\x0B & c\\u2066"
                publishedDateTime: 2024-03-02T10:15:30Z
                webUrl: "https://example.com/story"
                provider:
                  name: "Ex\\x7Fample"
                  domain: example.com
                topics:
                  - "Car\\x00toons"
                ---
                """;
        ReadResult result = new StoryReader(FeedwrightConfig.defaults().corpus()).parse(file, "story.md");
        assertThat(result).isInstanceOf(ReadResult.Read.class);
        FeedSet set = Sample.feeds(List.of(((ReadResult.Read) result).story()));
        FeedDocument document = Sample.document(set, FeedKind.TOPIC, "cartoons");

        Channel rss = Feeds.rss(Sample.file(temp, "t.xml", RENDERERS.get(0).render(document)));
        Feed atom = Feeds.atom(Sample.file(temp, "t.atom", RENDERERS.get(1).render(document)));

        String title = "Tom & Jerry <3 \"quotes\" 'single' 🎉";
        assertThat(rss.getItems().get(0).getTitle()).isEqualTo(title);
        assertThat(atom.getEntries().get(0).getTitle()).isEqualTo(title);
        assertThat(rss.getItems().get(0).getCategories().get(0).getValue()).isEqualTo("Cartoons");
        assertThat(atom.getEntries().get(0).getSummary().getValue()).isEqualTo("a < b & c");
        assertThat(atom.getEntries().get(0).getAuthors().get(0).getName()).isEqualTo("Example");
        assertThat(rss.getTitle()).isEqualTo("Cartoons — Test Wire");
        assertThat(atom.getTitle()).isEqualTo("Cartoons — Test Wire");
    }

    @Test
    void aCharacterXmlCannotCarryWouldBeRefusedByTheRenderer() {
        FeedDocument document = Sample.document(Sample.feeds(), FeedKind.TOPIC, "ai");
        FeedDocument broken = new FeedDocument(document.key(), "Bell\u0007", document.description(),
                document.language(), document.updated(), document.ttl(), document.items());

        for (FeedRenderer renderer : RENDERERS) {
            assertThatThrownBy(() -> renderer.render(broken)).isInstanceOf(RuntimeException.class)
                    .hasMessageContaining("0x0007 is not a legal XML character");
        }
    }
}
