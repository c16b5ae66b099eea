package dev.feedwright.config;

/**
 * How an export uses the machine.
 *
 * @param threads worker threads for reading files and rendering feeds; 0 means one per core
 */
public record ExportConfig(int threads) {

    public ExportConfig {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, was " + threads);
        }
    }

    static ExportConfig defaults() {
        return new ExportConfig(0);
    }

    /** The number of threads to use on this machine. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
