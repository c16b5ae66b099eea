package dev.feedwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.catalog.LinkVerdicts;
import dev.feedwright.corpus.WebLinks;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsableMovesTest {

    private static final String LINK = "https://news.example.org/story";

    private static LinkVerdicts movedTo(String target) {
        LinkVerdicts found = link -> link.equals(LINK) ? target : link;
        return new UsableMoves(found);
    }

    @Test
    void followsAMoveToAUsableAddress() {
        assertThat(movedTo("https://news.example.org/2024/story").resolve(LINK))
                .isEqualTo("https://news.example.org/2024/story");
    }

    @Test
    void publishesAMovedAddressInItsNormalForm() {
        String target = "HTTPS://News.Example.org:443/a b";

        assertThat(movedTo(target).resolve(LINK)).isEqualTo(WebLinks.parse(target).url())
                .isNotEqualTo(target);
    }

    @Test
    void keepsTheLinkAsReadWhenTheMoveLeadsWhereNoArticleLinkMayPoint() {
        for (String target : new String[] {"https://editor:secret@news.example.org/story",
            "http://[2001:db8::1]/story", "ftp://news.example.org/story"}) {
            assertThat(movedTo(target).resolve(LINK)).as(target).isEqualTo(LINK);
        }
    }

    @Test
    void leavesDeadAndUnmovedLinksAsTheyAre() {
        LinkVerdicts verdicts = new UsableMoves(new LinkVerdicts() {
            @Override
            public String resolve(String link) {
                return link.equals(LINK) ? null : link;
            }

            @Override
            public Set<String> dead() {
                return Set.of(LINK);
            }

            @Override
            public String fingerprint() {
                return "abc";
            }
        });

        assertThat(verdicts.resolve(LINK)).isNull();
        assertThat(verdicts.resolve("https://other.example.org/")).isEqualTo("https://other.example.org/");
        assertThat(verdicts.dead()).containsExactly(LINK);
        assertThat(verdicts.fingerprint()).isEqualTo("abc");
    }
}
