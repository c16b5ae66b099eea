package dev.feedwright.catalog;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact keys a state store keeps of each file, so that later exports need not read it. */
class FileKeysTest {

    private final FileKeys keys = FileKeys.of(story("2024/a.md",
            article("https://npr.org/1?utm_source=x").provider("NPR", "npr.org").published("2024-03-02T00:00:00Z").build(),
            List.of("AI", "Café"),
            article("https://bbc.com/2").provider("BBC News", "bbc.com").published("2024-03-04T00:00:00Z").build(),
            article("https://bbc.com/3").provider("BBC Sport", "bbc.com").published("2024-03-01T00:00:00Z").build()));

    @Test
    void decodesToTheKeysItEncoded() {
        FileKeys decoded = FileKeys.decode("2024/a.md", keys.encode());

        assertThat(decoded).isEqualTo(keys);
        assertThat(decoded.articles()).extracting(ArticleKey::providerName).containsExactly("NPR", "BBC News", "BBC Sport");
        assertThat(decoded.topics()).containsExactly("AI", "Café");
    }

    @Test
    void keepsTheLatestPublicationOfAnyArticle() {
        assertThat(keys.maxPublished()).isEqualTo(java.time.Instant.parse("2024-03-04T00:00:00Z").getEpochSecond());
    }

    @Test
    void refusesKeysOfAnotherVersionOrCutShort() {
        byte[] bytes = keys.encode();
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 2;

        assertThatThrownBy(() -> FileKeys.decode("a.md", otherVersion))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> FileKeys.decode("a.md", Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("damaged");
    }
}
