package dev.feedwright.publish.rome;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jdom2.output.support.AbstractXMLOutputProcessor;
import org.jdom2.output.support.FormatStack;
import org.jdom2.util.NamespaceStack;

/**
 * Writes {@code &} and {@code <} in plain text as hexadecimal character references ({@code &#x26;},
 * {@code &#x3C;}) when the text holds something a reader could take for markup: an {@code &}
 * before a letter, digit or {@code #} ("S&P500", "1&1", a literal "&eacute;") or a {@code <} before
 * a letter or {@code /}. Parsers read the same text either way; the RSS Best Practices Profile asks
 * for the hexadecimal form, and the W3C Feed Validation Service takes it as the sign that such text
 * is meant (it reports ContainsHTML or CharacterData otherwise). Text of elements that hold HTML is
 * written as usual.
 */
final class PlainTextEscaping extends AbstractXMLOutputProcessor {

    /** Markup-like text as JDOM hands it to {@link #textRaw}: already escaped. */
    private static final Pattern LOOKS_LIKE_MARKUP =
            Pattern.compile("&amp;[#\\w]|&lt;[/a-zA-Z]", Pattern.UNICODE_CHARACTER_CLASS);

    private final Predicate<Element> holdsHtml;
    private final Deque<Element> open = new ArrayDeque<>();
    private boolean inCdata;

    /** @param holdsHtml true for the elements whose text is HTML */
    PlainTextEscaping(Predicate<Element> holdsHtml) {
        this.holdsHtml = holdsHtml;
    }

    @Override
    protected void printElement(Writer out, FormatStack fstack, NamespaceStack nstack, Element element)
            throws IOException {
        open.push(element);
        try {
            super.printElement(out, fstack, nstack, element);
        } finally {
            open.pop();
        }
    }

    @Override
    protected void textCDATA(Writer out, String text) throws IOException {
        inCdata = true;
        try {
            super.textCDATA(out, text);
        } finally {
            inCdata = false;
        }
    }

    /** Every piece of element text passes here, escaped; so does indentation, which holds neither & nor <. */
    @Override
    protected void textRaw(Writer out, String text) throws IOException {
        if (inCdata || open.isEmpty() || !mayLookLikeMarkup(text) || holdsHtml.test(open.peek())
                || !LOOKS_LIKE_MARKUP.matcher(text).find()) {
            super.textRaw(out, text);
            return;
        }
        super.textRaw(out, text.replace("&amp;", "&#x26;").replace("&lt;", "&#x3C;"));
    }

    /** Whether the text has an escaped {@code &} or {@code <} at all: most text has neither, and skips the pattern. */
    private static boolean mayLookLikeMarkup(String text) {
        return text.indexOf('&') >= 0;
    }
}
