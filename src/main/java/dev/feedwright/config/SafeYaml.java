package dev.feedwright.config;

import java.io.Reader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * SnakeYAML set up for untrusted input: a safe constructor, no global (Java type) tags, bounded
 * aliases, nesting and size. Documents are read as node trees, so nothing is ever instantiated
 * from the input and scalars keep their text.
 *
 * <p>A {@link Yaml} instance is not thread-safe, so this makes a new one per document; that is
 * cheap next to parsing.
 */
public final class SafeYaml {

    /** Aliases to collections allowed in one document (a billion-laughs document needs thousands). */
    public static final int MAX_COLLECTION_ALIASES = 20;
    /** Nesting depth allowed in one document; the article format needs five. */
    public static final int MAX_NESTING_DEPTH = 32;

    private final int maxCodePoints;

    /** @param maxCodePoints the largest document accepted, in code points */
    public SafeYaml(int maxCodePoints) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be positive, was " + maxCodePoints);
        }
        this.maxCodePoints = maxCodePoints;
    }

    /**
     * Reads one YAML document as a node tree.
     *
     * @return the root node, or null for an empty document
     * @throws org.yaml.snakeyaml.error.YAMLException for malformed YAML or a limit that was exceeded
     */
    public Node compose(Reader reader) {
        return newYaml().compose(reader);
    }

    private Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(maxCodePoints);
        options.setProcessComments(false);
        options.setTagInspector(tag -> false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options);
    }
}
