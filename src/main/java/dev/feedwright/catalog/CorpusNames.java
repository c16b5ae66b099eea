package dev.feedwright.catalog;

import java.net.IDN;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The names the corpus uses, counted: topics, and for each provider domain the names its articles
 * give it. Feeds are named from these: a topic feed by its topic, a provider feed by the one name
 * its articles agree on, else by its domain; a name that has nothing of its domain gets the domain
 * after it ({@code From Software (gamingbolt.com)}: the corpus names some outlets by their
 * articles' subject). Counts let a store add and remove files one by one.
 */
public final class CorpusNames {

    /** The letters German writes with two in a domain ({@code Süddeutsche}, {@code sueddeutsche.de}). */
    private static final Pattern GERMAN = Pattern.compile("[äöüÄÖÜß]");
    private static final Map<String, String> GERMAN_SPELLED = Map.of("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae",
            "Ö", "Oe", "Ü", "Ue", "ß", "ss");

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
        String shown = shownDomain(domain);
        String letters = domain.replaceAll("[^a-z0-9]", "") + " " + Slugger.base(shown, true).replaceAll("[^a-z0-9.]", "");
        String label = Slugger.base(shown.substring(0, shown.indexOf('.') < 0 ? shown.length() : shown.indexOf('.')), false);
        for (String spelling : List.of(name, GERMAN.matcher(name).replaceAll(m -> GERMAN_SPELLED.get(m.group())))) {
            if (sharesWithDomain(spelling, letters, label)) {
                return name;
            }
        }
        return name + " (" + shown + ")";
    }

    private static boolean sharesWithDomain(String name, String letters, String label) {
        StringBuilder initials = new StringBuilder();
        for (String word : Slugger.base(name, false).split("-")) {
            if (word.length() >= 3 && letters.contains(word) || word.length() == 2 && label.startsWith(word)) {
                return true;
            }
            if (!word.isEmpty() && !word.equals("the")) {
                initials.append(word.charAt(0));
            }
        }
        return initials.length() >= 2 && letters.contains(initials);
    }

    /**
     * A provider domain as readers should see it: an internationalised one in its own letters
     * ({@code xn--bcher-kva.de} is {@code bücher.de}), as browsers show it, unless a label mixes
     * scripts, as a name made to look like another does.
     */
    public static String shownDomain(String domain) {
        if (!domain.contains("xn--")) {
            return domain;
        }
        String shown = IDN.toUnicode(domain, IDN.ALLOW_UNASSIGNED);
        for (String label : shown.split("\\.")) {
            if (mixesScripts(label)) {
                return domain; // a lookalike (аpple.com with a Cyrillic а): shown as browsers do, in xn--
            }
        }
        return shown;
    }

    /** Whether a label's letters come from more than one script. */
    private static boolean mixesScripts(String label) {
        Character.UnicodeScript first = null;
        for (int i = 0; i < label.length(); i += Character.charCount(label.codePointAt(i))) {
            Character.UnicodeScript script = Character.UnicodeScript.of(label.codePointAt(i));
            if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
                continue;
            }
            if (first == null) {
                first = script;
            } else if (script != first) {
                return true;
            }
        }
        return false;
    }
}
