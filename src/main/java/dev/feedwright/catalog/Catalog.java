package dev.feedwright.catalog;

import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sorts stories into feeds as they are read: every story into the all-stories feed and the feed of
 * each of its topics, every article (primary or related) into the feed of its provider domain.
 * Each feed keeps only its newest {@code limit} distinct articles, so a corpus of any size needs
 * memory for the feeds only. Articles dated after the run's cut-off are held back until their
 * time comes, and articles whose link is confirmed dead leave the feeds. Not thread-safe: one
 * thread adds.
 */
public final class Catalog {

    private final int limit;
    private final Instant notAfter;
    private final LinkVerdicts verdicts;
    private final FeedSelection all;
    private final Map<String, FeedSelection> topics = new HashMap<>();
    private final Map<String, FeedSelection> providers = new HashMap<>();
    private final Map<String, ProviderName> providerNames = new HashMap<>();
    private long stories;
    private long articles;

    /** A catalog without a cut-off date or link verdicts. */
    public Catalog(int limit) {
        this(limit, Instant.MAX, LinkVerdicts.NONE);
    }

    /**
     * @param limit    the newest distinct articles kept per feed
     * @param notAfter articles published after this instant are held back (the run's start, so that
     *                 a feed never carries a date in the future)
     * @param verdicts what link checks found out
     */
    public Catalog(int limit, Instant notAfter, LinkVerdicts verdicts) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        this.limit = limit;
        this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.all = new FeedSelection(limit);
    }

    public void add(Story story) {
        stories++;
        articles += story.articleCount();
        Entry primary = entry(story.primary(), story, 0);
        if (primary != null) {
            all.offer(primary);
            for (String topic : story.topics()) {
                topics.computeIfAbsent(topic, t -> new FeedSelection(limit)).offer(primary);
            }
            offerToProvider(primary);
        }
        List<Article> related = story.related();
        for (int i = 0; i < related.size(); i++) {
            Entry entry = entry(related.get(i), story, i + 1);
            if (entry != null) {
                offerToProvider(entry);
            }
        }
    }

    private void offerToProvider(Entry entry) {
        String domain = entry.article().provider().domain();
        providers.computeIfAbsent(domain, d -> new FeedSelection(limit)).offer(entry);
        providerNames.computeIfAbsent(domain, d -> new ProviderName()).see(entry.article().provider().name());
    }

    /** The entry for an article, or null when it is held back or its link is dead. */
    private Entry entry(Article article, Story story, int index) {
        if (article.published().isAfter(notAfter)) {
            return null;
        }
        String link = verdicts.resolve(article.link());
        return link == null ? null : new Entry(article, story, index, CanonicalLinks.canonical(article.link()), link);
    }

    public long stories() {
        return stories;
    }

    public long articles() {
        return articles;
    }

    /** The feeds as they stand, with slugs assigned; the catalog can go on taking stories after. */
    public FeedSet feeds() {
        List<CatalogFeed> feeds = new ArrayList<>();
        feeds.add(new CatalogFeed(FeedKey.ALL, "", null, all.entries()));
        Map<String, String> topicSlugs = Slugger.assign(topics.keySet(), false);
        topics.forEach((name, selection) -> feeds.add(new CatalogFeed(
                new FeedKey(FeedKind.TOPIC, topicSlugs.get(name)), name, null, selection.entries())));
        Map<String, String> providerSlugs = Slugger.assign(providers.keySet(), true);
        Map<String, FeedKey> providerKeys = new HashMap<>();
        providers.forEach((domain, selection) -> {
            FeedKey key = new FeedKey(FeedKind.PROVIDER, providerSlugs.get(domain));
            providerKeys.put(domain, key);
            feeds.add(new CatalogFeed(key, providerNames.get(domain).nameOr(domain), domain, selection.entries()));
        });
        feeds.sort(Comparator.comparing(CatalogFeed::key));
        return new FeedSet(feeds, providerKeys);
    }

    /** The name of a provider: the one its articles agree on, if they do. */
    private static final class ProviderName {
        private String name;
        private boolean agreed = true;

        void see(String candidate) {
            if (name == null) {
                name = candidate;
            } else if (agreed && !name.equals(candidate)) {
                agreed = false;
            }
        }

        String nameOr(String domain) {
            return agreed && name != null ? name : domain;
        }
    }
}
