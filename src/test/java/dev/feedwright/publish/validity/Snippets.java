package dev.feedwright.publish.validity;

import dev.feedwright.publish.validity.Parse.XmlDoc;

/** Small hand-written feeds, some deliberately broken, that prove the rule helpers find what they look for. */
final class Snippets {

    static final String BASE = "http://127.0.0.1:8080/";

    private Snippets() {
    }

    /** An RSS 2.0 document, {@code snippet.xml}, with the given channel elements and items. */
    static XmlDoc rss(String channel, String items) {
        return Parse.xml("snippet.xml", BASE + "snippet.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" version="2.0">
                <channel>
                <title>Snippet</title>
                %s
                %s
                </channel>
                </rss>
                """.formatted(channel, items));
    }

    /** An Atom 1.0 document, {@code snippet.atom}, with the given feed elements and entries. */
    static XmlDoc atom(String feed, String entries) {
        return Parse.xml("snippet.atom", BASE + "snippet.atom", """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en">
                <title>Snippet</title>
                %s
                %s
                </feed>
                """.formatted(feed, entries));
    }
}
