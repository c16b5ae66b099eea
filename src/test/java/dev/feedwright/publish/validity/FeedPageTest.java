package dev.feedwright.publish.validity;

import static dev.feedwright.publish.validity.Parse.ATOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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

    private static List<String> links(XmlDoc feed) {
        return feed.items().stream().map(item -> feed.isRss() ? item.child("", "link").text()
                : item.children(ATOM, "link").stream().filter(l -> "alternate".equals(l.attr("rel")))
                        .map(l -> l.attr("href")).findFirst().orElseThrow()).toList();
    }
}
