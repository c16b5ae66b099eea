package dev.feedwright.publish.validity;

import static dev.feedwright.publish.validity.Parse.CONTENT;
import static dev.feedwright.publish.validity.Parse.DC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The W3C Feed Validation Service's rules for the shape of an RSS 2.0 document, over every RSS file
 * of every export: required and unique elements, their order, ttl, categories, source, generator.
 */
class RssStructureRulesTest {

    /** The channel elements the validator allows once ({@code noduplicates}). */
    private static final Set<String> ONCE_IN_CHANNEL = Set.of("title", "link", "description", "language",
            "copyright", "managingEditor", "webMaster", "pubDate", "lastBuildDate", "generator", "docs", "cloud",
            "ttl", "image", "textInput");
    /** The item elements the validator allows once. */
    private static final Set<String> ONCE_IN_ITEM =
            Set.of("title", "link", "description", "author", "comments", "enclosure", "guid", "pubDate", "source");

    /**
     * W3C: MissingAttribute (version), InvalidRSSVersion, MissingElement (channel), MissingTitle,
     * MissingLink, MissingDescription, ItemMustContainTitleOrDescription, NotBlank
     */
    @EveryExport
    void rssHasVersionTwoAndEveryRequiredElement(Export export) {
        Problems.of(export.rss(), RssStructureRulesTest::requiredElements).assertNone();
    }

    static void requiredElements(XmlDoc feed, Problems problems) {
        problems.require(feed, feed.root(), "2.0".equals(feed.root().attr("version")),
                "MissingAttribute or InvalidRSSVersion: version " + feed.root().attr("version"));
        problems.require(feed, feed.root(), feed.root().children("", "channel").size() == 1, "MissingElement: channel");
        for (String name : List.of("title", "link", "description")) {
            XmlNode element = feed.channel().child("", name);
            problems.require(feed, feed.channel(), element != null && !element.text().isBlank(), "Missing or blank " + name);
        }
        for (XmlNode item : feed.items()) {
            for (String name : List.of("title", "link", "description")) {
                XmlNode element = item.child("", name);
                problems.require(feed, item, element != null && !element.text().isBlank(),
                        "ItemMustContainTitleOrDescription or NotBlank: " + name);
            }
        }
    }

    /** W3C: DuplicateElement, DuplicateEnclosure */
    @EveryExport
    void noElementRepeatsWhereOnceIsAllowed(Export export) {
        Problems.of(export.rss(), RssStructureRulesTest::noDuplicates).assertNone();
    }

    static void noDuplicates(XmlDoc feed, Problems problems) {
        once(feed, feed.channel(), ONCE_IN_CHANNEL, problems);
        for (XmlNode item : feed.items()) {
            once(feed, item, ONCE_IN_ITEM, problems);
            problems.require(feed, item, item.children(CONTENT, "encoded").size() <= 1, "DuplicateElement: content:encoded");
        }
    }

    private static void once(XmlDoc feed, XmlNode parent, Set<String> names, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (XmlNode child : parent.children) {
            problems.require(feed, child, !child.ns.isEmpty() || !names.contains(child.local) || seen.add(child.local),
                    "DuplicateElement: " + child.local);
        }
    }

    /** W3C: MisplacedItem, NeedDescriptionBeforeContent */
    @EveryExport
    void channelMetadataComesBeforeTheItemsAndDescriptionBeforeContent(Export export) {
        Problems.of(export.rss(), RssStructureRulesTest::order).assertNone();
    }

    static void order(XmlDoc feed, Problems problems) {
        boolean inItems = false;
        for (XmlNode child : feed.channel().children) {
            inItems |= child.is("", "item");
            problems.require(feed, child, !inItems || child.is("", "item"),
                    "MisplacedItem: " + child.qname + " after an item");
        }
        for (XmlNode item : feed.items()) {
            int description = item.children.indexOf(item.child("", "description"));
            int content = item.children.indexOf(item.child(CONTENT, "encoded"));
            problems.require(feed, item, content < 0 || description >= 0 && description < content,
                    "NeedDescriptionBeforeContent");
        }
    }

    /** W3C: InvalidPositiveInteger, NotBlank, DuplicateElement (ttl) */
    @EveryExport
    void ttlIsOnePositiveInteger(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.rss()) {
            List<XmlNode> ttl = feed.channel().children("", "ttl");
            problems.require(feed, feed.channel(), ttl.size() == 1, ttl.size() + " ttl elements");
            ttl.forEach(t -> problems.require(feed, t, W3cValues.positiveInteger(t.text()),
                    "InvalidPositiveInteger: " + t.text()));
        }
        problems.assertNone();
    }

    /** W3C: UnexpectedAttribute (only domain), NotBlank, ContainsHTML is in {@link TextRulesTest} */
    @EveryExport
    void categoriesCarryTextAndNoOtherAttributeThanDomain(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.rss()) {
            feed.channel().descendants().filter(n -> n.is("", "category")).forEach(category -> {
                problems.require(feed, category, Set.of("domain").containsAll(category.attributes.keySet()),
                        "UnexpectedAttribute: " + category.attributes.keySet());
                problems.require(feed, category, !category.text().isBlank(), "NotBlank");
            });
        }
        problems.assertNone();
    }

    /** W3C: MissingAttribute (source url), InvalidFullLink, UnexpectedAttribute, NotBlank (source, generator) */
    @EveryExport
    void sourceNamesItsFeedAndGeneratorIsNotBlank(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.rss()) {
            for (XmlNode source : feed.items().stream().flatMap(i -> i.children("", "source").stream()).toList()) {
                problems.require(feed, source, source.attributes.keySet().equals(Set.of("url")),
                        "MissingAttribute or UnexpectedAttribute: " + source.attributes.keySet());
                problems.check(feed, source, W3cValues.webAddress(String.valueOf(source.attr("url"))));
                problems.require(feed, source, !source.text().isBlank(), "NotBlank");
            }
            XmlNode generator = feed.channel().child("", "generator");
            problems.require(feed, feed.channel(), generator != null && !generator.text().isBlank(), "NotBlank: generator");
        }
        problems.assertNone();
    }

    /** W3C: DuplicateItemSemantics, DuplicateSemantics, DuplicateDescriptionSemantics */
    @EveryExport
    void noElementSaysWhatAnotherAlreadySays(Export export) {
        Problems.of(export.rss(), RssStructureRulesTest::noDuplicateSemantics).assertNone();
    }

    static void noDuplicateSemantics(XmlDoc feed, Problems problems) {
        String[][] pairs = {{"author", "creator"}, {"pubDate", "date"}, {"category", "subject"}, {"source", "source"},
            {"managingEditor", "creator"}, {"webMaster", "publisher"}, {"copyright", "rights"}, {"language", "language"}};
        List<XmlNode> scopes = new ArrayList<>(feed.items());
        scopes.add(feed.channel());
        for (XmlNode scope : scopes) {
            for (String[] pair : pairs) {
                problems.require(feed, scope, scope.child("", pair[0]) == null || scope.child(DC, pair[1]) == null,
                        "DuplicateItemSemantics or DuplicateSemantics: " + pair[0] + " and dc:" + pair[1]);
            }
            problems.require(feed, scope, scope.children.stream().noneMatch(c -> c.ns.equals(Parse.ATOM)
                    && Set.of("id", "title", "subtitle", "rights", "summary", "content", "published", "updated").contains(c.local)),
                    "DuplicateItemSemantics or DuplicateDescriptionSemantics: an Atom element beside its RSS twin");
            problems.require(feed, scope, scope.children.stream().noneMatch(c -> c.local.equals("body")),
                    "DuplicateDescriptionSemantics: xhtml:body");
        }
    }

    @Test
    void orderRuleReportsAChannelElementAfterAnItemAndContentBeforeDescription() {
        XmlDoc feed = Snippets.rss("", "<item><title>t</title><content:encoded>x</content:encoded>"
                + "<description>d</description></item><ttl>5</ttl>");
        assertThat(Problems.of(List.of(feed), RssStructureRulesTest::order).list())
                .anyMatch(p -> p.contains("MisplacedItem: ttl")).anyMatch(p -> p.contains("NeedDescriptionBeforeContent"));
    }

    @Test
    void duplicateSemanticsRuleReportsDcCreatorBesideAuthor() {
        XmlDoc feed = Snippets.rss("",
                "<item><title>t</title><author>a@example.com (A)</author><dc:creator>A</dc:creator></item>");
        assertThat(Problems.of(List.of(feed), RssStructureRulesTest::noDuplicateSemantics).list())
                .singleElement().asString().contains("author and dc:creator");
    }
}
