package dev.feedwright.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The state store keeps link hashes of files it does not read again, and dead links are matched
 * against them: a hash that changed between versions would let a dead article back into the feeds,
 * and reorder items of the same date (ties go by the canonical link's hash).
 */
class Hash64Test {

    @Test
    void givesTheSameHashesAsTheVersionsThatFilledExistingStateStores() {
        assertThat(Hash64.of("")).isEqualTo(-1166397803181037274L);
        assertThat(Hash64.of("https://x.example/a")).isEqualTo(-8258755026530385801L);
        assertThat(Hash64.of("https://x.example/b")).isEqualTo(-483570763147904565L);
    }
}
