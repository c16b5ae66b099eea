package dev.feedwright.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a configuration can be wrong ends in one message naming the file, line, key and rule. */
class ConfigErrorsTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "config");

    @TempDir
    Path temp;

    private static AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails(Path file) {
        return assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class);
    }

    private static Path fixture(String name) {
        return FIXTURES.resolve(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unknown-key.yaml              | 3 | unknown key feeds.limt (known keys in feeds: limit, refresh, relatedLinks, skipImages)",
        "unknown-section.yaml          | 3 | unknown key sites (known keys: corpus, export, feeds, liveness, logging, output, schedule, serve, site, state)",
        "limit-string.yaml             | 2 | feeds.limit must be an integer, was 'fifty'",
        "limit-list.yaml               | 2 | feeds.limit must be an integer, was a list",
        "limit-zero.yaml               | 4 | feeds.limit must be between 1 and 10000, was 0",
        "base-url-ftp.yaml             | 3 | site.baseUrl must be an absolute http(s) address, was 'ftp://x'",
        "base-url-not-a-url.yaml       | 2 | site.baseUrl must be an absolute http(s) address, was 'not a url'",
        "duplicate-key.yaml            | 4 | duplicate key feeds.limit",
    })
    void namesFileLineKeyAndRule(String name, int line, String message) {
        assertLoadFails(fixture(name)).hasMessage(fixture(name) + ":" + line + ": " + message);
    }

    @Test
    void namesTheExclusionPatternThatIsNotARegex() {
        Path file = fixture("exclude-bad-regex.yaml");

        assertLoadFails(file).hasMessageStartingWith(file + ":4: liveness.exclude: '(unclosed' is not a valid regular"
                + " expression: ");
    }

    @Test
    void saysWhatADurationLooksLike() {
        Path file = fixture("lock-wait-not-a-duration.yaml");

        assertLoadFails(file).hasMessage(file + ":3: output.lockWait must be a duration such as 500ms, 30s, 15m, 24h "
                + "or 7d, was 'soon'");
    }

    @Test
    void reportsTheLineOfAYamlSyntaxError() {
        Path file = fixture("syntax-error.yaml");

        assertLoadFails(file).hasMessageStartingWith(file + ":4: not valid YAML: ");
    }

    @Test
    void saysANamedFileIsMissing() {
        Path missing = temp.resolve("nowhere.yaml");

        assertLoadFails(missing).hasMessage(missing + ": no such file");
    }

    @Test
    void saysANamedFolderIsNoConfigurationFile() {
        assertLoadFails(temp).hasMessage(temp + ": is a folder, not a configuration file");
    }

    /** The README's example is what a user who sets {@code feeds.limit: 0} in the shipped file sees. */
    @Test
    void theReadmesExampleIsTheShippedFileWithALimitOfZero() throws IOException {
        Path shipped = Path.of("config", "feedwright.yaml");
        String example = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.contains(": feeds.limit must be between")).findFirst().orElseThrow();
        Path file = Files.writeString(temp.resolve("feedwright.yaml"),
                Files.readString(shipped).replace("\n  limit: 50\n", "\n  limit: 0\n"));

        assertThatThrownBy(() -> ConfigLoader.load(file)).satisfies(e -> assertThat("feedwright: "
                + e.getMessage().replace(file.toString(), shipped.toString())).isEqualTo(example));
    }

    @Test
    void saysAFileThatIsNotUtf8IsNotText() throws IOException {
        Path file = Files.write(temp.resolve("latin1.yaml"),
                "site:\n  title: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertLoadFails(file).hasMessage(file + ": is not UTF-8 text");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'- a\n- b\n'                            | 1 | the document must be a mapping of keys to values",
        "'feeds: 5\n'                            | 1 | feeds must be a mapping of keys to values",
        "'export:\n  threads: 2.5\n'             | 2 | export.threads must be an integer, was '2.5'",
        "'export:\n  threads: \"2\"\n'           | 2 | export.threads must be an integer, was '2'",
        "'liveness:\n  perHost: 010\n'         | 2 | liveness.perHost must be an integer without a leading zero, was '010'",
        "'export:\n  threads: {n: 2}\n'          | 2 | export.threads must be an integer, was a mapping",
        "'feeds:\n  limit: 99999999999\n'        | 2 | feeds.limit must be between 1 and 10000, was 99999999999",
        "'feeds:\n  limit: 99999999999999999999\n' | 2 | feeds.limit must be between 1 and 10000, was 99999999999999999999",
        "'site:\n  baseUrl: \"http:///x\"\n'     | 2 | site.baseUrl must be an absolute http(s) address, was 'http:///x'",
        "'site:\n  baseUrl: /feeds/\n'           | 2 | site.baseUrl must be an absolute http(s) address, was '/feeds/'",
        "'site:\n  baseUrl: \"http://x.org/feeds?x=1\"\n' | 2 | site.baseUrl must not have a query (?) or a fragment (#): every feed's address is made by adding a path to it, was 'http://x.org/feeds?x=1'",
        "'site:\n  baseUrl: \"http://x.org/#top\"\n' | 2 | site.baseUrl must not have a query (?) or a fragment (#): every feed's address is made by adding a path to it, was 'http://x.org/#top'",
        "'site:\n  baseUrl: \"http://me:pw@x.org/\"\n' | 2 | site.baseUrl must not carry credentials (user@host), was 'http://me:pw@x.org/'",
        "'site:\n  baseUrl: \"http://[::1]:8080/\"\n' | 2 | site.baseUrl must name a host or an IPv4 address: feed validators refuse an IPv6 address in a feed's links, was 'http://[::1]:8080/'",
        "'site:\n  baseUrl: \"http://x.org:99999/\"\n' | 2 | site.baseUrl must have a port between 1 and 65535, was 'http://x.org:99999/'",
        "'site:\n  baseUrl: \"https://b\u00fccher.example/\"\n' | 2 | site.baseUrl must be written in ASCII (an international host name in its xn-- form, other characters %-encoded), was 'https://b\u00fccher.example/'",
        "'liveness:\n  contactUrl: \"https://me:pw@x.org/about\"\n' | 2 | liveness.contactUrl must not carry credentials (user@host), was 'https://me:pw@x.org/about'",
        "'output:\n  lockWait: 30\n'             | 2 | output.lockWait must be a duration such as 500ms, 30s, 15m, 24h or 7d, was '30'",
        "'output:\n  lockWait: -5s\n'            | 2 | output.lockWait must be a duration such as 500ms, 30s, 15m, 24h or 7d, was '-5s'",
        "'output:\n  dir: \"\"\n'                | 2 | output.dir must not be empty",
        "'output:\n  lockWait: 25h\n'            | 2 | output.lockWait must be between 0s and 24h, was '25h'",
        "'feeds:\n  refresh: 8d\n'              | 2 | feeds.refresh must be between 1m and 7d, was '8d'",
        "'liveness:\n  progressInterval: 0s\n'  | 2 | liveness.progressInterval must be between 1s and 7d, was '0s'",
        "'liveness:\n  retryBackoff: 2h\n'       | 2 | liveness.retryBackoff must be between 0s and 1h, was '2h'",
        "'liveness:\n  cacheDead: 367d\n'        | 2 | liveness.cacheDead must be between 0s and 366d, was '367d'",
        "'liveness:\n  cacheAlive: 999999999999999d\n' | 2 | liveness.cacheAlive must be between 0s and 366d, was '999999999999999d'",
        "'output:\n  lockWait: 9999999999999999h\n' | 2 | output.lockWait must be between 0s and 24h, was '9999999999999999h'",
        "'liveness:\n  readTimeout: 999999999999999999m\n' | 2 | liveness.readTimeout must be between 1ms and 1h, was '999999999999999999m'",
        "'feeds:\n  limit: 5\nfeeds:\n  limit: 6\n' | 3 | duplicate key feeds",
        "'site:\n  title: [a]\n'                 | 2 | site.title must be a string, was a list",
        "'site:\n  title: \"Wire\\x01 News\"\n'      | 2 | site.title must be text without control characters, found U+0001",
        "'site:\n  description: \"a\\x85b\"\n'       | 2 | site.description must be text without control characters, found U+0085",
        "'site:\n  title: \"a\\ud800b\"\n'          | 2 | site.title must be text without control characters, found U+D800",
        "'site:\n  title: \"My\\nNews\"\n'          | 2 | site.title must be one line of plain text, without line breaks, tabs, control or invisible characters, found U+000A at character 3",
        "'site:\n  description: \"a\\u2028b\"\n'    | 2 | site.description must be one line of plain text, without line breaks, tabs, control or invisible characters, found U+2028 at character 2",
        "'site:\n  title: \"Desk\\u200b\"\n'         | 2 | site.title must be one line of plain text, without line breaks, tabs, control or invisible characters, found U+200B at character 5",
        "'site:\n  title: \"News & <b>Co</b>\"\n'     | 2 | site.title must be plain text, without markup or character references (Feedwright escapes it where it is written), found '<b>'",
        "'site:\n  description: R&amp;D news\n'     | 2 | site.description must be plain text, without markup or character references (Feedwright escapes it where it is written), found '&amp;'",
        "'serve:\n  port: http\n'              | 2 | serve.port must be an integer, was 'http'",
        "'serve:\n  port: 0\n'                 | 2 | serve.port must be between 1 and 65535, was 0",
        "'serve:\n  bind: \"a b\"\n'            | 2 | serve.bind must be an IP address or a host name such as 127.0.0.1, 0.0.0.0, ::1 or localhost, was 'a b'",
        "'serve:\n  bind: http://x/\n'         | 2 | serve.bind must be an IP address or a host name such as 127.0.0.1, 0.0.0.0, ::1 or localhost, was 'http://x/'",
        "'serve:\n  listen: 80\n'              | 2 | unknown key serve.listen (known keys in serve: bind, port)",
        "'schedule:\n  timeZone: Mars/Olympus\n' | 2 | schedule.timeZone must be a time zone such as UTC, Europe/Berlin or +02:00, was 'Mars/Olympus'",
        "'schedule:\n  runOnStart: soon\n'     | 2 | schedule.runOnStart must be true or false, was 'soon'",
        "'schedule:\n  quietPeriod: 5\n'       | 2 | schedule.quietPeriod must be a duration such as 500ms, 30s, 15m, 24h or 7d, was '5'",
        "'schedule:\n  export: [1]\n'          | 2 | schedule.export must be a string, was a list",
        "'schedule:\n  every: 5m\n'            | 2 | unknown key schedule.every (known keys in schedule: checkLinks, export, quietPeriod, runOnStart, shutdownTimeout, timeZone, watch)",
        "'logging:\n  level: debug\n'          | 2 | unknown key logging.level (known keys in logging: file)",
        "'site:\n  language: english\n'        | 2 | site.language must be a language tag such as en or pt-BR, was 'english'",
        "'liveness:\n  exclude: [\"^https://a/\", ~]\n' | 2 | liveness.exclude must be a list of strings",
        "'liveness:\n  exclude: {a: b}\n'      | 2 | liveness.exclude must be a list of strings",
        "'liveness:\n\n  exclude: \"(one\"\n'     | 3 | liveness.exclude: '(one' is not a valid regular expression: Unclosed group",
        "'feeds:\n  skipImages:\n    - a\n    - \"[b\"\n' | 4 | feeds.skipImages: '[b' is not a valid regular expression: Unclosed character class",
        "'feeds:\n  skipImages: [1, {a: b}]\n' | 2 | feeds.skipImages must be a list of strings",
        "'liveness:\n  exclude: \"\"\n'       | 2 | liveness.exclude: an empty pattern is found in everything; write \".*\" if that is meant",
        "'feeds:\n  skipImages:\n    - a\n    - \"\"\n' | 4 | feeds.skipImages: an empty pattern is found in everything; write \".*\" if that is meant",
        "'site:\n  title: \"\\x01Wire News\"\n'      | 2 | site.title must be text without control characters, found U+0001",
        "'site:\n  baseUrl: \"http://x.org/\\x80\"\n' | 2 | site.baseUrl must be written in ASCII (an international host name in its xn-- form, other characters %-encoded), was 'http://x.org/\u0080'",
    })
    void refusesAWrongValue(String yaml, int line, String message) throws IOException {
        Path file = Files.writeString(temp.resolve("x.yaml"), yaml);

        assertLoadFails(file).hasMessage(file + ":" + line + ": " + message);
    }

    /** A misspelt key is never ignored, in whichever section it stands. */
    @ParameterizedTest
    @CsvSource({"site", "corpus", "output", "state", "liveness", "export"})
    void namesAnUnknownKeyInEverySection(String section) throws IOException {
        Path file = Files.writeString(temp.resolve("x.yaml"), section + ":\n  colour: blue\n");

        assertLoadFails(file).hasMessageStartingWith(file + ":2: unknown key " + section + ".colour (known keys in "
                + section + ": ");
    }

    @Test
    void refusesAnAliasBomb() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        Path file = Files.writeString(temp.resolve("x.yaml"), yaml);

        assertLoadFails(file).hasMessage(file + ": not valid YAML: Number of aliases for non-scalar nodes exceeds the"
                + " specified max=20");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws IOException {
        Path file = Files.writeString(temp.resolve("x.yaml"), "site: " + "[".repeat(40) + "]".repeat(40) + "\n");

        assertLoadFails(file).hasMessage(file + ": not valid YAML: Nesting Depth exceeded max 32");
    }

    @Test
    void refusesAFileLargerThanAMebibyte() throws IOException {
        Path file = Files.writeString(temp.resolve("x.yaml"), "site:\n  description: \"" + "x".repeat(1024 * 1024)
                + "\"\n");

        assertLoadFails(file).hasMessage(file + ": not valid YAML: The incoming YAML document exceeds the limit: 1048576"
                + " code points.");
    }

    @Test
    void readsASingleExclusionPatternAsAListOfOne() throws Exception {
        Path file = Files.writeString(temp.resolve("x.yaml"), "liveness:\n  exclude: \"^https://paywall\\\\.example/\"\n");

        assertThat(ConfigLoader.load(file).liveness().exclude()).containsExactly("^https://paywall\\.example/");
    }

    @Test
    void acceptsTheHighestPort() throws Exception {
        Path file = Files.writeString(temp.resolve("x.yaml"), "site:\n  baseUrl: http://x.org:65535/\n");

        assertThat(ConfigLoader.load(file).site().baseUrl().getPort()).isEqualTo(65_535);
    }

    @Test
    void pointsAtTheLineOfAnEmptyTitle() throws IOException {
        Path file = Files.writeString(temp.resolve("title.yaml"), "site:\n  description: Wire\n  title: \"  \"\n");

        assertLoadFails(file).hasMessage(file + ":3: site.title must not be empty");
    }

    @Test
    void pointsAtTheLineOfAnInvalidGlob() throws IOException {
        Path file = Files.writeString(temp.resolve("glob.yaml"), "corpus:\n  dir: articles\n  include: \"[a\"\n");

        // On one line (found by a helper's review: Java's own message runs over three).
        assertLoadFails(file).hasMessage(file + ":3: corpus.include must be a valid glob, was '[a': Missing ']"
                + " at character 2");
    }

    @Test
    void refusesJavaTypeTags() throws IOException {
        Path file = Files.writeString(temp.resolve("tag.yaml"),
                "site:\n  title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");

        assertLoadFails(file).hasMessage(file + ":2: not valid YAML: Global tag is not allowed: "
                + "tag:yaml.org,2002:javax.script.ScriptEngineManager");
    }
}
