package dev.feedwright.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportStoreTest {

    @TempDir
    Path temp;

    @Test
    void keepsAFeedsFloorOrItsAbsence() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            ExportStore store = new ExportStore(db);
            store.feedsWritten(List.of(
                    new ExportStore.FeedRow(1, "AI", "ai", "AI", "AI", 50, 1_700_000_000L, 1_600_000_000L),
                    new ExportStore.FeedRow(2, "few.example", "few-example", "Few", "Few", 3, 1_700_000_000L, null)),
                    Map.of(), List.of(), List.of(), List.of(), false, Map.of());

            assertThat(store.feeds()).extracting(ExportStore.FeedRow::name, ExportStore.FeedRow::floor)
                    .containsExactlyInAnyOrder(tuple("AI", 1_600_000_000L), tuple("few.example", null));
        }
    }
}
