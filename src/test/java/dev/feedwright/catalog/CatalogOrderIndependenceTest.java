package dev.feedwright.catalog;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.catalog;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.Story;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalog over many generated stories with duplicate links (with tracking parameters, a
 * fragment or as their AMP pages), equal dates and disagreeing provider names: whatever order the stories come in, the feeds are the same, and each equals
 * "dedupe everything, sort, take the first {@code limit}".
 */
class CatalogOrderIndependenceTest {

    private static final List<String> TOPICS = List.of("AI", "Security", "Café", "cafe", "人工智能", "Privacy");
    private static final List<String[]> PROVIDERS = List.of(
            new String[] {"BBC News", "bbc.com"}, new String[] {"BBC Sport", "bbc.com"},
            new String[] {"NPR", "npr.org"}, new String[] {"The Guardian", "theguardian.com"},
            new String[] {"DW", "dw.com"}, new String[] {"Con Corp", "con.com"});

    /** 300 stories over 120 links and 12 dates, so that links repeat and dates tie. */
    private static List<Story> generate(Random random) {
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<String> topics = TOPICS.stream().filter(t -> random.nextInt(3) == 0).toList();
            Article[] related = new Article[random.nextInt(4)];
            for (int r = 0; r < related.length; r++) {
                related[r] = randomArticle(random);
            }
            stories.add(story(String.format("s%03d.md", i), randomArticle(random), topics, related));
        }
        return stories;
    }

    private static Article randomArticle(Random random) {
        String[] provider = PROVIDERS.get(random.nextInt(PROVIDERS.size()));
        String link = "https://" + provider[1] + "/story/" + random.nextInt(20);
        String decorated = switch (random.nextInt(5)) {
            case 0 -> link + "?utm_source=feed";
            case 1 -> link + "#comments";
            case 2 -> link + "?amp";
            default -> link;
        };
        // An outlet that gave only its AMP page lists it as the link and as the AMP link.
        String[] amp = decorated.endsWith("?amp") ? new String[] {decorated} : new String[] {link + "?amp"};
        return article(decorated).amp(amp).provider(provider[0], provider[1]).title("Story " + random.nextInt(1000))
                .published(Stories.T0.plus(Duration.ofHours(random.nextInt(12)))).build();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 25, 1000})
    void givesTheSameFeedsWhateverOrderStoriesArrive(int limit) {
        List<Story> stories = new ArrayList<>(generate(new Random(42)));
        FeedSet expected = catalog(limit, stories).feeds();
        Random shuffler = new Random(4242);

        for (int round = 0; round < 40; round++) {
            Collections.shuffle(stories, shuffler);
            assertThat(catalog(limit, stories).feeds()).as("round %d", round).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 25, 1000})
    void everyFeedIsTheNewestLimitDistinctArticles(int limit) {
        List<Story> stories = generate(new Random(42));
        FeedSet set = catalog(limit, stories).feeds();

        for (CatalogFeed feed : set.feeds()) {
            List<Entry> offered = switch (feed.key().kind()) {
                case ALL -> primaries(stories, s -> true);
                case TOPIC -> primaries(stories, s -> s.topics().contains(feed.name()));
                case PROVIDER -> everyEntry(stories).filter(e -> e.article().provider().domain().equals(feed.domain()))
                        .toList();
            };
            assertThat(feed.entries()).as(feed.key().toString()).map(CatalogOrderIndependenceTest::place)
                    .isEqualTo(reference(offered, limit).stream().map(CatalogOrderIndependenceTest::place).toList());
            assertThat(feed.entries()).hasSizeLessThanOrEqualTo(limit)
                    .isSortedAccordingTo(Comparator.comparing((Entry e) -> e.article().published()).reversed())
                    .extracting(Entry::canonical).doesNotHaveDuplicates();
        }
        assertThat(set.feeds()).filteredOn(f -> f.key().kind() == FeedKind.TOPIC).extracting(CatalogFeed::name)
                .containsExactlyInAnyOrderElementsOf(TOPICS);
        assertThat(set.feeds()).filteredOn(f -> f.key().kind() == FeedKind.PROVIDER)
                .extracting(CatalogFeed::domain, CatalogFeed::name).contains(
                        tuple("bbc.com", "bbc.com"),
                        tuple("npr.org", "NPR"));
    }

    /** Which article of which story an entry is, and where it links. */
    private static List<Object> place(Entry entry) {
        return List.of(entry.story().source(), entry.index(), entry.article(), entry.canonical(), entry.link());
    }

    private static List<Entry> primaries(List<Story> stories, Predicate<Story> filter) {
        return stories.stream().filter(filter).map(s -> entry(s.primary(), s, 0)).toList();
    }

    private static Stream<Entry> everyEntry(List<Story> stories) {
        return stories.stream().flatMap(s -> Stream.concat(Stream.of(entry(s.primary(), s, 0)),
                IntStream.range(0, s.related().size())
                        .mapToObj(i -> entry(s.related().get(i), s, i + 1))));
    }

    private static Entry entry(Article article, Story story, int index) {
        String link = article.link();
        // Every generated link is a story's address with at most one decoration: the article is that address.
        int decoration = link.indexOf('?') >= 0 ? link.indexOf('?') : link.indexOf('#');
        String address = decoration < 0 ? link : link.substring(0, decoration);
        // An article given only as its AMP page links its plain page.
        return new Entry(article, story, index, address, article.ampLinks().contains(link) ? address : link);
    }

    /** The obvious, memory-hungry way: keep the best entry per canonical link, sort, cut. */
    private static List<Entry> reference(List<Entry> offered, int limit) {
        Map<String, Entry> best = offered.stream().collect(Collectors.toMap(Entry::canonical, e -> e,
                (a, b) -> Entry.ORDER.compare(a, b) <= 0 ? a : b, LinkedHashMap::new));
        return best.values().stream().sorted(Entry.ORDER).limit(limit).toList();
    }
}
