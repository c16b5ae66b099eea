package dev.feedwright.publish.validity;

import static dev.feedwright.publish.validity.Parse.ATOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import dev.feedwright.publish.FeedAssembler;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The page a browser shows for a feed: every RSS and Atom file names {@code feed.xsl}, and the
 * browser applies it. Applied here with the JDK's XSLT processor to the {@code all} feeds of every
 * export, the page must show the feed's title and every item with its link, in the feed's order,
 * declare its encoding once (the html output method adds a declaration of its own, as libxslt in
 * Chrome and Safari does), and hold no script, event handler or {@code javascript:} address.
 */
class FeedPageTest {

    @EveryExport
    void eachFeedShowsAsAPageOfItsItemsWithoutAScript(Export export) throws TransformerException {
        Templates stylesheet = TransformerFactory.newInstance()
                .newTemplates(new StreamSource(export.file("feed.xsl").toFile()));
        for (XmlDoc feed : export.feeds()) {
            if (!feed.path().startsWith("all.")) {
                continue;
            }
            StringWriter html = new StringWriter();
            stylesheet.newTransformer().transform(new StreamSource(new StringReader(feed.raw())), new StreamResult(html));
            Document page = Jsoup.parse(html.toString(), feed.url());

            String title = feed.isRss() ? feed.channel().child("", "title").text()
                    : feed.root().child(ATOM, "title").text();
            assertThat(page.title()).as(feed.path()).isEqualTo(title + " (feed)");
            assertThat(page.select("meta[charset], meta[http-equiv~=(?i)content-type]")).as(feed.path()).hasSize(1);
            assertThat(page.select("article h2 a").eachAttr("href")).as(feed.path()).isEqualTo(links(feed));
            assertThat(page.select("script, iframe, object, embed")).as(feed.path()).isEmpty();
            for (Element element : page.getAllElements()) {
                element.attributes().forEach(attribute -> {
                    assertThat(attribute.getKey()).as(feed.path()).doesNotStartWith("on");
                    assertThat(attribute.getValue().strip().toLowerCase()).as(feed.path()).doesNotStartWith("javascript:");
                });
            }
        }
    }

    /**
     * Regression: the stylesheet turned a description's references back into characters one
     * recursion per reference; libxslt (Chrome's) stops at a depth of 3,000 and shows a blank
     * page for the whole feed, which one excerpt of a thousand ampersands did. Here the JDK's
     * processor runs it on a thread with a small stack, which the old recursion overflows.
     */
    @Test
    void aDescriptionWithThousandsOfReferencesShowsWhole() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>T</title><link>http://x.example/</link><description>d"
                + "</description><item><title>One</title><link>http://x.example/1</link><description>"
                + "Q&amp;amp;A ".repeat(20_000) + "</description></item></channel></rss>";
        Templates stylesheet;
        try (InputStream xsl = FeedAssembler.class.getResourceAsStream("feed.xsl")) {
            stylesheet = TransformerFactory.newInstance().newTemplates(new StreamSource(xsl));
        }
        StringWriter html = new StringWriter();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                stylesheet.newTransformer().transform(new StreamSource(new StringReader(rss)), new StreamResult(html));
            } catch (TransformerException | RuntimeException | StackOverflowError e) {
                failure.set(e);
            }
        }, "feed-xsl", 256 * 1024);
        thread.start();
        thread.join();

        assertThat(failure.get()).isNull();
        assertThat(Jsoup.parse(html.toString()).select("p.summary").text()).isEqualTo("Q&A ".repeat(20_000).strip());
    }

    private static List<String> links(XmlDoc feed) {
        return feed.items().stream().map(item -> feed.isRss() ? item.child("", "link").text()
                : item.children(ATOM, "link").stream().filter(l -> "alternate".equals(l.attr("rel")))
                        .map(l -> l.attr("href")).findFirst().orElseThrow()).toList();
    }
}
