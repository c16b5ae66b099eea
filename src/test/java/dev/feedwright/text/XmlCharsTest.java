package dev.feedwright.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dropping characters that XML 1.0 cannot carry or that would make text display as something else. */
class XmlCharsTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9D, 0x9F,
        0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x202A, 0x202E, 0x2066, 0x2069})
    void dropsCharacter(int codePoint) {
        assertThat(XmlChars.strip("a" + (char) codePoint + "b")).isEqualTo("ab");
    }

    @Test
    void dropsLoneSurrogates() {
        assertThat(XmlChars.strip("a\uD800b")).isEqualTo("ab");
        assertThat(XmlChars.strip("a\uDC00b")).isEqualTo("ab");
        assertThat(XmlChars.strip("end\uD83D")).isEqualTo("end");
        assertThat(XmlChars.strip("\uDE00\uD83Dx")).isEqualTo("x");
    }

    @Test
    void dropsNonCharactersOutsideTheBasicPlane() {
        assertThat(XmlChars.strip("a" + Character.toString(0x1FFFE) + "b" + Character.toString(0x10FFFF)))
                .isEqualTo("ab");
    }

    @Test
    void keepsTabLineFeedAndCarriageReturn() {
        assertThat(XmlChars.strip("a\tb\nc\rd")).isEqualTo("a\tb\nc\rd");
    }

    @Test
    void keepsSurrogatePairsAndOtherScripts() {
        String text = "😀 𝄞 日本語 Привет café \u00A0 \u2028 \uFFFC";
        assertThat(XmlChars.strip(text)).isEqualTo(text);
    }

    @Test
    void returnsSameInstanceWhenNothingIsDropped() {
        String text = "clean text, 😀";
        assertThat(XmlChars.strip(text)).isSameAs(text);
    }

    @Test
    void dropsEveryBadCharacterInALongRun() {
        assertThat(XmlChars.strip("\u0000\u0001\u0002x\u0003\uFFFE\uD800")).isEqualTo("x");
    }
}
