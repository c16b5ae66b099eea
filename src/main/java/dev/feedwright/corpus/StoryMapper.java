package dev.feedwright.corpus;

import dev.feedwright.text.Markup;
import dev.feedwright.text.TextRepair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Maps one file's front matter node tree to a {@link Story}. Lenient where a user would be:
 * unknown keys are ignored, a scalar stands for a list of one, null list items are dropped, a
 * broken image or related article is dropped with a warning. Strict where the story cannot exist
 * without it: no title, no parseable date or no usable http(s) link skip the file.
 */
final class StoryMapper {

    private static final String STANDARD_TAG_PREFIX = Tag.PREFIX;

    private final String source;
    private final int firstLine;
    private final int maxRelated;
    private final List<Problem> warnings;

    StoryMapper(String source, int firstLine, int maxRelated, List<Problem> warnings) {
        this.source = source;
        this.firstLine = firstLine;
        this.maxRelated = maxRelated;
        this.warnings = warnings;
    }

    Story story(Node root, String body) throws CorpusFileException {
        Map<String, Node> fields = fields(root, "the front matter");
        Article primary = article(fields, root, "");
        List<String> topics = topics(fields.get("topics"));
        List<Article> related = related(fields.get("related"));
        return new Story(primary, topics, related, source, body);
    }

    private Article article(Map<String, Node> f, Node at, String where) throws CorpusFileException {
        String title = TextRepair.text(text(f, "title", where));
        if (title.isEmpty()) {
            throw new CorpusFileException(lineOf(f.getOrDefault("title", at)), where + "no title");
        }
        String excerpt = TextRepair.text(optionalText(f, "excerpt", where));
        Instant published = date(f, at, where);
        String link = link(f, at, where);
        Provider provider = provider(f.get("provider"), link, where);
        return new Article(title, excerpt, published, link, ampLinks(f), provider, images(f.get("images"), where),
                type(f), embed(f, where), integer(f, "quality"), integer(f, "heat"), bool(f, "published"));
    }

    private Instant date(Map<String, Node> f, Node at, String where) throws CorpusFileException {
        Node node = f.get("publishedDateTime");
        String raw = text(f, "publishedDateTime", where);
        if (raw == null || raw.isBlank()) {
            throw new CorpusFileException(lineOf(at), where + "no date (publishedDateTime)");
        }
        return Dates.parse(raw).orElseThrow(() -> new CorpusFileException(lineOf(node),
                where + "no parseable date: publishedDateTime '" + clip(raw) + "' is not an ISO-8601 date"
                        + " between 1990 and 2099"));
    }

    private String link(Map<String, Node> f, Node at, String where) throws CorpusFileException {
        String firstProblem = null;
        Node firstNode = at;
        for (String key : new String[] {"webUrl", "originalUrl"}) {
            String raw = optionalText(f, key, where);
            if (raw == null || raw.isBlank()) {
                continue;
            }
            WebLinks.Result result = WebLinks.parse(raw);
            if (result.usable()) {
                return result.url();
            }
            if (firstProblem == null) {
                firstProblem = key + ": " + result.problem();
                firstNode = f.get(key);
            }
        }
        throw new CorpusFileException(lineOf(firstNode), where + "no usable http(s) link"
                + (firstProblem == null ? " (neither webUrl nor originalUrl is set)" : " (" + firstProblem + ")"));
    }

    private List<String> ampLinks(Map<String, Node> f) {
        List<String> links = new ArrayList<>(2);
        for (String key : new String[] {"ampWebUrl", "cdnAmpWebUrl"}) {
            Node node = f.get(key);
            if (node instanceof ScalarNode scalar && !isNull(scalar)) {
                WebLinks.Result result = WebLinks.parse(scalar.getValue());
                if (result.usable()) {
                    links.add(result.url());
                }
            }
        }
        return links;
    }

    private Provider provider(Node node, String link, String where) throws CorpusFileException {
        String name = "";
        String domain = null;
        if (node instanceof MappingNode) {
            Map<String, Node> p = fields(node, where + "provider");
            name = TextRepair.text(optionalText(p, "name", where + "provider."));
            String rawDomain = optionalText(p, "domain", where + "provider.");
            domain = rawDomain == null ? null : WebLinks.domain(rawDomain);
        } else if (node != null && !isNull(node)) {
            warn(node, where + "provider must be a mapping with name and domain; using the link's host");
        }
        if (domain == null) {
            domain = WebLinks.hostOf(link);
        }
        return new Provider(name.isEmpty() ? domain : name, domain);
    }

    private List<Image> images(Node node, String where) throws CorpusFileException {
        List<Image> images = new ArrayList<>();
        for (Node item : items(node, where + "images")) {
            String url;
            int width = 0;
            int height = 0;
            if (item instanceof ScalarNode scalar) {
                url = scalar.getValue();
            } else if (item instanceof MappingNode) {
                Map<String, Node> m = fields(item, where + "images");
                url = optionalText(m, "url", where + "images.");
                width = Math.max(0, Optional.ofNullable(integer(m, "width")).orElse(0));
                height = Math.max(0, Optional.ofNullable(integer(m, "height")).orElse(0));
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

    private List<String> topics(Node node) throws CorpusFileException {
        Set<String> topics = new LinkedHashSet<>();
        for (Node item : items(node, "topics")) {
            if (item instanceof ScalarNode scalar) {
                checkTag(scalar);
                String topic = TextRepair.text(scalar.getValue());
                if (!topic.isEmpty()) {
                    topics.add(topic);
                }
            } else {
                warn(item, "topics: an item that is not a name was dropped");
            }
        }
        return List.copyOf(topics);
    }

    private List<Article> related(Node node) throws CorpusFileException {
        List<Node> items = items(node, "related");
        List<Article> related = new ArrayList<>(Math.min(items.size(), maxRelated));
        for (int i = 0; i < items.size(); i++) {
            if (related.size() >= maxRelated) {
                warn(items.get(i), "related: " + (items.size() - i) + " articles past corpus.maxRelated ("
                        + maxRelated + ") were dropped");
                break;
            }
            Node item = items.get(i);
            String where = "related[" + i + "]: ";
            if (!(item instanceof MappingNode)) {
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
    private List<Node> items(Node node, String field) throws CorpusFileException {
        if (node == null || isNull(node)) {
            return List.of();
        }
        checkTag(node);
        if (node instanceof SequenceNode sequence) {
            List<Node> items = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                if (!isNull(item)) {
                    checkTag(item);
                    items.add(item);
                }
            }
            return items;
        }
        if (node instanceof ScalarNode) {
            return List.of(node);
        }
        warn(node, field + " must be a list; ignored");
        return List.of();
    }

    private Map<String, Node> fields(Node node, String what) throws CorpusFileException {
        checkTag(node);
        if (!(node instanceof MappingNode mapping)) {
            throw new CorpusFileException(lineOf(node), what + " is not a mapping of keys to values");
        }
        Map<String, Node> fields = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
                    throw new CorpusFileException(lineOf(key), "duplicate key '" + clip(key.getValue()) + "'");
                }
            }
        }
        return fields;
    }

    /** A required-or-absent text field: null when absent or null; an error when it is not a scalar. */
    private String text(Map<String, Node> f, String key, String where) throws CorpusFileException {
        Node node = f.get(key);
        if (node == null || isNull(node)) {
            return null;
        }
        checkTag(node);
        if (!(node instanceof ScalarNode scalar)) {
            throw new CorpusFileException(lineOf(node), where + key + " must be text, was a "
                    + (node instanceof MappingNode ? "mapping" : "list"));
        }
        return scalar.getValue();
    }

    /** An optional text field: a value of the wrong kind is dropped with a warning. */
    private String optionalText(Map<String, Node> f, String key, String where) throws CorpusFileException {
        Node node = f.get(key);
        if (node == null || isNull(node)) {
            return null;
        }
        checkTag(node);
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        warn(node, where + key + " must be text, was a " + (node instanceof MappingNode ? "mapping" : "list")
                + "; ignored");
        return null;
    }

    private static Integer integer(Map<String, Node> f, String key) {
        if (f.get(key) instanceof ScalarNode scalar) {
            try {
                return Integer.valueOf(scalar.getValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean bool(Map<String, Node> f, String key) {
        if (f.get(key) instanceof ScalarNode scalar) {
            return switch (scalar.getValue().strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> Boolean.TRUE;
                case "false", "no" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    private static ArticleType type(Map<String, Node> f) {
        return f.get("type") instanceof ScalarNode scalar && scalar.getValue().strip().equalsIgnoreCase("video")
                ? ArticleType.VIDEO : ArticleType.ARTICLE;
    }

    private String embed(Map<String, Node> f, String where) throws CorpusFileException {
        String html = optionalText(f, "featuredContent", where);
        return Markup.embedSource(html).map(WebLinks::parse).filter(WebLinks.Result::usable)
                .map(WebLinks.Result::url).orElse(null);
    }

    /** Refuses explicit tags outside YAML's own set, such as ones naming Java types. */
    private void checkTag(Node node) throws CorpusFileException {
        String tag = node.getTag().getValue();
        if (!tag.startsWith(STANDARD_TAG_PREFIX)) {
            throw new CorpusFileException(lineOf(node), "YAML tag '" + clip(tag) + "' is not allowed");
        }
    }

    private static boolean isNull(Node node) {
        return Tag.NULL.equals(node.getTag());
    }

    private void warn(Node node, String message) {
        warnings.add(new Problem(source, lineOf(node), message));
    }

    private int lineOf(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + firstLine;
    }

    private static String clip(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
