package dev.feedwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.corpus.CorpusGenerator;
import dev.feedwright.testing.ChildJvm;
import dev.feedwright.testing.Feeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real exports in child processes, killed with SIGKILL at random moments, and two exports of one
 * folder at once. After every kill each feed file in the folder parses whole; the next export
 * repairs the rest, ending with exactly the files and bytes of an export into a fresh folder.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@DisabledOnOs(OS.WINDOWS)
class KilledExportTest {

    private static final int ARTICLES = 300;
    private static final int KILLS = Integer.getInteger("feedwright.kills", 20);
    private static final long SEED = 42;

    @TempDir
    static Path temp;

    private static Path full;
    private static Path half;

    /** Where the outputs go: memory when the machine has it, since a run's time is mostly fsync of its thousands of files. */
    private static Path outputs;

    @BeforeAll
    static void generateCorpora() throws IOException {
        Path shm = Path.of("/dev/shm");
        outputs = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "feedwright-kills-") : Files.createDirectories(temp.resolve("outputs"));
        full = temp.resolve("full");
        new CorpusGenerator(SEED).write(full, ARTICLES);
        half = Files.createDirectories(temp.resolve("half"));
        List<String> files = Feeds.files(full);
        for (int i = 0; i < files.size(); i += 2) {
            Files.createLink(half.resolve(files.get(i)), full.resolve(files.get(i)));
        }
    }

    @AfterAll
    static void removeOutputs() throws IOException {
        try (Stream<Path> walk = Files.walk(outputs)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void afterEveryKillEachFeedParsesAndTheNextExportRepairsTheRest() throws Exception {
        Path out = outputs.resolve("killed");
        Path clean = outputs.resolve("clean");
        long start = System.nanoTime();
        assertThat(export(full, clean).waitFor()).isZero();
        long fullRun = System.nanoTime() - start;
        Random random = new Random(SEED);
        List<Long> killedAfter = new ArrayList<>();

        for (int kill = 0; kill < KILLS; kill++) {
            Process process = export(kill % 2 == 0 ? full : half, out);
            long delay = (long) (fullRun * (0.05 + 0.7 * random.nextDouble()));
            if (process.waitFor(delay, TimeUnit.NANOSECONDS)) {
                assertThat(process.exitValue()).as("an export that was not killed").isZero();
            } else {
                process.destroyForcibly().waitFor();
                killedAfter.add(delay / 1_000_000);
            }
            if (Files.isDirectory(out)) {
                assertEveryFileParses(out);
            }
        }
        assertThat(export(full, out).waitFor()).isZero();

        assertThat(killedAfter).as("exports really killed").hasSizeGreaterThan(KILLS / 2);
        assertSameFilesAndBytes(out, clean);
        System.out.printf("kills: %d of %d exports killed (after %s ms), the output whole after every one;"
                + " full export %.1f s%n", killedAfter.size(), KILLS, killedAfter, fullRun / 1e9);
    }

    @Test
    void twoExportsOfOneFolderAtOnceBothFinishAndWriteWhatOneWould() throws Exception {
        Path out = outputs.resolve("twice");
        Path clean = outputs.resolve("once");
        assertThat(export(half, clean).waitFor()).isZero();

        Process first = export(half, out);
        Process second = export(half, out);

        assertThat(first.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(second.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(second.exitValue()).isZero();
        assertSameFilesAndBytes(out, clean);
    }

    /** Starts {@code feedwright export --quiet} in a new JVM; output goes to a file in {@code temp}. */
    private static Process export(Path corpus, Path out) throws IOException {
        return new ProcessBuilder(ChildJvm.command("-Xmx512m", "dev.feedwright.cli.Main", "export", "--quiet",
                "--corpus", corpus.toString(), "--out", out.toString(),
                "--state", out.resolveSibling(out.getFileName() + "-state").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(temp.resolve("exports.log").toFile()))
                .start();
    }

    /** Every feed, list and page in the folder parses completely; no temporary file has a feed's name. */
    private static void assertEveryFileParses(Path out) throws Exception {
        DocumentBuilder xml = Feeds.xmlParser();
        JsonMapper json = JsonMapper.builder().build();
        for (String file : Feeds.files(out)) {
            if (file.startsWith(".") || file.contains("/.")) {
                assertThat(file).as("hidden: ours").matches("(.*/)?\\.(feedwright-files|feedwright\\.lock|.*\\.fw-tmp)");
                continue;
            }
            byte[] bytes = Files.readAllBytes(out.resolve(file));
            if (file.endsWith(".json")) {
                assertThat(json.readTree(bytes).path("items").isArray()).as(file).isTrue();
            } else if (file.endsWith(".html")) {
                assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip()).as(file).endsWith("</html>");
            } else {
                assertThat(xml.parse(new ByteArrayInputStream(bytes)).getDocumentElement()).as(file).isNotNull();
            }
        }
    }

    private static void assertSameFilesAndBytes(Path actual, Path expected) throws IOException {
        List<String> files = Feeds.files(expected).stream().filter(f -> !f.equals(".feedwright.lock")).toList();
        assertThat(Feeds.files(actual).stream().filter(f -> !f.equals(".feedwright.lock")))
                .containsExactlyElementsOf(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(actual.resolve(file))).as(file).isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
    }
}
