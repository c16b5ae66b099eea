package dev.feedwright.catalog;

import java.util.Map;
import java.util.TreeMap;

/**
 * The names the corpus uses, counted: topics, and for each provider domain the names its articles
 * give it. Feeds are named from these: a topic feed by its topic, a provider feed by the one name
 * its articles agree on, else by its domain; a name that has nothing of its domain gets the domain
 * after it ({@code From Software (gamingbolt.com)}: the corpus names some outlets by their
 * articles' subject). Counts let a store add and remove files one by one.
 */
public final class CorpusNames {

    private final Map<String, Long> topics = new TreeMap<>();
    private final Map<String, Map<String, Long>> providers = new TreeMap<>();

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) what one file names. */
    public void count(FileKeys file, int sign) {
        for (String topic : file.topics()) {
            topics.merge(topic, (long) sign, Long::sum);
        }
        for (ArticleKey article : file.articles()) {
            providers.computeIfAbsent(article.domain(), d -> new TreeMap<>())
                    .merge(article.providerName(), (long) sign, Long::sum);
        }
    }

    /** Sets a count directly, as read back from a store. */
    public void putTopic(String topic, long count) {
        topics.put(topic, count);
    }

    /** Sets a count directly, as read back from a store. */
    public void putProviderName(String domain, String name, long count) {
        providers.computeIfAbsent(domain, d -> new TreeMap<>()).put(name, count);
    }

    /** Topic names with their counts, including those that dropped to zero (for a store to delete). */
    public Map<String, Long> topics() {
        return topics;
    }

    /** Domain to provider name to count, including counts that dropped to zero. */
    public Map<String, Map<String, Long>> providers() {
        return providers;
    }

    /** The slugs and display names these names give. */
    public FeedNames feedNames() {
        Map<String, String> providerNames = new TreeMap<>();
        providers.forEach((domain, names) -> {
            String agreed = null;
            int used = 0;
            for (Map.Entry<String, Long> name : names.entrySet()) {
                if (name.getValue() > 0) {
                    used++;
                    agreed = name.getKey();
                }
            }
            if (used > 0) {
                providerNames.put(domain, used == 1 ? withDomain(agreed, domain) : domain);
            }
        });
        return new FeedNames(topics.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList(),
                providerNames);
    }

    /**
     * {@code name}, or {@code name (domain)} when the domain holds none of its words of three
     * letters or more, does not start with a word of two ({@code AP} and {@code apnews.com}) and
     * holds not the initials of its words ({@code The Wall Street Journal} and {@code wsj.com},
     * {@code Deutsche Welle} and {@code dw.com} agree).
     */
    static String withDomain(String name, String domain) {
        String letters = domain.replaceAll("[^a-z0-9]", "");
        String label = domain.substring(0, domain.indexOf('.') < 0 ? domain.length() : domain.indexOf('.'));
        StringBuilder initials = new StringBuilder();
        for (String word : Slugger.base(name, false).split("-")) {
            if (word.length() >= 3 && letters.contains(word) || word.length() == 2 && label.startsWith(word)) {
                return name;
            }
            if (!word.isEmpty() && !word.equals("the")) {
                initials.append(word.charAt(0));
            }
        }
        return initials.length() >= 2 && letters.contains(initials) ? name : name + " (" + domain + ")";
    }
}
