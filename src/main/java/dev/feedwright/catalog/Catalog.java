package dev.feedwright.catalog;

import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Sorts articles into feeds as they come: every story into the all-stories feed and the feed of
 * each of its topics, every article (primary or related) into the feed of its provider domain.
 * Each feed keeps only its newest {@code limit} distinct articles, so a corpus of any size needs
 * memory for the feeds only. Articles dated after the run's cut-off are held back until their
 * time comes, and articles whose link is confirmed dead leave the feeds.
 *
 * <p>Articles come as {@link FileKeys}, with the story when the file was read in this run; a
 * store can offer the keys it kept of files that did not change, and only the files whose
 * articles are chosen are read again. Not thread-safe: one thread offers.
 */
public final class Catalog {

    private final int limit;
    private final long notAfter;
    private final LinkVerdicts verdicts;
    private final Set<Long> deadLinks = new HashSet<>();
    private final Predicate<FeedRef> wanted;
    private final int coverageLinks;
    private final Map<FeedRef, FeedSelection> selections = new HashMap<>();
    /** Null in a catalog for the pipeline, which names feeds from the state store's counts. */
    private final CorpusNames names;
    private long stories;
    private long articles;

    /** A catalog of every feed that names them itself ({@link #feeds()}), without a cut-off date or link verdicts. */
    public Catalog(int limit) {
        this(limit, Instant.MAX, LinkVerdicts.NONE);
    }

    /** A catalog of every feed that names them itself ({@link #feeds()}), keeping every related article. */
    public Catalog(int limit, Instant notAfter, LinkVerdicts verdicts) {
        this(limit, notAfter, verdicts, ref -> true, Integer.MAX_VALUE - 1, new CorpusNames());
    }

    /**
     * @param limit    the newest distinct articles kept per feed
     * @param notAfter articles published after this instant are held back (the run's start, so that
     *                 a feed never carries a date in the future)
     * @param verdicts what link checks found out
     * @param wanted   the feeds to select for; the others are not kept
     * @param coverageLinks the most other articles an item lists (feeds.relatedLinks): stories are
     *                 kept cut to what that needs
     */
    public Catalog(int limit, Instant notAfter, LinkVerdicts verdicts, Predicate<FeedRef> wanted,
            int coverageLinks) {
        this(limit, notAfter, verdicts, wanted, coverageLinks, null);
    }

    private Catalog(int limit, Instant notAfter, LinkVerdicts verdicts, Predicate<FeedRef> wanted,
            int coverageLinks, CorpusNames names) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        this.limit = limit;
        this.notAfter = notAfter.equals(Instant.MAX) ? Long.MAX_VALUE : notAfter.getEpochSecond();
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.wanted = Objects.requireNonNull(wanted, "wanted");
        this.coverageLinks = coverageLinks;
        this.names = names;
        for (String dead : verdicts.dead()) {
            deadLinks.add(Hash64.of(dead));
        }
    }

    /** Adds a story read in this run. */
    public void add(Story story) {
        offer(FileKeys.of(story), story);
    }

    /** The same candidate with its file's story, read after it was chosen. */
    public Candidate load(Candidate candidate, Story story) {
        Loaded loaded = load(candidate.file(), story);
        return candidate(candidate.file(), candidate.index(), story, loaded);
    }

    /**
     * Offers a file's articles.
     *
     * @param story the file's story when it was read in this run, else null
     */
    public void offer(FileKeys file, Story story) {
        stories++;
        articles += file.articles().size();
        if (names != null) {
            names.count(file, 1);
        }
        List<ArticleKey> keys = file.articles();
        Loaded loaded = story == null ? null : load(file, story);
        if (eligible(keys.get(0), story, 0)) {
            Candidate primary = candidate(file, 0, story, loaded);
            offer(FeedRef.ALL, primary);
            for (String topic : file.topics()) {
                offer(FeedRef.topic(topic), primary);
            }
            offer(FeedRef.provider(keys.get(0).domain()), primary);
        }
        for (int i = 1; i < keys.size(); i++) {
            if (eligible(keys.get(i), story, i)) {
                offer(FeedRef.provider(keys.get(i).domain()), candidate(file, i, story, loaded));
            }
        }
    }

    /** A story cut to what its items show, with the number of its distinct live articles. */
    private record Loaded(Story trimmed, int coverage) {
    }

    private static Candidate candidate(FileKeys file, int index, Story story, Loaded loaded) {
        return loaded == null ? new Candidate(file, index, null, null, 0)
                : new Candidate(file, index, loaded.trimmed(), article(story, index), loaded.coverage());
    }

    /**
     * Cuts a story to the articles an item's coverage list can show: in story order, as many as
     * give {@code coverageLinks + 1} distinct live articles not held back for their date (the item
     * itself and the others it lists). Counts the distinct live articles of the whole story, for "and N more". A chosen
     * item so holds a few articles of its story, not possibly hundreds, and the rest of the story
     * is left to the garbage collector.
     */
    private Loaded load(FileKeys file, Story story) {
        List<ArticleKey> keys = file.articles();
        Set<Long> distinct = new HashSet<>();
        int keep = 0;
        for (int i = 0; i < keys.size(); i++) {
            ArticleKey key = keys.get(i);
            if (!deadLinks.contains(key.linkHash()) && key.published() <= notAfter && distinct.add(key.canonicalHash())
                    && distinct.size() <= coverageLinks + 1) {
                keep = i + 1;
            }
        }
        Story trimmed = keep >= keys.size() && story.body().isEmpty() ? story
                : new Story(story.primary(), story.topics(), story.related().subList(0, Math.max(0, keep - 1)),
                        story.source(), "");
        return new Loaded(trimmed, distinct.size());
    }

    private boolean eligible(ArticleKey key, Story story, int index) {
        if (key.published() > notAfter) {
            return false;
        }
        if (story != null) {
            return verdicts.resolve(article(story, index).link()) != null;
        }
        return !deadLinks.contains(key.linkHash());
    }

    private void offer(FeedRef ref, Candidate candidate) {
        if (wanted.test(ref)) {
            selections.computeIfAbsent(ref, r -> new FeedSelection(limit)).offer(candidate);
        }
    }

    public long stories() {
        return stories;
    }

    public long articles() {
        return articles;
    }

    /** Each wanted feed that received an article, with its chosen candidates in feed order. */
    public Map<FeedRef, List<Candidate>> selections() {
        Map<FeedRef, List<Candidate>> chosen = new TreeMap<>();
        selections.forEach((ref, selection) -> chosen.put(ref, selection.candidates()));
        return chosen;
    }

    /** Like {@link #selections()}, with the all-stories feed even when nothing reached it. */
    private Map<FeedRef, List<Candidate>> selectionsWithAll() {
        Map<FeedRef, List<Candidate>> chosen = selections();
        chosen.putIfAbsent(FeedRef.ALL, List.of());
        return chosen;
    }

    /**
     * The feeds as they stand, named from what was offered; every chosen article's story must be
     * known (the catalog was given stories, not only keys). Only a catalog of every feed names them.
     */
    public FeedSet feeds() {
        if (names == null) {
            throw new IllegalStateException("a catalog for chosen feeds does not name them; the state store does");
        }
        FeedNames feedNames = names.feedNames();
        List<CatalogFeed> feeds = new ArrayList<>();
        for (Map.Entry<FeedRef, List<Candidate>> selection : selectionsWithAll().entrySet()) {
            feeds.add(feed(selection.getKey(), selection.getValue(), feedNames, verdicts));
        }
        feeds.sort(java.util.Comparator.comparing(CatalogFeed::key));
        return new FeedSet(feeds, feedNames.providerKeys());
    }

    /** A feed of chosen candidates whose stories are all known. */
    public static CatalogFeed feed(FeedRef ref, List<Candidate> chosen, FeedNames names, LinkVerdicts verdicts) {
        List<Entry> entries = new ArrayList<>(chosen.size());
        for (Candidate candidate : chosen) {
            if (!candidate.isLoaded()) {
                throw new IllegalStateException("the story of " + candidate.file().source() + " was not read");
            }
            Article article = candidate.article();
            entries.add(new Entry(article, candidate.story(), candidate.index(),
                    CanonicalLinks.of(article), CanonicalLinks.shown(article, verdicts), candidate.coverage()));
        }
        return new CatalogFeed(names.key(ref), names.displayName(ref),
                ref.kind() == FeedKind.PROVIDER ? ref.name() : null, entries);
    }

    static Article article(Story story, int index) {
        return index == 0 ? story.primary() : story.related().get(index - 1);
    }
}
