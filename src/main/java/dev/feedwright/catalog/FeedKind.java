package dev.feedwright.catalog;

/** The kinds of feed Feedwright writes. */
public enum FeedKind {
    /** The one feed of every story. */
    ALL,
    /** A feed of the stories tagged with one topic. */
    TOPIC,
    /** A feed of every article from one provider domain, primary or related. */
    PROVIDER
}
