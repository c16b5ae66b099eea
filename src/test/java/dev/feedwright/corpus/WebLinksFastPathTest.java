package dev.feedwright.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path of {@link WebLinks#parse} takes a link as it is only when the long way would give it unchanged. */
class WebLinksFastPathTest {

    private static final Pattern LINK = Pattern.compile("(?:Url|url): \"([^\"]*)\"");

    @ParameterizedTest
    @ValueSource(strings = {
        "https://www.example.com/a/b?c=d&e=f#g",
        "http://news.example.org/2024/01/x-y_z~%C3%A9.html",
        "https://a-b.c.example/",
        "https://example.com/?q=a+b&utm_source=rss",
    })
    void takesNormalLinksAsTheyAre(String link) {
        assertThat(WebLinks.isNormal(link)).isTrue();
        assertThat(WebLinks.parseFully(link).url()).isEqualTo(link);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://Example.com/", "https://example.com", "https://example.com:443/", "https://example.com./x",
        "https://user@example.com/", "https://-bad.example/", "https://bad-.example/", "https://a..b/",
        "https://example.com/a b", "https://example.com/caf\u00e9", "https://example.com/%zz",
        "https://example.com/?a=1&amp;b=2", "https://example.com/#a#b", "ftp://example.com/",
        "https://exa_mple.com/", "https://[::1]/", "https://example.com/\"quote\"",
    })
    void leavesEverythingElseToTheLongWay(String link) {
        assertThat(WebLinks.isNormal(link)).isFalse();
    }

    @Test
    void agreesWithTheLongWayOnEveryLinkOfTheRealCorpora() throws IOException {
        List<String> links = new ArrayList<>();
        for (Path folder : List.of(Path.of("seeds"), Path.of("..", "shared", "corpus", "diablo4"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Matcher m = LINK.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (m.find()) {
                        links.add(m.group(1));
                    }
                }
            }
        }
        // The seeds alone hold 95 links; the real corpus beside the project, when present, many more.
        assertThat(links).hasSizeGreaterThan(50);
        int fast = 0;
        for (String link : links) {
            if (WebLinks.isNormal(link)) {
                fast++;
                assertThat(WebLinks.parseFully(link).url()).as(link).isEqualTo(link);
            }
        }
        assertThat(fast).isGreaterThan(links.size() / 2);
    }
}
