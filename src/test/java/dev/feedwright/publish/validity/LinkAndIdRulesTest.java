package dev.feedwright.publish.validity;

import static dev.feedwright.publish.validity.Parse.ATOM;
import static dev.feedwright.publish.validity.Parse.CONTENT;
import static dev.feedwright.publish.validity.Parse.MEDIA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The W3C Feed Validation Service's rules for addresses and ids, over every RSS and Atom file of
 * every export: the self link, guids, Atom ids, every URL, enclosures and Media RSS.
 */
class LinkAndIdRulesTest {

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "url", "src", "uri", "scheme");
    private static final Set<String> MEDIA_CONTENT_ATTRIBUTES = Set.of("bitrate", "channels", "duration",
            "expression", "fileSize", "framerate", "height", "isDefault", "lang", "medium", "samplingrate", "type",
            "url", "width");
    private static final Set<String> MEDIA_THUMBNAIL_ATTRIBUTES = Set.of("url", "width", "height", "time");
    private static final Set<String> MEDIA_MEDIUMS = Set.of("image", "audio", "video", "document", "executable");

    /** W3C: MissingAtomSelfLink, MissingSelf, SelfNotAtom, InvalidMIMEType, RelativeSelf, SelfDoesntMatchLocation */
    @EveryExport
    void selfLinkMatchesTheFeedsAddress(Export export) {
        Problems.of(export.feeds(), LinkAndIdRulesTest::selfLink).assertNone();
    }

    static void selfLink(XmlDoc feed, Problems problems) {
        XmlNode parent = feed.isRss() ? feed.channel() : feed.root();
        List<XmlNode> self = parent.children(ATOM, "link").stream().filter(l -> "self".equals(l.attr("rel"))).toList();
        problems.require(feed, parent, self.size() == 1,
                (feed.isRss() ? "MissingAtomSelfLink" : "MissingSelf") + ": " + self.size() + " self links");
        for (XmlNode link : self) {
            String type = feed.isRss() ? "application/rss+xml" : "application/atom+xml";
            problems.require(feed, link, type.equals(link.attr("type")), "SelfNotAtom: type " + link.attr("type"));
            problems.require(feed, link, feed.url().equals(link.attr("href")),
                    "SelfDoesntMatchLocation: " + link.attr("href") + " is not " + feed.url());
        }
    }

    /** W3C: MissingGuid, DuplicateElement, InvalidBooleanAttribute, InvalidPermalink, NotSufficientlyUnique, DuplicateValue */
    @EveryExport
    void everyItemHasOneUniqueGuidThatIsNoPermalink(Export export) {
        Problems.of(export.rss(), LinkAndIdRulesTest::guids).assertNone();
    }

    static void guids(XmlDoc feed, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (XmlNode item : feed.items()) {
            List<XmlNode> guids = item.children("", "guid");
            problems.require(feed, item, guids.size() == 1, "MissingGuid or DuplicateElement: " + guids.size() + " guids");
            for (XmlNode guid : guids) {
                problems.require(feed, guid, "false".equals(guid.attr("isPermaLink")),
                        "InvalidPermalink: isPermaLink is " + guid.attr("isPermaLink") + ", the id is no address");
                problems.check(feed, guid, W3cValues.fullUri(guid.text()));
                problems.require(feed, guid, !guid.text().matches("\\d{0,8}"), "NotSufficientlyUnique: " + guid.text());
                problems.require(feed, guid, seen.add(guid.text()), "DuplicateValue: " + guid.text());
            }
        }
    }

    /** W3C: InvalidFullLink, NonCanonicalURI, UnexpectedWhitespace, InvalidUUID, DuplicateEntries, DuplicateIds */
    @EveryExport
    void atomIdsAreAbsoluteCanonicalAndUnique(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.atom()) {
            XmlNode id = feed.root().child(ATOM, "id");
            problems.require(feed, feed.root(), id != null && id.text().equals(feed.url()), "the feed's id is its address");
            Set<String> seen = new HashSet<>();
            for (XmlNode entry : feed.items()) {
                for (XmlNode entryId : entry.children(ATOM, "id")) {
                    problems.check(feed, entryId, W3cValues.fullUri(entryId.text()));
                    problems.check(feed, entryId, W3cValues.canonical(entryId.text()));
                    problems.require(feed, entryId, seen.add(entryId.text()), "DuplicateEntries: " + entryId.text());
                }
            }
            if (id != null) {
                problems.check(feed, id, W3cValues.canonical(id.text()));
            }
        }
        problems.assertNone();
    }

    /**
     * W3C: InvalidFullLink, InvalidUriChar, InvalidIRI, UriNotIri, SchemeNotIANARegistered,
     * InvalidURIAttribute, RelativeSelf: every link element, every URL attribute and every
     * {@code href} and {@code src} in HTML content is an absolute http(s) address.
     */
    @EveryExport
    void everyUrlIsAnAbsoluteWebAddress(Export export) {
        Problems.of(export.feeds(), LinkAndIdRulesTest::urls).assertNone();
    }

    static void urls(XmlDoc feed, Problems problems) {
        feed.root().descendants().forEach(node -> {
            if (node.is("", "link") || node.is("", "comments") || node.is("", "docs") || node.is(ATOM, "icon")
                    || node.is(ATOM, "logo") || node.is(ATOM, "uri")) {
                problems.check(feed, node, W3cValues.webAddress(node.text()));
            }
            node.attributes.forEach((name, value) -> {
                if (URL_ATTRIBUTES.contains(name)) {
                    problems.check(feed, node, W3cValues.webAddress(value));
                }
            });
            if (holdsHtml(node)) {
                for (Element linked : Jsoup.parseBodyFragment(node.text()).select("[href], [src]")) {
                    String url = linked.hasAttr("href") ? linked.attr("href") : linked.attr("src");
                    problems.check(feed, node, W3cValues.webAddress(url));
                }
            }
        });
    }

    /** Elements whose text is HTML: RSS item description and content:encoded, Atom type="html". */
    static boolean holdsHtml(XmlNode node) {
        return node.is("", "description") && node.parent.is("", "item") || node.is(CONTENT, "encoded")
                || node.ns.equals(ATOM) && "html".equals(node.attr("type"));
    }

    /** W3C: ContainsRelRef, InvalidUriChar (the validator's own scan of RSS description and content:encoded) */
    @EveryExport
    void htmlHoldsNoRelativeReferences(Export export) {
        Problems problems = new Problems();
        for (XmlDoc feed : export.feeds()) {
            feed.root().descendants().filter(LinkAndIdRulesTest::holdsHtml).forEach(node -> problems.check(feed, node,
                    W3cText.relativeReferences(node.text()).stream().findFirst()));
        }
        problems.assertNone();
    }

    /**
     * W3C: MissingAttribute, UnexpectedAttribute, InvalidURLAttribute, InvalidIntegerAttribute,
     * UseZeroForUnknown, InvalidNonNegativeInteger, InvalidMIMEAttribute, DuplicateEnclosure
     */
    @EveryExport
    void enclosuresHaveAUrlALengthAndAType(Export export) {
        Problems.of(export.rss(), LinkAndIdRulesTest::enclosures).assertNone();
    }

    static void enclosures(XmlDoc feed, Problems problems) {
        for (XmlNode item : feed.items()) {
            List<XmlNode> enclosures = item.children("", "enclosure");
            problems.require(feed, item, enclosures.size() <= 1, "DuplicateEnclosure");
            for (XmlNode enclosure : enclosures) {
                problems.require(feed, enclosure, enclosure.attributes.keySet().equals(Set.of("url", "length", "type")),
                        "MissingAttribute or UnexpectedAttribute: " + enclosure.attributes.keySet());
                problems.check(feed, enclosure, W3cValues.enclosureUrl(String.valueOf(enclosure.attr("url"))));
                problems.require(feed, enclosure, W3cValues.nonNegativeInteger(enclosure.attr("length")),
                        "InvalidIntegerAttribute, UseZeroForUnknown or InvalidNonNegativeInteger: "
                                + enclosure.attr("length"));
                problems.require(feed, enclosure, W3cValues.mimeType(enclosure.attr("type")),
                        "InvalidMIMEAttribute: " + enclosure.attr("type"));
            }
        }
    }

    /**
     * W3C: MediaRssNamespace, ReservedPrefix, UndefinedElement, UnexpectedAttribute,
     * MissingAttribute, InvalidFullLink, InvalidPositiveInteger, InvalidMediaMedium,
     * InvalidMIMEAttribute
     */
    @EveryExport
    void mediaElementsAreInTheRightNamespaceAndPlaceWithValidAttributes(Export export) {
        Problems.of(export.feeds(), LinkAndIdRulesTest::media).assertNone();
    }

    static void media(XmlDoc feed, Problems problems) {
        feed.declarations().forEach(d -> problems.require(feed, feed.root(), d.prefix().equals("media")
                ? d.uri().equals(MEDIA) : !d.uri().startsWith("http://search.yahoo.com/mrss"),
                "MediaRssNamespace, ReservedPrefix or NonstdPrefix: xmlns:" + d.prefix() + "=" + d.uri()));
        for (XmlNode item : feed.items()) {
            for (XmlNode media : item.children.stream().filter(c -> c.ns.equals(MEDIA)).toList()) {
                Map<String, String> attributes = media.attributes;
                boolean content = media.local.equals("content");
                problems.require(feed, media, content || media.local.equals("thumbnail"),
                        "UndefinedElement (or a Media RSS element we never write): " + media.qname);
                problems.require(feed, media, (content ? MEDIA_CONTENT_ATTRIBUTES : MEDIA_THUMBNAIL_ATTRIBUTES)
                        .containsAll(attributes.keySet()), "UnexpectedAttribute: " + attributes.keySet());
                problems.require(feed, media, attributes.containsKey("url"), "MissingAttribute: url");
                problems.check(feed, media, W3cValues.fullUri(String.valueOf(attributes.get("url"))));
                for (String size : List.of("width", "height", "fileSize")) {
                    String value = attributes.get(size);
                    problems.require(feed, media, value == null || W3cValues.positiveInteger(value),
                            "InvalidPositiveInteger: " + size + "=" + value);
                }
                problems.require(feed, media, !content || MEDIA_MEDIUMS.contains(attributes.get("medium")),
                        "InvalidMediaMedium: " + attributes.get("medium"));
                problems.require(feed, media, !attributes.containsKey("type") || W3cValues.mimeType(attributes.get("type")),
                        "InvalidMIMEAttribute: " + attributes.get("type"));
            }
        }
        feed.root().descendants().filter(n -> n.is(MEDIA, "content"))
                .forEach(n -> problems.require(feed, n, feed.items().stream().anyMatch(i -> i.children.contains(n)),
                        "UndefinedElement: media:content outside an item or entry"));
    }

    @Test
    void selfLinkRuleReportsAnotherAddress() {
        XmlDoc feed = Snippets.rss(
                "<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"http://127.0.0.1:8080/x.xml\"/>", "");
        assertThat(Problems.of(List.of(feed), LinkAndIdRulesTest::selfLink).list())
                .singleElement().asString().contains("SelfDoesntMatchLocation");
    }

    @Test
    void guidRuleReportsADuplicateAndAPermalink() {
        String item = "<item><title>t</title><guid>urn:uuid:ec0c4df8-aa2e-5361-9171-0548e665f0ba</guid></item>";
        XmlDoc feed = Snippets.rss("", item + item);
        assertThat(Problems.of(List.of(feed), LinkAndIdRulesTest::guids).list())
                .anyMatch(p -> p.contains("DuplicateValue")).anyMatch(p -> p.contains("InvalidPermalink"));
    }

    @Test
    void enclosureRuleReportsAHostWithAnUnderscoreAndAMissingType() {
        XmlDoc feed = Snippets.rss("", "<item><title>t</title>"
                + "<enclosure url=\"https://img_cdn.example.com/a.jpg\" length=\"0\"/></item>");
        assertThat(Problems.of(List.of(feed), LinkAndIdRulesTest::enclosures).list())
                .anyMatch(p -> p.contains("InvalidURLAttribute")).anyMatch(p -> p.contains("MissingAttribute"));
    }

    @Test
    void mediaRuleReportsTheNamespaceWithoutItsSlashAndAZeroWidth() {
        XmlDoc feed = Snippets.rss("", "<item><title>t</title><m:thumbnail xmlns:m=\"http://search.yahoo.com/mrss\""
                + " url=\"https://img.example.com/a.jpg\"/><media:content url=\"https://img.example.com/a.jpg\""
                + " medium=\"picture\" width=\"0\"/></item>");
        assertThat(Problems.of(List.of(feed), LinkAndIdRulesTest::media).list())
                .anyMatch(p -> p.contains("MediaRssNamespace")).anyMatch(p -> p.contains("InvalidPositiveInteger"))
                .anyMatch(p -> p.contains("InvalidMediaMedium"));
    }
}
