package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Text repair as the reader applies it to every text field of a file (title, excerpt, provider
 * name, topics, related titles and links): the fixtures under {@code corpus/repairs/}.
 */
class CorpusTextRepairTest {

    @Test
    void decodesHtmlEntitiesInEveryTextField() {
        Story story = Fixtures.story("repairs/entities.md");
        assertThat(story.primary().title()).isEqualTo("Q&A: AT&T’s plan …");
        assertThat(story.primary().excerpt()).isEqualTo("Tom & Jerry — \"live\" ☺ <3");
        assertThat(story.primary().provider().name()).isEqualTo("Smith & Sons");
        assertThat(story.topics()).containsExactly("R&D");
    }

    @Test
    void repairsWindows1252MojibakeInEveryTextField() {
        Story story = Fixtures.story("repairs/mojibake.md");
        assertThat(story.primary().title()).isEqualTo("China’s leader — a profile");
        assertThat(story.primary().excerpt()).isEqualTo("Pages 1–2: café prices up £5, “quoted” and München");
        assertThat(story.primary().provider().name()).isEqualTo("Économie Mag");
        assertThat(story.topics()).containsExactly("Résumés");
        assertThat(story.related()).singleElement().extracting(Article::title).isEqualTo("It’s ‘fine’");
    }

    @Test
    void repairsMojibakeInsideLinkBeforeEncodingIt() {
        assertThat(Fixtures.story("repairs/mojibake.md").primary().link())
                .isEqualTo("https://example.com/china%E2%80%99s-leader");
    }

    @Test
    void leavesCorrectNonAsciiTextUnchanged() {
        Story story = Fixtures.story("repairs/correct-text.md");
        assertThat(story.primary().title()).isEqualTo("Café naïve Ökonomie CAFÉ» 日本語のニュース 😀 Привет мир");
        assertThat(story.primary().excerpt())
                .isEqualTo("São Paulo, Zürich, façade, £5 and ©2021: „Das macht Spaß“, sagt er…");
        assertThat(story.primary().provider()).isEqualTo(new Provider("Süddeutsche Zeitung", "sueddeutsche.de"));
        assertThat(story.topics()).containsExactly("Économie", "Straße");
    }

    @Test
    void leavesAccentedLettersBeforeQuotesAndNoBreakSpacesUnchanged() {
        Story story = Fixtures.story("repairs/correct-european-text.md");
        assertThat(story.primary().title()).isEqualTo("Le ministre a déclaré : « C’est réglé »");
        assertThat(story.primary().excerpt()).isEqualTo("“Ho detto perché…” — a irmã…” — „MEÐ“ — KÖ’s — ÚŽASNÉ");
        assertThat(story.topics()).containsExactly("Société »");
    }

    @Test
    void leavesCapitalsBeforePunctuationThatReadAsRareLatinLettersUnchanged() {
        Story story = Fixtures.story("repairs/correct-capitals-before-punctuation.md");
        assertThat(story.primary().title()).isEqualTo("Finnish “HYVÄ” and Italian “PERCHÈ”");
        assertThat(story.primary().excerpt()).isEqualTo("CAFÉ… — PÅ— — «È» — Wrocław");
        assertThat(story.topics()).containsExactly("HYVÄ”");
    }

    @Test
    void stripsMarkupFromPlainTextFields() {
        Story story = Fixtures.story("repairs/markup.md");
        assertThat(story.primary().title()).isEqualTo("Bold move by ACME");
        assertThat(story.primary().excerpt()).isEqualTo("Hi there !");
        assertThat(story.primary().provider().name()).isEqualTo("Outlet");
        assertThat(story.topics()).containsExactly("AI", "1 < 2 > 0");
    }

    @Test
    void dropsCharactersXmlCannotCarry() {
        Story story = Fixtures.story("repairs/controls.md");
        // C1 controls (\x85, \x9F) are the Windows-1252 characters they stand for (MojibakeTest).
        assertThat(story.primary().title()).isEqualTo("NulBell\u2026Nextnon\u0178c1loneok");
        assertThat(story.primary().excerpt()).isEqualTo("bidioverrideisolatebom");
    }

    @Test
    void collapsesRunsOfWhiteSpace() {
        Story story = Fixtures.story("repairs/whitespace.md");
        assertThat(story.primary().title()).isEqualTo("Lots of space here");
        assertThat(story.primary().excerpt()).isEqualTo("First line indented second line after a blank line");
        assertThat(story.topics()).containsExactly("Machine Learning");
    }

    @Test
    void readsYamlEscapesInDoubleQuotedText() {
        assertThat(Fixtures.story("repairs/yaml-escapes.md").primary().title())
                .isEqualTo("He said \"hi\" and\\left early");
    }

    @Test
    void readsNumericTitleAsText() {
        ReadResult.Read read = Fixtures.readStory("types/title-number.md");
        assertThat(read.story().primary().title()).isEqualTo("123");
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void readsScalarTopicsAsOneTopic() {
        assertThat(Fixtures.story("types/topics-scalar.md").topics()).containsExactly("AI");
    }

    @Test
    void ignoresRelatedMappingWithWarning() {
        ReadResult.Read read = Fixtures.readStory("types/related-mapping.md");
        assertThat(read.story().related()).isEmpty();
        assertThat(read.warnings()).singleElement()
                .isEqualTo(new Problem("types/related-mapping.md", 5, "related must be a list; ignored"));
    }

    @Test
    void dropsOptionalValuesOfTheWrongKindAndKeepsTheStory() {
        ReadResult.Read read = Fixtures.readStory("types/wrong-kinds.md");
        Article article = read.story().primary();
        assertThat(article.excerpt()).isEmpty();
        assertThat(article.provider()).isEqualTo(new Provider("example.com", "example.com"));
        assertThat(read.story().topics()).containsExactly("AI");
        assertThat(article.quality()).isNull();
        assertThat(article.heat()).isEqualTo(12);
        assertThat(article.publishedFlag()).isNull();
        assertThat(article.type()).isEqualTo(ArticleType.ARTICLE);
        assertThat(read.warnings()).extracting(Problem::line).containsExactlyInAnyOrder(3, 6, 9);
        assertThat(read.warnings()).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .isEqualTo("excerpt must be text, was a list; ignored"));
    }

    @Test
    void dropsNullItemsInEveryList() {
        ReadResult.Read read = Fixtures.readStory("types/null-items.md");
        Story story = read.story();
        assertThat(story.topics()).containsExactly("AI", "Robotics");
        assertThat(story.primary().images()).containsExactly(new Image("https://example.com/i.jpg", 0, 0));
        assertThat(story.related()).extracting(Article::title).containsExactly("Kept");
        assertThat(read.warnings()).isEmpty();
    }
}
