package dev.feedwright.publish.validity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code .json} file of every export is a JSON Feed 1.1 document
 * (https://jsonfeed.org/version/1.1): the required members with the right types, absolute
 * addresses, RFC 3339 dates, unique string ids, and no member the specification does not name
 * unless it is an {@code _extension}.
 */
class JsonFeedTest {

    static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final Set<String> FEED_MEMBERS = Set.of("version", "title", "home_page_url", "feed_url",
            "description", "user_comment", "next_url", "icon", "favicon", "authors", "language", "expired", "hubs",
            "items");
    private static final Set<String> ITEM_MEMBERS = Set.of("id", "url", "external_url", "title", "content_html",
            "content_text", "summary", "image", "banner_image", "date_published", "date_modified", "authors", "tags",
            "language", "attachments");
    private static final Set<String> AUTHOR_MEMBERS = Set.of("name", "url", "avatar");

    /**
     * JSON Feed 1.1: {@code version} is exactly the 1.1 URL, {@code title} a string, {@code items}
     * an array; {@code home_page_url} absolute; {@code feed_url} the file's own address;
     * {@code language} a language tag; no unknown top-level member.
     */
    @EveryExport
    void everyJsonFileIsAJsonFeedWithItsOwnAddress(Export export) {
        Problems problems = new Problems();
        for (String path : export.jsonFeeds()) {
            feed(path, export.url(path), Parse.json(export.file(path)), problems);
        }
        problems.assertNone();
    }

    static void feed(String path, String url, JsonNode feed, Problems problems) {
        problems.require(path, feed.isObject(), "not an object");
        problems.require(path, VERSION.equals(feed.path("version").stringValue(null)), "version is not " + VERSION);
        problems.require(path, feed.path("title").isString() && !feed.path("title").stringValue().isBlank(), "no title");
        problems.require(path, feed.path("items").isArray(), "items is not an array");
        problems.require(path, W3cValues.webAddress(feed.path("home_page_url").asString()).isEmpty(),
                "home_page_url is no absolute address: " + feed.path("home_page_url"));
        problems.require(path, url.equals(feed.path("feed_url").stringValue(null)), "feed_url is not " + url);
        problems.require(path, feed.path("description").isString(), "description is not a string");
        problems.require(path, W3cValues.language(feed.path("language").stringValue(null)),
                "language: " + feed.path("language"));
        for (String member : feed.propertyNames()) {
            problems.require(path, FEED_MEMBERS.contains(member) || member.matches("_[A-Za-z].*"), "unknown member " + member);
        }
    }

    /**
     * JSON Feed 1.1: every item has a string {@code id}, unique in the feed, and
     * {@code content_html} or {@code content_text}; {@code url}, {@code image} absolute;
     * {@code date_published} RFC 3339; {@code tags} an array of strings; {@code authors} an array
     * of objects with a name, url or avatar; no unknown member.
     */
    @EveryExport
    void everyItemHasAUniqueIdContentAndValidMembers(Export export) {
        Problems problems = new Problems();
        for (String path : export.jsonFeeds()) {
            items(path, Parse.json(export.file(path)), problems);
        }
        problems.assertNone();
    }

    static void items(String path, JsonNode feed, Problems problems) {
        Instant now = Instant.now();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode item : feed.path("items")) {
            String where = path + " items[" + index++ + "]";
            problems.require(where, item.path("id").isString() && ids.add(item.path("id").stringValue()),
                    "id is no string or not unique: " + item.path("id"));
            problems.require(where, item.path("content_html").isString() || item.path("content_text").isString(),
                    "neither content_html nor content_text");
            for (String address : List.of("url", "external_url", "image", "banner_image")) {
                problems.require(where, !item.has(address) || W3cValues.webAddress(item.path(address).asString()).isEmpty(),
                        address + " is no absolute address: " + item.path(address));
            }
            for (String date : List.of("date_published", "date_modified")) {
                problems.require(where, !item.has(date) || W3cValues.rfc3339(item.path(date).asString(), now).isEmpty(),
                        date + " is not RFC 3339: " + item.path(date));
            }
            problems.require(where, !item.has("tags") || item.path("tags").isArray() && item.path("tags").valueStream()
                    .allMatch(JsonNode::isString), "tags is not an array of strings");
            problems.require(where, item.path("authors").isArray() && !item.path("authors").isEmpty()
                    && item.path("authors").valueStream().allMatch(JsonFeedTest::isAuthor),
                    "authors: " + item.path("authors"));
            for (String member : item.propertyNames()) {
                problems.require(where, ITEM_MEMBERS.contains(member) || member.matches("_[A-Za-z].*"),
                        "unknown member " + member);
            }
        }
    }

    private static boolean isAuthor(JsonNode author) {
        return author.isObject() && AUTHOR_MEMBERS.containsAll(author.propertyNames())
                && AUTHOR_MEMBERS.stream().anyMatch(m -> author.path(m).isString() && !author.path(m).stringValue().isBlank());
    }

    @Test
    void feedRuleReportsVersionOneAndAnotherAddress() {
        JsonNode feed = JsonMapper.builder().build().readTree("""
                {"version": "https://jsonfeed.org/version/1", "title": "t", "home_page_url": "/", "items": {},
                 "feed_url": "http://127.0.0.1:8080/x.json", "description": "d", "language": "en", "author": {}}""");
        Problems problems = new Problems();
        feed("all.json", "http://127.0.0.1:8080/all.json", feed, problems);
        assertThat(problems.list()).hasSize(5).anyMatch(p -> p.contains("version")).anyMatch(p -> p.contains("feed_url"))
                .anyMatch(p -> p.contains("unknown member author"));
    }

    @Test
    void itemRuleReportsANumberIdNoContentAnAuthorWithoutNameAndALocalDate() {
        JsonNode feed = JsonMapper.builder().build().readTree("""
                {"items": [{"id": 1, "date_published": "2022-01-04T13:07:00", "authors": [{}], "tags": [1]}]}""");
        Problems problems = new Problems();
        items("all.json", feed, problems);
        assertThat(problems.list()).hasSize(5);
    }
}
