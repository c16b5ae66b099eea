package dev.feedwright.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

    /**
     * A feed written again keeps only what it was told (items forgotten are none, even after a feed
     * with items in the same batch), and a feed that is gone leaves no row, no mark to render and
     * no output file behind.
     */
    @Test
    void feedsWrittenAgainOrGoneLeaveNothingOfWhatTheyWere() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            ExportStore store = new ExportStore(db);
            ExportStore.FeedId ai = new ExportStore.FeedId(1, "AI");
            ExportStore.FeedId gaming = new ExportStore.FeedId(1, "Gaming");
            ExportStore.FeedId gone = new ExportStore.FeedId(2, "gone.example");
            store.markDirty(List.of(ai, gaming, gone));
            store.feedsWritten(List.of(feed(ai), feed(gaming), feed(gone)),
                    Map.of(ai, () -> new byte[] {1}, gaming, () -> new byte[] {2}, gone, () -> new byte[] {3}), List.of(),
                    List.of(new ExportStore.OutputFile("topics/ai.xml", 1, 1),
                            new ExportStore.OutputFile("providers/gone-example.xml", 1, 1)),
                    List.of(), false, Map.of());
            assertThat(store.dirtyFeeds()).isEmpty();

            Map<ExportStore.FeedId, Supplier<byte[]>> chosen = new LinkedHashMap<>();
            chosen.put(ai, () -> new byte[] {4});
            chosen.put(gaming, () -> null);
            store.markDirty(List.of(gone));
            store.feedsWritten(List.of(feed(ai), feed(gaming)), chosen, List.of(gone), List.of(),
                    List.of("providers/gone-example.xml"), false, Map.of());

            assertThat(store.feeds()).extracting(ExportStore.FeedRow::name).containsExactlyInAnyOrder("AI", "Gaming");
            assertThat(store.dirtyFeeds()).isEmpty();
            Map<ExportStore.FeedId, byte[]> remembered = new HashMap<>();
            store.forEachChosen(List.of(ai, gaming, gone), remembered::put);
            assertThat(remembered).containsOnlyKeys(ai);
            assertThat(remembered.get(ai)).containsExactly(4);
            assertThat(store.outputFiles()).extracting(ExportStore.OutputFile::path).containsExactly("topics/ai.xml");
        }
    }

    private static ExportStore.FeedRow feed(ExportStore.FeedId id) {
        return new ExportStore.FeedRow(id.kind(), id.name(), id.name().toLowerCase(), id.name(), id.name(), 1,
                1_700_000_000L, null);
    }

    @Test
    void readsFilesByTheirNewestArticleOnEitherSideOfABoundAndCountsThem() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            ExportStore store = new ExportStore(db);
            upsert(store, file("old.md", 100), file("edge.md", 200), file("new.md", 300),
                    new ExportStore.FileRow("broken.md", 1, 1, 1, ExportStore.SKIPPED, 0, null, 1, "no front matter"));

            assertThat(paths(sink -> store.forEachFileFrom(200, sink))).containsExactlyInAnyOrder("edge.md", "new.md");
            assertThat(paths(sink -> store.forEachFileBefore(200, sink))).containsExactlyInAnyOrder("old.md",
                    "broken.md");
            assertThat(paths(store::forEachFile)).hasSize(4);
            assertThat(store.totals()).isEqualTo(new ExportStore.Totals(4, 1, 3));
            assertThat(store.skippedFiles(10)).extracting(ExportStore.FileRow::path, ExportStore.FileRow::skipReason)
                    .containsExactly(tuple("broken.md", "no front matter"));
            // Written in one batch after files with keys, the skipped file has none of theirs.
            assertThat(store.file("broken.md").keys()).isNull();
            assertThat(store.file("new.md").keys()).containsExactly(1);
        }
    }

    @Test
    void aBatchCountsTheBytesOfTheKeysItWillWrite() {
        ExportStore.Batch batch = new ExportStore.Batch();
        batch.upsert(new ExportStore.FileRow("a.md", 10, 20, 30, 40, 3, new byte[700], 0, null));
        batch.upsert(new ExportStore.FileRow("broken.md", 1, 1, 1, ExportStore.SKIPPED, 0, null, 1, "no front matter"));
        batch.upsert(new ExportStore.FileRow("b.md", 10, 20, 30, 40, 1, new byte[45], 0, null));
        batch.delete("gone.md");

        assertThat(batch.bytes()).isEqualTo(745);
        assertThat(batch.size()).isEqualTo(4);
    }

    @Test
    void readsTheKnownFilesAmongPathsMoreThanOneLookupBatchLong() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            ExportStore store = new ExportStore(db);
            List<ExportStore.FileRow> rows = new ArrayList<>();
            List<String> asked = new ArrayList<>();
            for (int i = 0; i < ExportStore.LOOKUP_BATCH + 10; i++) {
                if (i % 3 == 0) {
                    rows.add(file("f" + i + ".md", i));
                }
                asked.add("f" + i + ".md");
            }
            asked.add("unknown.md");
            upsert(store, rows.toArray(ExportStore.FileRow[]::new));
            upsert(store, file("not-asked.md", 1));

            assertThat(paths(sink -> store.forEachFileIn(asked, sink)))
                    .containsExactlyInAnyOrderElementsOf(rows.stream().map(ExportStore.FileRow::path).toList());
        }
    }

    @Test
    void countsAndSumsTheWalkHashesOfItsFilesBucketByBucket() throws Exception {
        try (StateDb db = StateDb.open(temp)) {
            ExportStore store = new ExportStore(db);
            upsert(store, file("a.md", 100), new ExportStore.FileRow("b.md", 11, 21, 31, 200, 1, new byte[] {1}, 0, null));
            long[] counts = new long[WalkBuckets.COUNT];
            long[] sums = new long[WalkBuckets.COUNT];
            counts[WalkBuckets.bucket("a.md")]++;
            sums[WalkBuckets.bucket("a.md")] += WalkBuckets.hash("a.md", 10, 20);
            counts[WalkBuckets.bucket("b.md")]++;
            sums[WalkBuckets.bucket("b.md")] += WalkBuckets.hash("b.md", 11, 21);
            WalkBuckets walked = new WalkBuckets();
            walked.add("a.md", 10, 20);
            walked.add("b.md", 11, 21);

            WalkBuckets stored = store.walkBuckets();
            assertThat(stored.counts()).containsExactly(counts);
            assertThat(stored.sums()).containsExactly(sums);
            assertThat(walked.counts()).containsExactly(counts);
            assertThat(walked.changedSince(stored)).isNull();

            ExportStore.Batch touch = new ExportStore.Batch();
            touch.upsert(new ExportStore.FileRow("b.md", 11, 22, 31, 200, 1, new byte[] {1}, 0, null));
            touch.delete("a.md");
            store.apply(touch);
            WalkBuckets after = store.walkBuckets();
            assertThat(after.counts()[WalkBuckets.bucket("a.md")])
                    .isEqualTo(WalkBuckets.bucket("a.md") == WalkBuckets.bucket("b.md") ? 1 : 0);
            assertThat(after.sums()[WalkBuckets.bucket("b.md")]).isNotEqualTo(sums[WalkBuckets.bucket("b.md")]);
            assertThat(java.util.Arrays.stream(after.counts()).sum()).isEqualTo(1);
            assertThat(after.files()).isEqualTo(1);
            assertThat(walked.changedSince(after)).contains(true);
        }
    }

    private static void upsert(ExportStore store, ExportStore.FileRow... rows) throws StateStoreException {
        ExportStore.Batch batch = new ExportStore.Batch();
        for (ExportStore.FileRow row : rows) {
            batch.upsert(row);
        }
        store.apply(batch);
    }

    private static ExportStore.FileRow file(String path, long maxPublished) {
        return new ExportStore.FileRow(path, 10, 20, 30, maxPublished, 1, new byte[] {1}, 0, null);
    }

    private interface Reading {
        void read(Consumer<ExportStore.FileRow> sink) throws StateStoreException;
    }

    private static List<String> paths(Reading reading) throws StateStoreException {
        List<String> paths = new ArrayList<>();
        reading.read(row -> paths.add(row.path()));
        return paths;
    }
}
