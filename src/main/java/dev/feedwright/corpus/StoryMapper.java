package dev.feedwright.corpus;

import static dev.feedwright.corpus.FrontMatterKey.*;

import dev.feedwright.text.Markup;
import dev.feedwright.text.TextRepair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one file's front matter, read as {@link YamlValue}s, to a {@link Story}. Lenient where a user would be:
 * unknown keys are ignored, a scalar stands for a list of one, null list items are dropped, a
 * broken image or related article is dropped with a warning. Strict where the story cannot exist
 * without it: no title, no parseable date or no usable http(s) link skip the file.
 */
final class StoryMapper {

    /** An article's own link, in the order tried. */
    private static final FrontMatterKey[] LINK_KEYS = {WEB_URL, ORIGINAL_URL};
    /** Its AMP variants, which are not separate articles. */
    private static final FrontMatterKey[] AMP_KEYS = {AMP_WEB_URL, CDN_AMP_WEB_URL};

    /**
     * Longest title, excerpt and provider name kept, in characters. Real ones are a few hundred at
     * most; a longer one is cut (with a warning), so that one file cannot swell every feed it is in
     * past what feed readers accept. Topic names are cut like provider names.
     */
    static final int MAX_TITLE = 1_000;
    static final int MAX_EXCERPT = 10_000;
    /** Longest provider or topic name kept; a topic name is in every item of its stories and its feed's titles. */
    static final int MAX_NAME = 200;
    /**
     * Most topics kept per story (real files have one to three): each is a feed of its own and a
     * category in every item of the story, so 100,000 of them in one small file made an export
     * write gigabytes and never finish.
     */
    static final int MAX_TOPICS = 100;

    private final String source;
    private final int maxRelated;
    private final List<Problem> warnings;

    StoryMapper(String source, int maxRelated, List<Problem> warnings) {
        this.source = source;
        this.maxRelated = maxRelated;
        this.warnings = warnings;
    }

    Story story(YamlValue root, String body) throws CorpusFileException {
        YamlValue.Mapping fields = fields(root, "the front matter");
        Article primary = article(fields, root, "");
        List<String> topics = topics(fields.get(TOPICS));
        List<Article> related = related(fields.get(RELATED));
        return new Story(primary, topics, related, source, body);
    }

    private Article article(YamlValue.Mapping f, YamlValue at, String where) throws CorpusFileException {
        String title = TextRepair.text(text(f, TITLE, where));
        if (title.isEmpty()) {
            throw new CorpusFileException(lineOf(Objects.requireNonNullElse(f.get(TITLE), at)), where + "no title");
        }
        title = cut(title, MAX_TITLE, f.get(TITLE), where + "title");
        String excerpt = cut(TextRepair.text(optionalText(f, EXCERPT, where)), MAX_EXCERPT, f.get(EXCERPT),
                where + "excerpt");
        Instant published = date(f, at, where);
        String link = link(f, at, where);
        Provider provider = provider(f.get(PROVIDER), link, where);
        return new Article(title, excerpt, published, link, ampLinks(f), provider, images(f.get(IMAGES), where),
                type(f), embed(f, where), integer(f, QUALITY), integer(f, HEAT), bool(f, PUBLISHED));
    }

    private Instant date(YamlValue.Mapping f, YamlValue at, String where) throws CorpusFileException {
        YamlValue node = f.get(PUBLISHED_DATE_TIME);
        String raw = text(f, PUBLISHED_DATE_TIME, where);
        if (raw == null || raw.isBlank()) {
            throw new CorpusFileException(lineOf(Objects.requireNonNullElse(node, at)), where + "no date (publishedDateTime)");
        }
        return Dates.parse(raw).orElseThrow(() -> new CorpusFileException(lineOf(node),
                where + "no parseable date: publishedDateTime '" + clip(raw) + "' is not an ISO-8601 or RFC 1123"
                        + " date between 1990 and 2099"));
    }

    private String link(YamlValue.Mapping f, YamlValue at, String where) throws CorpusFileException {
        String firstProblem = null;
        YamlValue firstNode = at;
        String blank = null;
        for (FrontMatterKey key : LINK_KEYS) {
            YamlValue node = f.get(key);
            String raw = optionalText(f, key, where);
            if (raw == null) {
                // Absent or null; or not text, which optionalText warned of, but a skipped file's
                // warnings are not shown, so the reason says it too.
                if (node != null && !isNull(node) && firstProblem == null) {
                    firstProblem = key.yaml + " must be text, was a " + YamlValue.kind(node);
                    firstNode = node;
                }
                continue;
            }
            if (raw.isBlank()) {
                if (blank == null) {
                    blank = key.yaml;
                    firstNode = node;
                }
                continue;
            }
            WebLinks.Result result = WebLinks.parse(raw);
            if (result.usable()) {
                return result.url();
            }
            if (firstProblem == null) {
                firstProblem = key.yaml + ": " + result.problem();
                firstNode = node;
            }
        }
        String why = firstProblem != null ? firstProblem
                : blank != null ? blank + " is empty and no other link is set"
                : "neither webUrl nor originalUrl is set";
        throw new CorpusFileException(lineOf(firstNode), where + "no usable http(s) link (" + why + ")");
    }

    private List<String> ampLinks(YamlValue.Mapping f) {
        List<String> links = new ArrayList<>(2);
        for (FrontMatterKey key : AMP_KEYS) {
            if (f.get(key) instanceof YamlValue.Scalar scalar && !scalar.isNull()) {
                WebLinks.Result result = WebLinks.parse(scalar.text());
                if (result.usable()) {
                    links.add(result.url());
                }
            }
        }
        return links;
    }

    private Provider provider(YamlValue node, String link, String where) throws CorpusFileException {
        String name = "";
        String domain = null;
        if (node instanceof YamlValue.Mapping) {
            YamlValue.Mapping p = fields(node, where + "provider");
            name = cut(TextRepair.name(optionalText(p, NAME, where + "provider.")), MAX_NAME, p.get(NAME),
                    where + "provider.name");
            String rawDomain = optionalText(p, DOMAIN, where + "provider.");
            domain = rawDomain == null ? null : WebLinks.domain(rawDomain);
        } else if (node != null && !isNull(node)) {
            warn(node, where + "provider must be a mapping with name and domain; using the link's host");
        }
        if (domain == null) {
            domain = WebLinks.hostOf(link);
        }
        return new Provider(name.isEmpty() ? domain : name, domain);
    }

    private List<Image> images(YamlValue node, String where) throws CorpusFileException {
        List<Image> images = new ArrayList<>();
        for (YamlValue item : items(node, where + "images")) {
            String url;
            int width = 0;
            int height = 0;
            if (item instanceof YamlValue.Scalar scalar) {
                url = scalar.text();
            } else if (item instanceof YamlValue.Mapping) {
                YamlValue.Mapping m = fields(item, where + "images");
                url = optionalText(m, URL, where + "images.");
                width = Math.max(0, Optional.ofNullable(integer(m, WIDTH)).orElse(0));
                height = Math.max(0, Optional.ofNullable(integer(m, HEIGHT)).orElse(0));
            } else {
                continue;
            }
            WebLinks.Result result = WebLinks.parse(url);
            if (result.usable()) {
                images.add(new Image(result.url(), width, height));
            }
        }
        return images;
    }

    private List<String> topics(YamlValue node) throws CorpusFileException {
        Set<String> topics = new LinkedHashSet<>();
        List<YamlValue> items = items(node, "topics");
        for (int i = 0; i < items.size(); i++) {
            YamlValue item = items.get(i);
            if (topics.size() >= MAX_TOPICS) {
                warn(item, "topics: " + (items.size() - i) + " names past the first " + MAX_TOPICS + " were dropped");
                break;
            }
            if (item instanceof YamlValue.Scalar scalar) {
                String topic = cut(TextRepair.name(scalar.text()), MAX_NAME, scalar, "topics: a name");
                if (!topic.isEmpty()) {
                    topics.add(topic);
                }
            } else {
                warn(item, "topics: an item that is not a name was dropped");
            }
        }
        return List.copyOf(topics);
    }

    private List<Article> related(YamlValue node) throws CorpusFileException {
        List<YamlValue> items = items(node, "related");
        List<Article> related = new ArrayList<>(Math.min(items.size(), maxRelated));
        for (int i = 0; i < items.size(); i++) {
            if (related.size() >= maxRelated) {
                int past = items.size() - i;
                warn(items.get(i), "related: " + past + (past == 1 ? " article" : " articles")
                        + " past corpus.maxRelated (" + maxRelated + ") " + (past == 1 ? "was" : "were") + " dropped");
                break;
            }
            YamlValue item = items.get(i);
            String where = "related[" + i + "]: ";
            if (!(item instanceof YamlValue.Mapping)) {
                warn(item, where + "dropped: not a mapping");
                continue;
            }
            try {
                related.add(article(fields(item, where), item, where));
            } catch (CorpusFileException e) {
                warnings.add(new Problem(source, e.line(), e.getMessage() + "; the related article was dropped"));
            }
        }
        return related;
    }

    /** The items of a list; a lone scalar counts as a list of one, a null or absent value as none. */
    private List<YamlValue> items(YamlValue node, String field) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (node instanceof YamlValue.Sequence sequence) {
            List<YamlValue> items = new ArrayList<>(sequence.items().size());
            for (YamlValue item : sequence.items()) {
                if (!isNull(item)) {
                    items.add(item);
                }
            }
            return items;
        }
        if (node instanceof YamlValue.Scalar) {
            return List.of(node);
        }
        warn(node, field + " must be a list; ignored");
        return List.of();
    }

    private static YamlValue.Mapping fields(YamlValue node, String what) throws CorpusFileException {
        if (!(node instanceof YamlValue.Mapping mapping)) {
            throw new CorpusFileException(node.line(), what + " is not a mapping of keys to values");
        }
        return mapping;
    }

    /** A required-or-absent text field: null when absent or null; an error when it is not text. */
    private static String text(YamlValue.Mapping f, FrontMatterKey key, String where) throws CorpusFileException {
        YamlValue node = f.get(key);
        if (node == null || isNull(node)) {
            return null;
        }
        if (!(node instanceof YamlValue.Scalar scalar)) {
            throw new CorpusFileException(node.line(), where + key.yaml + " must be text, was a " + YamlValue.kind(node));
        }
        return scalar.text();
    }

    /** An optional text field: a value of the wrong kind is dropped with a warning. */
    private String optionalText(YamlValue.Mapping f, FrontMatterKey key, String where) {
        YamlValue node = f.get(key);
        if (node == null || isNull(node)) {
            return null;
        }
        if (node instanceof YamlValue.Scalar scalar) {
            return scalar.text();
        }
        warn(node, where + key.yaml + " must be text, was a " + YamlValue.kind(node) + "; ignored");
        return null;
    }

    private static Integer integer(YamlValue.Mapping f, FrontMatterKey key) {
        if (f.get(key) instanceof YamlValue.Scalar scalar && !scalar.isNull()) {
            try {
                return Integer.valueOf(scalar.text().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean bool(YamlValue.Mapping f, FrontMatterKey key) {
        if (f.get(key) instanceof YamlValue.Scalar scalar) {
            return switch (scalar.text().strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> Boolean.TRUE;
                case "false", "no" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    private static ArticleType type(YamlValue.Mapping f) {
        return f.get(TYPE) instanceof YamlValue.Scalar scalar && scalar.text().strip().equalsIgnoreCase("video")
                ? ArticleType.VIDEO : ArticleType.ARTICLE;
    }

    private String embed(YamlValue.Mapping f, String where) throws CorpusFileException {
        String html = optionalText(f, FEATURED_CONTENT, where);
        return Markup.embedSource(html).map(WebLinks::parse).filter(WebLinks.Result::usable)
                .map(WebLinks.Result::url).orElse(null);
    }

    /**
     * The text, or at most its first {@code max} characters ending in an ellipsis, with a warning: cut
     * after the last word that fits when a space is in the last tenth, else between two whole
     * characters (never inside a surrogate pair, nor before a combining mark or joiner that belongs
     * to the character before it).
     */
    private String cut(String text, int max, YamlValue node, String field) {
        // Counted in characters (code points), as readers and the warning count them.
        if (text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        int space = text.lastIndexOf(' ', end);
        if (space >= end - max / 10 && space > 0) {
            end = space;
        } else {
            while (end > 1 && splitsACharacter(text, end)) {
                end--;
            }
        }
        warn(node, field + " was " + text.codePointCount(0, text.length()) + " characters long; cut to " + max);
        return text.substring(0, end).strip() + "\u2026";
    }

    /**
     * Whether cutting {@code text} before {@code at} parts what a reader shows as one character: a
     * surrogate pair, a letter and its combining mark or variation selector, an emoji and its skin
     * tone or the next emoji of a sequence joined by U+200D, the two regional indicators of a flag,
     * a flag and the tag characters that name its region (England's, Scotland's).
     */
    private static boolean splitsACharacter(String text, int at) {
        if (Character.isLowSurrogate(text.charAt(at)) || text.charAt(at - 1) == '\u200D') {
            return true;
        }
        int cp = text.codePointAt(at);
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || cp == '\u200D' || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || (cp >= 0xE0020 && cp <= 0xE007F)) {
            return true;
        }
        if (isRegionalIndicator(cp)) {
            int before = 0;
            for (int i = at; i >= 2 && isRegionalIndicator(text.codePointBefore(i)); i -= 2) {
                before++;
            }
            return before % 2 == 1;
        }
        return false;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isNull(YamlValue node) {
        return node instanceof YamlValue.Scalar scalar && scalar.isNull();
    }

    private void warn(YamlValue node, String message) {
        warnings.add(new Problem(source, node.line(), message));
    }

    private static int lineOf(YamlValue node) {
        return node == null ? 0 : node.line();
    }

    static String clip(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        if (oneLine.length() <= 60) {
            return oneLine;
        }
        // Not between the two halves of a surrogate pair (an emoji), which would print as '?'.
        int end = Character.isLowSurrogate(oneLine.charAt(57)) ? 56 : 57;
        return oneLine.substring(0, end) + "...";
    }
}
