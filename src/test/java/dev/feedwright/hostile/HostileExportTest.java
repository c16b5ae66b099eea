package dev.feedwright.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.CorpusConfig;
import dev.feedwright.config.FeedsConfig;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.corpus.CorpusScanner;
import dev.feedwright.corpus.Problem;
import dev.feedwright.corpus.ReadResult;
import dev.feedwright.corpus.StoryReader;
import dev.feedwright.hostile.HostileCorpus.Case;
import dev.feedwright.hostile.HostileCorpus.Outcome;
import dev.feedwright.pipeline.ExportRun;
import dev.feedwright.pipeline.RunReport;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a corpus of hundreds of hostile files mixed with good ones ({@link HostileCorpus}) in
 * process, and checks every promise of the Safety section: the run finishes, every good story is
 * in the feeds, every bad file is reported once with its reason, no file takes long to read, every
 * output parses and carries nothing that can run script, nothing is written outside the output
 * folder, and no log line can be forged. The feeds' W3C rules run over the same corpus in
 * {@code publish.validity} ({@code Exports.Corpus.GENERATED}); memory is checked with a heap cap
 * in {@link HostileCliTest}.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class HostileExportTest {

    static final long SEED = 20_260_101L;
    static final int GOOD_FILES = 300;
    /** No file may take longer than this to read; the slowest take well under a second. */
    private static final Duration MAX_READ = Duration.ofSeconds(3);
    private static final Pattern LOG_LINE_START = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");

    @TempDir
    static Path temp;

    private static Path corpus;
    private static Path out;
    private static List<Case> cases;
    private static RunReport report;
    private static List<ILoggingEvent> events;

    @BeforeAll
    static void exportTheHostileCorpus() throws IOException {
        corpus = temp.resolve("corpus");
        out = temp.resolve("out");
        cases = HostileCorpus.write(corpus, SEED, GOOD_FILES, true);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            report = assertTimeoutPreemptively(Duration.ofMinutes(2),
                    () -> new ExportRun(config(corpus, out), BuildInfo.load(), Clock.systemUTC()).run());
        } finally {
            root.detachAppender(appender);
        }
        events = List.copyOf(appender.list);
        System.out.printf("hostile corpus: %d files (%d kinds of bad input, %d good files); %s%n", cases.size(),
                kinds().size(), GOOD_FILES, report.summary());
    }

    /** The defaults, with room for every story in every feed. */
    static FeedwrightConfig config(Path corpus, Path out) {
        FeedsConfig feeds = FeedwrightConfig.defaults().feeds();
        return FeedwrightConfig.defaults().withCorpusDir(corpus).withOutputDir(out)
                .withStateDir(out.resolveSibling(out.getFileName() + "-state"))
                .withFeeds(new FeedsConfig(FeedsConfig.MAX_LIMIT, feeds.relatedLinks(), feeds.refresh()));
    }

    private static Set<String> kinds() {
        return cases.stream().filter(c -> !c.kind().equals("good")).map(Case::kind).collect(Collectors.toSet());
    }

    private static List<Case> with(Outcome outcome) {
        return cases.stream().filter(c -> c.outcome() == outcome).toList();
    }

    @Test
    void theCorpusHoldsHundredsOfFilesOfEveryKind() {
        assertThat(cases).hasSizeGreaterThan(500);
        assertThat(kinds()).hasSizeGreaterThan(30);
        assertThat(with(Outcome.SKIPPED)).hasSizeGreaterThan(100);
        assertThat(with(Outcome.KEPT)).hasSizeGreaterThan(GOOD_FILES + 50);
    }

    @Test
    void everyGoodAndRepairedStoryIsInTheFeedsAndNothingHeldBackIs() {
        Set<String> links = new HashSet<>();
        for (JsonNode item : JsonMapper.builder().build().readTree(Feeds.utf8(out.resolve("all.json")))
                .path("items")) {
            links.add(item.path("url").asString());
        }

        assertThat(links).containsAll(with(Outcome.KEPT).stream().map(Case::expect).toList());
        assertThat(links).doesNotContainAnyElementsOf(with(Outcome.HELD_BACK).stream().map(Case::expect).toList());
        assertThat(report.stories()).isEqualTo(with(Outcome.KEPT).size() + with(Outcome.HELD_BACK).size());
    }

    @Test
    void everyBadFileIsSkippedOnceWithItsReason() {
        Map<String, List<Problem>> skipped = new TreeMap<>();
        report.skipped().forEach(p -> skipped.computeIfAbsent(p.source(), s -> new ArrayList<>()).add(p));

        assertThat(skipped.keySet()).containsExactlyInAnyOrderElementsOf(
                with(Outcome.SKIPPED).stream().map(Case::source).toList());
        for (Case c : with(Outcome.SKIPPED)) {
            assertThat(skipped.get(c.source())).as(c.source()).singleElement().satisfies(problem -> assertThat(
                    problem.message()).as("%s (%s)", c.source(), c.kind()).contains(c.expect())
                    .doesNotStartWith("cannot be read"));
        }
        assertThat(report.filesSkipped()).isEqualTo(with(Outcome.SKIPPED).size());
        assertThat(report.filesRead()).as("files that are not articles are not read")
                .isEqualTo(cases.size() - with(Outcome.NOT_READ).size());
    }

    @Test
    void everyFileIsLoggedAtMostOnceAndEverySkippedOneExactlyOnce() {
        for (Case c : cases) {
            List<String> lines = events.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.startsWith("skipped " + c.source() + ":") || m.startsWith(c.source() + ":"))
                    .toList();
            switch (c.outcome()) {
                case SKIPPED -> assertThat(lines).as(c.source()).singleElement()
                        .satisfies(line -> assertThat(line).startsWith("skipped ").contains(c.expect()));
                case KEPT, HELD_BACK -> assertThat(lines).as(c.source()).hasSizeLessThanOrEqualTo(1)
                        .noneMatch(line -> line.startsWith("skipped "));
                case NOT_READ -> assertThat(lines).as(c.source()).isEmpty();
            }
        }
    }

    @Test
    void noFileTakesLongToRead() throws IOException {
        StoryReader reader = new StoryReader(config(corpus, out).corpus());
        List<Path> files = new ArrayList<>();
        new CorpusScanner(corpus, CorpusConfig.DEFAULT_INCLUDE).scan(files::add);
        long slowest = 0;
        String slowestFile = null;
        for (Path file : files) {
            long start = System.nanoTime();
            ReadResult result = assertTimeoutPreemptively(MAX_READ.multipliedBy(3), () -> reader.read(corpus, file));
            long took = System.nanoTime() - start;
            if (took > slowest) {
                slowest = took;
                slowestFile = result.source();
            }
        }
        System.out.printf("hostile corpus: slowest file to read: %s, %.0f ms%n", slowestFile, slowest / 1e6);
        assertThat(files).hasSize(cases.size() - with(Outcome.NOT_READ).size());
        assertThat(Duration.ofNanos(slowest)).as("slowest read: %s", slowestFile).isLessThan(MAX_READ);
    }

    @Test
    void everyOutputParsesAndNothingThatCanRunScriptReachesIt() throws IOException {
        Path clean = temp.resolve("clean");
        new ExportRun(config(Feeds.seeds(), clean), BuildInfo.load(), Clock.systemUTC()).run();
        List<String> files = outputFiles();

        OutputScan scan = new OutputScan(clean.resolve("index.html")).scan(out, files);

        assertThat(scan.problems()).isEmpty();
        assertThat(scan.valuesChecked()).isGreaterThan(10_000);
        assertThat(files).contains("all.xml", "all.atom", "all.json", "index.html", "feeds.opml");
        assertThat(files.stream().filter(f -> f.startsWith("topics/")).count()).isGreaterThan(100);
    }

    @Test
    void nothingIsWrittenOutsideTheOutputFolder() {
        // Besides the database and the export's lock file, a state folder may hold SQLite's native
        // library (and its lock file), copied there by the first state database this JVM opens
        // (StateDb): one of these when this class runs first or alone.
        assertThat(Feeds.files(temp).stream().filter(f -> !f.startsWith("corpus/") && !f.startsWith("out/")
                && !f.startsWith("clean/")
                && !f.matches("(out|clean)-state/(feedwright\\.db.*|export\\.lock|sqlite-[^/]*-libsqlitejdbc\\.so(\\.lck)?)")))
                .isEmpty();
        assertThat(Path.of("/tmp/feedwright-pwned")).doesNotExist();
        assertThat(outputFiles()).allMatch(f -> f.matches("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)?"),
                "a safe relative path").noneMatch(f -> f.contains(".."));
    }

    @Test
    void noLogLineCanBeForgedByTheCorpus() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT");
        StringBuilder rendered = new StringBuilder();
        for (ILoggingEvent event : events) {
            rendered.append(new String(console.getEncoder().encode(event), StandardCharsets.UTF_8));
        }
        String log = rendered.toString();

        assertThat(events.stream().map(ILoggingEvent::getFormattedMessage))
                .as("the corpus's forged lines did reach the log messages").anyMatch(m -> m.contains(
                        HostileCorpus.FORGED_LOG_LINE));
        // What a terminal, journald, a log shipper or Python's splitlines() may take for a line end.
        List<String> lines = List.of(log.split("\r\n|[\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029]"));
        assertThat(lines).hasSize(events.size()).allMatch(line -> LOG_LINE_START.matcher(line).find());
        assertThat(log).as("no terminal escape").doesNotContain("\u001b").doesNotContain("\u009b");
    }

    private static List<String> outputFiles() {
        return Feeds.files(out).stream().filter(f -> !f.startsWith(".")).toList();
    }
}
