package dev.feedwright.publish.validity;

import static dev.feedwright.publish.validity.W3cValues.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;

/**
 * The text rules of the W3C Feed Validation Service, written again for the validity tests: HTML
 * where plain text belongs, HTML that does not parse or is unsafe, relative references in HTML,
 * and characters the validator refuses. Like {@link W3cValues}, stricter where simpler.
 */
final class W3cText {

    private static final Pattern END_TAG = Pattern.compile("</(\\w+)>");
    private static final Pattern ENTITY = Pattern.compile("&(#?\\w+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CHARACTER_DATA = Pattern.compile("&#[x0-9]|<[/a-zA-Z]");
    /** The validator's {@code absUrlMixin} scans, kept as they are, quirks included. */
    private static final Pattern ANCHOR =
            Pattern.compile("<a\\s+href=(?:\"(.*?)\"|'(.*?)'|([\\w-]+))[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE =
            Pattern.compile("<img\\s+[^>]*src=(?:\"(.*?)\"|'(.*?)'|([\\w-]+))[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern URI_CHARS = Pattern.compile("[0-9a-zA-Z;/?:@&=+$.\\-_!~*'()%,#]*");
    /** A {@code &} that starts no complete character reference: html5lib's strict parser refuses it. */
    private static final Pattern BARE_AMPERSAND =
            Pattern.compile("&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9a-fA-F]+;)(?=[A-Za-z0-9#])");
    /**
     * The elements and attributes our HTML may use: a small part of the validator's whitelists
     * ({@code HTMLValidator.acceptable_elements} and {@code acceptable_attributes}).
     */
    private static final Set<String> ELEMENTS = Set.of("p", "ul", "ol", "li", "a", "br", "em", "strong", "b", "i");
    private static final Set<String> ATTRIBUTES = Set.of("href", "title", "rel", "lang", "dir");

    private W3cText() {
    }

    /**
     * A plain-text element ({@code nonhtml}): ContainsHTML (ContainsUndeclaredHTML in Atom) for an
     * end tag or something an HTML reader takes for an entity reference, and in RSS 2.0
     * CharacterData for {@code &#} or {@code <} before a letter. As in the validator, a {@code &#x}
     * on the element's lines shows the text was encoded on purpose and silences the entity checks.
     *
     * @param value the element's text, as an XML parser reads it
     * @param lines the raw lines the element spans
     */
    static Optional<String> plainText(String value, List<String> lines, boolean rss) {
        if (END_TAG.matcher(value).find()) {
            return problem("ContainsHTML", value);
        }
        boolean encodedOnPurpose = lines.stream().anyMatch(line -> line.contains("&#x"));
        Matcher entity = ENTITY.matcher(value);
        if (entity.find()) {
            do {
                String name = entity.group(1);
                boolean entityLike = Entities.isNamedEntity(name) || name.equals("apos")
                        || !name.codePoints().allMatch(Character::isLetter);
                if (entityLike && !encodedOnPurpose) {
                    return problem("ContainsHTML", value);
                }
            } while (entity.find());
            return Optional.empty();
        }
        if (rss && CHARACTER_DATA.matcher(value).find() && !encodedOnPurpose) {
            return problem("CharacterData", value);
        }
        return Optional.empty();
    }

    /**
     * BadCharacters: a C1 control, U+FFFD, or UTF-8 that was read as Latin-1 ({@code Ã©}); the
     * validator checks text and attribute values alike.
     */
    static Optional<String> badCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean doubleEncoded = (c == '\u00C2' || c == '\u00C3') && i + 1 < value.length()
                    && value.charAt(i + 1) >= '\u0080' && value.charAt(i + 1) <= '\u00BF';
            if ((c >= '\u0080' && c <= '\u009F') || c == '\uFFFD' || doubleEncoded) {
                return problem("BadCharacters", value);
            }
        }
        return Optional.empty();
    }

    /**
     * SAXError: a character XML 1.0 cannot carry (a C0 control other than tab and line ends, a
     * lone surrogate, U+FFFE or U+FFFF). The validator stops at the first one.
     */
    static Optional<String> xmlCharacters(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < raw.length()
                    && Character.isLowSurrogate(raw.charAt(i + 1));
            if (paired) {
                i++;
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
                    || c == '\uFFFE' || c == '\uFFFF') {
                return problem("SAXError", String.format("U+%04X at offset %d", (int) c, i));
            }
        }
        return Optional.empty();
    }

    /**
     * HTML content (RSS description and content:encoded, Atom type="html"): NotHtml when a strict
     * parser would complain, SecurityRisk and SecurityRiskAttr outside the whitelist,
     * DangerousStyleAttr for any style (we write none).
     */
    static List<String> html(String html) {
        List<String> problems = new ArrayList<>();
        Matcher bare = BARE_AMPERSAND.matcher(html);
        if (bare.find()) {
            problems.add("NotHtml: '&' that starts no character reference at " + bare.start() + " in '" + html + "'");
        }
        ParseErrorList errors = ParseErrorList.tracking(10);
        Document document = Document.createShell("");
        document.body().appendChildren(Parser.parseFragment(html, document.body(), "", errors));
        for (ParseError error : errors) {
            problems.add("NotHtml: " + error.getErrorMessage() + " in '" + html + "'");
        }
        for (Element element : document.body().getAllElements()) {
            if (element == document.body()) {
                continue;
            }
            if (!ELEMENTS.contains(element.normalName())) {
                problems.add("SecurityRisk (or an element we never write): <" + element.normalName() + ">");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("style")) {
                    problems.add("DangerousStyleAttr: style=\"" + attribute.getValue() + "\"");
                } else if (!ATTRIBUTES.contains(name) && !name.startsWith("data-")) {
                    problems.add("SecurityRiskAttr: <" + element.normalName() + " " + name + ">");
                }
            }
        }
        return problems;
    }

    /**
     * ContainsRelRef, or InvalidUriChar for a relative reference with a character outside the URI
     * set: the validator's own scan of {@code <a href>} and {@code <img src>} in RSS HTML.
     */
    static List<String> relativeReferences(String html) {
        List<String> problems = new ArrayList<>();
        for (Pattern pattern : List.of(IMAGE, ANCHOR)) {
            Matcher m = pattern.matcher(html);
            while (m.find()) {
                String ref = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                ref = Parser.unescapeEntities(ref, true).strip();
                if (!ref.matches("(?sU)\\w+:.*")) {
                    boolean uriChars = URI_CHARS.matcher(ref.replaceAll("[^\\x00-\\x7F]", "")).matches();
                    problems.add((uriChars ? "ContainsRelRef: '" : "InvalidUriChar: '") + ref + "'");
                }
            }
        }
        return problems;
    }
}
