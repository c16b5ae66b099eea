package dev.feedwright.corpus;

/** What an article is: a written article or a video. */
public enum ArticleType {
    ARTICLE, VIDEO
}
