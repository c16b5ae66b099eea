package dev.feedwright.corpus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One outlet's article, as read from the corpus and repaired.
 *
 * @param title         plain text, never empty
 * @param excerpt       plain text, may be empty
 * @param published     when it was published, to the second
 * @param link          its absolute http(s) address as first read ({@code webUrl}, else {@code originalUrl})
 * @param ampLinks      AMP variants of the same article: not separate articles
 * @param provider      the outlet
 * @param images        usable images, in corpus order
 * @param type          article or video
 * @param embedUrl      for videos, the address of the player, or null
 * @param quality       the corpus's quality score, or null when absent
 * @param heat          the corpus's heat score, or null when absent
 * @param publishedFlag the corpus's {@code published} flag, or null when absent
 */
public record Article(
        String title,
        String excerpt,
        Instant published,
        String link,
        List<String> ampLinks,
        Provider provider,
        List<Image> images,
        ArticleType type,
        String embedUrl,
        Integer quality,
        Integer heat,
        Boolean publishedFlag) {

    public Article {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(type, "type");
        ampLinks = List.copyOf(ampLinks);
        images = List.copyOf(images);
    }
}
