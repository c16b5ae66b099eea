package dev.feedwright.publish;

import dev.feedwright.catalog.FeedKind;
import dev.feedwright.config.SiteConfig;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the OPML 2.0 subscription lists: every feed in one format per list ({@code feeds.opml}
 * for RSS, {@code feeds-atom.opml}, {@code feeds-json.opml}), so that a reader can subscribe to all
 * of them in one import without getting each feed twice. Topics and providers are grouped in
 * folders.
 */
public final class OpmlWriter {

    private final SiteConfig site;
    private final FeedLayout layout;

    public OpmlWriter(SiteConfig site, FeedLayout layout) {
        this.site = site;
        this.layout = layout;
    }

    public byte[] write(List<FeedSummary> feeds, Format format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            newline(xml, 1);
            xml.writeStartElement("head");
            newline(xml, 2);
            element(xml, "title", asHtml(site.title() + " feeds (" + format.label() + ")"));
            newline(xml, 1);
            xml.writeEndElement();
            newline(xml, 1);
            xml.writeStartElement("body");
            for (FeedSummary feed : feeds) {
                if (feed.key().kind() == FeedKind.ALL) {
                    outline(xml, feed, format, 2);
                }
            }
            group(xml, "Topics", feeds, FeedKind.TOPIC, format);
            group(xml, "Providers", feeds, FeedKind.PROVIDER, format);
            newline(xml, 1);
            xml.writeEndElement();
            newline(xml, 0);
            xml.writeEndElement();
            newline(xml, -1);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing OPML to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private void group(XMLStreamWriter xml, String name, List<FeedSummary> feeds, FeedKind kind, Format format)
            throws XMLStreamException {
        if (feeds.stream().noneMatch(f -> f.key().kind() == kind)) {
            return;
        }
        newline(xml, 2);
        xml.writeStartElement("outline");
        xml.writeAttribute("text", name);
        for (FeedSummary feed : feeds) {
            if (feed.key().kind() == kind) {
                outline(xml, feed, format, 3);
            }
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    private void outline(XMLStreamWriter xml, FeedSummary feed, Format format, int depth) throws XMLStreamException {
        newline(xml, depth);
        xml.writeEmptyElement("outline");
        xml.writeAttribute("type", "rss");
        String name = asHtml(feed.title());
        xml.writeAttribute("text", name);
        xml.writeAttribute("title", name);
        xml.writeAttribute("xmlUrl", layout.url(feed.key(), format));
        xml.writeAttribute("htmlUrl", layout.indexUrl());
    }

    /**
     * A name as OPML's {@code text} and {@code title} attributes and its head's title hold it.
     * OPML 2.0 lets those hold encoded HTML, and the W3C validator reads them as HTML
     * ({@code safeHtml}), so a {@code <} left in a name by the corpus (text repair keeps one that
     * opens no tag) is written as {@code &lt;}: read as HTML it is no broken tag swallowing the
     * rest of the name. An {@code &} stays as it is: readers show these names as plain text, where
     * {@code AT&T} must not become {@code AT&amp;T}, and read as HTML it still shows as {@code &}.
     */
    static String asHtml(String name) {
        return name.replace("<", "&lt;");
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(Math.max(0, depth)));
    }
}
