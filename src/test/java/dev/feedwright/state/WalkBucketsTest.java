package dev.feedwright.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalkBucketsTest {

    @Test
    void hashesWhatTheWalkSeesIntoFewEnoughBitsThatABucketAddsUpExactly() {
        Set<Long> seen = new HashSet<>();
        for (int file = 0; file < 2_000; file++) {
            for (long time = 0; time < 5; time++) {
                long hash = WalkBuckets.hash("2021-08-29-story-" + file + ".md", 4_000 + file % 7, 1_700_000_000_000L + time);
                assertThat(hash).isBetween(0L, (1L << 44) - 1);
                assertThat(WalkBuckets.bucket("2021-08-29-story-" + file + ".md")).isBetween(0,
                        WalkBuckets.COUNT - 1);
                seen.add(hash);
            }
        }
        assertThat(seen).hasSize(10_000);
        // Two names with one String.hashCode, swapping sizes and times.
        assertThat(WalkBuckets.hash("Aa.md", 10, 20) + WalkBuckets.hash("BB.md", 11, 21))
                .isNotEqualTo(WalkBuckets.hash("Aa.md", 11, 21) + WalkBuckets.hash("BB.md", 10, 20));
        assertThat(WalkBuckets.hash("a.md", 10, 20)).isEqualTo(WalkBuckets.hash("a.md", 10, 20));
    }

    @Test
    void namesTheBucketsWhoseFilesChangedCameOrWent() {
        WalkBuckets before = new WalkBuckets();
        before.add("a.md", 10, 20);
        before.add("b.md", 11, 21);
        WalkBuckets same = new WalkBuckets();
        same.add("b.md", 11, 21);
        same.add("a.md", 10, 20);
        WalkBuckets touched = new WalkBuckets();
        touched.add("a.md", 10, 20);
        touched.add("b.md", 11, 22);
        WalkBuckets gone = new WalkBuckets();
        gone.add("b.md", 11, 21);

        assertThat(same.changedSince(before)).isNull();
        assertThat(touched.changedSince(before)).hasSize(WalkBuckets.COUNT);
        assertThat(indexesOfTrue(touched.changedSince(before))).containsExactly(WalkBuckets.bucket("b.md"));
        assertThat(indexesOfTrue(gone.changedSince(before))).containsExactly(WalkBuckets.bucket("a.md"));
        assertThat(gone.files()).isEqualTo(1);
        assertThat(before.files()).isEqualTo(2);
    }

    private static List<Integer> indexesOfTrue(boolean[] flags) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                indexes.add(i);
            }
        }
        return indexes;
    }
}
