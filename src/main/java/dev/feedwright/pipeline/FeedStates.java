package dev.feedwright.pipeline;

import dev.feedwright.catalog.CorpusNames;
import dev.feedwright.catalog.FeedKind;
import dev.feedwright.catalog.FeedRef;
import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.state.ExportStore;
import dev.feedwright.state.StateStoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Translations between the catalog's feeds and the state store's rows, and the fingerprints that
 * tell whether what the store remembers still holds.
 */
final class FeedStates {

    static final String PARSE = "parseFingerprint";
    static final String RENDER = "renderFingerprint";
    static final String COMPLETE = "complete";
    static final String CUTOFF = "cutoff";

    private FeedStates() {
    }

    static ExportStore.FeedId id(FeedRef ref) {
        return new ExportStore.FeedId(ref.kind().ordinal(), ref.name());
    }

    static FeedRef ref(int kind, String name) {
        return new FeedRef(FeedKind.values()[kind], name);
    }

    /** The names of the whole corpus as the store counts them. */
    static CorpusNames names(ExportStore store) throws StateStoreException {
        CorpusNames names = new CorpusNames();
        store.topics().forEach(names::putTopic);
        for (Map.Entry<String, Map<String, Long>> domain : store.providers().entrySet()) {
            domain.getValue().forEach((name, count) -> names.putProviderName(domain.getKey(), name, count));
        }
        return names;
    }

    /**
     * What decides how a file is read: when it changes, every file is read again. The program's
     * version and code ({@link BuildInfo#code}), the corpus folder and the reading settings.
     */
    static String parseFingerprint(FeedwrightConfig config, BuildInfo build) {
        return digest(build.version(), build.code(), config.corpus().dir().toAbsolutePath().normalize().toString(),
                config.corpus().include(), Integer.toString(config.corpus().maxFileBytes()),
                Integer.toString(config.corpus().maxRelated()));
    }

    /**
     * What decides how feeds are rendered from what was read: when it changes, every feed is
     * rendered again (from the store, without reading the corpus again).
     */
    static String renderFingerprint(FeedwrightConfig config, BuildInfo build, String verdicts) {
        return digest(build.version(), build.code(), config.output().dir().toAbsolutePath().normalize().toString(),
                config.site().toString(), config.feeds().toString(), verdicts);
    }

    private static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
