package dev.feedwright.text;

/**
 * Repairs UTF-8 text that was once decoded as Windows-1252 (or Latin-1): {@code â€™} becomes
 * {@code ’}, {@code Ã©} becomes {@code é}.
 *
 * <p>Only a run that is exactly one well-formed UTF-8 sequence, read back as Windows-1252
 * characters, is replaced, and only when the character it decodes to is a plausible one (a letter,
 * punctuation or symbol, not a control, phonetic sign (but Azerbaijani's schwa ə) or rare script).
 * Correct text such as {@code café}, {@code naïve}, {@code CAFÉ»} or {@code Spaß“} has no such run
 * and is left alone. A run that decodes to a letter of a script other than Latin (Cyrillic, Greek,
 * Hebrew, Arabic, Han, Hangul, ...) is taken for mojibake only beside another such run (next to it
 * or one space away), as in text that was written in that script: alone among Latin text it is an
 * accented letter before punctuation ({@code fermé »} with a no-break space, {@code perché…”},
 * {@code KÖ’s}), which would otherwise come out as {@code ferm頻}. Double-encoded text is repaired
 * by repeating the pass. A C1 control left alone (U+0080..U+009F) is what a Windows-1252 byte
 * becomes when read as Latin-1, and is taken as that byte: {@code Apple\u0092s} is {@code Apple’s}
 * (the five bytes Windows-1252 leaves undefined stay, for {@link XmlChars} to drop).
 *
 * <p>In the same way a run that decodes to a Latin letter that no living language writes, or
 * almost none, is taken for mojibake only beside another run (next to it or one space away)
 * that decodes to a Latin letter, punctuation or symbol: alone it is a Latin-1 capital before a
 * quote, dash, ellipsis, guillemet or soft hyphen, as in Finnish {@code “HYVÄ”} (C4 94, which
 * would come out as {@code “HYVĔ}), {@code SKÅ} and a soft hyphen (C5 AD, ŭ), Swedish
 * {@code PÅ—} (C5 97, ŗ), Italian {@code PERCHÈ”} (C8 94, Ȕ) or French {@code CAFÉ…} (C9 85, Ʌ).
 * Those letters, {@code RARE_LATIN}, are the letters of Latin Extended-A and -B (U+0100..U+024F)
 * that the alphabet of no language in the Unicode CLDR holds (the main exemplar characters of
 * every locale of CLDR 46, as ICU4J 76 gives them), such as ĕ ĭ ĸ ŉ ſ, Zhuang's letters of 1957,
 * the digraph characters ǆ ǉ ǌ ǳ, the double-grave and inverted-breve vowels ȁ ȃ ... ȗ and
 * Livonian and Americanist letters; and those that only Esperanto (ĉ ĝ ĥ ĵ ŝ ŭ), Silesian (ŏ)
 * and revived Old Prussian (ŗ) write, the "almost none": besides, ŏ and ŭ are found in the
 * McCune-Reischauer romanisation of Korean, and ŭ in Belarusian Łacinka and romanised Belarusian
 * names ({@code Barysaŭ}). Not among them, although CLDR leaves them out, are letters that text
 * in living languages holds: Romanian ţ with a cedilla, Dutch ĳ, Catalan ŀ, pinyin ǖ ǘ ǚ ǜ,
 * Skolt Sami ǥ ǩ ǯ Ʒ, Navajo ǫ and Serer ƈ ƥ ƭ. The letters of living languages stay repaired
 * alone: Polish {@code Å‚} (ł), Czech {@code Ä} and U+008D (č), Romanian {@code È™} (ș),
 * Turkish {@code ÄŸ} (ğ), and so do those that a capital before punctuation spells too, such as
 * Lithuanian {@code Ä—} (ė) or Latvian {@code Ä“} (ē), which text alone cannot tell apart. A
 * listed letter that some text does hold is only left unrepaired when it is alone, never
 * damaged.
 *
 * <p>The same holds for a run that decodes to a lower-case letter at the end of a word in
 * capitals (two capitals before it, no letter after it): text written in capitals gives
 * capitals when repaired, so it is a capital before punctuation, as in Turkish {@code “GÜÇ”}
 * (C7 94, ǔ) or Finnish {@code PÄÄ…} (C4 85, ą). {@code SÄ…} (Polish {@code Są}) and
 * {@code RÄ«ga} are still repaired.
 */
final class Mojibake {

    private static final int MAX_PASSES = 3;

    /**
     * {@code ”} (E2 80 9D) read as Windows-1252 by a decoder that gives U+FFFD for the byte 0x9D,
     * which Windows-1252 leaves undefined (Java's does): the one such run common enough to know.
     * {@code Ã} and U+FFFD could be any of Á Í Ï Ð Ý and is left alone.
     */
    private static final String RIGHT_QUOTE_REPLACED = "\u00E2\u20AC\uFFFD";

    /** Windows-1252 bytes 0x80..0x9F, as the characters a decoder produced for them. */
    private static final char[] CP1252_HIGH = {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    };

    /**
     * The rare Latin letters described above, by where they come from in Unicode's charts; each
     * group is written by no language in CLDR's alphabets but the ones its comment names.
     */
    private static final String RARE_LATIN =
            // Latin Extended-A: e and i with a breve; kra (Greenlandic before 1973); ŉ (deprecated:
            // Afrikaans writes ’n); long s.
            "ĔĕĬĭĸŉſ"
            // Esperanto only.
            + "ĈĉĜĝĤĥĴĵŜŝŬŭ"
            // Silesian only (ŏ); Old Prussian only (ŗ, in Latvian until 1946).
            + "ŎŏŖŗ"
            // Latin Extended-B, U+0180..U+01BF: Zhuang's 1957 letters, phonetic and historic letters.
            + "ƀƂƃƄƅƋƌƍƓƕƚƛƜƞƟƢƣƦƧƨƩƪƫƮƵƶƸƹƺƻƼƽƾƿ"
            // U+01C0..U+01FF: the digraph characters, Livonian, Old English, romanisations.
            + "ǄǅǆǇǈǉǊǋǌǞǟǠǡǢǣǬǭǰǱǲǳǴǵǶǷǺǻǼǽǾǿ"
            // U+0200..U+024F: double grave and inverted breve, yogh, Livonian, Americanist letters
            // (all but Ș ș Ț ț, Lakota's Ȟ ȟ and Ʉ).
            + "ȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȜȝȠȡȢȣȤȥȦȧȨȩȪȫȬȭȮȯȰȱȲȳȴȵȶȷȸȹȺȻȼȽȾȿɀɁɂɃɅɆɇɈɉɊɋɌɍɎɏ";

    /** What a run decodes to, for the rule of when it is taken for mojibake. */
    private enum Kind {
        /** Taken alone. */
        COMMON,
        /**
         * A rare Latin letter, or a lower-case letter ending a word in capitals: taken beside a run
         * of any kind but {@link #OTHER_SCRIPT}.
         */
        UNLIKELY_ALONE,
        /** Taken beside another such run. */
        OTHER_SCRIPT;

        /** Whether a run of this kind is taken for mojibake beside one of the {@code neighbour} kind. */
        boolean takenBeside(Kind neighbour) {
            if (neighbour == null) {
                return false;
            }
            return this == OTHER_SCRIPT ? neighbour == OTHER_SCRIPT : neighbour != OTHER_SCRIPT;
        }
    }

    private Mojibake() {
    }

    static String repair(String s) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String repaired = repairOnce(s);
            if (repaired == s) {
                return s;
            }
            s = repaired;
        }
        return s;
    }

    /** One pass; returns the same instance when nothing was repaired. */
    private static String repairOnce(String s) {
        StringBuilder out = null;
        int n = s.length();
        int i = 0;
        int lastEnd = -2;
        Kind lastKind = null;
        while (i < n) {
            char c = s.charAt(i);
            int length = sequenceLength(c);
            int decoded = length > 0 && i + length <= n ? decode(s, i, length) : -1;
            if (decoded >= 0) {
                Kind kind = kind(s, i, length, decoded);
                boolean afterLast = lastEnd == i || lastEnd == i - 1 && s.charAt(i - 1) == ' ';
                boolean taken = kind == Kind.COMMON || afterLast && kind.takenBeside(lastKind)
                        || kind.takenBeside(kindFollowing(s, i + length));
                lastEnd = i + length;
                lastKind = kind;
                if (!taken) {
                    decoded = -1;
                }
            }
            if (decoded >= 0) {
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, i);
                }
                out.appendCodePoint(decoded);
                i += length;
                continue;
            }
            // A C1 control alone is a Windows-1252 byte decoded as Latin-1: U+0092 is its ’.
            char kept = c >= '\u0080' && c <= '\u009F' ? CP1252_HIGH[c - 0x80] : c;
            if (kept != c && out == null) {
                out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null) {
                out.append(kept);
            }
            i++;
        }
        return out == null ? s : out.toString();
    }

    /**
     * Whether the run at {@code start} decodes to a lower-case letter that would end a word written
     * in capitals: two capitals before it and no letter after it. Text that was all capitals gives
     * capitals when it is repaired; such a run is a capital before punctuation, as in Turkish
     * {@code “GÜÇ”} (C7 94, which would come out as {@code “GÜǔ}) or Finnish {@code PÄÄ…} (C4 85,
     * ą), and is taken for mojibake, like a rare letter, only beside another run.
     */
    private static boolean endsAWordInCapitals(String s, int start, int length, int decoded) {
        int after = start + length;
        return start >= 2 && Character.isLowerCase(decoded) && Character.isUpperCase(s.charAt(start - 1))
                && Character.isUpperCase(s.charAt(start - 2))
                && (after == s.length() || !Character.isLetter(s.charAt(after)));
    }

    /**
     * Whether the two-character run at {@code start} is a capital after another capital, then
     * punctuation that follows words (a quote, an ellipsis, a guillemet, a dash), at the end of
     * the word, and decodes to a capital beyond Latin-1: correct text in capitals spells it so
     * ({@code PÅ”}, {@code HYVÄ»}, {@code GÜÇ—}), and reads as a rarer capital when taken for
     * mojibake ({@code PŔ}, {@code HYVĻ}, {@code GÜǗ}); taken, like a rare letter, only beside
     * another run. A run that decodes to a Latin-1 capital ({@code PÃ…}, Swedish {@code PÅ}) is
     * common mojibake and stays repaired, though {@code IRMÃ…} in Portuguese is correct.
     */
    private static boolean isACapitalBeforePunctuation(String s, int start, int length, int decoded) {
        int after = start + length;
        return length == 2 && decoded > 0xFF && start >= 1 && Character.isUpperCase(decoded)
                && Character.isUpperCase(s.charAt(start - 1)) && WORD_END_PUNCTUATION.indexOf(s.charAt(start + 1)) >= 0
                && (after == s.length() || !Character.isLetter(s.charAt(after)));
    }

    /** Punctuation that follows a word, as Windows-1252 has it among 0x80..0xBF. */
    private static final String WORD_END_PUNCTUATION = "\u201D\u201C\u2026\u00BB\u00AB\u2014\u2013\u2019\u2018";

    /** The kind of the run that starts at {@code at} or one space after it; null when none does. */
    private static Kind kindFollowing(String s, int at) {
        int start = at < s.length() && s.charAt(at) == ' ' ? at + 1 : at;
        int length = start < s.length() ? sequenceLength(s.charAt(start)) : 0;
        if (length == 0 || start + length > s.length()) {
            return null;
        }
        int decoded = decode(s, start, length);
        return decoded >= 0 ? kind(s, start, length, decoded) : null;
    }

    /** The kind of the run of {@code length} characters at {@code start}, which decodes to {@code decoded}. */
    private static Kind kind(String s, int start, int length, int decoded) {
        if (isOtherScript(decoded)) {
            return Kind.OTHER_SCRIPT;
        }
        return isRareLatin(decoded) || endsAWordInCapitals(s, start, length, decoded)
                || isACapitalBeforePunctuation(s, start, length, decoded) ? Kind.UNLIKELY_ALONE : Kind.COMMON;
    }

    /** One of {@link #RARE_LATIN}. */
    private static boolean isRareLatin(int cp) {
        return cp >= 0x100 && cp < 0x250 && RARE_LATIN.indexOf(cp) >= 0;
    }

    /** A letter or mark of a script other than Latin; punctuation, symbols and emoji are common to all scripts. */
    private static boolean isOtherScript(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON
                && script != Character.UnicodeScript.INHERITED;
    }

    /** The UTF-8 sequence length announced by a lead byte read as Latin-1, or 0 if it is no lead byte. */
    private static int sequenceLength(char c) {
        if (c >= '\u00C2' && c <= '\u00DF') {
            return 2;
        }
        if (c >= '\u00E0' && c <= '\u00EF') {
            return 3;
        }
        if (c >= '\u00F0' && c <= '\u00F4') {
            return 4;
        }
        return 0;
    }

    /** Decodes {@code length} characters at {@code start} as UTF-8 bytes; -1 if they are not a plausible sequence. */
    private static int decode(String s, int start, int length) {
        if (length == 3 && s.startsWith(RIGHT_QUOTE_REPLACED, start)) {
            return '\u201D';
        }
        int cp = s.charAt(start) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
        for (int k = 1; k < length; k++) {
            int b = continuationByte(s.charAt(start + k));
            if (b < 0) {
                return -1;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        boolean wellFormed = switch (length) {
            case 2 -> cp >= 0x80;
            case 3 -> cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
            default -> cp >= 0x10000 && cp <= 0x10FFFF;
        };
        return wellFormed && plausible(cp) ? cp : -1;
    }

    /** The byte 0x80..0xBF a character stands for when it came from Windows-1252 or Latin-1; -1 otherwise. */
    private static int continuationByte(char c) {
        if (c >= '\u00A0' && c <= '\u00BF') {
            return c;
        }
        if (c >= '\u0080' && c <= '\u009F') {
            return c;
        }
        for (int b = 0; b < CP1252_HIGH.length; b++) {
            if (CP1252_HIGH[b] == c) {
                return 0x80 + b;
            }
        }
        return -1;
    }

    /**
     * Characters a real text is likely to hold. Rules out controls, phonetic and combining signs and
     * the scripts of U+0700..U+07FF, which is what correct Latin-1 text such as {@code É»} or
     * {@code ß“} would decode to.
     */
    private static boolean plausible(int cp) {
        if (cp < 0xA0) {
            return false;
        }
        if (cp < 0x250) {
            return true;
        }
        if (cp < 0x370) {
            // Phonetic letters and modifiers, but for the schwa, a letter of Azerbaijani.
            return cp == 0x259;
        }
        if (cp < 0x700) {
            return true;
        }
        if (cp < 0x900) {
            // Syriac, Thaana, NKo: what a correct ß, Ü, Ý or Þ followed by a quote, dash, ellipsis or
            // guillemet ("Spaß“") would decode to; Samaritan, Mandaic and Arabic's extensions: what
            // a correct à, then a no-break space and a guillemet (French "à « Paris »") would. Not
            // scripts news text is written in.
            return false;
        }
        if (cp >= 0xE000 && cp <= 0xF8FF) {
            return false;
        }
        return cp != 0xFFFE && cp != 0xFFFF;
    }
}
