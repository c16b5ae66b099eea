package dev.feedwright.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A corpus of one story with one related article, for the commands that check links. */
final class LinkCorpus {

    private LinkCorpus() {
    }

    /** Writes {@code dir/corpus/story.md} linking {@code primary} and {@code related}; returns the corpus folder. */
    static Path write(Path dir, String primary, String related) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("story.md"), """
                ---
                title: "A story"
                publishedDateTime: 2024-01-02T03:04:05Z
                webUrl: "%s"
                provider:
                  name: Loop News
                  domain: loop.example
                related:
                  - title: "Another take"
                    publishedDateTime: 2024-01-02T04:00:00Z
                    webUrl: "%s"
                    provider:
                      name: Other
                      domain: other.example
                ---
                """.formatted(primary, related));
        return corpus;
    }
}
