package dev.feedwright.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the text repair every corpus string goes through. In a normal build this runs the kept
 * inputs under {@code src/test/resources/dev/feedwright/text/TextRepairFuzzTestInputs/} (regression
 * mode); with {@code JAZZER_FUZZ=1} Jazzer mutates them (see the README's Safety section).
 */
class TextRepairFuzzTest {

    /** The input as the reader would see it: bytes decoded as UTF-8, bad sequences replaced. */
    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    @FuzzTest(maxDuration = "30s")
    void repairedTextIsPlainOneLineXmlSafeTextWithNoMarkup(byte[] input) {
        String raw = text(input);

        String repaired = TextRepair.text(raw);

        assertThat(XmlChars.strip(repaired)).as("only characters XML can carry").isEqualTo(repaired);
        assertThat(repaired).as("one line, no padding, no double spaces")
                .doesNotContain("\n", "\r", "\t", "  ").isEqualTo(repaired.strip());
        assertThat(Markup.looksLikeTag(repaired)).as("markup left in %s", repaired).isFalse();
        assertThat(repaired.length()).as("never longer than twice the input").isLessThanOrEqualTo(2 * raw.length() + 1);
        if (isCorrectText(raw)) {
            assertThat(TextRepair.text(repaired)).as("repairing again changes nothing").isEqualTo(repaired);
        }
    }

    /**
     * Text with nothing to decode or repair: no entity, no control, nothing from the Latin-1 range
     * that mojibake is made of. Repair is not idempotent in general (entities are decoded two
     * levels deep and mojibake three, per call; the fuzzer found a U+FFFD between mojibake
     * characters, dropped only after the mojibake pass), but on such text it must be.
     */
    private static boolean isCorrectText(String raw) {
        return raw.chars().noneMatch(c -> c == '&' || c < 0x20 || (c >= 0x7F && c <= 0xFF) || c == 0xFFFD
                || Character.isSurrogate((char) c));
    }

    @FuzzTest(maxDuration = "30s")
    void repairedLinkTextIsXmlSafeAndTrimmed(byte[] input) {
        String repaired = TextRepair.link(text(input));

        assertThat(XmlChars.strip(repaired)).isEqualTo(repaired);
        assertThat(repaired).isEqualTo(repaired.strip());
    }
}
