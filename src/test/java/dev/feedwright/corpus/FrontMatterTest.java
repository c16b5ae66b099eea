package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Splitting a file's text into front matter and body. */
class FrontMatterTest {

    @Test
    void splitsYamlBetweenFirstTwoFencesFromBody() throws CorpusFileException {
        FrontMatter split = FrontMatter.split("---\ntitle: T\nexcerpt: E\n---\n# Body\n\ntext\n");
        assertThat(split.yaml()).isEqualTo("title: T\nexcerpt: E\n");
        assertThat(split.firstLine()).isEqualTo(2);
        assertThat(split.body()).isEqualTo("# Body\n\ntext\n");
    }

    @Test
    void keepsLaterFencesInTheBody() throws CorpusFileException {
        FrontMatter split = FrontMatter.split("---\ntitle: T\n---\nabove\n---\nbelow\n");
        assertThat(split.yaml()).isEqualTo("title: T\n");
        assertThat(split.body()).isEqualTo("above\n---\nbelow\n");
    }

    @Test
    void bodyIsEmptyWhenFileEndsAtClosingFence() throws CorpusFileException {
        assertThat(FrontMatter.split("---\ntitle: T\n---").body()).isEmpty();
        assertThat(FrontMatter.split("---\ntitle: T\n---\n").body()).isEmpty();
    }

    @Test
    void acceptsByteOrderMarkBeforeOpeningFence() throws CorpusFileException {
        FrontMatter split = FrontMatter.split("\uFEFF---\ntitle: T\n---\n");
        assertThat(split.yaml()).isEqualTo("title: T\n");
    }

    @Test
    void acceptsCrlfLineEnds() throws CorpusFileException {
        FrontMatter split = FrontMatter.split("---\r\ntitle: T\r\n---\r\nbody\r\n");
        assertThat(split.yaml()).isEqualTo("title: T\r\n");
        assertThat(split.body()).isEqualTo("body\r\n");
    }

    @Test
    void acceptsCrLineEnds() throws CorpusFileException {
        FrontMatter split = FrontMatter.split("---\rtitle: T\r---\rbody\r");
        assertThat(split.yaml()).isEqualTo("title: T\r");
        assertThat(split.firstLine()).isEqualTo(2);
        assertThat(split.body()).isEqualTo("body\r");
        assertThat(FrontMatter.split("---  \rtitle: T\r---\t\r\nbody").body()).isEqualTo("body");
    }

    @Test
    void findsTheClosingFenceOnlyAtTheStartOfALine() throws CorpusFileException {
        FrontMatter split = FrontMatter.split("---\ntitle: a---b\nexcerpt: \"---\"\n---x\n--- y\n---\nbody");
        assertThat(split.yaml()).isEqualTo("title: a---b\nexcerpt: \"---\"\n---x\n--- y\n");
        assertThat(split.body()).isEqualTo("body");
    }

    @Test
    void acceptsTrailingWhiteSpaceOnFences() throws CorpusFileException {
        FrontMatter split = FrontMatter.split("---  \ntitle: T\n---\t\nbody");
        assertThat(split.yaml()).isEqualTo("title: T\n");
        assertThat(split.body()).isEqualTo("body");
    }

    @Test
    void readsEmptyFrontMatter() throws CorpusFileException {
        FrontMatter split = FrontMatter.split("---\n---\nbody\n");
        assertThat(split.yaml()).isEmpty();
        assertThat(split.body()).isEqualTo("body\n");
    }

    @Test
    void refusesFileThatDoesNotStartWithFence() {
        assertThatThrownBy(() -> FrontMatter.split("title: T\n---\n"))
                .isInstanceOfSatisfying(CorpusFileException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("no front matter");
    }

    @Test
    void refusesFileWithBlankLineBeforeFence() {
        assertThatThrownBy(() -> FrontMatter.split("\n---\ntitle: T\n---\n"))
                .hasMessageContaining("no front matter");
    }

    @Test
    void refusesFourDashesAsFence() {
        assertThatThrownBy(() -> FrontMatter.split("----\ntitle: T\n----\n")).hasMessageContaining("no front matter");
        assertThatThrownBy(() -> FrontMatter.split("---\ntitle: T\n----\n"))
                .hasMessageContaining("front matter is not closed");
    }

    @Test
    void refusesIndentedClosingFence() {
        assertThatThrownBy(() -> FrontMatter.split("---\ntitle: T\n  ---\n"))
                .hasMessageContaining("front matter is not closed");
    }

    @Test
    void refusesFileWithoutClosingFence() {
        assertThatThrownBy(() -> FrontMatter.split("---\ntitle: T\nexcerpt: E\n"))
                .isInstanceOfSatisfying(CorpusFileException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("front matter is not closed");
    }

    @Test
    void refusesEmptyFile() {
        assertThatThrownBy(() -> FrontMatter.split("")).hasMessageContaining("no front matter");
        assertThatThrownBy(() -> FrontMatter.split("---")).hasMessageContaining("front matter is not closed");
    }
}
