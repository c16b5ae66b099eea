package dev.feedwright.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.publish.Format;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MediaTypesTest {

    @ParameterizedTest
    @EnumSource(Format.class)
    void servesEveryFeedFormatWithTheMediaTypeItIsWrittenFor(Format format) {
        assertThat(MediaTypes.BY_EXTENSION).containsEntry(format.extension(), format.mediaType() + ";charset=utf-8");
    }
}
