package dev.feedwright.publish.validity;

import static dev.feedwright.publish.validity.Parse.ATOM;
import static dev.feedwright.publish.validity.Parse.CONTENT;
import static dev.feedwright.publish.validity.Parse.DC;
import static dev.feedwright.publish.validity.Parse.MEDIA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.publish.validity.Parse.Declaration;
import dev.feedwright.publish.validity.Parse.Instruction;
import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import dev.feedwright.testing.Feeds;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The W3C Feed Validation Service's rules for a whole document, over every RSS and Atom file of
 * every export: encoding, characters, namespaces, the elements it knows, languages, and the
 * stylesheet instruction that makes a browser show the feed as a page.
 */
class DocumentRulesTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final Map<String, String> RSS_NAMESPACES = Map.of("atom", ATOM, "content", CONTENT, "dc", DC,
            "media", MEDIA);
    private static final Map<String, String> ATOM_NAMESPACES = Map.of("", ATOM, "media", MEDIA);
    private static final Set<String> MEDIA_IN_ITEMS = Set.of("{" + MEDIA + "}content", "{" + MEDIA + "}thumbnail");
    /** Which element may hold which: an element missing here holds no element at all. */
    private static final Map<String, Set<String>> CHILDREN = Map.of(
            "rss", Set.of("channel"),
            "channel", Set.of("title", "link", "description", "language", "copyright", "managingEditor", "webMaster",
                    "pubDate", "lastBuildDate", "category", "generator", "docs", "cloud", "ttl", "image", "rating",
                    "textInput", "skipHours", "skipDays", "item", "{" + ATOM + "}link"),
            "item", union(MEDIA_IN_ITEMS, Set.of("title", "link", "description", "author", "category", "comments",
                    "enclosure", "guid", "pubDate", "source", "{" + DC + "}creator", "{" + CONTENT + "}encoded")),
            "{" + ATOM + "}feed", atom("author", "category", "contributor", "generator", "icon", "id", "link", "logo",
                    "rights", "subtitle", "title", "updated", "entry"),
            "{" + ATOM + "}entry", union(MEDIA_IN_ITEMS, atom("author", "category", "content", "contributor", "id",
                    "link", "published", "rights", "source", "summary", "title", "updated")),
            "{" + ATOM + "}author", atom("name", "email", "uri"));
    private static final Pattern STYLESHEET = Pattern.compile("type=\"text/xsl\" href=\"([^\"<&]+)\"");

    private static Set<String> atom(String... names) {
        return Set.of(names).stream().map(n -> "{" + ATOM + "}" + n).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }

    private static String key(XmlNode node) {
        return node.ns.isEmpty() ? node.local : "{" + node.ns + "}" + node.local;
    }

    /** W3C: UnicodeError, MissingEncoding, NonstdEncoding, BadXmlVersion, SAXError (anything before the declaration) */
    @EveryExport
    void filesAreUtf8AndStartWithTheXmlDeclaration(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.feeds()) {
            problems.require(feed, feed.root(), feed.raw().startsWith(DECLARATION), "MissingEncoding or SAXError: "
                    + feed.raw().lines().findFirst().orElse(""));
        }
        problems.assertNone();
    }

    /** W3C: SAXError (control characters), BadCharacters (C1 controls, U+FFFD, UTF-8 read as Latin-1) */
    @EveryExport
    void noControlCharacterC1CharacterOrReplacementCharacter(Export export) {
        Problems.of(export.feeds(), DocumentRulesTest::characters).assertNone();
    }

    static void characters(XmlDoc feed, Problems problems) {
        problems.check(feed, feed.root(), W3cText.xmlCharacters(feed.raw()));
        feed.root().descendants().forEach(node -> {
            problems.check(feed, node, W3cText.badCharacters(node.text()));
            node.attributes.values().forEach(value -> problems.check(feed, node, W3cText.badCharacters(value)));
        });
    }

    /**
     * W3C: UnknownNamespace, NonstdPrefix, ReservedPrefix, AvoidNamespacePrefix, MissingNamespace,
     * UndefinedElement: only the namespaces we mean, under their usual prefixes, and only the
     * elements the validator knows where it expects them.
     */
    @EveryExport
    void onlyKnownNamespacesAndElements(Export export) {
        Problems.of(export.feeds(), DocumentRulesTest::namespacesAndElements).assertNone();
    }

    static void namespacesAndElements(XmlDoc feed, Problems problems) {
        Map<String, String> allowed = feed.isRss() ? RSS_NAMESPACES : ATOM_NAMESPACES;
        for (Declaration declaration : feed.declarations()) {
            problems.require(feed, feed.root(), declaration.uri().equals(allowed.get(declaration.prefix())),
                    "UnknownNamespace, NonstdPrefix, ReservedPrefix or AvoidNamespacePrefix: xmlns:"
                            + declaration.prefix() + "=\"" + declaration.uri() + "\"");
        }
        problems.require(feed, feed.root(), feed.root().is("", "rss") || feed.root().is(ATOM, "feed"), "unknown root");
        feed.root().descendants().forEach(node -> {
            Set<String> children = CHILDREN.getOrDefault(key(node), Set.of());
            for (XmlNode child : node.children) {
                problems.require(feed, child, children.contains(key(child)),
                        "UndefinedElement: " + child.qname + " in " + node.qname);
            }
        });
    }

    /** W3C: InvalidLanguage, MissingDCLanguage (RSS language, Atom xml:lang, any hreflang or lang) */
    @EveryExport
    void everyLanguageIsAValidCode(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.feeds()) {
            XmlNode language = feed.isRss() ? feed.channel().child("", "language") : null;
            String value = feed.isRss() ? (language == null ? null : language.text()) : feed.root().attr("xml:lang");
            problems.require(feed, feed.root(), W3cValues.language(value), "MissingDCLanguage or InvalidLanguage: " + value);
            feed.root().descendants().forEach(node -> node.attributes.forEach((name, attribute) -> {
                if (List.of("xml:lang", "hreflang", "lang").contains(name)) {
                    problems.require(feed, node, W3cValues.language(attribute), "InvalidLanguage: " + attribute);
                }
            }));
        }
        problems.assertNone();
    }

    /**
     * No W3C message: one {@code xml-stylesheet} instruction, before the root, that points at the
     * export's {@code feed.xsl} relative to the file, so that a browser shows the feed as a page.
     */
    @EveryExport
    void stylesheetInstructionPointsAtFeedXslRelativeToTheFile(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.feeds()) {
            List<Instruction> stylesheets = feed.instructions().stream()
                    .filter(i -> i.target().equals("xml-stylesheet")).toList();
            problems.require(feed, feed.root(), stylesheets.size() == 1 && stylesheets.get(0).beforeRoot(),
                    stylesheets.size() + " xml-stylesheet instructions before the root");
            for (Instruction stylesheet : stylesheets) {
                Matcher href = STYLESHEET.matcher(stylesheet.data());
                problems.require(feed, feed.root(), href.matches(), "malformed xml-stylesheet: " + stylesheet.data());
                if (href.matches()) {
                    String target = URI.create(feed.url()).resolve(href.group(1)).toString();
                    problems.require(feed, feed.root(), target.equals(export.url("feed.xsl")) && !href.group(1).contains(":"),
                            "the stylesheet is not the export's feed.xsl, relative: " + href.group(1));
                }
            }
        }
        assertThat(export.file("feed.xsl")).isRegularFile();
        assertThat(Parse.xml("feed.xsl", export.url("feed.xsl"), Feeds.utf8(export.file("feed.xsl"))).root()
                .is("http://www.w3.org/1999/XSL/Transform", "stylesheet")).isTrue();
        problems.assertNone();
    }

    @Test
    void namespaceRuleReportsAnUnknownNamespaceAndAnUnknownElement() {
        XmlDoc feed = Snippets.rss(
                "<podcast:locked xmlns:podcast=\"https://podcastindex.org/namespace/1.0\">no</podcast:locked>",
                "<item><title>t</title><updated>2022-01-04T13:07:00Z</updated></item>");
        assertThat(Problems.of(List.of(feed), DocumentRulesTest::namespacesAndElements).list())
                .anyMatch(p -> p.contains("UnknownNamespace")).anyMatch(p -> p.contains("UndefinedElement: updated in item"));
    }

    @Test
    void characterRuleReportsANextLineControlAndMojibake() {
        XmlDoc feed = Snippets.rss("", "<item><title>caf\u00C3\u00A9</title><description>a\u0085b</description></item>");
        assertThat(Problems.of(List.of(feed), DocumentRulesTest::characters).list())
                .anyMatch(p -> p.contains("<title>: BadCharacters")).anyMatch(p -> p.contains("<description>: BadCharacters"));
    }
}
