package dev.feedwright.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code feedwright.yaml} into a validated {@link FeedwrightConfig}. Every key is optional
 * and falls back to its default; an unknown key, a wrong type or a value out of range is a
 * {@link ConfigException} naming the file, line, key and rule.
 */
public final class ConfigLoader {

    /** A tag ({@code <b>}, {@code </b>}, {@code <br/>}) or a character reference ({@code &amp;}, {@code &#38;}). */
    private static final Pattern MARKUP =
            Pattern.compile("</?[A-Za-z][^<>]*>|&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);");

    /** Where the configuration is looked for when none is named. */
    public static final Path DEFAULT_PATH = Path.of("config", "feedwright.yaml");

    private static final int MAX_CONFIG_CODE_POINTS = 1024 * 1024;

    private ConfigLoader() {
    }

    /**
     * Loads the named file, or the default file when {@code file} is null; with no file named and
     * no default file present, every setting takes its default.
     */
    public static FeedwrightConfig load(Path file) throws ConfigException {
        return load(file, CronCheck.NONE);
    }

    /**
     * The same, checking the {@code schedule} section's cron expressions with {@code cron}: a bad
     * one is reported with the file and line it was written on.
     */
    public static FeedwrightConfig load(Path file, CronCheck cron) throws ConfigException {
        if (file == null) {
            return Files.exists(DEFAULT_PATH) ? read(DEFAULT_PATH, cron) : FeedwrightConfig.defaults();
        }
        return read(file, cron);
    }

    /** Reads and validates one configuration file. */
    public static FeedwrightConfig read(Path file) throws ConfigException {
        return read(file, CronCheck.NONE);
    }

    /** Reads and validates one configuration file, checking its cron expressions with {@code cron}. */
    public static FeedwrightConfig read(Path file, CronCheck cron) throws ConfigException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(source, 0, "is a folder, not a configuration file");
        }
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new SafeYaml(MAX_CONFIG_CODE_POINTS).compose(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, 0, "no such file");
        } catch (IOException e) {
            throw new ConfigException(source, "cannot be read", e);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(source, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            // SnakeYAML hands on the reader's failures as its own.
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ConfigException(source, 0, "is not UTF-8 text");
            }
            throw new ConfigException(source, 0, "not valid YAML: " + e.getMessage());
        }
        return bind(ConfigNode.root(source, root), cron);
    }

    private static FeedwrightConfig bind(ConfigNode root, CronCheck cron) throws ConfigException {
        FeedwrightConfig d = FeedwrightConfig.defaults();
        FeedwrightConfig config = new FeedwrightConfig(
                site(root.section("site"), d.site()),
                corpus(root.section("corpus"), d.corpus()),
                output(root.section("output"), d.output()),
                feeds(root.section("feeds"), d.feeds()),
                export(root.section("export"), d.export()),
                serve(root.section("serve"), d.serve()),
                liveness(root.section("liveness"), d.liveness()),
                state(root.section("state"), d.state()),
                schedule(root.section("schedule"), d.schedule(), cron),
                logging(root.section("logging")));
        root.finish();
        return config;
    }

    private static SiteConfig site(ConfigNode n, SiteConfig d) throws ConfigException {
        String language = n.string("language", d.language());
        if (!SiteConfig.isLanguageTag(language)) {
            throw n.error("language", n.qualified("language") + " must be a language tag such as en or pt-BR, was '"
                    + language + "'");
        }
        SiteConfig site = new SiteConfig(
                plainText(n, "title", d.title()),
                plainText(n, "description", d.description()),
                n.folderUrl("baseUrl", d.baseUrl()),
                language);
        n.finish();
        if (site.title().isBlank()) {
            throw n.error("title", n.qualified("title") + " must not be empty");
        }
        return site;
    }

    /**
     * A text that feeds carry as plain text, escaped for each format. Markup or a character
     * reference in it would show as written, and the W3C validator warns about either in a title
     * or description (ContainsHTML).
     */
    private static String plainText(ConfigNode n, String key, String fallback) throws ConfigException {
        // Stripped: a folded scalar (description: >) ends with a line break.
        String text = n.string(key, fallback).strip();
        Matcher markup = MARKUP.matcher(text);
        if (markup.find()) {
            throw n.error(key, n.qualified(key) + " must be plain text, without markup or character references"
                    + " (Feedwright escapes it where it is written), found '" + markup.group() + "'");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT && c != '\u200C' && c != '\u200D'
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                throw n.error(key, n.qualified(key) + " must be one line of plain text, without line breaks, tabs,"
                        + " control or invisible characters, found " + String.format(Locale.ROOT, "U+%04X", (int) c)
                        + " at character " + (i + 1));
            }
        }
        return text;
    }

    private static CorpusConfig corpus(ConfigNode n, CorpusConfig d) throws ConfigException {
        CorpusConfig corpus = new CorpusConfig(
                n.path("dir", d.dir()),
                n.string("include", d.include()),
                n.integer("maxFileBytes", d.maxFileBytes(), 1024, Integer.MAX_VALUE),
                n.integer("maxRelated", d.maxRelated(), 0, 1_000_000));
        n.finish();
        try {
            java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + corpus.include());
        } catch (java.util.regex.PatternSyntaxException e) {
            // Its message runs over three lines (the pattern and a ^ under the place); one is enough.
            throw n.error("include", n.qualified("include") + " must be a valid glob, was '" + corpus.include() + "': "
                    + e.getDescription() + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
        } catch (IllegalArgumentException e) {
            throw n.error("include", n.qualified("include") + " must be a valid glob, was '" + corpus.include() + "': "
                    + e.getMessage());
        }
        return corpus;
    }

    private static OutputConfig output(ConfigNode n, OutputConfig d) throws ConfigException {
        OutputConfig output = new OutputConfig(
                n.path("dir", d.dir()),
                n.duration("lockWait", d.lockWait(), Duration.ZERO, Duration.ofHours(24)),
                n.bool("fsync", d.fsync()));
        n.finish();
        return output;
    }

    private static FeedsConfig feeds(ConfigNode n, FeedsConfig d) throws ConfigException {
        FeedsConfig feeds = new FeedsConfig(
                n.integer("limit", d.limit(), 1, FeedsConfig.MAX_LIMIT),
                n.integer("relatedLinks", d.relatedLinks(), 0, 1000),
                n.duration("refresh", d.refresh(), FeedsConfig.MIN_REFRESH, FeedsConfig.MAX_REFRESH),
                n.patterns("skipImages", d.skipImages()));
        n.finish();
        return feeds;
    }

    private static StateConfig state(ConfigNode n, StateConfig d) throws ConfigException {
        StateConfig state = new StateConfig(n.path("dir", d.dir()));
        n.finish();
        return state;
    }

    private static ScheduleConfig schedule(ConfigNode n, ScheduleConfig d, CronCheck cron) throws ConfigException {
        ZoneId zone = zone(n, "timeZone", d.timeZone());
        ScheduleConfig schedule = new ScheduleConfig(
                cron(n, "export", d.export(), cron, zone),
                cron(n, "checkLinks", d.checkLinks(), cron, zone),
                zone,
                n.bool("runOnStart", d.runOnStart()),
                n.bool("watch", d.watch()),
                n.duration("quietPeriod", d.quietPeriod(), ScheduleConfig.MIN_QUIET_PERIOD,
                        ScheduleConfig.MAX_QUIET_PERIOD),
                n.duration("shutdownTimeout", d.shutdownTimeout(), Duration.ZERO, ScheduleConfig.MAX_SHUTDOWN_TIMEOUT));
        n.finish();
        return schedule;
    }

    private static String cron(ConfigNode n, String key, String fallback, CronCheck cron, ZoneId zone)
            throws ConfigException {
        String expression = n.string(key, fallback).strip();
        Optional<String> problem = cron.problem(expression, zone);
        if (problem.isPresent()) {
            throw n.error(key, n.qualified(key) + " '" + expression + "' is not a cron expression: " + problem.get());
        }
        return expression;
    }

    private static ZoneId zone(ConfigNode n, String key, ZoneId fallback) throws ConfigException {
        String name = n.string(key, fallback.getId()).strip();
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw n.error(key, n.qualified(key) + " must be a time zone such as UTC, Europe/Berlin or +02:00, was '"
                    + name + "'");
        }
    }

    private static LoggingConfig logging(ConfigNode n) throws ConfigException {
        String file = n.string("file", "").strip();
        LoggingConfig logging;
        try {
            logging = new LoggingConfig(file.isEmpty() ? null : Path.of(file));
        } catch (InvalidPathException e) {
            throw n.error("file", n.qualified("file") + " must be a valid path, was '" + file + "'");
        }
        n.finish();
        return logging;
    }

    private static LivenessConfig liveness(ConfigNode n, LivenessConfig d) throws ConfigException {
        Duration ms = Duration.ofMillis(1);
        Duration hour = Duration.ofHours(1);
        Duration week = Duration.ofDays(7);
        Duration year = Duration.ofDays(366);
        LivenessConfig.Builder b = d.toBuilder()
                .enabled(n.bool("enabled", d.enabled()))
                .connectTimeout(n.duration("connectTimeout", d.connectTimeout(), ms, hour))
                .readTimeout(n.duration("readTimeout", d.readTimeout(), ms, hour))
                .callTimeout(n.duration("callTimeout", d.callTimeout(), ms, hour))
                .retries(n.integer("retries", d.retries(), 0, 10))
                .retryBackoff(n.duration("retryBackoff", d.retryBackoff(), Duration.ZERO, hour))
                .retryAfterCap(n.duration("retryAfterCap", d.retryAfterCap(), Duration.ZERO, hour))
                .concurrency(n.integer("concurrency", d.concurrency(), 1, 1024))
                .perHost(n.integer("perHost", d.perHost(), 1, 1024))
                .hostInterval(n.duration("hostInterval", d.hostInterval(), Duration.ZERO, hour))
                .maxRedirects(n.integer("maxRedirects", d.maxRedirects(), 0, 50))
                .headFirst(n.bool("headFirst", d.headFirst()))
                .maxBodyBytes(n.integer("maxBodyBytes", d.maxBodyBytes(), 0, 1024 * 1024))
                .confirmAfter(n.duration("confirmAfter", d.confirmAfter(), Duration.ZERO, year))
                .cacheAlive(n.duration("cacheAlive", d.cacheAlive(), Duration.ZERO, year))
                .cacheUnknown(n.duration("cacheUnknown", d.cacheUnknown(), Duration.ZERO, year))
                .cacheDead(n.duration("cacheDead", d.cacheDead(), Duration.ZERO, year))
                .networkDownSample(n.integer("networkDownSample", d.networkDownSample(), 1, 100_000))
                .networkDownPercent(n.integer("networkDownPercent", d.networkDownPercent(), 0, 100))
                .hostGiveUp(n.integer("hostGiveUp", d.hostGiveUp(), 0, 10_000))
                .exclude(n.patterns("exclude", d.exclude()))
                .allowPrivateAddresses(n.bool("allowPrivateAddresses", d.allowPrivateAddresses()))
                .contactUrl(n.optionalUrl("contactUrl", d.contactUrl()))
                .progressInterval(n.duration("progressInterval", d.progressInterval(), Duration.ofSeconds(1), week))
                .forgetAfter(n.duration("forgetAfter", d.forgetAfter(), Duration.ofDays(1), Duration.ofDays(3660)));
        n.finish();
        return b.build();
    }

    private static ExportConfig export(ConfigNode n, ExportConfig d) throws ConfigException {
        ExportConfig export = new ExportConfig(n.integer("threads", d.threads(), 0, 256));
        n.finish();
        return export;
    }

    private static ServeConfig serve(ConfigNode n, ServeConfig d) throws ConfigException {
        String bind = n.string("bind", d.bind()).strip();
        if (!ServeConfig.isBindAddress(bind)) {
            throw n.error("bind", n.qualified("bind") + " must be an IP address or a host name such as 127.0.0.1,"
                    + " 0.0.0.0, ::1 or localhost, was '" + bind + "'");
        }
        ServeConfig serve = new ServeConfig(bind, n.integer("port", d.port(), 1, ServeConfig.MAX_PORT));
        n.finish();
        return serve;
    }
}
