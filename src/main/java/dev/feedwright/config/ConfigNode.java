package dev.feedwright.config;

import dev.feedwright.text.XmlChars;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One mapping of the configuration file, read strictly: every getter names its key, so that
 * {@link #finish()} can report keys nobody asked for, and every value is checked for its type and
 * range with a message that names the file, line, dotted key and rule.
 */
final class ConfigNode {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String source;
    private final String path;
    private final int line;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> read = new TreeSet<>();

    private ConfigNode(String source, String path, int line) {
        this.source = source;
        this.path = path;
        this.line = line;
    }

    /** The root mapping of a document; a null root (empty file) reads as an empty mapping. */
    static ConfigNode root(String source, Node root) throws ConfigException {
        ConfigNode node = new ConfigNode(source, "", 1);
        if (root != null) {
            node.fill(root);
        }
        return node;
    }

    private void fill(Node node) throws ConfigException {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, (path.isEmpty() ? "the document" : path) + " must be a mapping of keys to values");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), "keys must be plain names");
            }
            if (entries.put(key.getValue(), tuple) != null) {
                throw error(key, "duplicate key " + qualified(key.getValue()));
            }
        }
    }

    /** The nested mapping under {@code key}; empty when the key is absent or null. */
    ConfigNode section(String key) throws ConfigException {
        Node value = value(key);
        ConfigNode child = new ConfigNode(source, qualified(key), value == null ? line : lineOf(value));
        if (value != null) {
            child.fill(value);
        }
        return child;
    }

    /**
     * A string setting. The characters the corpus's text loses ({@link XmlChars}: controls but
     * line breaks and tabs, code points XML cannot carry, bidirectional overrides) are refused:
     * YAML's escapes can write them, and a title or description holding one would reach every feed.
     */
    String string(String key, String fallback) throws ConfigException {
        ScalarNode scalar = scalar(key, "a string");
        if (scalar == null) {
            return fallback;
        }
        String value = scalar.getValue();
        int bad = XmlChars.firstDisallowed(value);
        if (bad >= 0) {
            throw error(scalar, qualified(key) + " must be text without control characters, found "
                    + String.format("U+%04X", value.codePointAt(bad)));
        }
        return value;
    }

    int integer(String key, int fallback, int min, int max) throws ConfigException {
        long value = longInteger(key, fallback, min, max);
        return (int) value;
    }

    long longInteger(String key, long fallback, long min, long max) throws ConfigException {
        ScalarNode scalar = scalar(key, "an integer");
        if (scalar == null) {
            return fallback;
        }
        String digits = scalar.getValue().replace("_", "");
        if (!Tag.INT.equals(scalar.getTag()) || !digits.matches("[-+]?\\d+")) {
            throw error(scalar, qualified(key) + " must be an integer, was " + quote(scalar.getValue()));
        }
        if (digits.matches("[-+]?0\\d+")) {
            // YAML 1.1 reads a leading zero as octal (010 is 8), which nobody writing a count or a
            // size means: refused, not read as either.
            throw error(scalar, qualified(key) + " must be an integer without a leading zero, was "
                    + quote(scalar.getValue()));
        }
        // Compared whole: a value past what a long holds is out of range too.
        BigInteger value = new BigInteger(digits);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(scalar, qualified(key) + " must be between " + min + " and " + max + ", was " + value);
        }
        return value.longValueExact();
    }

    boolean bool(String key, boolean fallback) throws ConfigException {
        ScalarNode scalar = scalar(key, "true or false");
        if (scalar == null) {
            return fallback;
        }
        return switch (scalar.getValue()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(scalar, qualified(key) + " must be true or false, was " + quote(scalar.getValue()));
        };
    }

    /** A duration written as {@code 500ms}, {@code 30s}, {@code 15m}, {@code 24h}, {@code 7d} or ISO-8601 {@code PT24H}. */
    Duration duration(String key, Duration fallback, Duration min, Duration max) throws ConfigException {
        ScalarNode scalar = scalar(key, "a duration");
        if (scalar == null) {
            return fallback;
        }
        Duration value = parseDuration(scalar.getValue().strip());
        if (value == null) {
            throw error(scalar, qualified(key) + " must be a duration such as 500ms, 30s, 15m, 24h or 7d, was "
                    + quote(scalar.getValue()));
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw error(scalar, qualified(key) + " must be between " + format(min) + " and " + format(max)
                    + ", was " + quote(scalar.getValue()));
        }
        return value;
    }

    Path path(String key, Path fallback) throws ConfigException {
        ScalarNode scalar = scalar(key, "a path");
        if (scalar == null) {
            return fallback;
        }
        if (scalar.getValue().isBlank()) {
            throw error(scalar, qualified(key) + " must not be empty");
        }
        try {
            return Path.of(scalar.getValue());
        } catch (InvalidPathException e) {
            throw error(scalar, qualified(key) + " must be a valid path, was " + quote(scalar.getValue()));
        }
    }

    /**
     * An absolute http or https address that feeds may name and readers may fetch: a host name or
     * IPv4 address (the W3C validator refuses an IPv6 literal in a feed's addresses), a port from
     * 1 to 65535, and no credentials, which every feed built from it would publish.
     */
    URI url(String key, URI fallback) throws ConfigException {
        ScalarNode scalar = scalar(key, "an http(s) address");
        if (scalar == null) {
            return fallback;
        }
        URI uri = null;
        try {
            uri = new URI(scalar.getValue().strip());
        } catch (URISyntaxException e) {
            // reported below
        }
        String scheme = uri == null || uri.getScheme() == null ? ""
                : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scalar.getValue().chars().allMatch(c -> c < 0x80)) {
            throw error(scalar, qualified(key) + " must be written in ASCII (an international host name in its xn--"
                    + " form, other characters %-encoded), was " + quote(scalar.getValue()));
        }
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw error(scalar, qualified(key) + " must be an absolute http(s) address, was "
                    + quote(scalar.getValue()));
        }
        String rule = uri.getRawUserInfo() != null ? "must not carry credentials (user@host)"
                : uri.getHost().startsWith("[") ? "must name a host or an IPv4 address: feed validators refuse an IPv6"
                        + " address in a feed's links"
                : uri.getPort() == 0 || uri.getPort() > 65_535 ? "must have a port between 1 and 65535"
                : null;
        if (rule != null) {
            throw error(scalar, qualified(key) + " " + rule + ", was " + quote(scalar.getValue()));
        }
        return uri;
    }

    /** {@link #url}, or null when the value is empty: a setting whose empty value means a default. */
    URI optionalUrl(String key, URI fallback) throws ConfigException {
        if (value(key) instanceof ScalarNode scalar && scalar.getValue().isBlank()
                && !Tag.NULL.equals(scalar.getTag())) {
            return null;
        }
        return url(key, fallback);
    }

    /**
     * An address that others are built on by adding paths (a folder's): {@link #url} without a
     * query or a fragment, which would swallow every path added to it.
     */
    URI folderUrl(String key, URI fallback) throws ConfigException {
        URI uri = url(key, fallback);
        if (uri != fallback && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
            throw error(key, qualified(key) + " must not have a query (?) or a fragment (#): every feed's address is"
                    + " made by adding a path to it, was '" + uri + "'");
        }
        return uri;
    }

    /** A list of strings; a single string reads as a list of one. */
    List<String> strings(String key, List<String> fallback) throws ConfigException {
        Node value = value(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw error(value, qualified(key) + " must be a list of strings");
        }
        List<String> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || Tag.NULL.equals(item.getTag())) {
                throw error(item, qualified(key) + " must be a list of strings");
            }
            result.add(scalar.getValue());
        }
        return List.copyOf(result);
    }

    /** A list of regular expressions, each checked where it stands. */
    List<String> patterns(String key, List<String> fallback) throws ConfigException {
        Node value = value(key);
        List<String> patterns = strings(key, fallback);
        List<Node> items = value instanceof SequenceNode sequence ? sequence.getValue() : value == null ? List.of()
                : List.of(value);
        for (int i = 0; i < patterns.size(); i++) {
            Node at = i < items.size() ? items.get(i) : value;
            int where = at == null ? line : lineOf(at);
            if (patterns.get(i).isEmpty()) {
                // Left empty by a template or a slip, it would match everything.
                throw new ConfigException(source, where, qualified(key)
                        + ": an empty pattern is found in everything; write \".*\" if that is meant");
            }
            try {
                Pattern.compile(patterns.get(i));
            } catch (PatternSyntaxException e) {
                throw new ConfigException(source, where, qualified(key) + ": '"
                        + patterns.get(i) + "' is not a valid regular expression: " + e.getDescription());
            }
        }
        return patterns;
    }

    /** Throws for every key that no getter asked for. */
    void finish() throws ConfigException {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!read.contains(entry.getKey())) {
                throw error(entry.getValue().getKeyNode(), "unknown key " + qualified(entry.getKey())
                        + " (known keys" + (path.isEmpty() ? "" : " in " + path) + ": " + String.join(", ", read) + ")");
            }
        }
    }

    /** An error about the value under {@code key}, at that value's line (the section's when absent). */
    ConfigException error(String key, String message) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? error(message) : error(tuple.getValueNode(), message);
    }

    /** An error about this section as a whole, for rules that span several keys. */
    ConfigException error(String message) {
        return new ConfigException(source, line, message);
    }

    String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Node value(String key) {
        read.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null || Tag.NULL.equals(tuple.getValueNode().getTag())) {
            return null;
        }
        return tuple.getValueNode();
    }

    private ScalarNode scalar(String key, String expected) throws ConfigException {
        Node value = value(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar)) {
            throw error(value, qualified(key) + " must be " + expected + ", was a " + kind(value));
        }
        return scalar;
    }

    private ConfigException error(Node node, String message) {
        return new ConfigException(source, lineOf(node), message);
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String kind(Node node) {
        return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "value";
    }

    private static String quote(String value) {
        return "'" + value + "'";
    }

    private static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long amount;
            try {
                amount = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return null;
            }
            try {
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } catch (ArithmeticException e) {
                // More minutes, hours or days than a Duration holds: above every bound, and said so.
                return Duration.ofSeconds(Long.MAX_VALUE);
            }
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A bound as the file's comments write it: {@code 0s}, {@code 100ms}, {@code 24h}, {@code 366d}. */
    private static String format(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s == 0) {
            return "0s";
        }
        if (s % 86400 == 0 && s > 86400) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
