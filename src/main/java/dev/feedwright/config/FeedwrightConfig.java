package dev.feedwright.config;

import java.nio.file.Path;
import java.util.Objects;

/** The whole configuration, as read from {@code config/feedwright.yaml} and the command line. */
public record FeedwrightConfig(
        SiteConfig site, CorpusConfig corpus, OutputConfig output, FeedsConfig feeds, ExportConfig export,
        ServeConfig serve, LivenessConfig liveness, StateConfig state, ScheduleConfig schedule,
        LoggingConfig logging) {

    public FeedwrightConfig {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(serve, "serve");
        Objects.requireNonNull(liveness, "liveness");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(logging, "logging");
    }

    /** Every setting at its default: what an empty configuration file gives. */
    public static FeedwrightConfig defaults() {
        return new FeedwrightConfig(SiteConfig.defaults(), CorpusConfig.defaults(), OutputConfig.defaults(),
                FeedsConfig.defaults(), ExportConfig.defaults(), ServeConfig.defaults(), LivenessConfig.defaults(),
                StateConfig.defaults(), ScheduleConfig.defaults(), LoggingConfig.defaults());
    }

    public FeedwrightConfig withSite(SiteConfig newSite) {
        return new FeedwrightConfig(newSite, corpus, output, feeds, export, serve, liveness, state, schedule, logging);
    }

    public FeedwrightConfig withFeeds(FeedsConfig newFeeds) {
        return new FeedwrightConfig(site, corpus, output, newFeeds, export, serve, liveness, state, schedule, logging);
    }

    public FeedwrightConfig withCorpusDir(Path dir) {
        return new FeedwrightConfig(site, corpus.withDir(dir), output, feeds, export, serve, liveness, state, schedule,
                logging);
    }

    public FeedwrightConfig withOutputDir(Path dir) {
        return new FeedwrightConfig(site, corpus, output.withDir(dir), feeds, export, serve, liveness, state, schedule,
                logging);
    }

    public FeedwrightConfig withServe(ServeConfig newServe) {
        return new FeedwrightConfig(site, corpus, output, feeds, export, newServe, liveness, state, schedule, logging);
    }

    public FeedwrightConfig withLiveness(LivenessConfig newLiveness) {
        return new FeedwrightConfig(site, corpus, output, feeds, export, serve, newLiveness, state, schedule, logging);
    }

    public FeedwrightConfig withSchedule(ScheduleConfig newSchedule) {
        return new FeedwrightConfig(site, corpus, output, feeds, export, serve, liveness, state, newSchedule,
                logging);
    }

    public FeedwrightConfig withStateDir(Path dir) {
        return new FeedwrightConfig(site, corpus, output, feeds, export, serve, liveness, new StateConfig(dir),
                schedule, logging);
    }
}
