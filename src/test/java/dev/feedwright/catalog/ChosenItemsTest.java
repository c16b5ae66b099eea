package dev.feedwright.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.CorpusGenerator;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.Story;
import dev.feedwright.corpus.StoryReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed's items kept as bytes come back exactly as they were rendered. */
class ChosenItemsTest {

    @TempDir
    Path temp;

    @Test
    void itemsComeBackEqualToWhatWasRendered() throws IOException {
        List<Entry> entries = entriesOfGeneratedStories(60);
        Map<String, Long> checksums = new HashMap<>();
        for (Entry entry : entries) {
            checksums.put(entry.story().source(), (long) entry.story().source().hashCode() * 31);
        }

        ChosenItems.Remembered remembered = ChosenItems.decode(ChosenItems.encode(entries, checksums)).orElseThrow();
        List<ChosenItems.Item> items = remembered.items();

        assertThat(remembered.complete()).isTrue();
        assertThat(items).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            ChosenItems.Item item = items.get(i);
            assertThat(item.source()).isEqualTo(entry.story().source());
            assertThat(item.checksum()).isEqualTo(checksums.get(entry.story().source()));
            assertThat(item.index()).isEqualTo(entry.index());
            assertThat(item.coverage()).isEqualTo(entry.coverage());
            assertThat(item.article()).isEqualTo(entry.article());
            assertThat(item.key()).isEqualTo(FileKeys.of(entry.story()).articles().get(entry.index()));
            assertThat(item.story().source()).isEqualTo(entry.story().source());
            assertThat(item.story().topics()).isEqualTo(entry.story().topics());
            assertThat(covered(item.story())).isEqualTo(covered(entry.story()));
        }
    }

    /** What a coverage list shows of each of a story's articles. */
    private static List<List<Object>> covered(Story story) {
        List<Article> articles = new ArrayList<>();
        articles.add(story.primary());
        articles.addAll(story.related());
        return articles.stream().map(a -> List.<Object>of(a.title(), a.link(), a.published(), a.provider()))
                .toList();
    }

    @Test
    void leavesOutItemsWhoseFileTheStoreDoesNotKnow() throws IOException {
        List<Entry> entries = entriesOfGeneratedStories(4);
        Map<String, Long> checksums = Map.of(entries.get(1).story().source(), 7L);

        ChosenItems.Remembered remembered = ChosenItems.decode(ChosenItems.encode(entries, checksums)).orElseThrow();

        assertThat(remembered.items()).extracting(ChosenItems.Item::source)
                .containsOnly(entries.get(1).story().source());
        assertThat(remembered.held()).isEqualTo(entries.size());
        assertThat(remembered.complete()).isFalse();
    }

    @Test
    void damagedBytesGiveNothingRatherThanWrongItems() throws IOException {
        List<Entry> entries = entriesOfGeneratedStories(3);
        Map<String, Long> checksums = new HashMap<>();
        entries.forEach(entry -> checksums.put(entry.story().source(), 1L));
        byte[] bytes = ChosenItems.encode(entries, checksums);

        assertThat(ChosenItems.decode(Arrays.copyOf(bytes, bytes.length / 2))).isEmpty();
        assertThat(ChosenItems.decode(new byte[0])).isEmpty();
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 99;
        assertThat(ChosenItems.decode(otherVersion)).isEmpty();
    }

    /** Each story's primary article and, where it has one, its last related article, as rendered. */
    private List<Entry> entriesOfGeneratedStories(int count) throws IOException {
        Path corpus = temp.resolve("corpus");
        new CorpusGenerator(5).write(corpus, count);
        StoryReader reader = new StoryReader(FeedwrightConfig.defaults().corpus());
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus).sorted()) {
            for (Path file : files.toList()) {
                if (reader.read(corpus, file) instanceof ReadResult.Read read) {
                    Story story = read.story();
                    entries.add(new Entry(story.primary(), story, 0, story.primary().link(), story.primary().link(), 1));
                    if (!story.related().isEmpty()) {
                        int index = story.related().size();
                        entries.add(new Entry(story.related().get(index - 1), story, index,
                                story.related().get(index - 1).link(), story.related().get(index - 1).link(), index));
                    }
                }
            }
        }
        assertThat(entries).hasSizeGreaterThan(count / 2);
        return entries;
    }
}
