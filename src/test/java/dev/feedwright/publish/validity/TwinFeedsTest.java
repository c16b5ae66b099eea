package dev.feedwright.publish.validity;

import static dev.feedwright.publish.validity.Parse.ATOM;
import static dev.feedwright.publish.validity.Parse.CONTENT;
import static dev.feedwright.publish.validity.Parse.DC;
import static dev.feedwright.publish.validity.Parse.MEDIA;

import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.parser.Parser;
import tools.jackson.databind.JsonNode;

/**
 * The RSS, Atom and JSON Feed files of a feed are one feed in three formats: the same channel
 * title, description and home page, and the same items in the same order with the same ids, links,
 * titles, dates, summaries, content, categories, authors and images.
 */
class TwinFeedsTest {

    /** What an item says, whatever the format. */
    record Item(String id, String link, String title, Instant published, String summary, String content,
            List<String> categories, String author, String image) {
    }

    /** Every RSS file has an Atom and a JSON twin and the other way round. */
    @EveryExport
    void everyFeedComesInAllThreeFormats(Export export) {
        Problems problems = new Problems();
        Map<String, List<String>> byFeed = export.files().stream()
                .filter(f -> f.matches(".*\\.(xml|atom|json)"))
                .collect(Collectors.groupingBy(f -> f.substring(0, f.lastIndexOf('.'))));
        byFeed.forEach((feed, files) -> problems.require(feed, files.size() == 3, "formats: " + files));
        problems.assertNone();
    }

    /** The channel's title, description and home page, and every item, agree across the three formats. */
    @EveryExport
    void rssAtomAndJsonCarryTheSameItemsInTheSameOrder(Export export) {
        Map<String, XmlDoc> atoms = export.atom().stream().collect(Collectors.toMap(XmlDoc::path, Function.identity()));
        Problems problems = new Problems();
        for (XmlDoc rss : export.rss()) {
            String name = rss.path().substring(0, rss.path().length() - ".xml".length());
            XmlDoc atom = atoms.get(name + ".atom");
            JsonNode json = Parse.json(export.file(name + ".json"));
            XmlNode channel = rss.channel();
            List<String> fromRss = List.of(text(channel, "", "title"), text(channel, "", "description"),
                    text(channel, "", "link"));
            List<String> fromAtom = List.of(text(atom.root(), ATOM, "title"), text(atom.root(), ATOM, "subtitle"),
                    alternate(atom.root()));
            List<String> fromJson = List.of(json.path("title").asString(), json.path("description").asString(),
                    json.path("home_page_url").asString());
            problems.require(name, fromRss.equals(fromAtom) && fromRss.equals(fromJson),
                    "channel: RSS " + fromRss + ", Atom " + fromAtom + ", JSON " + fromJson);
            compare(name, rss.items().stream().map(TwinFeedsTest::fromRss).toList(),
                    atom.items().stream().map(TwinFeedsTest::fromAtom).toList(),
                    json.path("items").valueStream().map(TwinFeedsTest::fromJson).toList(), problems);
            for (XmlNode entry : atom.items()) {
                Instant published = OffsetDateTime.parse(text(entry, ATOM, "published")).toInstant();
                Instant updated = OffsetDateTime.parse(text(entry, ATOM, "updated")).toInstant();
                boolean madeUnique = !updated.isBefore(published) && updated.isBefore(published.plus(Duration.ofSeconds(1)));
                problems.require(atom, entry, madeUnique,
                        "updated " + updated + " is not the publication date made unique: " + published);
            }
        }
        problems.assertNone();
    }

    private static void compare(String name, List<Item> rss, List<Item> atom, List<Item> json, Problems problems) {
        problems.require(name, rss.size() == atom.size() && rss.size() == json.size(),
                "item counts: RSS " + rss.size() + ", Atom " + atom.size() + ", JSON " + json.size());
        for (int i = 0; i < Math.min(rss.size(), Math.min(atom.size(), json.size())); i++) {
            String where = name + " item " + i;
            problems.require(where, rss.get(i).equals(atom.get(i)), "RSS " + rss.get(i) + "\n  Atom " + atom.get(i));
            problems.require(where, rss.get(i).equals(json.get(i)), "RSS " + rss.get(i) + "\n  JSON " + json.get(i));
        }
    }

    private static Item fromRss(XmlNode item) {
        XmlNode content = item.child(CONTENT, "encoded");
        return new Item(text(item, "", "guid"), text(item, "", "link"), text(item, "", "title"),
                ZonedDateTime.parse(text(item, "", "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
                Parser.unescapeEntities(text(item, "", "description"), false), content == null ? null : content.text(),
                item.children("", "category").stream().map(XmlNode::text).toList(), text(item, DC, "creator"), image(item));
    }

    private static Item fromAtom(XmlNode entry) {
        XmlNode content = entry.child(ATOM, "content");
        return new Item(text(entry, ATOM, "id"), alternate(entry), text(entry, ATOM, "title"),
                OffsetDateTime.parse(text(entry, ATOM, "published")).toInstant(), text(entry, ATOM, "summary"),
                content == null ? null : content.text(),
                entry.children(ATOM, "category").stream().map(c -> c.attr("term")).toList(),
                text(entry.child(ATOM, "author"), ATOM, "name"), image(entry));
    }

    private static Item fromJson(JsonNode item) {
        List<String> tags = new ArrayList<>();
        item.path("tags").forEach(tag -> tags.add(tag.asString()));
        return new Item(item.path("id").asString(), item.path("url").asString(), item.path("title").asString(),
                OffsetDateTime.parse(item.path("date_published").asString()).toInstant(), item.path("summary").asString(),
                item.path("content_html").stringValue(null), tags, item.path("authors").path(0).path("name").asString(),
                item.path("image").stringValue(null));
    }

    private static String text(XmlNode parent, String ns, String name) {
        XmlNode child = parent == null ? null : parent.child(ns, name);
        return child == null ? null : child.text();
    }

    private static String alternate(XmlNode parent) {
        return parent.children(ATOM, "link").stream().filter(l -> "alternate".equals(l.attr("rel")))
                .map(l -> l.attr("href")).findFirst().orElse(null);
    }

    private static String image(XmlNode item) {
        XmlNode content = item.child(MEDIA, "content");
        return content == null ? null : content.attr("url");
    }
}
