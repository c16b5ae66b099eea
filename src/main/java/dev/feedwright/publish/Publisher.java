package dev.feedwright.publish;

import dev.feedwright.catalog.CatalogFeed;
import dev.feedwright.catalog.FeedKey;
import dev.feedwright.catalog.FeedSet;
import dev.feedwright.catalog.LinkVerdicts;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.publish.json.JsonFeedRenderer;
import dev.feedwright.publish.rome.AtomRenderer;
import dev.feedwright.publish.rome.RssRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Writes feeds to the output folder: each in every format, rendered in parallel and written in
 * order; then the files about all feeds, {@code feeds.opml} and {@code index.html} among them.
 */
public final class Publisher {

    /**
     * How far rendering may run ahead of writing: far enough that a large feed does not leave the
     * pool idle, near enough that the bytes waiting are those of at most 2,000 items, or of one
     * feed per thread when feeds are longer.
     */
    static final int FEEDS_AHEAD = 32;
    static final int ITEMS_AHEAD = 2_000;

    private final FeedLayout layout;
    private final FeedAssembler assembler;
    private final List<FeedRenderer> renderers;
    private final OpmlWriter opml;
    private final IndexPage index;

    public Publisher(FeedwrightConfig config, Generator generator) {
        this(config, generator, LinkVerdicts.NONE, Instant.MAX);
    }

    /**
     * @param verdicts what link checks found, applied to every link in the feeds
     * @param notAfter articles published after this instant are held back, from coverage lists too
     */
    public Publisher(FeedwrightConfig config, Generator generator, LinkVerdicts verdicts, Instant notAfter) {
        this.layout = new FeedLayout(config.site().baseUrl());
        this.assembler = new FeedAssembler(config.site(), config.feeds(), verdicts, notAfter);
        this.renderers = List.of(new RssRenderer(layout, generator), new AtomRenderer(layout, generator),
                new JsonFeedRenderer(layout));
        this.opml = new OpmlWriter(config.site(), layout);
        this.index = new IndexPage(config.site(), layout, generator);
    }

    public FeedLayout layout() {
        return layout;
    }

    /** The output paths of one feed, one per format. */
    public List<String> paths(FeedKey key) {
        List<String> paths = new ArrayList<>(renderers.size());
        for (FeedRenderer renderer : renderers) {
            paths.add(layout.path(key, renderer.format()));
        }
        return paths;
    }

    /** The paths of the files about all feeds: the subscription lists, the stylesheet and the index page. */
    public List<String> sitePaths() {
        List<String> paths = new ArrayList<>();
        for (FeedRenderer renderer : renderers) {
            paths.add(layout.opmlPath(renderer.format()));
        }
        paths.add(FeedLayout.STYLESHEET);
        paths.add(FeedLayout.INDEX);
        return paths;
    }

    /**
     * Renders some feeds on {@code pool}, in every format, and writes them on the calling thread in
     * the order given. Files are created in a folder one at a time whatever the number of threads
     * (Linux locks the folder for each create), so the pool's threads only render, up to
     * {@link #FEEDS_AHEAD} feeds and {@link #ITEMS_AHEAD} items ahead of the writing (but always a
     * feed for each thread).
     *
     * @param set     names the provider feeds that items point to
     * @param threads the pool's threads
     * @return what was written for each feed, in the order given
     */
    public List<Published> render(List<CatalogFeed> feeds, FeedSet set, OutputFolder folder, ExecutorService pool,
            int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Deque<Future<Rendered>> ahead = new ArrayDeque<>();
        int itemsAhead = 0;
        int next = 0;
        List<Published> published = new ArrayList<>(feeds.size());
        try {
            while (published.size() < feeds.size()) {
                while (next < feeds.size() && roomFor(feeds.get(next), ahead.size(), itemsAhead, threads)) {
                    CatalogFeed feed = feeds.get(next++);
                    itemsAhead += feed.entries().size();
                    ahead.add(pool.submit(() -> renderFeed(feed, set)));
                }
                Rendered rendered = await(ahead.remove());
                itemsAhead -= rendered.feed().entries().size();
                published.add(write(rendered, folder));
            }
        } finally {
            ahead.forEach(future -> future.cancel(true));
        }
        return published;
    }

    /** Whether one more feed may be handed to the pool: see {@link #FEEDS_AHEAD}. */
    private static boolean roomFor(CatalogFeed feed, int feedsAhead, int itemsAhead, int threads) {
        return feedsAhead < threads
                || feedsAhead < FEEDS_AHEAD && itemsAhead + feed.entries().size() <= ITEMS_AHEAD;
    }

    /**
     * Writes the subscription lists, the stylesheet and the index page for every feed of the
     * export (each only if its bytes changed).
     *
     * @return how many files were written
     */
    public int writeSite(List<FeedSummary> feeds, OutputFolder folder) throws IOException {
        List<FeedSummary> sorted = new ArrayList<>(feeds);
        sorted.sort(java.util.Comparator.comparing(FeedSummary::key));
        int written = 0;
        for (FeedRenderer renderer : renderers) {
            Format format = renderer.format();
            written += count(folder.write(layout.opmlPath(format), opml.write(sorted, format)));
        }
        written += count(folder.write(FeedLayout.STYLESHEET, stylesheet()));
        written += count(folder.write(FeedLayout.INDEX, index.write(sorted)));
        return written;
    }

    private Rendered renderFeed(CatalogFeed feed, FeedSet set) {
        FeedDocument document = assembler.assemble(feed, set);
        List<byte[]> files = new ArrayList<>(renderers.size());
        for (FeedRenderer renderer : renderers) {
            files.add(renderer.render(document));
        }
        return new Rendered(feed, FeedSummary.of(document, feed.name(), feed.domain()), files);
    }

    private Published write(Rendered rendered, OutputFolder folder) throws IOException {
        List<String> paths = paths(rendered.feed().key());
        int written = 0;
        for (int i = 0; i < paths.size(); i++) {
            written += count(folder.write(paths.get(i), rendered.files().get(i)));
        }
        return new Published(rendered.feed(), rendered.summary(), written);
    }

    /** One feed's files, one per renderer in the renderers' order, not yet written. */
    private record Rendered(CatalogFeed feed, FeedSummary summary, List<byte[]> files) {
    }

    /** The browser view of RSS and Atom files, shipped in the jar. */
    private static byte[] stylesheet() throws IOException {
        try (InputStream in = Publisher.class.getResourceAsStream(FeedLayout.STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException(FeedLayout.STYLESHEET + " is missing from the build");
            }
            return in.readAllBytes();
        }
    }

    /** What rendering one feed did: its summary for the index page, and how many of its files changed. */
    public record Published(CatalogFeed feed, FeedSummary summary, int filesWritten) {
    }

    private static int count(OutputFolder.Outcome outcome) {
        return outcome == OutputFolder.Outcome.WRITTEN ? 1 : 0;
    }

    /** Deleted feeds, counting a feed once whatever number of its format files went. */
    public static int deletedFeeds(List<String> deletedFiles) {
        Set<String> feeds = new HashSet<>();
        for (String path : deletedFiles) {
            int dot = path.lastIndexOf('.');
            feeds.add(dot > path.lastIndexOf('/') ? path.substring(0, dot) : path);
        }
        return feeds.size();
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("publishing failed", cause);
        }
    }
}
