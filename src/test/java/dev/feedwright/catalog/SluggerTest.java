package dev.feedwright.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SluggerTest {

    /** Names Windows keeps for devices, with or without an extension. */
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com0", "com1", "com2",
            "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5",
            "lpt6", "lpt7", "lpt8", "lpt9");

    @Test
    void foldsAccentsIntoLowerCaseAscii() {
        assertThat(Slugger.base("Café Société", false)).isEqualTo("cafe-societe");
        assertThat(Slugger.base("Straße", false)).isEqualTo("strasse");
        assertThat(Slugger.base("Ærøskøbing", false)).isEqualTo("aeroskobing");
        assertThat(Slugger.base("Łódź Œuvre", false)).isEqualTo("lodz-oeuvre");
    }

    @Test
    void turnsEveryOtherCharacterIntoOneDash() {
        assertThat(Slugger.base("AI & Machine   Learning!", false)).isEqualTo("ai-machine-learning");
        assertThat(Slugger.base("--C++ / C#--", false)).isEqualTo("c-c");
        assertThat(Slugger.base("Covid_19: Week 3", false)).isEqualTo("covid-19-week-3");
    }

    @Test
    void keepsDotsOnlyForProviderDomains() {
        assertThat(Slugger.base("bbc.co.uk", true)).isEqualTo("bbc.co.uk");
        assertThat(Slugger.base("bbc.co.uk", false)).isEqualTo("bbc-co-uk");
        assertThat(Slugger.assign(List.of("theguardian.com", "npr.org"), true))
                .isEqualTo(Map.of("theguardian.com", "theguardian.com", "npr.org", "npr.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", ".", "..", "", "/", "\\", "a/../../b", "..\\..\\windows", " ", "-", ".-.",
        "CON", "nul", "com1", "LPT9", "con.com", "Aux.Example", "com¹", "\u202Egnp.exe", "evil\u202E/..", "人工智能",
        "😀😀", ".hidden", "trailing."})
    void neverMakesAPathOutsideTheFolderNorADeviceName(String name) {
        for (boolean keepDots : new boolean[] {false, true}) {
            String slug = Slugger.assign(List.of(name), keepDots).get(name);

            assertThat(slug).as("slug of '%s' (keepDots %s)", name, keepDots)
                    .matches("[a-z0-9][a-z0-9.-]*")
                    .doesNotContain("..")
                    .doesNotEndWith(".")
                    .isEqualTo(Slugger.base(name, keepDots));
            assertThat(Slugger.isSafe(slug)).isTrue();
            assertThat(WINDOWS_DEVICES).doesNotContain(slug, slug.split("\\.")[0]);
        }
    }

    @Test
    void keepsTheMeaningfulPartOfAPathLikeName() {
        assertThat(Slugger.base("../../etc", false)).isEqualTo("etc");
        assertThat(Slugger.base("../../etc", true)).isEqualTo("etc");
    }

    @Test
    void givesNamesWithoutAnyAsciiLetterAHashedSlug() {
        Map<String, String> slugs = Slugger.assign(List.of("", "/", "人工智能", "机器学习"), false);

        assertThat(slugs.values()).allSatisfy(slug -> assertThat(slug).matches("x-[0-9a-f]{8}"));
        assertThat(new HashSet<>(slugs.values())).hasSize(4);
    }

    @Test
    void suffixesWindowsDeviceNames() {
        assertThat(Slugger.base("CON", false)).matches("con-[0-9a-f]{6}");
        assertThat(Slugger.base("nul", false)).matches("nul-[0-9a-f]{6}");
        assertThat(Slugger.base("com1", false)).matches("com1-[0-9a-f]{6}");
        assertThat(Slugger.base("console", false)).isEqualTo("console");
    }

    @Test
    void suffixesADeviceNameBeforeTheFirstDotBecauseWindowsIgnoresWhatFollows() {
        // Windows opens the device for NUL.txt and NUL.tar.gz alike, so con.com-123456.xml would be CON.
        assertThat(Slugger.base("con.com", true)).matches("con-[0-9a-f]{6}\\.com");
        assertThat(Slugger.base("NUL.example.org", true)).matches("nul-[0-9a-f]{6}\\.example\\.org");
        assertThat(Slugger.base("con." + "x".repeat(200), true)).startsWith("con-").satisfies(
                slug -> assertThat(Slugger.isSafe(slug)).isTrue());
    }

    @Test
    void dropsRightToLeftOverrides() {
        String slug = Slugger.base("\u202Egnp.exe", true);

        assertThat(slug).isEqualTo("gnp.exe");
        assertThat(Slugger.base("news\u202Eof the day", false)).isEqualTo("news-of-the-day");
    }

    @Test
    void cutsVeryLongNamesAndKeepsThemApart() {
        String a = "a".repeat(499) + "b";
        String b = "a".repeat(499) + "c";
        String c = "Ab ".repeat(166) + "ab";

        Map<String, String> slugs = Slugger.assign(List.of(a, b, c), false);

        assertThat(slugs.values()).allSatisfy(slug -> {
            assertThat(slug.length()).isLessThanOrEqualTo(Slugger.MAX_LENGTH + 8);
            assertThat(Slugger.isSafe(slug)).isTrue();
        });
        assertThat(slugs.get(a)).startsWith("a".repeat(71)).hasSize(Slugger.MAX_LENGTH);
        assertThat(new HashSet<>(slugs.values())).hasSize(3);
    }

    @Test
    void keepsANameOfExactlyTheLongestSlugLengthWithoutAHash() {
        String name = "b".repeat(Slugger.MAX_LENGTH);

        assertThat(Slugger.base(name, false)).isEqualTo(name);
        assertThat(Slugger.base(name + "c", false)).hasSize(Slugger.MAX_LENGTH).startsWith("b".repeat(71) + "-");
    }

    @Test
    void keepsTheFirstAndLastLettersAndDigits() {
        assertThat(Slugger.base("az 09 AZ", false)).isEqualTo("az-09-az");
        assertThat(Slugger.base("`a{z/0:9@", false)).isEqualTo("a-z-0-9");
    }

    @Test
    void firstNameInCodePointOrderKeepsThePlainSlug() {
        Map<String, String> slugs = Slugger.assign(List.of("cafe", "Café", "CAFÉ", "café"), false);

        assertThat(slugs.get("CAFÉ")).isEqualTo("cafe");
        assertThat(List.of(slugs.get("Café"), slugs.get("cafe"), slugs.get("café")))
                .allSatisfy(slug -> assertThat(slug).matches("cafe-[0-9a-f]{6}"))
                .doesNotHaveDuplicates();
    }

    @Test
    void ordersCollidingNamesByCodePointNotByUtf16Unit() {
        // U+FF01 (fullwidth '!') comes before U+1F916 (robot face) in code-point order, but its UTF-16
        // unit 0xFF01 sorts after the robot's high surrogate 0xD83E.
        String fullwidth = "AI\uFF01";
        String emoji = "AI\uD83E\uDD16";

        Map<String, String> slugs = Slugger.assign(List.of(emoji, fullwidth), false);

        assertThat(slugs.get(fullwidth)).isEqualTo("ai");
        assertThat(slugs.get(emoji)).matches("ai-[0-9a-f]{6}");
    }

    @Test
    void comparesCodePointsAsTheirArraysCompare() {
        int[] alphabet = "aZ0.é中😀🤖\uFF01\uE000\uD83Ex\uDD16".codePoints().toArray();
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            String a = randomText(random, alphabet);
            String b = random.nextInt(4) == 0 ? a + randomText(random, alphabet) : randomText(random, alphabet);
            int expected = Integer.signum(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));

            assertThat(Integer.signum(Slugger.compareCodePoints(a, b))).as("%s / %s", a, b).isEqualTo(expected);
        }
        assertThat(Slugger.compareCodePoints("AI\uFF01", "AI\uD83E\uDD16")).isNegative();
        assertThat(Slugger.compareCodePoints("ab", "abc")).isNegative();
        assertThat(Slugger.compareCodePoints("\uD83E", "\uD83E\uDD16")).isNegative();
    }

    /** Up to 5 code points from {@code alphabet}, which holds lone surrogates too. */
    private static String randomText(Random random, int[] alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    @Test
    void collidingNameKeepsItsSlugWhateverOtherNamesCollide() {
        String slugAmongTwo = Slugger.assign(List.of("cafe", "Café"), false).get("cafe");
        String slugAmongThree = Slugger.assign(List.of("cafe", "Café", "CAFÉ"), false).get("cafe");

        assertThat(slugAmongTwo).matches("cafe-[0-9a-f]{6}").isEqualTo(slugAmongThree);
    }

    @Test
    void assignsTheSameSlugsWhateverTheInputOrder() {
        List<String> names = new ArrayList<>(List.of("AI", "Ai", "ai", "A.I.", "a-i", "Café", "cafe", "CAFE", "",
                "/", "人工智能", "机器学习", "con", "CON", "x", "X"));
        Map<String, String> expected = Slugger.assign(names, false);
        Random random = new Random(20240301);

        for (int round = 0; round < 50; round++) {
            Collections.shuffle(names, random);
            assertThat(Slugger.assign(names, false)).isEqualTo(expected);
        }
        assertThat(new HashSet<>(expected.values())).hasSameSizeAs(names);
    }

    @Test
    void everySlugOfRandomNamesIsSafeAndUnique() {
        int[] alphabet = "aZ09.-/\\ _:éßØ\u202E\u0000中😀\uFF01".codePoints().toArray();
        Random random = new Random(7);
        Set<String> names = new HashSet<>();
        while (names.size() < 2000) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                name.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            names.add(name.toString());
        }
        for (boolean keepDots : new boolean[] {false, true}) {
            Map<String, String> slugs = Slugger.assign(names, keepDots);

            assertThat(slugs).hasSameSizeAs(names);
            assertThat(slugs.values()).allSatisfy(slug -> assertThat(Slugger.isSafe(slug)).as(slug).isTrue());
            assertThat(new HashSet<>(slugs.values())).hasSameSizeAs(names);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../x", "a/b", "a\\b", "Upper", ".hidden", "-dash", "dot.", "a..b", "é"})
    void isSafeRejectsWhatCouldLeaveTheFolder(String slug) {
        assertThat(Slugger.isSafe(slug)).isFalse();
    }

    @Test
    void isSafeRejectsNullAndOverlongSlugs() {
        assertThat(Slugger.isSafe(null)).isFalse();
        assertThat(Slugger.isSafe("a".repeat(Slugger.MAX_LENGTH + 17))).isFalse();
        assertThat(Slugger.isSafe("bbc.co.uk")).isTrue();
    }
}
