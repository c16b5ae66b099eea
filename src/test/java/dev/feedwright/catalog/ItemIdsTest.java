package dev.feedwright.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemIdsTest {

    /** Vectors computed with Python's {@code uuid.uuid5(uuid.NAMESPACE_URL, name)}. */
    @ParameterizedTest
    @CsvSource({
        "http://python.org/,                     urn:uuid:4c565f0d-3f5a-5890-b41b-20cf47701c5e",
        "https://example.com/a?b=1,              urn:uuid:c0c04f10-f8d2-5af0-8144-36577bf29414",
        "https://www.bbc.com/news/technology-1,  urn:uuid:c975b4b4-0a4a-50a3-b4e5-dafaa79f2d4c",
        "https://example.com/é,                  urn:uuid:20ecd233-a9e7-5067-a96f-fd6600ca3fda",
    })
    void isTheVersion5UuidOfTheLinkInTheUrlNamespace(String link, String id) {
        assertThat(ItemIds.of(link)).isEqualTo(id);
    }

    @Test
    void setsVersionFiveAndTheRfc4122Variant() {
        for (String link : new String[] {"https://a.example/", "https://b.example/x?y=z", "http://python.org/"}) {
            String id = ItemIds.of(link);
            UUID uuid = UUID.fromString(id.substring("urn:uuid:".length()));

            assertThat(id).startsWith("urn:uuid:").hasSize("urn:uuid:".length() + 36);
            assertThat(uuid.version()).isEqualTo(5);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id.charAt("urn:uuid:".length() + 14)).isEqualTo('5');
            assertThat(id.charAt("urn:uuid:".length() + 19)).isIn('8', '9', 'a', 'b');
        }
    }

    @Test
    void isStableAndDiffersBetweenLinks() {
        assertThat(ItemIds.of("https://example.com/a")).isEqualTo(ItemIds.of("https://example.com/a"))
                .isNotEqualTo(ItemIds.of("https://example.com/b"));
    }
}
