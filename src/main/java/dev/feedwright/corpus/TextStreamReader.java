package dev.feedwright.corpus;

import java.io.Reader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's {@link StreamReader} for a text already in memory, read the same way for less work.
 * SnakeYAML's own reader pulls the text through a {@code Reader} 1,023 characters at a time,
 * copies its window of code points at every pull and builds every token's text from code points;
 * a front matter is whole in memory, so this one turns it into code points once, checks them once
 * and cuts tokens out of the text itself (when it holds no surrogate pairs, a code point's index
 * is a character's). Profiled at 50,000 files, SnakeYAML's reader took a fifth of all samples.
 * While a front matter is read it is held twice, as text and as code points (four bytes a
 * character), so {@link FrontMatterYaml} reads only front matter up to
 * {@link FrontMatterYaml#MAX_IN_MEMORY} characters this way.
 *
 * <p>It overrides every public method of {@code StreamReader} (the scanner's whole view of its
 * reader) and keeps the same positions, lines, columns, marks and errors;
 * {@code TextStreamReaderTest} compares the two readers' events and errors on the same texts, so a
 * SnakeYAML release whose scanner asks its reader for something new fails there first.
 */
final class TextStreamReader extends StreamReader {

    /** The name SnakeYAML's reader gives a text in marks and errors. */
    private static final String NAME = "'string'";

    private final String text;
    private final int[] codePoints;
    /** The text's length in code points. */
    private final int size;
    /** Whether the text holds surrogate pairs, so that code points and characters differ. */
    private final boolean surrogates;
    private int pointer;
    private int documentIndex;
    private int line;
    private int column;

    /**
     * @throws ReaderException for a character YAML does not allow (a control but tab and line
     *     ends, U+FFFE, a lone surrogate), the error SnakeYAML's reader throws when its window gets
     *     to the character
     */
    TextStreamReader(String text) {
        super(Reader.nullReader());
        this.text = text;
        int last = text.length() - 1;
        if (last >= 0 && Character.isHighSurrogate(text.charAt(last))) {
            // SnakeYAML's reader checks this before the characters of the read that ends the text.
            throw new ReaderException(NAME, text.length(), text.charAt(last),
                    "The last char is HighSurrogate (no LowSurrogate detected).");
        }
        int[] points = new int[text.length()];
        int count = 0;
        for (int i = 0; i < text.length(); count++) {
            int c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7E || c == '\n') {
                points[count] = c;
                i++;
                continue;
            }
            c = text.codePointAt(i);
            if (!isPrintable(c)) {
                throw new ReaderException(NAME, count, c, "special characters are not allowed");
            }
            points[count] = c;
            i += Character.charCount(c);
        }
        this.codePoints = points;
        this.size = count;
        this.surrogates = count != text.length();
    }

    /**
     * Whether YAML allows every character of the text, as {@link StreamReader#isPrintable(String)}
     * answers, in one pass over its characters rather than its code points.
     */
    static boolean allAllowed(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7E || c == '\n') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: every code point past U+FFFF is allowed
            } else if (!isPrintable(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, pointer, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int count) {
        for (int i = 0; i < count && pointer < size; i++) {
            int c = codePoints[pointer++];
            documentIndex++;
            if (Constant.LINEBR.has(c) || (c == '\r' && pointer < size && codePoints[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return pointer < size ? codePoints[pointer] : '\0';
    }

    @Override
    public int peek(int index) {
        return pointer + index < size ? codePoints[pointer + index] : '\0';
    }

    @Override
    public String prefix(int count) {
        int end = Math.min(pointer + count, size);
        if (end <= pointer) {
            return "";
        }
        return surrogates ? new String(codePoints, pointer, end - pointer) : text.substring(pointer, end);
    }

    @Override
    public String prefixForward(int count) {
        String prefix = prefix(count);
        pointer += count;
        documentIndex += count;
        // SnakeYAML asks for a prefix only where it holds no line break.
        column += count;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return pointer;
    }

    @Override
    public int getLine() {
        return line;
    }
}
