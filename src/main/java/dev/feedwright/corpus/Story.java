package dev.feedwright.corpus;

import java.util.List;
import java.util.Objects;

/**
 * One corpus file: a story told by its primary article, tagged with topics, with other outlets'
 * coverage of the same story.
 *
 * @param primary the article the file is about
 * @param topics  topic names, repaired, without empty or repeated names, in corpus order
 * @param related other outlets' articles about the same story, each with its own provider and date
 * @param source  the file's path relative to the corpus folder, with {@code /} separators
 * @param body    the Markdown after the front matter, possibly empty
 */
public record Story(Article primary, List<String> topics, List<Article> related, String source, String body) {

    public Story {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(body, "body");
        topics = List.copyOf(topics);
        related = List.copyOf(related);
    }

    /** The number of articles in the story: the primary one and every related one. */
    public int articleCount() {
        return 1 + related.size();
    }
}
