package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.feedwright.config.CorpusConfig;
import dev.feedwright.text.Markup;
import dev.feedwright.text.XmlChars;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Fuzzes the front-matter reader and the link parser with whole files. Inputs are kept under
 * {@code src/test/resources/dev/feedwright/corpus/StoryReaderFuzzTestInputs/}: each is the bytes of
 * one article file.
 */
class StoryReaderFuzzTest {

    private static final int MAX_RELATED = 5;
    private static final StoryReader READER = new StoryReader(new CorpusConfig(Path.of("corpus"),
            CorpusConfig.DEFAULT_INCLUDE, 1 << 20, MAX_RELATED));

    @FuzzTest(maxDuration = "60s")
    void anyFileIsAStoryFitToPublishOrSkippedWithAReason(byte[] input) {
        ReadResult result = READER.parse(new String(input, StandardCharsets.UTF_8), "fuzz.md");

        if (result instanceof ReadResult.Skipped skipped) {
            assertThat(skipped.problem().message()).as("a reason, not an internal error")
                    .isNotBlank().doesNotStartWith("cannot be read");
            assertThat(skipped.problem().message()).doesNotContain("\n", "\r");
            return;
        }
        ReadResult.Read read = (ReadResult.Read) result;
        Story story = read.story();
        assertFitToPublish(story.primary());
        assertThat(story.related()).hasSizeLessThanOrEqualTo(MAX_RELATED);
        story.related().forEach(StoryReaderFuzzTest::assertFitToPublish);
        for (String topic : story.topics()) {
            assertPlainText(topic);
            assertThat(topic).isNotEmpty();
        }
        for (Problem warning : read.warnings()) {
            assertThat(warning.message()).doesNotContain("\n", "\r").doesNotStartWith("cannot be read");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void aUsableLinkIsAnAbsoluteAsciiHttpAddressInNormalForm(byte[] input) {
        WebLinks.Result result = WebLinks.parse(new String(input, StandardCharsets.UTF_8));

        if (result.usable()) {
            assertUsableLink(result.url());
        } else {
            assertThat(result.problem()).isNotBlank().doesNotContain("\n", "\r");
        }
    }

    private static void assertFitToPublish(Article article) {
        assertPlainText(article.title());
        assertThat(article.title()).isNotEmpty();
        assertPlainText(article.excerpt());
        assertThat(article.published()).isBetween(Instant.parse("1990-01-01T00:00:00Z"),
                Instant.parse("2099-12-31T23:59:59Z"));
        assertUsableLink(article.link());
        article.ampLinks().forEach(StoryReaderFuzzTest::assertUsableLink);
        article.images().forEach(image -> assertUsableLink(image.url()));
        if (article.embedUrl() != null) {
            assertUsableLink(article.embedUrl());
        }
        assertPlainText(article.provider().name());
        assertThat(article.provider().domain()).matches("[a-z0-9._-]+");
    }

    private static void assertPlainText(String text) {
        assertThat(XmlChars.strip(text)).as("only characters XML can carry").isEqualTo(text);
        assertThat(Markup.looksLikeTag(text)).as("markup left in %s", text).isFalse();
        assertThat(text).doesNotContain("\n", "\r", "\t");
    }

    private static void assertUsableLink(String url) {
        assertThat(url).startsWith("http").matches("https?://[^/@]+/.*").matches("\\p{ASCII}*");
        // Not getHost(): java.net.URI takes hosts with '_' or a TLD starting with a digit (both found by
        // the fuzzer, both kept on purpose) for registry names, which it does not call hosts.
        assertThat(URI.create(url).getRawAuthority()).as("host of %s", url).isNotEmpty().doesNotContain("@");
        if (url.indexOf('&') < 0) {
            // Entities are decoded once per parse, so "&amp;#0" leaves "&#0", which a second parse
            // decodes again (found by the fuzzer); without '&' a usable link is in its normal form.
            assertThat(WebLinks.parse(url).url()).as("normal form").isEqualTo(url);
        }
    }
}
