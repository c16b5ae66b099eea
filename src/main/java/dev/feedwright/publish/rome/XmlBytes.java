package dev.feedwright.publish.rome;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.ProcessingInstruction;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

/**
 * Serialises the documents Rome builds: UTF-8, two-space indent, {@code \n} line ends whatever the
 * platform, only the namespace declarations the document uses (a guard: Rome 2.1 declares none
 * unused for these feeds, and the real corpus's output is the same without it), plain text that
 * looks like markup written with hexadecimal references (see {@link PlainTextEscaping}), and a
 * reference to the stylesheet that shows the feed as a page in a browser.
 */
final class XmlBytes {

    private XmlBytes() {
    }

    /**
     * @param stylesheet the stylesheet's address relative to the file
     * @param holdsHtml  true for the elements whose text is HTML, not plain text
     */
    static byte[] write(Document document, String stylesheet, Predicate<Element> holdsHtml) {
        pruneUnusedNamespaces(document.getRootElement());
        document.addContent(0, new ProcessingInstruction("xml-stylesheet",
                "type=\"text/xsl\" href=\"" + stylesheet + "\""));
        Format format = Format.getPrettyFormat()
                .setEncoding("UTF-8")
                .setIndent("  ")
                .setLineSeparator(LineSeparator.UNIX);
        // Written as text, then encoded in one pass (an OutputStreamWriter encodes every small write apart).
        StringWriter text = new StringWriter(64 * 1024);
        try {
            new XMLOutputter(format, new PlainTextEscaping(holdsHtml)).output(document, text);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void pruneUnusedNamespaces(Element root) {
        Set<String> used = new HashSet<>();
        collect(root, used);
        for (Namespace declared : new ArrayList<>(root.getAdditionalNamespaces())) {
            if (!used.contains(declared.getURI())) {
                root.removeNamespaceDeclaration(declared);
            }
        }
    }

    private static void collect(Element element, Set<String> used) {
        used.add(element.getNamespaceURI());
        for (Attribute attribute : element.getAttributes()) {
            used.add(attribute.getNamespaceURI());
        }
        List<Element> children = element.getChildren();
        for (Element child : children) {
            collect(child, used);
        }
    }
}
