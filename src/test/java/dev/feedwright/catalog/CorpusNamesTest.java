package dev.feedwright.catalog;

import static dev.feedwright.catalog.Stories.article;
import static dev.feedwright.catalog.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Feed names as counts rise and fall while a state store adds and removes files one by one. */
class CorpusNamesTest {

    private static FileKeys file(String source, String providerName, List<String> topics) {
        return FileKeys.of(story(source, article("https://bbc.com/" + source)
                .provider(providerName, "bbc.com").build(), topics));
    }

    @Test
    void forgetsATopicWhoseLastFileWasRemoved() {
        CorpusNames names = new CorpusNames();
        FileKeys gone = file("a.md", "BBC", List.of("AI"));
        names.count(gone, 1);
        names.count(file("b.md", "BBC", List.of("Ai!")), 1);
        names.count(gone, -1);

        FeedNames feedNames = names.feedNames();

        assertThat(feedNames.key(FeedRef.topic("AI"))).isNull();
        // With "AI" gone, "Ai!" no longer collides and takes the plain slug.
        assertThat(feedNames.key(FeedRef.topic("Ai!"))).isEqualTo(new FeedKey(FeedKind.TOPIC, "ai"));
        assertThat(names.topics()).containsEntry("AI", 0L);
    }

    @Test
    void namesAProviderAfterItsOneRemainingNameWhenTheOtherNamesFilesAreGone() {
        CorpusNames names = new CorpusNames();
        FileKeys gone = file("a.md", "BBC Sport", List.of());
        names.count(gone, 1);
        names.count(file("b.md", "BBC News", List.of()), 1);
        assertThat(names.feedNames().displayName(FeedRef.provider("bbc.com"))).isEqualTo("bbc.com");

        names.count(gone, -1);

        assertThat(names.feedNames().displayName(FeedRef.provider("bbc.com"))).isEqualTo("BBC News");
    }

    @Test
    void dropsTheFeedOfAProviderWhoseFilesAreAllGone() {
        CorpusNames names = new CorpusNames();
        FileKeys gone = file("a.md", "BBC", List.of());
        names.count(gone, 1);
        names.count(gone, -1);

        FeedNames feedNames = names.feedNames();

        assertThat(feedNames.key(FeedRef.provider("bbc.com"))).isNull();
        assertThat(feedNames.providerKeys()).isEmpty();
    }

    @Test
    void readsBackCountsAStoreKept() {
        CorpusNames names = new CorpusNames();
        names.putTopic("AI", 2);
        names.putTopic("Old", 0);
        names.putProviderName("bbc.com", "BBC", 3);
        names.putProviderName("bbc.com", "BBC Sport", 0);

        FeedNames feedNames = names.feedNames();

        assertThat(feedNames.key(FeedRef.topic("AI"))).isEqualTo(new FeedKey(FeedKind.TOPIC, "ai"));
        assertThat(feedNames.key(FeedRef.topic("Old"))).isNull();
        assertThat(feedNames.displayName(FeedRef.provider("bbc.com"))).isEqualTo("BBC");
        assertThat(names.providers()).containsEntry("bbc.com", java.util.Map.of("BBC", 3L, "BBC Sport", 0L));
    }

    /** Found by a helper's review: the real corpus names gamingbolt.com "From Software", an article's subject. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "From Software           | gamingbolt.com     | From Software (gamingbolt.com)",
        "Windows                 | compsmag.com       | Windows (compsmag.com)",
        "Gaming Polls            | gamepur.com        | Gaming Polls (gamepur.com)",
        "BBC News                | bbc.com            | BBC News",
        "The Wall Street Journal | wsj.com            | The Wall Street Journal",
        "Deutsche Welle          | dw.com             | Deutsche Welle",
        "New York Times          | nytimes.com        | New York Times",
        "Tom's Guide             | tomsguide.com      | Tom's Guide",
        "GamesRadar+             | gamesradar.com     | GamesRadar+",
        "Harvard Medical School  | cyber.harvard.edu  | Harvard Medical School",
        "AT&T                    | att.com            | AT&T",
        "VG247                   | vg247.com          | VG247",
        "DW                      | dw.com             | DW",
        "AP                      | apnews.com         | AP",
        "FT                      | ft.com             | FT",
        "EA                      | gamespot.com       | EA (gamespot.com)",
        "Süddeutsche Zeitung     | sueddeutsche.de    | Süddeutsche Zeitung",
        "Bücher.de               | xn--bcher-kva.de   | Bücher.de",
        "Livres                  | xn--bcher-kva.de   | Livres (bücher.de)",
        "Straße                  | strasse.example    | Straße",
        "Apple                   | xn--pple-43d.com   | Apple (xn--pple-43d.com)",
    })
    void namesAProviderWithItsDomainWhenTheNameHasNothingOfIt(String name, String domain, String shown) {
        assertThat(CorpusNames.withDomain(name, domain)).isEqualTo(shown);
    }
}
