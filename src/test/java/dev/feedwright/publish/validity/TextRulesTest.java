package dev.feedwright.publish.validity;

import static dev.feedwright.publish.validity.Parse.ATOM;
import static dev.feedwright.publish.validity.Parse.DC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The W3C Feed Validation Service's rules for text, over every RSS and Atom file of every export:
 * no HTML where plain text belongs, and HTML content that parses cleanly and holds nothing unsafe.
 */
class TextRulesTest {

    /** RSS elements the validator reads as plain text ({@code nonhtml}), and dc:creator, which is too. */
    private static final Set<String> RSS_PLAIN_TEXT = Set.of("title", "copyright", "category", "source");
    private static final Set<String> ATOM_TEXT_CONSTRUCTS = Set.of("title", "subtitle", "summary", "rights", "content");

    /**
     * W3C: ContainsHTML, ContainsUndeclaredHTML, CharacterData: titles, channel descriptions,
     * categories, sources, creators, Atom text constructs of type text, author names, link titles
     * and category labels hold no end tag and nothing a reader would take for an entity reference.
     */
    @EveryExport
    void plainTextElementsHoldNoHtml(Export export) {
        Problems.of(export.feeds(), TextRulesTest::plainText).assertNone();
    }

    static void plainText(XmlDoc feed, Problems problems) {
        feed.root().descendants().forEach(node -> {
            if (isPlainText(feed, node)) {
                problems.check(feed, node, W3cText.plainText(node.text(), feed.lines(node), feed.isRss()));
            }
            for (String attribute : List.of("title", "label")) {
                if (node.ns.equals(ATOM) && node.attr(attribute) != null) {
                    problems.check(feed, node, W3cText.plainText(node.attr(attribute), feed.lines(node), false));
                }
            }
        });
    }

    private static boolean isPlainText(XmlDoc feed, XmlNode node) {
        if (feed.isRss()) {
            return node.ns.isEmpty() && RSS_PLAIN_TEXT.contains(node.local) && !node.parent.is("", "rss")
                    || node.is("", "description") && node.parent.is("", "channel") || node.is(DC, "creator");
        }
        return node.ns.equals(ATOM) && (ATOM_TEXT_CONSTRUCTS.contains(node.local) && !"html".equals(node.attr("type"))
                || node.local.equals("name"));
    }

    /**
     * W3C: NotHtml, SecurityRisk, SecurityRiskAttr, DangerousStyleAttr: RSS item descriptions,
     * content:encoded and Atom type="html" parse as HTML without an error and use only elements
     * and attributes the validator deems safe.
     */
    @EveryExport
    void htmlContentParsesCleanlyAndIsSafe(Export export) {
        Problems.of(export.feeds(), TextRulesTest::html).assertNone();
    }

    static void html(XmlDoc feed, Problems problems) {
        feed.root().descendants().filter(LinkAndIdRulesTest::holdsHtml).forEach(node ->
                problems.check(feed, node, W3cText.html(node.text()).stream().findFirst()));
    }

    @Test
    void plainTextRuleReportsMarkupButNotTextEncodedOnPurpose() {
        XmlDoc feed = Snippets.rss("<description>a &lt;b&gt;bold&lt;/b&gt; claim</description>", """
                <item><title>S&amp;P500 rallies</title><category>R&amp;D</category></item>
                <item><title>1&#x26;1 and &#x3C;b</title>
                <dc:creator>&amp;eacute;</dc:creator></item>
                <item><title>a &lt;b and &amp;#169;</title></item>""");
        assertThat(Problems.of(List.of(feed), TextRulesTest::plainText).list()).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).contains("<description>: ContainsHTML"),
                p -> assertThat(p).contains("<title>: ContainsHTML: 'S&P500 rallies'"),
                p -> assertThat(p).contains("<dc:creator>: ContainsHTML: '&eacute;'"),
                p -> assertThat(p).contains("<title>: ContainsHTML: 'a <b and &#169;'"));
    }

    @Test
    void htmlRuleReportsABareAmpersandAScriptAHandlerAndAStyle() {
        XmlDoc feed = Snippets.rss("", """
                <item><title>t</title><description>AT&amp;T</description></item>
                <item><title>t</title><content:encoded><![CDATA[<p>x</p><script>alert(1)</script>]]></content:encoded></item>
                <item><title>t</title><content:encoded><![CDATA[<a href="https://a.example/" onclick="x()">a</a>]]></content:encoded></item>
                <item><title>t</title><content:encoded><![CDATA[<p style="max-width:1px">p</p>]]></content:encoded></item>""");
        assertThat(Problems.of(List.of(feed), TextRulesTest::html).list()).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).contains("NotHtml"),
                p -> assertThat(p).contains("SecurityRisk"),
                p -> assertThat(p).contains("SecurityRiskAttr"),
                p -> assertThat(p).contains("DangerousStyleAttr"));
    }
}
