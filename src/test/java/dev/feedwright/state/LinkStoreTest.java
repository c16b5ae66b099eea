package dev.feedwright.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.state.LinkStore.Cursor;
import dev.feedwright.state.LinkStore.Page;
import dev.feedwright.state.LinkStore.SeenLink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkStoreTest {

    @TempDir
    Path temp;

    private StateDb db;
    private LinkStore store;

    @BeforeEach
    void open() throws IOException {
        db = StateDb.open(temp);
        store = new LinkStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<SeenLink> links(String host, int count) {
        List<SeenLink> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(new SeenLink("https://" + host + "/article/" + i, host));
        }
        return links;
    }

    private static LinkRow checked(String url, String host, LinkState state, long at, long next) {
        return new LinkRow(url, host, state, 200, "HTTP 200", null, at, next, 0, 0, 0, "\"e\"", null, url);
    }

    @Test
    void markingSeenAgainKeepsWhatChecksFound() throws IOException {
        store.markSeen(links("a.example", 1), 1);
        LinkRow alive = checked("https://a.example/article/0", "a.example", LinkState.ALIVE, 10, 100);
        store.save(List.of(alive));

        store.markSeen(links("a.example", 1), 2);

        assertThat(store.find(alive.url())).isEqualTo(alive);
        assertThat(store.countSeen(2)).isEqualTo(1);
        assertThat(store.countSeen(1)).isZero();
    }

    @Test
    void forgetsOnlyLinksNoPassHasListedSinceTheGivenTime() throws IOException {
        store.markSeen(links("old.example", 3), 100);
        store.markSeen(links("recent.example", 2), 200);
        store.save(List.of(checked("https://old.example/article/0", "old.example", LinkState.ALIVE, 100, 150)));

        assertThat(store.forgetUnseenSince(200)).isEqualTo(3);

        assertThat(store.find("https://old.example/article/0")).isNull();
        assertThat(store.countSeen(100)).isZero();
        assertThat(store.countSeen(200)).isEqualTo(2);
        assertThat(store.forgetUnseenSince(200)).isZero();
    }

    @Test
    void pagesThroughDueLinksOnceEachSpreadingHosts() throws IOException {
        store.markSeen(links("a.example", 300), 5);
        store.markSeen(links("b.example", 300), 5);
        store.markSeen(links("old.example", 50), 4); // not listed by this pass
        store.save(List.of(checked("https://a.example/article/7", "a.example", LinkState.ALIVE, 1, 1_000)));

        List<LinkRow> all = new ArrayList<>();
        Cursor cursor = Cursor.START;
        Page page;
        while (!(page = store.due(5, 500, cursor, 64)).rows().isEmpty()) {
            all.addAll(page.rows());
            cursor = page.next();
        }

        assertThat(store.countDue(5, 500)).isEqualTo(599);
        assertThat(all).hasSize(599).extracting(LinkRow::url).doesNotHaveDuplicates()
                .doesNotContain("https://a.example/article/7");
        // Hash order interleaves the hosts instead of checking one host's links back to back.
        Map<String, Integer> firstHundred = new HashMap<>();
        all.subList(0, 100).forEach(row -> firstHundred.merge(row.host(), 1, Integer::sum));
        assertThat(firstHundred.get("a.example")).isBetween(30, 70);
    }

    @Test
    void streamsOnlyTheVerdictsThatChangeFeeds() throws IOException {
        store.markSeen(links("a.example", 4), 9);
        long day = 86_400_000L;
        store.save(List.of(
                new LinkRow("https://a.example/article/0", "a.example", LinkState.DEAD, 404, "HTTP 404", null,
                        2 * day, 3 * day, day, 2 * day, 2, null, null, null),
                new LinkRow("https://a.example/article/1", "a.example", LinkState.DEAD, 404, "HTTP 404", null,
                        day + 5, 3 * day, day, day + 5, 2, null, null, null),
                new LinkRow("https://a.example/article/2", "a.example", LinkState.ALIVE, 200, "HTTP 200",
                        "https://a.example/moved/2", day, 3 * day, 0, 0, 0, null, null, null)));

        Map<String, String> verdicts = new HashMap<>();
        store.forEachVerdict(9, day, (url, movedTo, dead) -> verdicts.put(url, dead ? "DEAD" : movedTo));

        assertThat(verdicts).containsOnly(
                Map.entry("https://a.example/article/0", "DEAD"),
                Map.entry("https://a.example/article/2", "https://a.example/moved/2"));

        Map<String, String> anyPass = new HashMap<>();
        store.forEachVerdict(0, day, (url, movedTo, dead) -> anyPass.put(url, dead ? "DEAD" : movedTo));
        assertThat(anyPass).isEqualTo(verdicts);
        store.forEachVerdict(8, day, (url, movedTo, dead) -> assertThat(url).as("listed by pass 9 only").isNull());
    }

    /** What a later check no longer has (a validator, a new address) is stored as nothing, not kept. */
    @Test
    void savingAgainClearsWhatTheLaterCheckDidNotHave() throws IOException {
        store.markSeen(links("a.example", 2), 1);
        LinkRow full = new LinkRow("https://a.example/article/0", "a.example", LinkState.ALIVE, 200, "HTTP 200",
                "https://a.example/moved/0", 10, 100, 0, 0, 0, "\"e1\"", "Tue, 01 Dec 2026 10:00:00 GMT",
                "https://a.example/moved/0");
        LinkRow bare = new LinkRow("https://a.example/article/1", "a.example", LinkState.UNKNOWN, 0, null, null,
                10, 100, 0, 0, 0, null, null, null);
        store.save(List.of(full, bare));

        assertThat(store.find(full.url())).isEqualTo(full);
        assertThat(store.find(bare.url())).isEqualTo(bare);

        LinkRow cleared = new LinkRow(full.url(), full.host(), LinkState.UNKNOWN, 0, null, null, 20, 200, 0, 0, 0,
                null, null, null);
        store.save(List.of(cleared));

        assertThat(store.find(full.url())).isEqualTo(cleared);
    }

    @Test
    void ranksTheHostsWithTheMostFailures() throws IOException {
        store.markSeen(links("good.example", 3), 1);
        store.markSeen(links("bad.example", 3), 1);
        List<LinkRow> rows = new ArrayList<>();
        store.markSeen(links("private.example", 2), 1);
        for (int i = 0; i < 3; i++) {
            rows.add(checked("https://good.example/article/" + i, "good.example", LinkState.ALIVE, 50, 99));
            rows.add(checked("https://bad.example/article/" + i, "bad.example",
                    i == 0 ? LinkState.DEAD : LinkState.UNKNOWN, 50, 99));
        }
        for (int i = 0; i < 2; i++) {
            rows.add(checked("https://private.example/article/" + i, "private.example", LinkState.REFUSED, 50, 99));
        }
        store.save(rows);

        assertThat(store.worstHosts(50, 5)).containsExactly(new LinkStore.HostTally("bad.example", 1, 2, 0, 3),
                new LinkStore.HostTally("private.example", 0, 0, 2, 2));
        assertThat(store.worstHosts(51, 5)).isEmpty();
    }
}
