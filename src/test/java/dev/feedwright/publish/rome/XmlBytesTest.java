package dev.feedwright.publish.rome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.junit.jupiter.api.Test;

/**
 * The serialiser's own rules, on a document built by hand: only the namespaces the document uses
 * are declared (a declaration no element uses is dropped), the stylesheet comes first,
 * and lines end in {@code \n} with a two-space indent.
 */
class XmlBytesTest {

    private static final Namespace DC = Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");
    private static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    @Test
    void declaresOnlyTheNamespacesTheDocumentUses() {
        Element rss = new Element("rss").setAttribute("version", "2.0");
        rss.addNamespaceDeclaration(DC);
        rss.addNamespaceDeclaration(MEDIA);
        rss.addNamespaceDeclaration(ATOM);
        Element channel = new Element("channel");
        channel.addContent(new Element("creator", DC).setText("Wire"));
        channel.addContent(new Element("link", ATOM).setAttribute("href", "https://example.com/all.xml"));
        rss.addContent(channel);

        String xml = new String(XmlBytes.write(new Document(rss), "feed.xsl", element -> false), StandardCharsets.UTF_8);

        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <?xml-stylesheet type="text/xsl" href="feed.xsl"?>
                <rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
                  <channel>
                    <dc:creator>Wire</dc:creator>
                    <atom:link href="https://example.com/all.xml" />
                  </channel>
                </rss>
                """);
    }
}
