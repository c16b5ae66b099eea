package dev.feedwright.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes the slugger that turns corpus names into file names. Inputs are kept under
 * {@code src/test/resources/dev/feedwright/catalog/SluggerFuzzTestInputs/}; an input is a list of
 * names separated by NUL bytes.
 */
class SluggerFuzzTest {

    private static final Set<String> DEVICE_NAMES = Set.of("con", "prn", "aux", "nul", "com0", "com1", "com2",
            "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5",
            "lpt6", "lpt7", "lpt8", "lpt9");

    @FuzzTest(maxDuration = "30s")
    void everySlugIsASafeUniqueFileName(byte[] input) {
        List<String> names = List.of(new String(input, StandardCharsets.UTF_8).split("\u0000", -1));
        for (boolean keepDots : new boolean[] {false, true}) {
            Map<String, String> slugs = Slugger.assign(names, keepDots);

            assertThat(slugs.keySet()).containsExactlyInAnyOrderElementsOf(new HashSet<>(names));
            assertThat(new HashSet<>(slugs.values())).as("unique").hasSameSizeAs(slugs.values());
            for (Map.Entry<String, String> entry : slugs.entrySet()) {
                String slug = entry.getValue();
                assertThat(Slugger.isSafe(slug)).as("slug %s of %s", slug, entry.getKey()).isTrue();
                assertThat(DEVICE_NAMES).as("device name").doesNotContain(slug.split("\\.", 2)[0]);
                assertThat(slug).isEqualTo(slug.toLowerCase(Locale.ROOT));
                if (!keepDots) {
                    assertThat(slug).doesNotContain(".");
                }
                assertThat(Slugger.base(entry.getKey(), keepDots)).as("deterministic")
                        .isEqualTo(Slugger.base(entry.getKey(), keepDots));
            }
        }
    }
}
