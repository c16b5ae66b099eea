package dev.feedwright.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Detecting and defusing tags in plain text, escaping for HTML, and reading embed sources. */
class MarkupTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<b>", "x <script>", "</p>", "<!-- c -->", "<?xml?>", "a<B"})
    void seesTagStart(String text) {
        assertThat(Markup.looksLikeTag(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a < b", "I <3 you", "<", "x<", "<<", "< b>", "no brackets"})
    void seesNoTagStart(String text) {
        assertThat(Markup.looksLikeTag(text)).isFalse();
    }

    /** The edges of what counts as a tag name, an unclosed tag at the very end, and end tags without '>'. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<aq x=1>", "<zq x=1>", "<Aq x=1>", "<Zq x=1>", "</q0>", "</q9>", "</q-r>", "x </b y",
        "x <b", "a <b/", "<x/onload=1>", "<qq\tx=1>", "<qq x=1", "<h1>"})
    void seesTagStartAtTheEdgesOfTagNames(String text) {
        assertThat(Markup.looksLikeTag(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<`q x=1>", "<{q x=1>", "<@q x=1>", "<[q x=1>", "</0q>", "</q:>", "x </", "x </ab",
        "</ab c", "a <xyz", "I <foo> you", "<x=1>", "a <b-c", "<1 x=1>"})
    void seesNoTagStartJustOutsideTheEdgesOfTagNames(String text) {
        assertThat(Markup.looksLikeTag(text)).isFalse();
    }

    @Test
    void defusesEveryTagStartWithASpace() {
        assertThat(Markup.defuseTags("<script>x</script> <!x> <?y")).isEqualTo("< script>x< /script> < !x> < ?y");
        assertThat(Markup.looksLikeTag(Markup.defuseTags("<b><i>t</i></b>"))).isFalse();
    }

    @Test
    void leavesTextWithoutTagsAsItIs() {
        String text = "1 < 2";
        assertThat(Markup.defuseTags(text)).isSameAs(text);
    }

    @Test
    void escapesTextForElementsAndAttributes() {
        assertThat(Markup.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    }

    @Test
    void escapesTextForElementsKeepingQuotes() {
        assertThat(Markup.escapeText("\"Tom\" & 'Jerry' <3")).isEqualTo("\"Tom\" &amp; 'Jerry' &lt;3");
    }

    @Test
    void returnsSameInstanceWhenNothingNeedsEscaping() {
        String text = "plain text";
        assertThat(Markup.escape(text)).isSameAs(text);
        assertThat(Markup.escapeText("it's \"fine\"")).isEqualTo("it's \"fine\"");
    }

    @Test
    void readsSourceOfIframeEmbed() {
        assertThat(Markup.embedSource(
                "<iframe width=\"560\" src=\"https://www.youtube.com/embed/abc\" onload=\"alert(1)\"></iframe>"))
                .contains("https://www.youtube.com/embed/abc");
    }

    @Test
    void readsSourceOfFirstEmbedOrVideo() {
        assertThat(Markup.embedSource("<p>x</p><embed src=\"https://e.example/a.swf\"><iframe src=\"https://b/\">"))
                .contains("https://e.example/a.swf");
        assertThat(Markup.embedSource("<video src=\"https://v.example/clip.mp4\"></video>"))
                .contains("https://v.example/clip.mp4");
    }

    @Test
    void readsNoSourceFromSnippetWithoutEmbed() {
        assertThat(Markup.embedSource("<iframe></iframe><img src=\"https://i.example/x.png\">")).isEmpty();
        assertThat(Markup.embedSource("<script src=\"https://evil.example/x.js\"></script>")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void readsNoSourceFromMissingSnippet(String html) {
        assertThat(Markup.embedSource(html)).isEmpty();
    }
}
