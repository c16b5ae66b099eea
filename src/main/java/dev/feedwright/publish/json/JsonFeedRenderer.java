package dev.feedwright.publish.json;

import dev.feedwright.publish.FeedDocument;
import dev.feedwright.publish.FeedItem;
import dev.feedwright.publish.FeedLayout;
import dev.feedwright.publish.FeedRenderer;
import dev.feedwright.publish.Format;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Renders a feed as JSON Feed 1.1 with Jackson's streaming writer: the same items and ids as the
 * RSS and Atom twins. An item carries {@code content_html} where the RSS item has content, and
 * {@code content_text} (its summary) otherwise, since JSON Feed requires one of the two.
 */
public final class JsonFeedRenderer implements FeedRenderer {

    /** The version URL every JSON Feed 1.1 document starts with. */
    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }
    };

    private final FeedLayout layout;

    public JsonFeedRenderer(FeedLayout layout) {
        this.layout = layout;
    }

    @Override
    public Format format() {
        return Format.JSON;
    }

    @Override
    public byte[] render(FeedDocument document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator json = FACTORY.createGenerator(PRETTY, bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringProperty("version", VERSION);
            json.writeStringProperty("title", document.title());
            json.writeStringProperty("home_page_url", layout.indexUrl());
            json.writeStringProperty("feed_url", layout.url(document.key(), Format.JSON));
            json.writeStringProperty("description", document.description());
            json.writeStringProperty("language", document.language());
            json.writeName("items");
            json.writeStartArray();
            for (FeedItem item : document.items()) {
                item(json, item);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void item(JsonGenerator json, FeedItem item) {
        json.writeStartObject();
        json.writeStringProperty("id", item.id());
        json.writeStringProperty("url", item.link());
        json.writeStringProperty("title", item.title());
        json.writeStringProperty("summary", item.summary());
        if (item.contentHtml() != null) {
            json.writeStringProperty("content_html", item.contentHtml());
        } else {
            json.writeStringProperty("content_text", item.summary());
        }
        if (item.image() != null) {
            json.writeStringProperty("image", item.image().url());
        }
        json.writeStringProperty("date_published", DateTimeFormatter.ISO_INSTANT.format(item.published()));
        if (!item.categories().isEmpty()) {
            json.writeName("tags");
            json.writeStartArray();
            for (String tag : item.categories()) {
                json.writeString(tag);
            }
            json.writeEndArray();
        }
        json.writeName("authors");
        json.writeStartArray();
        json.writeStartObject();
        json.writeStringProperty("name", item.author());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }
}
