package dev.feedwright.publish;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.catalog.FeedSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OpmlWriterTest {

    private Document opml;

    @BeforeEach
    void writeOpml() throws Exception {
        FeedSet set = Sample.feeds(List.of(
                story("a.md", article("https://bbc.com/1").provider("BBC & Co <News>", "bbc.com").build(),
                        List.of("Tom & Jerry", "AI")),
                story("b.md", article("https://npr.org/2").provider("NPR", "npr.org").build(), List.of("AI"))));
        byte[] bytes = new OpmlWriter(Sample.SITE, Sample.LAYOUT).write(Sample.summaries(set), Format.RSS);
        opml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private List<Element> children(Element parent, String name) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                elements.add(element);
            }
        }
        return elements;
    }

    @Test
    void isAnOpml2DocumentTitledAfterTheSite() {
        Element root = opml.getDocumentElement();

        assertThat(root.getTagName()).isEqualTo("opml");
        assertThat(root.getAttribute("version")).isEqualTo("2.0");
        Element head = children(root, "head").get(0);
        assertThat(children(head, "title").get(0).getTextContent()).isEqualTo("Test Wire feeds (RSS)");
        assertThat(head.getElementsByTagName("*").getLength()).as("the head holds the title alone").isEqualTo(1);
        assertThat(opml.getXmlEncoding()).isEqualTo("UTF-8");
    }

    @Test
    void hasOneOutlinePerFeedWithItsRssAddress() {
        NodeList outlines = opml.getElementsByTagName("outline");
        List<String> xmlUrls = new ArrayList<>();
        for (int i = 0; i < outlines.getLength(); i++) {
            Element outline = (Element) outlines.item(i);
            if (outline.hasAttribute("xmlUrl")) {
                xmlUrls.add(outline.getAttribute("xmlUrl"));
                assertThat(outline.getAttribute("type")).isEqualTo("rss");
                assertThat(outline.getAttribute("htmlUrl")).isEqualTo("https://feeds.example.org/news/index.html");
            }
        }

        assertThat(xmlUrls).containsExactly(
                "https://feeds.example.org/news/all.xml",
                "https://feeds.example.org/news/topics/ai.xml",
                "https://feeds.example.org/news/topics/tom-jerry.xml",
                "https://feeds.example.org/news/providers/bbc.com.xml",
                "https://feeds.example.org/news/providers/npr.org.xml");
    }

    @Test
    void groupsTopicsAndProvidersInFolders() {
        Element body = children(opml.getDocumentElement(), "body").get(0);
        List<Element> top = children(body, "outline");

        assertThat(top).extracting(e -> e.getAttribute("text"))
                .containsExactly("All stories — Test Wire", "Topics", "Providers");
        assertThat(children(top.get(1), "outline")).extracting(e -> e.getAttribute("title"))
                .containsExactly("AI — Test Wire", "Tom & Jerry — Test Wire");
        assertThat(children(top.get(2), "outline")).extracting(e -> e.getAttribute("text"))
                .containsExactly("BBC & Co &lt;News> — Test Wire", "NPR — Test Wire");
        assertThat(top.get(1).getAttributes().getLength()).as("a folder has its text alone").isEqualTo(1);
    }

    @Test
    void writesANameAsHtmlWithoutATagAndKeepsItsAmpersands() {
        assertThat(OpmlWriter.asHtml("<scr Nested")).isEqualTo("&lt;scr Nested");
        assertThat(OpmlWriter.asHtml("AT&T <3 — Wire")).isEqualTo("AT&T &lt;3 — Wire");
    }

    @Test
    void leavesOutAnEmptyFolder() {
        FeedSet noTopics = Sample.feeds(List.of(story("a.md", article("https://bbc.com/1").build(), List.of())));
        String xml = new String(new OpmlWriter(Sample.SITE, Sample.LAYOUT).write(Sample.summaries(noTopics), Format.RSS),
                StandardCharsets.UTF_8);

        assertThat(xml).contains("text=\"Providers\"").doesNotContain("text=\"Topics\"");
    }
}
