package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every reason a fixture file under {@code corpus/skips/} cannot become a story: the file is
 * skipped with a problem that names it, the 1-based file line where one applies, and the reason.
 */
class SkipReasonsTest {

    private static void assertSkipped(String name, int line, String... reasonParts) {
        Problem problem = Fixtures.skipped("skips/" + name);
        assertThat(problem.source()).isEqualTo("skips/" + name);
        assertThat(problem.line()).as("line of %s", problem).isEqualTo(line);
        assertThat(problem.message()).contains(reasonParts);
    }

    @Test
    void skipsFileWithoutOpeningFence() {
        assertSkipped("no-front-matter.md", 1, "no front matter", "'---'");
    }

    @Test
    void skipsFileWithoutClosingFence() {
        assertSkipped("no-closing-fence.md", 1, "front matter is not closed");
    }

    @Test
    void reportsYamlErrorAtItsLineInTheFile() {
        assertSkipped("yaml-error-line-3.md", 3, "YAML error", "mapping values are not allowed");
    }

    @Test
    void reportsYamlErrorFurtherDownAtItsLineInTheFile() {
        Problem problem = Fixtures.skipped("skips/yaml-error-line-7.md");
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).startsWith("YAML error: ");
    }

    @Test
    void skipsFileWithoutTitle() {
        assertSkipped("no-title.md", 2, "no title");
    }

    @Test
    void skipsFileWithEmptyTitle() {
        assertSkipped("empty-title.md", 2, "no title");
    }

    @Test
    void skipsFileWhoseTitleIsEmptyOnceMarkupAndSpaceAreRemoved() {
        assertSkipped("blank-after-repair-title.md", 2, "no title");
    }

    @Test
    void skipsFileWithoutDate() {
        assertSkipped("no-date.md", 2, "no date", "publishedDateTime");
    }

    /** Found by a helper's hunt: a date given as null or empty was reported at the mapping's first line. */
    @Test
    void reportsANullDateAtItsOwnLine() {
        assertSkipped("null-date.md", 4, "no date", "publishedDateTime");
    }

    @Test
    void skipsFileWithUnparseableDate() {
        assertSkipped("date-yesterday.md", 3, "no parseable date", "'yesterday'");
    }

    @Test
    void skipsFileWithDateBefore1990() {
        assertSkipped("date-before-1990.md", 3, "'1989-12-31T23:59:59Z'", "between 1990 and 2099");
    }

    @Test
    void skipsFileWithDateAfter2099() {
        assertSkipped("date-after-2099.md", 3, "'2100-01-01T00:00:00Z'", "between 1990 and 2099");
    }

    @Test
    void skipsFileWithJavascriptLink() {
        assertSkipped("link-javascript.md", 4, "no usable http(s) link", "webUrl", "'javascript:'");
    }

    @Test
    void skipsFileWithDataLink() {
        assertSkipped("link-data.md", 4, "no usable http(s) link", "'data:'");
    }

    @Test
    void skipsFileWithFileLink() {
        assertSkipped("link-file.md", 4, "no usable http(s) link", "'file:'");
    }

    @Test
    void skipsFileWithRelativeLink() {
        assertSkipped("link-relative.md", 4, "no usable http(s) link", "relative", "/news/story.html");
    }

    @Test
    void skipsFileWithCredentialsInLink() {
        assertSkipped("link-credentials.md", 4, "no usable http(s) link", "credentials");
    }

    @Test
    void reportsTheFirstUnusableLinkWhenNeitherLinkIsUsable() {
        assertSkipped("link-both-bad.md", 4, "no usable http(s) link", "webUrl", "'ftp:'");
    }

    @Test
    void skipsFileWithoutAnyLink() {
        assertSkipped("no-link.md", 2, "no usable http(s) link", "neither webUrl nor originalUrl");
    }

    @Test
    void namesTheEmptyLinkWhenNoOtherIsSet() {
        assertSkipped("empty-link.md", 4, "no usable http(s) link (webUrl is empty and no other link is set)");
    }

    @Test
    void namesALinkThatIsNotTextWhenNoOtherIsSet() {
        assertSkipped("link-list.md", 5, "no usable http(s) link (webUrl must be text, was a list)");
    }

    @Test
    void skipsFileWithDuplicateKey() {
        assertSkipped("duplicate-key.md", 5, "duplicate key 'title'");
    }

    @Test
    void skipsFileWithJavaTypeTag() {
        assertSkipped("java-type-tag.md", 2, "not allowed", "javax.script.ScriptEngineManager");
    }

    @Test
    void skipsFileWithLocalTag() {
        assertSkipped("local-tag.md", 6, "YAML tag '!custom' is not allowed");
    }

    @Test
    void skipsFileWhoseTitleIsAList() {
        assertSkipped("title-list.md", 2, "title must be text, was a list");
    }

    @Test
    void skipsFileWithEmptyFrontMatter() {
        assertSkipped("empty-front-matter.md", 2, "front matter is empty");
    }

    @Test
    void skipsFileWhoseFrontMatterIsNotAMapping() {
        assertSkipped("not-a-mapping.md", 2, "not a mapping");
    }

    @Test
    void problemReadsAsFileLineAndReason() {
        Problem problem = Fixtures.skipped("skips/date-yesterday.md");
        assertThat(problem).hasToString("skips/date-yesterday.md:3: " + problem.message());
    }
}
