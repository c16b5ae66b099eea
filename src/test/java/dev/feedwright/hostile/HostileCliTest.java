package dev.feedwright.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.hostile.HostileCorpus.Case;
import dev.feedwright.hostile.HostileCorpus.Outcome;
import dev.feedwright.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus exported by the real command in a child JVM with a small heap, so that
 * memory is bounded for real, and its real console output read back line by line: no corpus text
 * or file name can start a line of its own.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileCliTest {

    /** The heap every export here runs in. */
    static final String HEAP = "-Xmx256m";
    private static final Pattern LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO |WARN |ERROR) .*");

    @TempDir
    static Path temp;

    private static List<Case> cases;

    @BeforeAll
    static void writeCorpus() throws IOException {
        cases = HostileCorpus.write(temp.resolve("corpus"), HostileExportTest.SEED, HostileExportTest.GOOD_FILES, true);
    }

    @Test
    void exportsTheHostileCorpusInASmallHeapAndEveryLineOfItsOutputIsItsOwn() throws Exception {
        Run run = export(temp.resolve("corpus"), temp.resolve("out"), null);

        assertThat(run.code).as(run.stderr).isZero();
        long skipped = cases.stream().filter(c -> c.outcome() == Outcome.SKIPPED).count();
        long read = cases.stream().filter(c -> c.outcome() != Outcome.NOT_READ).count();
        // Every line end a terminal, journald, a log shipper or Python's splitlines() knows.
        List<String> lines = List.of(run.stdout.split("\r\n|[\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029]"));
        assertThat(lines.get(lines.size() - 1)).startsWith("export: " + read + " files, " + read + " read, " + skipped + " skipped;");
        assertThat(lines.subList(0, lines.size() - 1)).hasSizeGreaterThan((int) skipped)
                .allMatch(line -> LOG_LINE.matcher(line).matches(), "a log line of its own");
        assertThat(lines).noneMatch(line -> line.startsWith(HostileCorpus.FORGED_LOG_LINE.substring(0, 12)));
        assertThat(run.stdout).doesNotContain("\u001b", "\u009b");
        assertThat(run.stderr).isEmpty();
        System.out.printf("hostile corpus, CLI with %s: %.1f s, %s%n", HEAP, run.seconds, lines.get(lines.size() - 1));
    }

    @Test
    void readsThe20MegabyteTitleAndTheHundredThousandRelatedItemsInBoundedTimeAndMemoryWhenAllowed() throws Exception {
        Path corpus = temp.resolve("corpus/huge");
        // Reading holds a few times a file's size (its bytes, its text, its parsed front matter), so
        // memory is bounded by maxFileBytes times the threads that read at once: one, here.
        Path config = Files.writeString(temp.resolve("raised.yaml"),
                "corpus:\n  maxFileBytes: 67108864\nexport:\n  threads: 1\n");

        Run run = export(corpus, temp.resolve("huge-out"), config);

        assertThat(run.code).as(run.stderr).isZero();
        assertThat(run.stdout).contains("title was 20999999 characters long; cut to 1000")
                .contains("related: 99000 articles past corpus.maxRelated (1000) were dropped")
                .contains("export: 2 files, 2 read, 0 skipped; 2 stories, 1002 articles;");
        assertThat(run.seconds).as("seconds").isLessThan(60);
        assertThat(Files.size(temp.resolve("huge-out/all.xml"))).as("all.xml bytes").isLessThan(1 << 20);
        System.out.printf("20 MB title and 100,000 related items, CLI with %s: %.1f s%n", HEAP, run.seconds);
    }

    /** What a child export printed, and how it ended. */
    record Run(int code, String stdout, String stderr, double seconds) {
    }

    /** Runs {@code feedwright export} in a new JVM with {@link #HEAP}, from {@code temp}. */
    static Run export(Path corpus, Path out, Path config) throws IOException, InterruptedException {
        List<String> command = ChildJvm.command(HEAP, "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "dev.feedwright.cli.Main", "export", "--corpus", corpus.toString(), "--out", out.toString());
        if (config != null) {
            command.addAll(List.of("--config", config.toString()));
        }
        Path stdout = Files.createTempFile(temp, "stdout", ".txt");
        Path stderr = Files.createTempFile(temp, "stderr", ".txt");
        long start = System.nanoTime();
        Process process = ChildJvm.withoutOptionVariables(new ProcessBuilder(command)).directory(temp.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the export did not finish in 3 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8), seconds);
    }
}
