package dev.feedwright.corpus;

import java.util.List;

/**
 * A value of a file's front matter: text, a list or a mapping, with the 1-based file line it
 * starts on. Built by {@link FrontMatterYaml} from SnakeYAML's events; nothing in it was ever
 * typed or instantiated from the input, so it carries no more than the text the file holds.
 */
sealed interface YamlValue {

    /** The 1-based line of the file the value starts on. */
    int line();

    /**
     * A scalar: its text as written, with no type resolved.
     *
     * @param isNull true for a plain {@code ~}, {@code null} or nothing at all ({@code - })
     */
    record Scalar(String text, boolean isNull, int line) implements YamlValue {
    }

    /** A list. */
    record Sequence(List<YamlValue> items, int line) implements YamlValue {
    }

    /**
     * A mapping without duplicate keys. Only the values of the text keys the mapper reads are
     * kept; other text keys were checked for duplicates and dropped, and a key that is a list or
     * a mapping was dropped with its value.
     */
    final class Mapping implements YamlValue {
        private final YamlValue[] values;
        private final int line;

        /** @param values indexed by {@link FrontMatterKey#ordinal()}; null where a key is absent */
        Mapping(YamlValue[] values, int line) {
            this.values = values;
            this.line = line;
        }

        /** The value of {@code key}, or null when the mapping does not have it. */
        YamlValue get(FrontMatterKey key) {
            return values[key.ordinal()];
        }

        @Override
        public int line() {
            return line;
        }
    }

    /** What the value is, for messages: "text", "list" or "mapping". */
    static String kind(YamlValue value) {
        return value instanceof Mapping ? "mapping" : value instanceof Sequence ? "list" : "text";
    }
}
