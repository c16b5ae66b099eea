package dev.feedwright.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "config");

    @TempDir
    Path temp;

    private Path write(String yaml) throws IOException {
        return Files.writeString(temp.resolve("feedwright.yaml"), yaml);
    }

    @Test
    void theShippedFileStatesTheDefaults() throws ConfigException {
        Path shipped = Path.of("config", "feedwright.yaml");
        assertThat(shipped).isRegularFile();

        assertThat(ConfigLoader.read(shipped)).isEqualTo(FeedwrightConfig.defaults());
        assertThat(ConfigLoader.DEFAULT_PATH).isEqualTo(shipped);
        assertThat(ConfigLoader.load(null)).isEqualTo(FeedwrightConfig.defaults());
    }

    @Test
    void theDefaultsAreTheDocumentedValues() {
        FeedwrightConfig d = FeedwrightConfig.defaults();

        assertThat(d.site().title()).isEqualTo("Feedwright");
        assertThat(d.site().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
        assertThat(d.corpus().dir()).isEqualTo(Path.of("seeds"));
        assertThat(d.corpus().include()).isEqualTo("**/*.{md,txt}");
        assertThat(d.corpus().maxFileBytes()).isEqualTo(8_388_608);
        assertThat(d.corpus().maxRelated()).isEqualTo(1000);
        assertThat(d.output().dir()).isEqualTo(Path.of("feeds"));
        assertThat(d.output().lockWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.feeds().limit()).isEqualTo(50);
        assertThat(d.feeds().relatedLinks()).isEqualTo(10);
        assertThat(d.feeds().skipImages()).hasSize(4).first().asString().contains("supported_browsers");
        assertThat(d.export().threads()).isZero();
        assertThat(d.serve().bind()).isEqualTo("127.0.0.1");
        assertThat(d.serve().port()).isEqualTo(8080);
        assertThat(d.state().dir()).isEqualTo(Path.of("state"));
        LivenessConfig l = d.liveness();
        assertThat(l.enabled()).isFalse();
        assertThat(List.of(l.connectTimeout(), l.readTimeout(), l.callTimeout()))
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(l.retries()).isEqualTo(2);
        assertThat(l.retryAfterCap()).isEqualTo(Duration.ofSeconds(60));
        assertThat(l.concurrency()).isEqualTo(64);
        assertThat(l.perHost()).isEqualTo(4);
        assertThat(l.hostInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(l.maxRedirects()).isEqualTo(10);
        assertThat(l.headFirst()).isTrue();
        assertThat(l.confirmAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(l.cacheAlive()).isEqualTo(Duration.ofDays(1));
        assertThat(l.cacheUnknown()).isEqualTo(Duration.ofHours(6));
        assertThat(l.networkDownSample()).isEqualTo(50);
        assertThat(l.networkDownPercent()).isEqualTo(50);
        assertThat(l.hostGiveUp()).isEqualTo(3);
        assertThat(l.exclude()).isEmpty();
        assertThat(l.allowPrivateAddresses()).isFalse();
        assertThat(l.contactUrl()).isNull();
        ScheduleConfig s = d.schedule();
        assertThat(s.export()).isEqualTo("*/15 * * * *");
        assertThat(s.checkLinks()).isEqualTo("0 */6 * * *");
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(s.runOnStart()).isTrue();
        assertThat(s.watch()).isTrue();
        assertThat(s.quietPeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.logging().file()).isNull();
    }

    @Test
    void anEmptyFileGivesTheDefaults() throws Exception {
        assertThat(ConfigLoader.read(write(""))).isEqualTo(FeedwrightConfig.defaults());
        assertThat(ConfigLoader.read(write("# only a comment\n\n"))).isEqualTo(FeedwrightConfig.defaults());
        assertThat(ConfigLoader.read(write("feeds:\nsite:\n  title:\n"))).isEqualTo(FeedwrightConfig.defaults());
    }

    @Test
    void readsEverySettingIntoItsOwnField() throws ConfigException {
        FeedwrightConfig config = ConfigLoader.load(FIXTURES.resolve("everything-set.yaml"));

        assertThat(config.site()).isEqualTo(new SiteConfig("Test Wire", "Every test story.",
                URI.create("https://feeds.example.org/news/"), "de-CH"));
        assertThat(config.corpus()).isEqualTo(new CorpusConfig(Path.of("articles"), "**/*.md", 4096, 7));
        assertThat(config.output()).isEqualTo(new OutputConfig(Path.of("public/feeds"), Duration.ofMillis(500), true));
        assertThat(config.feeds()).isEqualTo(new FeedsConfig(1000, 0, Duration.ofHours(1), List.of("/placeholder\\.png$")));
        assertThat(config.export()).isEqualTo(new ExportConfig(3));
        assertThat(config.serve()).isEqualTo(new ServeConfig("0.0.0.0", 9090));
        assertThat(config.state()).isEqualTo(new StateConfig(Path.of("var/state")));
        assertThat(config.schedule()).isEqualTo(new ScheduleConfig("0 0/5 * * * ?", "@daily",
                ZoneId.of("Europe/Berlin"), false, false, Duration.ofMillis(250), Duration.ofSeconds(90)));
        assertThat(config.logging()).isEqualTo(new LoggingConfig(Path.of("var/log/feedwright.log")));
        assertThat(config.liveness()).isEqualTo(LivenessConfig.builder()
                .enabled(true)
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(3))
                .retries(5)
                .retryBackoff(Duration.ofMillis(250))
                .retryAfterCap(Duration.ofSeconds(30))
                .concurrency(8)
                .perHost(2)
                .hostInterval(Duration.ofSeconds(1))
                .maxRedirects(3)
                .headFirst(false)
                .maxBodyBytes(1024)
                .confirmAfter(Duration.ofHours(48))
                .cacheAlive(Duration.ofDays(2))
                .cacheUnknown(Duration.ofHours(1))
                .cacheDead(Duration.ofDays(30))
                .networkDownSample(20)
                .networkDownPercent(80)
                .hostGiveUp(7)
                .exclude(List.of("^https://paywalled\\.example/", "\\.pdf$"))
                .allowPrivateAddresses(true)
                .contactUrl(URI.create("https://wire.example.org/about"))
                .progressInterval(Duration.ofSeconds(30))
                .forgetAfter(Duration.ofDays(90))
                .build());
    }

    @Test
    void keepsUnsetSettingsAtTheirDefaults() throws Exception {
        FeedwrightConfig config = ConfigLoader.read(write("feeds:\n  limit: 7\n"));

        assertThat(config).isEqualTo(new FeedwrightConfig(FeedwrightConfig.defaults().site(),
                FeedwrightConfig.defaults().corpus(), FeedwrightConfig.defaults().output(), new FeedsConfig(7, 10, Duration.ofMinutes(15)),
                FeedwrightConfig.defaults().export(), FeedwrightConfig.defaults().serve(),
                FeedwrightConfig.defaults().liveness(), FeedwrightConfig.defaults().state(),
                FeedwrightConfig.defaults().schedule(), FeedwrightConfig.defaults().logging()));
    }

    /** The ranges the shipped file's comments promise: the edge is accepted, one step beyond is not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "feeds        | limit        | 1       | 0",
        "feeds        | limit        | 10000   | 10001",
        "feeds        | relatedLinks | 0       | -1",
        "feeds        | relatedLinks | 1000    | 1001",
        "corpus       | maxFileBytes | 1024    | 1023",
        "corpus       | maxRelated   | 0       | -1",
        "corpus       | maxRelated   | 1000000 | 1000001",
        "export       | threads      | 0       | -1",
        "export       | threads      | 256     | 257",
        "output       | lockWait     | 0s      | 25h",
        "output       | lockWait     | 24h     | 86401s",
        "serve        | port         | 1       | 0",
        "serve        | port         | 65535   | 65536",
        "liveness     | retries      | 0       | -1",
        "liveness     | retries      | 10      | 11",
        "liveness     | concurrency  | 1       | 0",
        "liveness     | concurrency  | 1024    | 1025",
        "liveness     | perHost      | 1       | 0",
        "liveness     | maxRedirects | 50      | 51",
        "liveness     | networkDownPercent | 100 | 101",
        "liveness     | networkDownSample  | 1   | 0",
        "liveness     | hostGiveUp   | 0       | -1",
        "liveness     | hostGiveUp   | 10000   | 10001",
        "liveness     | callTimeout  | 1ms     | 0s",
        "liveness     | retryAfterCap | 1h     | 61m",
        "liveness     | progressInterval | 1s  | 999ms",
        "liveness     | forgetAfter  | 1d      | 23h",
        "liveness     | forgetAfter  | 3660d   | 3661d",
        "schedule     | quietPeriod  | 100ms   | 99ms",
        "schedule     | quietPeriod  | 1h      | 61m",
        "schedule     | shutdownTimeout | 0s   | 61m",
        "schedule     | shutdownTimeout | 1h   | 3601s",
    })
    void acceptsTheDocumentedRangeAndNothingBeyond(String section, String key, String edge, String beyond)
            throws Exception {
        ConfigLoader.read(write(section + ":\n  " + key + ": " + edge + "\n"));

        Path bad = write(section + ":\n  " + key + ": " + beyond + "\n");
        assertThatThrownBy(() -> ConfigLoader.read(bad)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(bad + ":2: " + section + "." + key + " must be between ");
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "30 s, PT30S", "15m, PT15M", "24h, PT24H", "PT2M, PT2M", "1d, PT24H"})
    void readsDurationsWithAUnit(String text, String expected) throws Exception {
        assertThat(ConfigLoader.read(write("output:\n  lockWait: " + text + "\n")).output().lockWait())
                .isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1", "0.0.0.0", "localhost", "feeds.example.org", "'::1'", "'::'", "'fe80::1%eth0'"})
    void acceptsAnIpAddressOrHostNameToBindTo(String bind) throws Exception {
        assertThat(ConfigLoader.read(write("serve:\n  bind: \"" + bind + "\"\n")).serve().bind()).isEqualTo(bind);
    }

    @Test
    void checksEveryCronExpressionWithTheCheckItIsGiven() throws Exception {
        List<String> checked = new ArrayList<>();
        CronCheck recording = (expression, zone) -> {
            checked.add(expression);
            return Optional.empty();
        };
        Path file = write("schedule:\n  export: \" 0 * * * * \"\n");

        ScheduleConfig schedule = ConfigLoader.read(file, recording).schedule();

        assertThat(schedule.export()).isEqualTo("0 * * * *");
        assertThat(checked).containsExactly("0 * * * *", "0 */6 * * *");
    }

    @Test
    void reportsABadCronExpressionAtItsLineWithWhatTheCheckSays() throws Exception {
        Path file = write("# comment\nschedule:\n  timeZone: UTC\n  export: \"*/15 * * *\"\n");
        CronCheck fourFields = (expression, zone) -> expression.split(" ").length == 4 ? Optional.of("it has 4 fields")
                : Optional.empty();

        assertThatThrownBy(() -> ConfigLoader.load(file, fourFields)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":4: schedule.export '*/15 * * *' is not a cron expression: it has 4 fields");
        assertThat(ConfigLoader.load(file).schedule().export()).isEqualTo("*/15 * * *");
    }

    /** Found by a review: a folded description ends with a line break, which the one-line rule refused. */
    @Test
    void readsAFoldedDescriptionAsOneLine() throws Exception {
        assertThat(ConfigLoader.read(write("site:\n  description: >\n    News about\n    AI.\n")).site().description())
                .isEqualTo("News about AI.");
    }

    @ParameterizedTest
    @CsvSource({"UTC, UTC", "Europe/Berlin, Europe/Berlin", "'+02:00', '+02:00'", "Z, Z"})
    void readsATimeZone(String text, String expected) throws Exception {
        assertThat(ConfigLoader.read(write("schedule:\n  timeZone: \"" + text + "\"\n")).schedule().timeZone())
                .isEqualTo(ZoneId.of(expected));
    }

    @ParameterizedTest
    @CsvSource({"'file:\n', ''", "'file: \"\"\n', ''", "'file: logs/fw.log\n', logs/fw.log"})
    void anEmptyLogFileMeansStandardOutputOnly(String yaml, String expected) throws Exception {
        Path file = ConfigLoader.read(write("logging:\n  " + yaml)).logging().file();

        assertThat(file).isEqualTo(expected.isEmpty() ? null : Path.of(expected));
    }

    /** Regression: an empty contactUrl, which the README says means the project's home page, was refused. */
    @ParameterizedTest
    @CsvSource({"'contactUrl:\n'", "'contactUrl: \"\"\n'", "'contactUrl: \"  \"\n'"})
    void anEmptyContactUrlMeansTheProjectsHomePage(String yaml) throws Exception {
        assertThat(ConfigLoader.read(write("liveness:\n  " + yaml)).liveness().contactUrl()).isNull();
    }

    @Test
    void addsTheTrailingSlashABaseUrlNeeds() throws Exception {
        assertThat(ConfigLoader.read(write("site:\n  baseUrl: https://example.org/feeds\n")).site().baseUrl())
                .isEqualTo(URI.create("https://example.org/feeds/"));
    }
}
