package dev.feedwright.corpus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads front matter with SnakeYAML's event parser into {@link YamlValue}s. Events are much cheaper
 * than SnakeYAML's node or object trees (no marks kept, no type resolved for every plain scalar),
 * and nothing is ever constructed from the input. The limits SnakeYAML's composer would apply are
 * applied here: a bounded size (in the parser), a bounded nesting depth, a bounded number of
 * aliases to collections (so that a billion-laughs document fails at once), aliases that repeat no
 * more text than the document holds (so that one long text aliased many times cannot take hours to
 * repair), and no explicit tag
 * but YAML's own types (so that no tag can name a Java type). Only the first document is read.
 */
final class FrontMatterYaml {

    /** Nesting allowed; the article format needs five. */
    static final int MAX_DEPTH = 32;
    /** Aliases to lists or mappings allowed in one document; real files use none. */
    static final int MAX_COLLECTION_ALIASES = 20;

    /** The explicit tags allowed: YAML's own types. {@code !!java.io.File} and {@code !custom} are not. */
    private static final Set<String> STANDARD_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq",
            "timestamp").stream().map(name -> Tag.PREFIX + name).collect(Collectors.toUnmodifiableSet());

    private final int maxCodePoints;

    FrontMatterYaml(int maxCodePoints) {
        this.maxCodePoints = maxCodePoints;
    }

    /**
     * Reads one document.
     *
     * @param firstLine the file line the YAML starts on, so that values and errors name file lines
     * @return the document's root, or null when the document is empty
     */
    YamlValue read(String yaml, int firstLine) throws CorpusFileException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxCodePoints);
        options.setProcessComments(false);
        Parser parser = new ParserImpl(new StreamReader(yaml), options);
        try {
            return new Builder(firstLine, yaml.length()).build(parser);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? firstLine : mark.getLine() + firstLine;
            throw new CorpusFileException(line, "YAML error: " + StoryReader.oneLine(e.getProblem()));
        } catch (YAMLException e) {
            throw new CorpusFileException(firstLine, "YAML error: " + StoryReader.oneLine(e.getMessage()));
        }
    }

    /** Turns the events of one document into values, keeping a stack of open lists and mappings. */
    private static final class Builder {

        private final int firstLine;
        private final long maxAliasedChars;
        private final Deque<Open> open = new ArrayDeque<>();
        private final Map<String, YamlValue> anchors = new HashMap<>();
        private int collectionAliases;
        private long aliasedChars;
        private YamlValue root;
        private boolean done;

        Builder(int firstLine, long maxAliasedChars) {
            this.firstLine = firstLine;
            this.maxAliasedChars = maxAliasedChars;
        }

        YamlValue build(Parser parser) throws CorpusFileException {
            while (!done) {
                Event event = parser.getEvent();
                switch (event.getEventId()) {
                    case Scalar -> scalar((ScalarEvent) event);
                    case SequenceStart, MappingStart -> start((CollectionStartEvent) event);
                    case SequenceEnd, MappingEnd -> end();
                    case Alias -> alias((AliasEvent) event);
                    case DocumentEnd, StreamEnd -> done = true;
                    default -> {
                        // StreamStart, DocumentStart and comments carry nothing.
                    }
                }
            }
            return root;
        }

        private void scalar(ScalarEvent event) throws CorpusFileException {
            checkTag(event.getTag(), event);
            String text = event.getValue();
            boolean isNull = event.isPlain() && event.getTag() == null
                    && (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null")
                    || text.equals("NULL"));
            YamlValue value = new YamlValue.Scalar(text, isNull, line(event));
            anchor(event, value);
            add(value, event);
        }

        private void start(CollectionStartEvent event) throws CorpusFileException {
            checkTag(event.getTag(), event);
            if (open.size() >= MAX_DEPTH) {
                throw new CorpusFileException(line(event), "YAML error: nesting deeper than " + MAX_DEPTH
                        + " levels (Nesting Depth limit)");
            }
            boolean mapping = event.getEventId() == Event.ID.MappingStart;
            open.push(new Open(mapping, line(event), event.getAnchor()));
        }

        private void end() throws CorpusFileException {
            Open closed = open.pop();
            YamlValue value = closed.mapping
                    ? new YamlValue.Mapping(closed.values, closed.line)
                    : new YamlValue.Sequence(closed.items, closed.line);
            if (closed.anchor != null) {
                anchors.put(closed.anchor, value);
            }
            add(value, null);
        }

        private void alias(AliasEvent event) throws CorpusFileException {
            YamlValue value = anchors.get(event.getAnchor());
            if (value == null) {
                throw new CorpusFileException(line(event), "YAML error: found undefined alias " + event.getAnchor());
            }
            if (!(value instanceof YamlValue.Scalar) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                throw new CorpusFileException(line(event), "YAML error: more than " + MAX_COLLECTION_ALIASES
                        + " aliases to lists or mappings");
            }
            // Every copy of a text is repaired on its own, so a long text aliased a million times
            // would take hours: aliases may repeat no more text than the document itself holds.
            if (value instanceof YamlValue.Scalar scalar
                    && (aliasedChars += scalar.text().length()) > maxAliasedChars) {
                throw new CorpusFileException(line(event), "YAML error: aliases repeat more text than the"
                        + " document holds (" + maxAliasedChars + " characters)");
            }
            add(value, event);
        }

        private void anchor(NodeEvent event, YamlValue value) {
            if (event.getAnchor() != null) {
                anchors.put(event.getAnchor(), value);
            }
        }

        private void add(YamlValue value, Event event) throws CorpusFileException {
            Open parent = open.peek();
            if (parent == null) {
                root = value;
                return;
            }
            if (!parent.mapping) {
                parent.items.add(value);
                return;
            }
            if (!parent.awaitingValue) {
                parent.awaitingValue = true;
                parent.key = null;
                if (value instanceof YamlValue.Scalar key) {
                    FrontMatterKey known = FrontMatterKey.of(key.text());
                    boolean repeated = known != null ? parent.values[known.ordinal()] != null
                            : !parent.otherKeys().add(key.text());
                    if (repeated) {
                        throw new CorpusFileException(key.line(), "duplicate key '" + StoryMapper.clip(key.text()) + "'");
                    }
                    parent.key = known;
                }
                return;
            }
            if (parent.key != null) {
                parent.values[parent.key.ordinal()] = value;
            }
            parent.awaitingValue = false;
        }

        private void checkTag(String tag, Event event) throws CorpusFileException {
            if (tag != null && !STANDARD_TAGS.contains(tag)) {
                throw new CorpusFileException(line(event), "YAML tag '" + StoryMapper.clip(tag) + "' is not allowed");
            }
        }

        private int line(Event event) {
            return event.getStartMark() == null ? firstLine : event.getStartMark().getLine() + firstLine;
        }
    }

    /** A list or mapping whose end event has not come yet. */
    private static final class Open {
        final boolean mapping;
        final int line;
        final String anchor;
        final List<YamlValue> items;
        final YamlValue[] values;
        /** The keys of this mapping that the mapper does not read, kept to find duplicates. */
        private Set<String> otherKeys;
        /** The key of the value to come: null when the mapper does not read it (or it is not text). */
        FrontMatterKey key;
        boolean awaitingValue;

        Open(boolean mapping, int line, String anchor) {
            this.mapping = mapping;
            this.line = line;
            this.anchor = anchor;
            this.items = mapping ? null : new ArrayList<>();
            this.values = mapping ? new YamlValue[FrontMatterKey.COUNT] : null;
        }

        Set<String> otherKeys() {
            if (otherKeys == null) {
                otherKeys = new HashSet<>();
            }
            return otherKeys;
        }
    }
}
