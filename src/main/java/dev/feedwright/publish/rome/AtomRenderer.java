package dev.feedwright.publish.rome;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.feedwright.publish.FeedDocument;
import dev.feedwright.publish.FeedItem;
import dev.feedwright.publish.FeedLayout;
import dev.feedwright.publish.FeedRenderer;
import dev.feedwright.publish.Format;
import dev.feedwright.publish.Generator;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Renders a feed as Atom 1.0 with Rome: a self and an alternate link, the excerpt as a plain-text
 * summary, other outlets' coverage as HTML content, the provider as the entry's author, topics as
 * categories and the image as Media RSS.
 */
public final class AtomRenderer implements FeedRenderer {

    private final FeedLayout layout;
    private final Generator generator;

    public AtomRenderer(FeedLayout layout, Generator generator) {
        this.layout = layout;
        this.generator = generator;
    }

    @Override
    public Format format() {
        return Format.ATOM;
    }

    @Override
    public byte[] render(FeedDocument document) {
        String self = layout.url(document.key(), Format.ATOM);
        Feed feed = new Feed("atom_1.0");
        feed.setId(self);
        feed.setTitleEx(text(document.title()));
        feed.setSubtitle(text(document.description()));
        feed.setUpdated(Date.from(document.updated()));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", layout.indexUrl())));
        feed.setOtherLinks(List.of(link("self", Format.ATOM.mediaType(), self)));
        com.rometools.rome.feed.atom.Generator atomGenerator = new com.rometools.rome.feed.atom.Generator();
        atomGenerator.setValue(generator.name());
        atomGenerator.setVersion(generator.version());
        atomGenerator.setUrl(generator.uri());
        feed.setGenerator(atomGenerator);
        List<Entry> entries = new ArrayList<>(document.items().size());
        for (FeedItem item : document.items()) {
            entries.add(entry(item));
        }
        feed.setEntries(entries);
        try {
            Document xml = new WireFeedOutput().outputJDom(feed);
            xml.getRootElement().setAttribute("lang", document.language(), Namespace.XML_NAMESPACE);
            writeExactUpdatedDates(xml, document);
            return XmlBytes.write(xml, layout.stylesheetHref(document.key()),
                    element -> Content.HTML.equals(element.getAttributeValue("type")));
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused feed " + document.key() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rome writes Atom dates to the second; an item's {@code updated} date can carry milliseconds
     * (see {@link FeedItem#updated}), so it is written here in full RFC 3339.
     */
    private static void writeExactUpdatedDates(Document xml, FeedDocument document) {
        Element root = xml.getRootElement();
        Namespace atom = root.getNamespace();
        root.getChild("updated", atom).setText(DateTimeFormatter.ISO_INSTANT.format(document.updated()));
        List<Element> entries = root.getChildren("entry", atom);
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).getChild("updated", atom)
                    .setText(DateTimeFormatter.ISO_INSTANT.format(document.items().get(i).updated()));
        }
    }

    private static Entry entry(FeedItem item) {
        Entry entry = new Entry();
        entry.setId(item.id());
        entry.setTitleEx(text(item.title()));
        entry.setAlternateLinks(List.of(link("alternate", "text/html", item.link())));
        entry.setPublished(Date.from(item.published()));
        entry.setUpdated(Date.from(item.updated()));
        Person author = new Person();
        author.setName(item.author());
        entry.setAuthors(List.<SyndPerson>of(author));
        entry.setSummary(text(item.summary()));
        if (item.contentHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(item.contentHtml());
            entry.setContents(List.of(content));
        }
        List<Category> categories = new ArrayList<>();
        for (String topic : item.categories()) {
            Category category = new Category();
            category.setTerm(topic);
            categories.add(category);
        }
        entry.setCategories(categories);
        if (item.image() != null) {
            entry.getModules().add(MediaRss.of(item.image()));
        }
        return entry;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
