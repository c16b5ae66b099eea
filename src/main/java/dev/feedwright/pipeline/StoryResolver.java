package dev.feedwright.pipeline;

import dev.feedwright.catalog.Candidate;
import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.ChosenItems;
import dev.feedwright.catalog.FeedRef;
import dev.feedwright.catalog.FileKeys;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.StoryReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads again, in parallel, the files of the chosen articles whose stories this run did not read
 * and that no feed remembers unchanged, so that they can be rendered. Each file's candidates are
 * loaded as it arrives, keeping of its story only what an item shows (see {@link Catalog#load}),
 * and only a window of files is read ahead: a run whose feeds must read thousands of files again
 * (after a corpus was moved, say) holds what a full export holds. A file that no longer reads as a
 * story (it changed or vanished since it was looked at) drops its articles from this run's feeds;
 * the next run sees the change.
 */
final class StoryResolver {

    private static final Logger LOG = LoggerFactory.getLogger(StoryResolver.class);

    private final Path root;
    private final StoryReader reader;
    private final ExecutorService pool;
    private final int window;
    private final Catalog catalog;
    private final Map<ChosenItems.Ref, ChosenItems.Item> remembered;

    /**
     * @param window     how many files may be read ahead
     * @param catalog    the catalog that chose the candidates, which loads them as it would have
     * @param remembered items as the feeds that held them were last rendered, from files that have
     *                   not changed since: used as they are, without reading their files
     */
    StoryResolver(Path root, StoryReader reader, ExecutorService pool, int window, Catalog catalog,
            Map<ChosenItems.Ref, ChosenItems.Item> remembered) {
        this.root = root;
        this.reader = reader;
        this.pool = pool;
        this.window = window;
        this.catalog = catalog;
        this.remembered = remembered;
    }

    Map<FeedRef, List<Candidate>> resolve(Map<FeedRef, List<Candidate>> chosen) {
        Map<String, List<Candidate>> missing = new TreeMap<>();
        for (List<Candidate> candidates : chosen.values()) {
            for (Candidate candidate : candidates) {
                if (!candidate.isLoaded() && !remembered.containsKey(ref(candidate))) {
                    missing.computeIfAbsent(candidate.file().source(), source -> new ArrayList<>()).add(candidate);
                }
            }
        }
        Map<ChosenItems.Ref, Candidate> loaded = load(missing);
        Map<FeedRef, List<Candidate>> resolved = new LinkedHashMap<>();
        for (Map.Entry<FeedRef, List<Candidate>> feed : chosen.entrySet()) {
            List<Candidate> candidates = new ArrayList<>(feed.getValue().size());
            for (Candidate candidate : feed.getValue()) {
                if (candidate.isLoaded()) {
                    candidates.add(candidate);
                    continue;
                }
                ChosenItems.Item item = remembered.get(ref(candidate));
                if (item != null) {
                    candidates.add(item.candidate(candidate.file()));
                    continue;
                }
                Candidate read = loaded.get(ref(candidate));
                if (read != null) {
                    candidates.add(read);
                }
            }
            resolved.put(feed.getKey(), candidates);
        }
        return resolved;
    }

    private static ChosenItems.Ref ref(Candidate candidate) {
        return new ChosenItems.Ref(candidate.file().source(), candidate.index());
    }

    /** Reads the files of {@code missing} and loads their candidates, each file's as it arrives. */
    private Map<ChosenItems.Ref, Candidate> load(Map<String, List<Candidate>> missing) {
        Map<ChosenItems.Ref, Candidate> loaded = new HashMap<>();
        Consumer<Reread> sink = reread -> {
            List<Candidate> candidates = missing.get(reread.source());
            // The feeds were chosen from the file's stored keys: a file edited since (another
            // provider, date or link, with as many articles) is not what they chose.
            if (!(reread.result() instanceof ReadResult.Read read)
                    || !FileKeys.of(read.story()).equals(candidates.get(0).file())) {
                LOG.warn("{} changed while the feeds were chosen; its articles wait for the next export",
                        reread.source());
                return;
            }
            for (Candidate candidate : candidates) {
                loaded.put(ref(candidate), catalog.load(candidate, read.story()));
            }
        };
        ReadAhead<Reread> reading = new ReadAhead<>(window);
        for (String source : missing.keySet()) {
            reading.add(pool.submit(() -> new Reread(source, reader.read(root, root.resolve(source)))), 0, sink);
        }
        reading.drain(sink);
        return loaded;
    }

    /** What reading a file again gave. */
    private record Reread(String source, ReadResult result) {
    }
}
