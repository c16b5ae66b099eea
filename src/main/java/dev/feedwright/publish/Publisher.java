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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Writes feeds to the output folder: each in every format, rendered in parallel; then the files
 * about all feeds, {@code feeds.opml} and {@code index.html} among them.
 */
public final class Publisher {

    private final FeedLayout layout;
    private final FeedAssembler assembler;
    private final List<FeedRenderer> renderers;
    private final OpmlWriter opml;
    private final IndexPage index;

    public Publisher(FeedwrightConfig config, Generator generator) {
        this(config, generator, LinkVerdicts.NONE);
    }

    /** @param verdicts what link checks found, applied to every link in the feeds */
    public Publisher(FeedwrightConfig config, Generator generator, LinkVerdicts verdicts) {
        this.layout = new FeedLayout(config.site().baseUrl());
        this.assembler = new FeedAssembler(config.site(), config.feeds(), verdicts);
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
     * Renders and writes some feeds on {@code pool}, in every format.
     *
     * @param set names the provider feeds that items point to
     * @return what was written for each feed, in the order given
     */
    public List<Published> render(List<CatalogFeed> feeds, FeedSet set, OutputFolder folder, ExecutorService pool)
            throws IOException {
        List<Future<Published>> futures = new ArrayList<>(feeds.size());
        for (CatalogFeed feed : feeds) {
            futures.add(pool.submit(() -> publishFeed(feed, set, folder)));
        }
        List<Published> published = new ArrayList<>(futures.size());
        for (Future<Published> future : futures) {
            published.add(await(future));
        }
        return published;
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

    private Published publishFeed(CatalogFeed feed, FeedSet set, OutputFolder folder) throws IOException {
        FeedDocument document = assembler.assemble(feed, set);
        int written = 0;
        for (FeedRenderer renderer : renderers) {
            written += count(folder.write(layout.path(feed.key(), renderer.format()), renderer.render(document)));
        }
        return new Published(feed, FeedSummary.of(document, feed.name(), feed.domain()), written);
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
