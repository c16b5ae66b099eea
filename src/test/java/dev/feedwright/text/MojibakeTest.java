package dev.feedwright.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Repairing UTF-8 that was decoded as Windows-1252, without touching text that was right. */
class MojibakeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Chinaâ€™s                 | China’s
            a â€” b                   | a — b
            pages 1â€“2               | pages 1–2
            cafÃ©                     | café
            Â£5                       | £5
            Â©2021                    | ©2021
            â€˜quotedâ€™              | ‘quoted’
            â€œquoted                 | “quoted
            wait â€¦                  | wait …
            â‚¬100                    | €100
            MÃ¼nchen                  | München
            Ã‰conomie                 | Économie
            Ãœber                     | Über
            ÃŸ                        | ß
            È™i È›arÄƒ                | și țară
            Ð¿Ñ€Ð¸Ð²ÐµÑ‚              | привет
            Î±Î²Î³                    | αβγ
            Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©          | العربية
            æ—¥æœ¬èªž                 | 日本語
            ðŸ˜€                      | 😀
            """)
    void repairsWindows1252Mojibake(String broken, String repaired) {
        assertThat(Mojibake.repair(broken)).isEqualTo(repaired);
    }

    @Test
    void repairsSequenceWhoseByteWindows1252LeftUndefined() {
        // ” is E2 80 9D; 9D has no Windows-1252 character and comes through as the control U+009D.
        assertThat(Mojibake.repair("â€œquotedâ€\u009d")).isEqualTo("“quoted”");
        assertThat(Mojibake.repair("Ã\u0081ngel")).isEqualTo("Ángel");
    }

    /**
     * Found by a helper's hunt: Java's own Windows-1252 decoder gives U+FFFD for 0x9D, so the
     * commonest mojibake of ” was left as "â€"; and lone C1 controls, Windows-1252 bytes read
     * as Latin-1, were dropped, joining words.
     */
    @Test
    void repairsTheRightQuoteAJavaDecoderReplacedAndLoneC1Controls() {
        assertThat(Mojibake.repair("â€œnoâ€\uFFFD")).isEqualTo("“no”");
        assertThat(Mojibake.repair("Ã\uFFFDLVARO")).isEqualTo("Ã\uFFFDLVARO");
        assertThat(Mojibake.repair("Apple\u0092s \u0093new\u0094 iPhone \u0096 a review\u0085 and more"))
                .isEqualTo("Apple’s “new” iPhone – a review… and more");
        assertThat(Mojibake.repair("a\u0081b")).isEqualTo("a\u0081b");
        assertThat(TextRepair.text("Apple\u0092s \u0093new\u0094")).isEqualTo("Apple’s “new”");
    }

    /** Found by a helper's hunt: correct text in capitals before punctuation, and French spacing, were "repaired". */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "VIKTIG BESKJED P\u00c5\u201d",
        "\u201dDET H\u00c4NDE P\u00c5\u2026",
        "\u00bbHYV\u00c4\u00bb sanoi h\u00e4n",
        "G\u00dc\u00c7\u2014 yeni",
        "\u00ab\u00a0ferm\u00e9\u00a0\u00bb \u00e0\u00a0\u00ab\u00a0Paris\u00a0\u00bb",
    })
    void leavesCorrectCapitalsBeforePunctuationAndFrenchSpacingAlone(String text) {
        assertThat(Mojibake.repair(text)).isEqualTo(text);
    }

    /** Found by a review: the rule above left common mojibake of capitals in Latin-1 unrepaired. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SVERIGE VANN P\u00c3\u2026 HEMMAPLAN | SVERIGE VANN P\u00c5 HEMMAPLAN
            UUSI TY\u00c3\u2013 ALKAA           | UUSI TY\u00d6 ALKAA
            PER\u00c3\u2019 NO HO SAP           | PER\u00d2 NO HO SAP
            ROB\u00c3\u201d DA NASA             | ROB\u00d4 DA NASA
            EL PAPA MURI\u00c3\u201c AYER       | EL PAPA MURI\u00d3 AYER
            """)
    void repairsMojibakeOfLatin1CapitalsBeforeASpace(String broken, String repaired) {
        assertThat(Mojibake.repair(broken)).isEqualTo(repaired);
    }

    @Test
    void repairsNoBreakSpaceMojibake() {
        assertThat(Mojibake.repair("dÃ©jÃ\u00A0 vu")).isEqualTo("déjà vu");
        assertThat(Mojibake.repair("a\u00C2\u00A0b")).isEqualTo("a\u00A0b");
    }

    @Test
    void repairsTextThatWasDecodedTwice() {
        assertThat(Mojibake.repair("Ã¢â‚¬â„¢")).isEqualTo("’");
        assertThat(Mojibake.repair("cafÃƒÂ©")).isEqualTo("café");
    }

    /** Three passes at most: text decoded three times is repaired, four times is left one pass short. */
    @Test
    void repairsTextDecodedThreeTimesAndStopsThere() {
        String thrice = "ÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢";
        String fourTimes = "ÃƒÆ’Ã‚Â¢ÃƒÂ¢Ã¢â‚¬Å¡Ã‚Â¬ÃƒÂ¢Ã¢â‚¬Å¾Ã‚Â¢";

        assertThat(Mojibake.repair("It" + thrice + "s")).isEqualTo("It’s");
        assertThat(Mojibake.repair(fourTimes)).isEqualTo("â€™");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"café", "naïve", "Ökonomie", "CAFÉ»", "CAFÉ”", "ÉCOLE", "São Paulo", "Zürich",
        "façade", "Größe", "£5", "©2021", "déjà vu", "日本語のニュース", "emoji 😀 ok", "Привет мир",
        "Ελληνικά", "עברית", "¿Qué?", "¡Olé!", "½ price", "45° angle", "Â", "Ã", "ÃO", "plain ASCII"})
    void leavesCorrectTextUnchanged(String text) {
        assertThat(Mojibake.repair(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"„Das macht Spaß“", "“Spaß”", "Spaß…", "»Gruß«", "«Gruß»", "weiß’", "Fuß–Ball",
        "MÜ“", "ÝÞ»"})
    void leavesSharpSAndCapitalsBeforePunctuationUnchanged(String text) {
        assertThat(Mojibake.repair(text)).isEqualTo(text);
    }

    /**
     * An accented letter before a no-break space and a guillemet, an ellipsis and a quote, or a
     * capital before a quote or a capital reads as one UTF-8 sequence of a letter of another script;
     * alone among Latin text it is correct text, not mojibake (French «&nbsp;fermé&nbsp;» became
     * «&nbsp;ferm頻).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"« C’est fermé\u00A0»", "«\u00A0Il est allé…\u00A0»", "“Ho detto perché…”",
        "a irmã…”", "Swedish “Ö” island", "KÖ’s", "Icelandic „MEÐ“", "ÚŽASNÉ", "ÚŠTĚK", "2×£5", "×–5"})
    void leavesAccentedLetterBeforePunctuationUnchanged(String text) {
        assertThat(Mojibake.repair(text)).isEqualTo(text);
    }

    /**
     * A Latin-1 capital before a quote, dash, ellipsis, guillemet or soft hyphen reads as one UTF-8
     * sequence of a Latin letter that no living language writes (or almost none); alone among
     * correct text it is correct text, not mojibake (Finnish “HYVÄ” became “HYVĔ).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Finnish “HYVÄ” is good", // Ä” is C4 94, Ĕ
        "HYVÄ”",
        "HÄ\u00ADNDLER",        // Ä and a soft hyphen: C4 AD, ĭ
        "SKÅ\u00ADNE",          // Å and a soft hyphen: C5 AD, ŭ
        "PÅ— och AV",             // Å and an em dash: C5 97, ŗ (Latvian before 1946)
        "SÅ–SÅ",                 // Å and an en dash: C5 96, Ŗ
        "“PERCHÈ”",              // È”: C8 94, Ȕ
        "COS’È…",                // È…: C8 85, ȅ
        "«È»",                   // È»: C8 BB, Ȼ
        "CAFÉ…",                 // É…: C9 85, Ʌ
    })
    void leavesACapitalBeforePunctuationThatReadsAsARareLatinLetterUnchanged(String text) {
        assertThat(Mojibake.repair(text)).isEqualTo(text);
    }

    /**
     * A capital before punctuation at the end of a word in capitals that reads as a lower-case
     * letter of a living language: text written in capitals would have been repaired to capitals.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Turkish “GÜÇ” party",   // Ç”: C7 94, ǔ
        "“GÜÇ”",
        "PÄÄ… and more",         // Ä…: C4 85, ą
        "SKÅ„",                   // Å„: C5 84, ń
        "PÄÄ“",                   // Ä“: C4 93, ē
        "AVÅ“",                   // Å“: C5 93, œ
    })
    void leavesACapitalEndingAWordInCapitalsThatReadsAsALowerCaseLetterUnchanged(String text) {
        assertThat(Mojibake.repair(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SÄ… w sÄ…dzie          | Są w sądzie
            SÄ…                   | Są
            RÄ«ga                 | Rīga
            NATO Ä… b              | NATO ą b
            PÄÄ… Å‚                | PÄą ł
            PÄÄ…Å‚                 | PÄął
            """)
    void stillRepairsALowerCaseLetterAfterOneCapitalOrBesideAnotherRun(String broken, String repaired) {
        assertThat(Mojibake.repair(broken)).isEqualTo(repaired);
    }

    /**
     * The letters of living languages that these sequences decode to are still repaired, alone in a
     * word of correct text: Polish, Czech, Slovak, Hungarian, Turkish, Romanian, Lithuanian, Latvian,
     * Vietnamese, and the few letters the Unicode CLDR's alphabets miss (Romanian ţ with a cedilla,
     * Dutch ĳ, Catalan ŀ, pinyin ǜ, Skolt Sami ǥ, Navajo ǫ), and Azerbaijani ə, which Unicode puts
     * among the phonetic letters.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Å‚adny                   | ładny
            Å›wiat                   | świat
            WrocÅ‚aw                  | Wrocław
            Ä\u008Desky             | česky
            pÄ›t                     | pět
            Å™eka                    | řeka
            Å¡kola                   | škola
            Å¾ena                    | žena
            SzÅ‘ke                    | Szőke
            daÄŸ                     | dağ
            Ä±ÅŸÄ±k                   | ışık
            È™i È›arÄƒ                | și țară
            È™coalÄƒ                  | școală
            Å£arÄƒ                    | ţară
            LietuvÄ—                  | Lietuvė
            RÄ«ga                     | Rīga
            Ä“rglis                   | ērglis
            Viá»‡t NgÆ°á»\u009Di      | Việt Người
            Æ¡n                       | ơn
            Ä³s                       | ĳs
            colÅ€legi                 | colŀlegi
            lÇœ                       | lǜ
            Ç¥                       | ǥ
            Ç«                       | ǫ
            AzÉ™rbaycan              | Azərbaycan
            Æ\u008FlÉ™                | Ələ
            """)
    void repairsLettersOfLivingLanguagesAloneInAWord(String broken, String repaired) {
        assertThat(Mojibake.repair(broken)).isEqualTo(repaired);
    }

    @Test
    void repairsARareLatinLetterBesideAnotherRepairedRun() {
        // Esperanto "aŭ ĉu": ŭ and ĉ one space apart; Ĕ between quotes that are mojibake too.
        assertThat(Mojibake.repair("a\u00C5\u00AD \u00C4\u2030u")).isEqualTo("a\u016D \u0109u");
        assertThat(Mojibake.repair("â€œÄ”â€\u009d")).isEqualTo("“\u0114”");
        assertThat(Mojibake.repair("Ä”â€™s")).isEqualTo("\u0114’s");
    }

    @Test
    void aRunOfAnotherScriptIsNotTakenBesideALatinOneNorTheOtherWayRound() {
        // é, a no-break space and » decode to 頻 (another script); ’ before it and Ĕ after it are
        // runs of other kinds, so neither vouches for it, and it vouches for no rare letter.
        assertThat(Mojibake.repair("â€™é\u00A0»")).isEqualTo("’é\u00A0»");
        assertThat(Mojibake.repair("é\u00A0»Ä”")).isEqualTo("é\u00A0»Ä”");
    }

    @Test
    void leavesAMojibakeRareLatinLetterAloneAsItIs() {
        // The price of the rule: McCune-Reischauer "Chosŏn" (ŏ is C5 8F) alone is not repaired.
        assertThat(Mojibake.repair("Chos\u00C5\u008Fn")).isEqualTo("Chos\u00C5\u008Fn");
    }

    @Test
    void repairsOneLetterOfAnotherScriptBesideOthers() {
        assertThat(Mojibake.repair("Ð² Ð¼Ð¸Ñ€Ðµ")).isEqualTo("в мире");
        assertThat(Mojibake.repair("Ð¼Ð¸Ñ€ Ð²")).isEqualTo("мир в");
        assertThat(Mojibake.repair("Diablo 4ã\u0081®ç™ºå£²")).isEqualTo("Diablo 4の発売");
        assertThat(Mojibake.repair("I â\u009D¤ï¸\u008F it")).isEqualTo("I ❤️ it");
    }

    @Test
    void repairsASequenceWhoseLeadIsTheLastThreeByteLead() {
        // U+FF0C FULLWIDTH COMMA, EF BC 8C.
        assertThat(Mojibake.repair("a\u00ef\u00bc\u0152b")).isEqualTo("a\uff0cb");
    }

    @Test
    void repairsTextDecodedAsLatin1WhoseContinuationBytesAreC1Controls() {
        assertThat(Mojibake.repair("It\u00e2\u0080\u0099s")).isEqualTo("It\u2019s");
        assertThat(Mojibake.repair("\u00f0\u009f\u0098\u0080")).isEqualTo("\ud83d\ude00");
    }

    @Test
    void repairsOneLetterWordsOfAnotherScriptAtEitherEndOfTheText() {
        // "Это я" and "и в": a lone letter one space after, or one space before, another run.
        assertThat(Mojibake.repair("\u00d0\u00ad\u00d1\u201a\u00d0\u00be \u00d1\u008f")).isEqualTo("Это я");
        assertThat(Mojibake.repair("\u00d0\u00b8 \u00d0\u00b2")).isEqualTo("и в");
    }

    @Test
    void leavesAnAccentedLetterBeforePunctuationAloneWhenTheNextWordStartsWithALatin1Capital() {
        // "é…”" reads as one Han character; "È " after it decodes to nothing.
        assertThat(Mojibake.repair("perch\u00e9\u2026\u201d \u00c8 vero")).isEqualTo("perch\u00e9\u2026\u201d \u00c8 vero");
    }

    @Test
    void repairsScriptsWhoseLeadIsTheFirstThreeByteLead() {
        assertThat(Mojibake.repair("\u00e0\u00b8\u00a0\u00e0\u00b8\u00b2\u00e0\u00b8\u00a9\u00e0\u00b8\u00b2"
                + "\u00e0\u00b9\u201e\u00e0\u00b8\u2014\u00e0\u00b8\u00a2")).isEqualTo("ภาษาไทย");
        assertThat(Mojibake.repair("\u00e0\u00a4\u00b9\u00e0\u00a4\u00bf\u00e0\u00a4\u00a8\u00e0\u00a5\u008d"
                + "\u00e0\u00a4\u00a6\u00e0\u00a5\u20ac")).isEqualTo("हिन्दी");
    }

    @Test
    void repairsTheFirstCodePointsOfThreeAndFourByteSequencesBesideAnotherScript() {
        // U+0800..U+08FF (Samaritan, Mandaic) are no script news text is in: the first one taken is U+0900.
        assertThat(Mojibake.repair("\u00d0\u00b8\u00e0\u00a4\u20ac")).isEqualTo("\u0438\u0900");
        assertThat(Mojibake.repair("\u00d0\u00b8\u00e0\u00a0\u20ac")).isEqualTo("\u00d0\u00b8\u00e0\u00a0\u20ac");
        assertThat(Mojibake.repair("\u00d0\u00b8\u00f0\u0090\u20ac\u20ac")).isEqualTo("\u0438\ud800\udc00");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "\u00df\u201c\u00df\u201c", // ß“ß“: U+07D3 twice, NKo
        "\u00dc\u20ac\u00dc\u20ac", // Ü€Ü€: U+0700 twice, Syriac
        "\u00c9\u0090",             // É and a C1 control: U+0250, a phonetic sign
        "\u00d0\u00b8\u00ef\u00bf\u00be", // и and U+FFFE, a non-character
        "\u00d0\u00b8\u00ef\u00a3\u00bf", // и and U+F8FF, the last private-use character
        "\u00d0\u00b8\u00ed\u00a0\u20ac", // и and U+D800, a surrogate
        "\u00d0\u00b8\u00ed\u00bf\u00bf", // и and U+DFFF, a surrogate
        "\u00d0\u00b8 \u00d0",           // и and a sequence cut off by the end of the text
        "\u00ee\u20ac\u20ac\u00ee\u20ac\u20ac", // U+E000 twice, private use
    })
    void leavesRunsThatDecodeToImplausibleCharactersAlone(String text) {
        assertThat(Mojibake.repair(text)).isEqualTo(text);
    }

    @Test
    void returnsSameInstanceWhenNothingNeedsRepair() {
        String text = "nothing to do: café";
        assertThat(Mojibake.repair(text)).isSameAs(text);
    }

    @Test
    void leavesIncompleteSequenceAsItIs() {
        assertThat(Mojibake.repair("â€")).isEqualTo("â€");
        assertThat(Mojibake.repair("endsWithÃ")).isEqualTo("endsWithÃ");
    }

    @Test
    void refusesSequenceThatDecodesToSurrogateOrOverlongForm() {
        // ED A0 80 would be the surrogate U+D800; C2 80 would be a C1 control.
        assertThat(Mojibake.repair("í\u00A0€")).isEqualTo("í\u00A0€");
        assertThat(Mojibake.repair("Â€")).isEqualTo("Â€");
    }
}
