package dev.feedwright.publish.validity;

import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parsing the validity tests share: XML into a small tree that keeps each element's lines (the
 * W3C validator decides some rules by the raw lines an element spans), its namespace declarations
 * and its processing instructions; JSON with Jackson.
 */
final class Parse {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Parse() {
    }

    /** A namespace declaration: {@code xmlns:prefix="uri"} (prefix empty for the default namespace). */
    record Declaration(String prefix, String uri) {
    }

    /** A processing instruction and whether it comes before the root element. */
    record Instruction(String target, String data, boolean beforeRoot) {
    }

    /**
     * One parsed feed file.
     *
     * @param path the file's path in the export, with {@code /} separators
     * @param url  the address it is served at
     * @param raw  the file's text, decoded as strict UTF-8
     * @param lines the same text split into lines
     */
    record XmlDoc(String path, String url, String raw, List<String> lines, XmlNode root,
            List<Declaration> declarations, List<Instruction> instructions) {

        /** Where a node is, for failure messages: {@code topics/ai.xml:23 <guid>}. */
        String at(XmlNode node) {
            return path + ":" + node.line + " <" + node.qname + ">";
        }

        /** The raw lines an element spans, as the validator sees them. */
        List<String> lines(XmlNode node) {
            return lines.subList(Math.max(0, node.line - 1), Math.min(lines.size(), node.endLine));
        }

        boolean isRss() {
            return root.is("", "rss");
        }

        XmlNode channel() {
            return root.child("", "channel");
        }

        List<XmlNode> items() {
            return isRss() ? channel().children("", "item") : root.children(ATOM, "entry");
        }
    }

    /** An element: its name, attributes by qualified name, own text, lines and children. */
    static final class XmlNode {
        final String ns;
        final String local;
        final String qname;
        /** The parent element, or null for the root. */
        final XmlNode parent;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<XmlNode> children = new ArrayList<>();
        final int line;
        int endLine;
        private final StringBuilder text = new StringBuilder();

        XmlNode(XmlNode parent, String ns, String local, String qname, int line) {
            this.parent = parent;
            this.ns = ns;
            this.local = local;
            this.qname = qname;
            this.line = line;
        }

        boolean is(String namespace, String name) {
            return ns.equals(namespace) && local.equals(name);
        }

        /** The element's own character data (CDATA included), not its children's. */
        String text() {
            return text.toString();
        }

        String attr(String name) {
            return attributes.get(name);
        }

        List<XmlNode> children(String namespace, String name) {
            return children.stream().filter(c -> c.is(namespace, name)).toList();
        }

        XmlNode child(String namespace, String name) {
            return children.stream().filter(c -> c.is(namespace, name)).findFirst().orElse(null);
        }

        /** The element and every element under it, in document order. */
        Stream<XmlNode> descendants() {
            return Stream.concat(Stream.of(this), children.stream().flatMap(XmlNode::descendants));
        }
    }

    /** Parses XML text; a document that is not well-formed fails the test (W3C: SAXError). */
    static XmlDoc xml(String path, String url, String raw) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            TreeBuilder builder = new TreeBuilder();
            factory.newSAXParser().parse(new InputSource(new StringReader(raw)), builder);
            return new XmlDoc(path, url, raw, raw.lines().toList(), builder.root, List.copyOf(builder.declarations),
                    List.copyOf(builder.instructions));
        } catch (SAXParseException e) {
            throw new AssertionError("SAXError: " + path + ":" + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new AssertionError("SAXError: " + path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        return JSON.readTree(Feeds.utf8(file));
    }

    private static final class TreeBuilder extends DefaultHandler {
        private final Deque<XmlNode> open = new ArrayDeque<>();
        private final List<Declaration> declarations = new ArrayList<>();
        private final List<Instruction> instructions = new ArrayList<>();
        private Locator locator;
        private XmlNode root;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            declarations.add(new Declaration(prefix, uri));
        }

        @Override
        public void processingInstruction(String target, String data) {
            instructions.add(new Instruction(target, data, root == null));
        }

        @Override
        public void startElement(String uri, String local, String qname, Attributes attributes) {
            XmlNode node = new XmlNode(open.peek(), uri, local, qname, locator.getLineNumber());
            for (int i = 0; i < attributes.getLength(); i++) {
                node.attributes.put(attributes.getQName(i), attributes.getValue(i));
            }
            if (open.isEmpty()) {
                root = node;
            } else {
                open.peek().children.add(node);
            }
            open.push(node);
        }

        @Override
        public void endElement(String uri, String local, String qname) {
            open.pop().endLine = locator.getLineNumber();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            open.peek().text.append(ch, start, length);
        }
    }
}
