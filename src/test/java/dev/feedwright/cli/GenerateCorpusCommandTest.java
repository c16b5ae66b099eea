package dev.feedwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCorpusCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = FeedwrightCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void writesTheArticlesIntoANewFolder() throws IOException {
        Path corpus = temp.resolve("corpus");

        int code = run("generate-corpus", "--articles", "12", "--out", corpus.toString(), "--seed", "3");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("generate-corpus: 12 files written to " + corpus);
        assertThat(count(corpus)).isEqualTo(12);
    }

    @Test
    void refusesFewerThanOneArticleAndWritesNothing() throws IOException {
        Path corpus = temp.resolve("corpus");

        assertThat(run("generate-corpus", "--articles", "0", "--out", corpus.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("feedwright: --articles must be at least 1, was 0" + System.lineSeparator());
        assertThat(corpus).doesNotExist();

        assertThat(run("generate-corpus", "--articles", "1", "--out", corpus.toString())).isEqualTo(ExitCodes.OK);
        assertThat(count(corpus)).isEqualTo(1);
    }

    @Test
    void writesIntoAnEmptyFolder() throws IOException {
        Path corpus = Files.createDirectory(temp.resolve("empty"));

        assertThat(run("generate-corpus", "--articles", "3", "--out", corpus.toString())).isEqualTo(ExitCodes.OK);
        assertThat(count(corpus)).isEqualTo(3);
    }

    @Test
    void refusesAFolderThatHoldsFilesSoThatSyntheticArticlesNeverMixWithRealOnes() throws IOException {
        Path corpus = Files.createDirectory(temp.resolve("seeds"));
        Files.writeString(corpus.resolve("real.md"), "---\ntitle: A real story\n---\n");

        int code = run("generate-corpus", "--articles", "5", "--out", corpus.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--out " + corpus + " is not empty");
        assertThat(count(corpus)).isEqualTo(1);
    }
}
