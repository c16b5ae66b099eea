package dev.feedwright.hostile;

import dev.feedwright.testing.Feeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every file of an export the way a feed reader or a browser could, and lists whatever could
 * run script: a file that does not parse, a script, frame, style or plugin element, an event
 * handler or style attribute, or a {@code javascript:}, {@code vbscript:} or {@code data:} address.
 * XML is parsed with a parser that refuses DTDs; every text and attribute value is then parsed
 * once more as HTML (as readers do with RSS descriptions, and often with titles), where only the
 * elements and attributes of Feedwright's coverage lists are allowed. JSON is parsed with Jackson
 * and every string is checked the same way.
 */
public final class OutputScan {

    /** Elements Feedwright's own HTML content uses: the coverage list. */
    private static final Set<String> CONTENT_ELEMENTS = Set.of("p", "ul", "li", "a");
    private static final Pattern DANGEROUS_ELEMENT = Pattern.compile(
            "(?i)<(script|iframe|frame|frameset|style|object|embed|applet|base|svg|math|form)[\\s/>]");
    private static final Pattern HANDLER_OR_STYLE = Pattern.compile("(?i)<[a-z][^<>]*[\\s/\"'](on[a-z]+|style)\\s*=");
    private static final Pattern SCRIPT_ADDRESS = Pattern.compile("(?i)(javascript|vbscript)\\s*:|data:text/html");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> problems = new ArrayList<>();
    private final Set<String> indexShape;
    private int valuesChecked;

    /** @param cleanIndex the index page of an export of a clean corpus, whose shape the hostile one must keep */
    public OutputScan(Path cleanIndex) {
        this.indexShape = shape(Jsoup.parse(Feeds.utf8(cleanIndex)));
    }

    /** Scans every file under {@code out} but the run's own dot files. */
    public OutputScan scan(Path out, List<String> files) {
        for (String file : files) {
            Path path = out.resolve(file);
            String text = Feeds.utf8(path);
            if (file.equals("feed.xsl")) {
                require(file, text.equals(resource("/dev/feedwright/publish/feed.xsl")), "not the shipped stylesheet");
            } else if (file.endsWith(".html")) {
                html(file, text);
            } else if (file.endsWith(".json")) {
                json(file, text);
            } else {
                raw(file, text);
                xml(file, text);
            }
        }
        return this;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many text and attribute values were parsed as HTML and checked. */
    public int valuesChecked() {
        return valuesChecked;
    }

    private void raw(String file, String text) {
        require(file, !DANGEROUS_ELEMENT.matcher(text).find(), "a dangerous element in the bytes");
        require(file, !HANDLER_OR_STYLE.matcher(text).find(), "an event handler or style attribute in the bytes");
        require(file, !SCRIPT_ADDRESS.matcher(text).find(), "a script address in the bytes");
    }

    private void xml(String file, String text) {
        org.w3c.dom.Document document;
        try {
            document = Feeds.xmlParser().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException | IOException e) {
            problems.add(file + ": not well-formed XML: " + e.getMessage());
            return;
        }
        walk(file, document.getDocumentElement());
    }

    private void walk(String file, Node node) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            value(file + " <" + node.getParentNode().getNodeName() + ">", node.getNodeValue());
            return;
        }
        NamedNodeMap attributes = node.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            value(file + " <" + node.getNodeName() + " " + attribute.getNodeName() + ">", attribute.getNodeValue());
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            walk(file, child);
        }
    }

    private void json(String file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (RuntimeException e) {
            problems.add(file + ": not valid JSON: " + e.getMessage());
            return;
        }
        json(file, "$", root);
    }

    private void json(String file, String where, JsonNode node) {
        if (node.isString()) {
            value(file + " " + where, node.asString());
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                json(file, where + "." + name, node.get(name));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                json(file, where + "[" + i + "]", node.get(i));
            }
        }
    }

    /** A value a reader may take for HTML: only the coverage list's elements, links only to http(s). */
    private void value(String where, String value) {
        valuesChecked++;
        require(where, !DANGEROUS_ELEMENT.matcher(value).find(), "a dangerous element: " + clip(value));
        require(where, !HANDLER_OR_STYLE.matcher(value).find(), "an event handler or style attribute: " + clip(value));
        require(where, !SCRIPT_ADDRESS.matcher(value).find(), "a script address: " + clip(value));
        if (value.indexOf('<') < 0) {
            return;
        }
        for (Element element : Jsoup.parseBodyFragment(value).body().getAllElements()) {
            if (element.tagName().equals("body")) {
                continue;
            }
            require(where, CONTENT_ELEMENTS.contains(element.tagName()), "element <" + element.tagName() + ">: "
                    + clip(value));
            for (Attribute attribute : element.attributes()) {
                boolean link = element.tagName().equals("a") && attribute.getKey().equals("href")
                        && attribute.getValue().matches("https?://.*");
                require(where, link, "attribute " + attribute.getKey() + "=\"" + clip(attribute.getValue()) + "\"");
            }
        }
    }

    /** The index page: the same elements and attributes as a clean export's, no script address. */
    private void html(String file, String text) {
        Document page = Jsoup.parse(text);
        Set<String> extra = new TreeSet<>(shape(page));
        extra.removeAll(indexShape);
        require(file, extra.isEmpty(), "elements or attributes a clean export does not have: " + extra);
        require(file, !SCRIPT_ADDRESS.matcher(text).find(), "a script address");
        for (Element element : page.getAllElements()) {
            if (!element.tagName().equals("style")) {
                element.textNodes().forEach(node -> value(file + " <" + element.tagName() + ">", node.text()));
            }
            for (Attribute attribute : element.attributes()) {
                value(file + " <" + element.tagName() + " " + attribute.getKey() + ">", attribute.getValue());
            }
        }
    }

    /** Element names, and element/attribute pairs, of a page. */
    private static Set<String> shape(Document page) {
        Set<String> shape = new TreeSet<>();
        for (Element element : page.getAllElements()) {
            shape.add(element.tagName());
            for (Attribute attribute : element.attributes()) {
                shape.add(element.tagName() + "@" + attribute.getKey().toLowerCase(Locale.ROOT));
            }
            if (element.tagName().equals("style")) {
                shape.add("style:" + element.data().hashCode());
            }
        }
        return shape;
    }

    private void require(String where, boolean ok, String problem) {
        if (!ok) {
            problems.add(where + ": " + problem);
        }
    }

    private static String clip(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static String resource(String name) {
        try (InputStream in = OutputScan.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
