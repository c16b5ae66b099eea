package dev.feedwright.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a run that ended well reports.
 *
 * @param summary one line for people, such as the export's summary without its duration
 * @param counts  the same numbers for machines, in a stable order (files read, feeds written, ...)
 */
public record RunResult(String summary, Map<String, Long> counts) {

    public RunResult {
        Objects.requireNonNull(summary, "summary");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
