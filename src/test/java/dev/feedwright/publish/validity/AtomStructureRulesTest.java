package dev.feedwright.publish.validity;

import static dev.feedwright.publish.validity.Parse.ATOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The W3C Feed Validation Service's rules for the shape of an Atom 1.0 document, over every Atom
 * file of every export: required elements, authors, text constructs, links, categories, order.
 */
class AtomStructureRulesTest {

    private static final Set<String> ONCE_IN_FEED = Set.of("generator", "icon", "id", "logo", "rights", "subtitle",
            "title", "updated");
    private static final Set<String> ONCE_IN_ENTRY = Set.of("content", "id", "published", "rights", "source",
            "summary", "title", "updated");
    private static final Set<String> TEXT_CONSTRUCTS = Set.of("title", "subtitle", "summary", "rights", "content");
    /** The registered link relations, as the validator lists them ({@code link.validRelations}). */
    private static final Set<String> RELATIONS = Set.of("alternate", "current", "describedby", "edit", "edit-media",
            "enclosure", "first", "hub", "last", "license", "next", "next-archive", "payment", "prev-archive",
            "previous", "related", "replies", "search", "self", "service", "up", "via");
    private static final Set<String> HISTORY_RELATIONS = Set.of("current", "first", "last", "next", "next-archive",
            "prev-archive", "previous");

    /**
     * W3C: MissingElement (feed and entry title, id, updated), MissingContentOrAlternate,
     * MissingTextualContent, MissingSummary, DuplicateElement
     */
    @EveryExport
    void feedAndEntriesHaveOneIdTitleAndUpdatedAndEntriesHaveText(Export export) {
        Problems.of(export.atom(), AtomStructureRulesTest::requiredElements).assertNone();
    }

    static void requiredElements(XmlDoc feed, Problems problems) {
        exactlyOnce(feed, feed.root(), ONCE_IN_FEED, problems);
        for (XmlNode entry : feed.items()) {
            exactlyOnce(feed, entry, ONCE_IN_ENTRY, problems);
            boolean alternate = entry.children(ATOM, "link").stream().anyMatch(l -> "alternate".equals(l.attr("rel")));
            XmlNode content = entry.child(ATOM, "content");
            problems.require(feed, entry, content != null || alternate, "MissingContentOrAlternate");
            problems.require(feed, entry, entry.child(ATOM, "summary") != null, "MissingTextualContent or MissingSummary");
        }
    }

    private static void exactlyOnce(XmlDoc feed, XmlNode parent, Set<String> once, Problems problems) {
        for (String name : List.of("id", "title", "updated")) {
            problems.require(feed, parent, parent.child(ATOM, name) != null, "MissingElement: " + name);
        }
        Set<String> seen = new HashSet<>();
        for (XmlNode child : parent.children) {
            problems.require(feed, child, !child.ns.equals(ATOM) || !once.contains(child.local) || seen.add(child.local),
                    "DuplicateElement: " + child.local);
        }
    }

    /** W3C: MissingElement ("Missing entry element: author"), MissingElement (name), NotBlank, ContainsEmail */
    @EveryExport
    void everyEntryHasAnAuthorWithAName(Export export) {
        Problems.of(export.atom(), AtomStructureRulesTest::authors).assertNone();
    }

    static void authors(XmlDoc feed, Problems problems) {
        boolean feedAuthor = feed.root().child(ATOM, "author") != null;
        for (XmlNode entry : feed.items()) {
            problems.require(feed, entry, feedAuthor || entry.child(ATOM, "author") != null, "MissingElement: author");
        }
        feed.root().descendants().filter(n -> n.is(ATOM, "author") || n.is(ATOM, "contributor")).forEach(author -> {
            List<XmlNode> names = author.children(ATOM, "name");
            problems.require(feed, author, names.size() == 1 && !names.get(0).text().isBlank(),
                    "MissingElement or NotBlank: name");
            names.forEach(name -> problems.require(feed, name, !name.text().matches(".*<[^>]*@[^>]*>.*"), "ContainsEmail"));
        });
    }

    /** W3C: NotBlank, InvalidTextType, MissingDCLanguage (xml:lang on the feed) */
    @EveryExport
    void textConstructsAreTypedAndNotBlank(Export export) {
        Problems.of(export.atom(), AtomStructureRulesTest::textConstructs).assertNone();
    }

    static void textConstructs(XmlDoc feed, Problems problems) {
        problems.require(feed, feed.root(), feed.root().attr("xml:lang") != null, "MissingDCLanguage: xml:lang");
        feed.root().descendants().filter(n -> n.ns.equals(ATOM) && TEXT_CONSTRUCTS.contains(n.local)).forEach(text -> {
            problems.require(feed, text, List.of("text", "html").contains(text.attr("type")),
                    "InvalidTextType (or a type we never write): " + text.attr("type"));
            problems.require(feed, text, !text.text().isBlank() && text.attr("src") == null, "NotBlank");
        });
    }

    /**
     * W3C: UnregisteredAtomLinkRel, DuplicateAtomLink, AtomLinkNotEmpty, MissingHref,
     * FeedHistoryRelInEntry, UnexpectedAttribute, InvalidMIMEType
     */
    @EveryExport
    void linksAreRegisteredEmptyAndOneAlternatePerType(Export export) {
        Problems.of(export.atom(), AtomStructureRulesTest::links).assertNone();
    }

    static void links(XmlDoc feed, Problems problems) {
        List<XmlNode> parents = new ArrayList<>(feed.items());
        parents.add(feed.root());
        for (XmlNode parent : parents) {
            Set<String> alternates = new HashSet<>();
            for (XmlNode link : parent.children(ATOM, "link")) {
                String rel = link.attributes.getOrDefault("rel", "alternate");
                problems.require(feed, link, RELATIONS.contains(rel), "UnregisteredAtomLinkRel: " + rel);
                problems.require(feed, link, !parent.is(ATOM, "entry") || !HISTORY_RELATIONS.contains(rel),
                        "FeedHistoryRelInEntry: " + rel);
                problems.require(feed, link, link.attr("href") != null, "MissingHref");
                problems.require(feed, link, link.text().isBlank() && link.children.isEmpty(), "AtomLinkNotEmpty");
                problems.require(feed, link, Set.of("rel", "type", "href", "hreflang", "title", "length")
                        .containsAll(link.attributes.keySet()), "UnexpectedAttribute: " + link.attributes.keySet());
                problems.require(feed, link, link.attr("type") == null || W3cValues.mimeType(link.attr("type")),
                        "InvalidMIMEType: " + link.attr("type"));
                String typeAndLanguage = link.attr("type") + " " + link.attr("hreflang");
                problems.require(feed, link, !rel.equals("alternate") || alternates.add(typeAndLanguage),
                        "DuplicateAtomLink: " + typeAndLanguage);
            }
        }
    }

    /** W3C: MisplacedMetadata */
    @EveryExport
    void feedMetadataComesBeforeTheEntries(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.atom()) {
            boolean inEntries = false;
            for (XmlNode child : feed.root().children) {
                inEntries |= child.is(ATOM, "entry");
                problems.require(feed, child, !inEntries || child.is(ATOM, "entry"), "MisplacedMetadata: " + child.qname);
            }
        }
        problems.assertNone();
    }

    /** W3C: MissingAttribute (term), NotBlank, InvalidFullLink (scheme), UnexpectedAttribute */
    @EveryExport
    void categoriesHaveATermAndNothingElseUnexpected(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.atom()) {
            feed.root().descendants().filter(n -> n.is(ATOM, "category")).forEach(category -> {
                problems.require(feed, category, category.attr("term") != null && !category.attr("term").isBlank(),
                        "MissingAttribute or NotBlank: term");
                problems.require(feed, category, Set.of("term", "scheme", "label").containsAll(category.attributes.keySet()),
                        "UnexpectedAttribute: " + category.attributes.keySet());
                if (category.attr("scheme") != null) {
                    problems.check(feed, category, W3cValues.fullUri(category.attr("scheme")));
                }
            });
        }
        problems.assertNone();
    }

    /** W3C: NotBlank, UnexpectedAttribute, InvalidURIAttribute (generator) */
    @EveryExport
    void generatorNamesTheProgramWithItsUriAndVersion(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.atom()) {
            for (XmlNode generator : feed.root().children(ATOM, "generator")) {
                problems.require(feed, generator, !generator.text().isBlank(), "NotBlank");
                problems.require(feed, generator, Set.of("uri", "version").containsAll(generator.attributes.keySet()),
                        "UnexpectedAttribute: " + generator.attributes.keySet());
                problems.check(feed, generator, W3cValues.webAddress(String.valueOf(generator.attr("uri"))));
            }
        }
        problems.assertNone();
    }

    @Test
    void authorRuleReportsAnEntryWithoutAuthorAndANameWithAnEmail() {
        XmlDoc feed = Snippets.atom("", "<entry><id>urn:uuid:1</id></entry>"
                + "<entry><author><name>Ann &lt;ann@example.com&gt;</name></author></entry>");
        assertThat(Problems.of(List.of(feed), AtomStructureRulesTest::authors).list())
                .anyMatch(p -> p.contains("MissingElement: author")).anyMatch(p -> p.contains("ContainsEmail"));
    }

    @Test
    void linkRuleReportsTwoAlternatesOfOneTypeAndAnUnknownRelation() {
        XmlDoc feed = Snippets.atom("<link rel=\"alternate\" type=\"text/html\" href=\"https://a.example/\"/>"
                + "<link type=\"text/html\" href=\"https://b.example/\"/>"
                + "<link rel=\"sibling\" href=\"https://c.example/\"/>", "");
        assertThat(Problems.of(List.of(feed), AtomStructureRulesTest::links).list())
                .anyMatch(p -> p.contains("DuplicateAtomLink")).anyMatch(p -> p.contains("UnregisteredAtomLinkRel: sibling"));
    }
}
