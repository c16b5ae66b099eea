package dev.feedwright.publish.validity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The ways in: the three OPML 2.0 subscription lists and {@code index.html}, over every export.
 * Each list names every feed of its format exactly once; the page lets a reader discover the
 * all-stories feed in every format and links every feed file, without a script.
 */
class SubscriptionListsTest {

    private static final Map<String, String> LISTS = Map.of("feeds.opml", ".xml", "feeds-atom.opml", ".atom",
            "feeds-json.opml", ".json");
    /** The head elements the W3C validator's OPML rules define ({@code opmlHead}). */
    private static final Set<String> OPML_HEAD = Set.of("title", "dateCreated", "dateModified", "ownerName",
            "ownerEmail", "ownerId", "expansionState", "vertScrollState", "windowTop", "windowLeft", "windowBottom",
            "windowRight");
    private static final Map<String, String> DISCOVERY = Map.of("application/rss+xml", "all.xml",
            "application/atom+xml", "all.atom", "application/feed+json", "all.json");

    /**
     * OPML 2.0: the root is {@code opml version="2.0"} with a head that has a title and a body;
     * the head holds only the elements the W3C validator knows (OPML 1.0's: {@code docs} is an
     * error there); every outline has a {@code text}, and one with more has a {@code type}
     * ({@code MissingOutlineType}); every subscription is {@code type="rss"} with a {@code title}
     * and an absolute {@code xmlUrl} and {@code htmlUrl}; each list holds every feed of its format
     * once.
     */
    @EveryExport
    void eachOpmlListsEveryFeedOfItsFormatExactlyOnce(Export export) {
        Problems problems = new Problems();
        LISTS.forEach((list, extension) -> {
            XmlDoc opml = Parse.xml(list, export.url(list), Feeds.utf8(export.file(list)));
            XmlNode root = opml.root();
            problems.require(opml, root, root.is("", "opml") && "2.0".equals(root.attr("version")), "not OPML 2.0");
            XmlNode head = root.child("", "head");
            problems.require(opml, root, head != null && head.child("", "title") != null && root.child("", "body") != null,
                    "no head with a title, or no body");
            if (head != null) {
                head.children.forEach(child -> problems.require(opml, child, OPML_HEAD.contains(child.local),
                        "head element the validator does not know: " + child.local));
                problems.require(opml, head, head.child("", "title") == null || !head.child("", "title").text().contains("<"),
                        "a '<' in the title, which read as HTML opens a tag");
            }
            List<XmlNode> outlines = root.descendants().filter(n -> n.is("", "outline")).toList();
            List<String> subscribed = outlines.stream().filter(o -> o.attr("xmlUrl") != null).map(o -> o.attr("xmlUrl"))
                    .sorted().toList();
            for (XmlNode outline : outlines) {
                problems.require(opml, outline, outline.attr("text") != null && !outline.attr("text").isBlank(), "no text");
                problems.require(opml, outline, outline.attr("type") != null || outline.attributes.size() == 1,
                        "attributes besides text but no type");
                if (outline.attr("xmlUrl") != null) {
                    problems.require(opml, outline, "rss".equals(outline.attr("type")), "type is not rss");
                    problems.require(opml, outline, outline.attr("title") != null, "a subscription without a title");
                    problems.require(opml, outline, !(outline.attr("text") + outline.attr("title")).contains("<"), "a '<' in text or title, which read as HTML opens a tag");
                    problems.check(opml, outline, W3cValues.webAddress(outline.attr("htmlUrl")));
                }
            }
            List<String> feeds = export.files().stream().filter(f -> f.endsWith(extension))
                    .map(export::url).sorted().toList();
            problems.require(opml, root, subscribed.equals(feeds), "lists " + subscribed + "\n  but the feeds are " + feeds);
        });
        problems.assertNone();
    }

    /**
     * index.html parses, has autodiscovery links for the all-stories feed in the three formats,
     * links every feed file and every subscription list, links nothing in the export that is not
     * there, and holds no script, event handler or {@code javascript:} address.
     */
    @EveryExport
    void indexPageDiscoversTheAllFeedAndLinksEveryFeedFileWithoutAScript(Export export) {
        Document page;
        try {
            page = Jsoup.parse(export.file("index.html").toFile(), StandardCharsets.UTF_8.name(), export.url("index.html"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> discovered = page.head().select("link[rel=alternate]").stream()
                .collect(Collectors.toMap(l -> l.attr("type"), l -> l.attr("href")));
        Map<String, String> expected = DISCOVERY.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> export.url(e.getValue())));
        assertThat(discovered).isEqualTo(expected);

        Set<String> linked = page.select("a[href]").stream().map(a -> a.attr("href")).collect(Collectors.toSet());
        List<String> feedFiles = export.files().stream().filter(f -> f.matches(".*\\.(xml|atom|json|opml)")).toList();
        assertThat(feedFiles).hasSizeGreaterThan(6);
        assertThat(linked).containsAll(feedFiles.stream().map(export::url).toList());
        for (String href : linked) {
            if (href.startsWith(export.baseUrl())) {
                assertThat(export.file(href.substring(export.baseUrl().length()))).as(href).isRegularFile();
            }
        }
        assertThat(page.select("script")).isEmpty();
        for (Element element : page.getAllElements()) {
            assertThat(element.attributes().asList()).as(element.tagName())
                    .noneMatch(a -> a.getKey().toLowerCase(Locale.ROOT).startsWith("on"))
                    .noneMatch(a -> a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:"));
        }
        assertThat(W3cValues.language(page.selectFirst("html").attr("lang"))).isTrue();
    }
}
