package dev.feedwright.pipeline;

import dev.feedwright.catalog.Candidate;
import dev.feedwright.catalog.Catalog;
import dev.feedwright.catalog.ChosenItems;
import dev.feedwright.catalog.FeedRef;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.Story;
import dev.feedwright.corpus.StoryReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads again, in parallel, the files of the chosen articles whose stories this run did not read
 * and that no feed remembers unchanged, so that they can be rendered. A file that no longer reads
 * as a story (it changed or vanished since it was looked at) drops its articles from this run's
 * feeds; the next run sees the change.
 */
final class StoryResolver {

    private static final Logger LOG = LoggerFactory.getLogger(StoryResolver.class);

    private final Path root;
    private final StoryReader reader;
    private final ExecutorService pool;
    private final Catalog catalog;
    private final Map<ChosenItems.Ref, ChosenItems.Item> remembered;

    /**
     * @param catalog    the catalog that chose the candidates, which loads them as it would have
     * @param remembered items as the feeds that held them were last rendered, from files that have
     *                   not changed since: used as they are, without reading their files
     */
    StoryResolver(Path root, StoryReader reader, ExecutorService pool, Catalog catalog,
            Map<ChosenItems.Ref, ChosenItems.Item> remembered) {
        this.root = root;
        this.reader = reader;
        this.pool = pool;
        this.catalog = catalog;
        this.remembered = remembered;
    }

    Map<FeedRef, List<Candidate>> resolve(Map<FeedRef, List<Candidate>> chosen) throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        for (List<Candidate> candidates : chosen.values()) {
            for (Candidate candidate : candidates) {
                if (!candidate.isLoaded() && !remembered.containsKey(ref(candidate))) {
                    missing.add(candidate.file().source());
                }
            }
        }
        Map<String, Story> read = read(missing);
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
                Story story = read.get(candidate.file().source());
                if (story != null && story.articleCount() == candidate.file().articles().size()) {
                    candidates.add(catalog.load(candidate, story));
                }
            }
            resolved.put(feed.getKey(), candidates);
        }
        return resolved;
    }

    private static ChosenItems.Ref ref(Candidate candidate) {
        return new ChosenItems.Ref(candidate.file().source(), candidate.index());
    }

    private Map<String, Story> read(TreeSet<String> sources) throws IOException {
        Map<String, Future<ReadResult>> futures = new LinkedHashMap<>();
        for (String source : sources) {
            futures.put(source, pool.submit(() -> reader.read(root, root.resolve(source))));
        }
        Map<String, Story> stories = new HashMap<>();
        for (Map.Entry<String, Future<ReadResult>> future : futures.entrySet()) {
            ReadResult result;
            try {
                result = future.getValue().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the corpus", e);
            } catch (ExecutionException e) {
                throw new IOException("reading " + future.getKey() + " failed unexpectedly", e.getCause());
            }
            if (result instanceof ReadResult.Read r) {
                stories.put(future.getKey(), r.story());
            } else {
                LOG.warn("{} changed while the feeds were chosen; its articles wait for the next export",
                        future.getKey());
            }
        }
        return stories;
    }
}
