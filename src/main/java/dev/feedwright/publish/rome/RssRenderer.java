package dev.feedwright.publish.rome;

import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.content.ContentModuleImpl;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.feedwright.publish.FeedDocument;
import dev.feedwright.publish.FeedItem;
import dev.feedwright.publish.FeedLayout;
import dev.feedwright.publish.FeedRenderer;
import dev.feedwright.publish.Format;
import dev.feedwright.publish.Generator;
import dev.feedwright.text.Markup;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.jdom2.Element;

/**
 * Renders a feed as RSS 2.0 with Rome: {@code atom:link rel="self"}, a {@code guid
 * isPermaLink="false"} per item, the excerpt as the description (escaped, since readers take RSS
 * descriptions as HTML), other outlets' coverage as {@code content:encoded}, the provider as
 * {@code dc:creator} and {@code source}, the image as Media RSS and, when its type is known and its
 * address is one an enclosure may have, as an enclosure.
 */
public final class RssRenderer implements FeedRenderer {

    /**
     * The addresses RSS 2.0 allows in an enclosure, "an http URL", as the W3C Feed Validation
     * Service reads it: a host name with a dot (no {@code _}) or an IPv4 address, an optional
     * port, then a path or nothing (otherwise InvalidURLAttribute, an error). Links are already
     * normalised to lower case.
     */
    private static final Pattern ENCLOSURE_URL =
            Pattern.compile("https?://(\\d{1,3}(\\.\\d{1,3}){3}|([a-z0-9-]+\\.)+[a-z0-9][a-z0-9-]*)(:\\d+)?(/.*)?");

    private final FeedLayout layout;
    private final Generator generator;

    public RssRenderer(FeedLayout layout, Generator generator) {
        this.layout = layout;
        this.generator = generator;
    }

    @Override
    public Format format() {
        return Format.RSS;
    }

    @Override
    public byte[] render(FeedDocument document) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(document.title());
        channel.setLink(layout.indexUrl());
        channel.setDescription(document.description());
        channel.setGenerator(generator.toString());
        channel.setLanguage(document.language());
        // Whole minutes, rounded up: a reader is never told it may poll sooner than feeds.refresh.
        channel.setTtl((int) Math.max(1, (document.ttl().toSeconds() + 59) / 60));
        if (!document.items().isEmpty()) {
            channel.setLastBuildDate(Date.from(document.updated()));
        }
        channel.getModules().add(selfLink(layout.url(document.key(), Format.RSS)));
        List<Item> items = new ArrayList<>(document.items().size());
        for (FeedItem item : document.items()) {
            items.add(item(item));
        }
        channel.setItems(items);
        try {
            return XmlBytes.write(new WireFeedOutput().outputJDom(channel), layout.stylesheetHref(document.key()),
                    RssRenderer::holdsHtml);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused feed " + document.key() + ": " + e.getMessage(), e);
        }
    }

    private Item item(FeedItem source) {
        Item item = new Item();
        item.setTitle(source.title());
        item.setLink(source.link());
        Guid guid = new Guid();
        guid.setValue(source.id());
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(Date.from(source.published()));
        Description description = new Description();
        description.setType("text/html");
        description.setValue(Markup.escapeText(source.summary()));
        item.setDescription(description);
        List<Category> categories = new ArrayList<>();
        for (String topic : source.categories()) {
            Category category = new Category();
            category.setValue(topic);
            categories.add(category);
        }
        item.setCategories(categories);
        Source provider = new Source();
        provider.setUrl(layout.url(source.authorFeed(), Format.RSS));
        provider.setValue(source.author());
        item.setSource(provider);
        List<Module> modules = item.getModules();
        DCModuleImpl dc = new DCModuleImpl();
        dc.setCreator(source.author());
        modules.add(dc);
        if (source.contentHtml() != null) {
            ContentModuleImpl content = new ContentModuleImpl();
            content.setEncodeds(List.of(source.contentHtml()));
            modules.add(content);
        }
        if (source.image() != null) {
            modules.add(MediaRss.of(source.image()));
            if (source.image().mediaType() != null && ENCLOSURE_URL.matcher(source.image().url()).matches()) {
                Enclosure enclosure = new Enclosure();
                enclosure.setUrl(source.image().url());
                enclosure.setType(source.image().mediaType());
                enclosure.setLength(0);
                item.setEnclosures(List.of(enclosure));
            }
        }
        return item;
    }

    /** An item's description is HTML (readers take it so); content:encoded is, too, in CDATA. */
    private static boolean holdsHtml(Element element) {
        Element parent = element.getParentElement();
        return element.getName().equals("description") && parent != null && parent.getName().equals("item")
                || element.getName().equals("encoded");
    }

    private static AtomLinkModuleImpl selfLink(String href) {
        Link self = new Link();
        self.setRel("self");
        self.setType(Format.RSS.mediaType());
        self.setHref(href);
        AtomLinkModuleImpl module = new AtomLinkModuleImpl();
        module.setLinks(List.of(self));
        return module;
    }
}
