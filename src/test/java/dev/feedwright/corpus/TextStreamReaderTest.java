package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * {@link TextStreamReader} must read every text as SnakeYAML's own {@link StreamReader} does: the
 * same events at the same positions, lines and columns, and the same errors at the same places.
 */
class TextStreamReaderTest {

    /** Values and line ends of the texts SnakeYAML mostly reads. */
    private static final String[] VALUES = {"plain", "w\u00e9 \u201dq\u201d", "\ud83d\ude00 x", "\"q\u00e9\\n\\\"\"", "'s''s'",
        "", "42", "x #c", "\"\ud83c\udf89\""};
    private static final String[] LINE_ENDS = {"\n", "\n", "\r\n", "\r", "\u0085", "\u2028"};
    /** Everything in a text that moves a reader's lines, columns and positions differently. */
    private static final String[] PIECES = {"title", ": ", "\"", "'", "\\", "\\n", "\\u00e9", "- ", "  ", "\t",
        "\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\ufeff", "#", "{", "}", "[", "]", ",", "&a ", "*a",
        "!!str ", "|", ">", "---\n", "...\n", "? ", "%YAML 1.1\n", "\u00e9", "\u201d", "\u00e2\u20ac",
        "\ud83d\ude00", "\ud83c", "\u0007", "\u007f", "\u009d", "\ufffe", "\u0000", "x", "42", "~"};

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "title: plain\n",
        "title: \"quoted \\u00e9 and \\\"escaped\\\"\"\nexcerpt: 'single ''quoted'''\n",
        "a:\r\n  - one\r\n  - two\r\nb: x\r",
        "a: b\rc: d\r",
        "\ufefftitle: with a byte order mark\n",
        "title: \ud83d\ude00 emoji \ud83d\udc4d and more\nrelated:\n  - title: \ud83c\udf89\n",
        "text: |\n  line one\n  line two\u2028still two\u0085three\n",
        "folded: >\n  one\n\n  two\n",
        "anchor: &a value\nalias: *a\nmap: {a: 1, b: [x, y]}\n",
        "key: value\n  bad: indentation\n",
        "title: \"never closed\n",
        "title: bell \u0007 here\n",
        "title: a lone \ud83d surrogate\n",
        "- [a, b\n",
        "first: 1\n---\nsecond: 2\n",
    })
    void readsTextsAsSnakeYamlsReaderDoes(String text) {
        assertThat(outcome(text, true)).isEqualTo(outcome(text, false));
    }

    @Test
    void readsLongTextsAcrossSnakeYamlsReadWindowAsItsReaderDoes() {
        // SnakeYAML's reader pulls 1,023 characters at a time and keeps a surrogate pair together
        // across two pulls; these texts put pairs, line ends and tokens on every side of that seam.
        for (int shift = 0; shift < 8; shift++) {
            StringBuilder text = new StringBuilder("x".repeat(shift) + ": |\n");
            for (int line = 0; line < 300; line++) {
                text.append("  ").append("\ud83d\ude00".repeat(line % 5)).append(" w\u00e9 ").append(line).append('\n');
            }
            text.append("related:\n");
            for (int item = 0; item < 100; item++) {
                text.append("  - title: \"t\ud83c\udf89 ").append(item).append("\"\r\n    n: ").append(item).append('\n');
            }
            String yaml = text.toString();
            assertThat(outcome(yaml, true)).as("shift %d", shift).isEqualTo(outcome(yaml, false));
        }
    }

    @Test
    void readsRandomTextsAsSnakeYamlsReaderDoes() {
        Random random = new Random(20261206);
        int errors = 0;
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(40);
            boolean list = random.nextBoolean();
            for (int i = 0; i < pieces; i++) {
                if (round % 2 == 0) {
                    text.append(list ? "- " : "k" + i + ": ").append(pick(VALUES, random)).append(pick(LINE_ENDS, random));
                } else {
                    text.append(pick(PIECES, random));
                }
            }
            String yaml = text.toString();
            String fast = outcome(yaml, true);
            assertThat(fast).as("text %s", escape(yaml)).isEqualTo(outcome(yaml, false));
            if (fast.contains("ERROR")) {
                errors++;
            }
        }
        // Both kinds of text were tried: the ones SnakeYAML reads and the ones it refuses.
        assertThat(errors).isBetween(600, 2_400);
    }

    @Test
    void readsTheSeedsAndFixtureFilesAsSnakeYamlsReaderDoes() throws IOException {
        List<Path> files;
        try (Stream<Path> seeds = Files.list(Path.of("seeds")); Stream<Path> fixtures = Files.walk(Fixtures.root())) {
            files = Stream.concat(seeds, fixtures).filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        int read = 0;
        for (Path file : files) {
            String yaml;
            try {
                yaml = FrontMatter.split(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).yaml();
            } catch (CorpusFileException e) {
                continue; // no front matter to read
            }
            assertThat(outcome(yaml, true)).as(file.toString()).isEqualTo(outcome(yaml, false));
            read++;
        }
        assertThat(read).isGreaterThan(30);
    }

    @Test
    void allowsTheCharactersSnakeYamlAllows() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of("", "plain", "tab\tand\r\nline ends\u0085\u2028",
                "\ud83d\ude00", "\ud83d", "x\ude00", "\ud83dx", "\u0000", "\u007f", "\u0084", "\u00a0", "\ud7ff",
                "\ue000", "\ufffd", "\ufffe", "\uffff", "\u009f"));
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < 1 + random.nextInt(6); j++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(text.toString());
        }
        int refused = 0;
        for (String text : texts) {
            boolean expected = StreamReader.isPrintable(text);
            assertThat(TextStreamReader.allAllowed(text)).as("text %s", escape(text)).isEqualTo(expected);
            refused += expected ? 0 : 1;
        }
        assertThat(refused).isGreaterThan(100);
    }

    /** The events of a text with their marks, then the error that ended them, if any. */
    private static String outcome(String text, boolean fast) {
        StringBuilder out = new StringBuilder();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setProcessComments(false);
            Parser parser = new ParserImpl(fast ? new TextStreamReader(text) : new StreamReader(text), options);
            while (true) {
                Event event = parser.getEvent();
                out.append(event).append(' ').append(mark(event.getStartMark())).append(' ')
                        .append(mark(event.getEndMark())).append('\n');
                if (event.getEventId() == Event.ID.StreamEnd) {
                    return out.toString();
                }
            }
        } catch (MarkedYAMLException e) {
            // The snippet under a mark shows the reader's window, not the text: compare the rest.
            return out.append("ERROR ").append(e.getContext()).append(' ').append(mark(e.getContextMark()))
                    .append(' ').append(e.getProblem()).append(' ').append(mark(e.getProblemMark())).toString();
        } catch (ReaderException e) {
            // SnakeYAML's reader refuses a character when its window gets to it, after the events
            // before it; this one refuses it when it is made. The front matter is lost either way.
            return "ERROR " + e; // with the position and the character
        } catch (RuntimeException e) {
            return out.append("ERROR ").append(e.getClass().getSimpleName()).append(' ').append(e.getMessage())
                    .toString();
        }
    }

    private static String pick(String[] pieces, Random random) {
        return pieces[random.nextInt(pieces.length)];
    }

    private static String mark(Mark mark) {
        return mark == null ? "-" : mark.getIndex() + ":" + mark.getLine() + ":" + mark.getColumn();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return out.toString();
    }
}
