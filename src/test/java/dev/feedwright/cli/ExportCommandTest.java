package dev.feedwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the command line; an export keeps its state in the test's folder. */
    private int run(String... args) {
        if (args.length > 0 && args[0].equals("export")) {
            String[] withState = new String[args.length + 2];
            withState[0] = "export";
            withState[1] = "--state";
            withState[2] = temp.resolve("state").toString();
            System.arraycopy(args, 1, withState, 3, args.length - 1);
            args = withState;
        }
        CommandLine commandLine = FeedwrightCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void exportsTheSeedsAndPrintsOneSummaryLine() {
        Path feeds = temp.resolve("feeds");

        int code = run("export", "--corpus", Feeds.seeds().toString(), "--out", feeds.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("export: 5 files, 5 read, 0 skipped; 5 stories, 31 articles; 32 feeds: 32 written, 0 unchanged,"
                        + " 0 deleted; ")
                .endsWith(" s"));
        assertThat(err.toString()).isEmpty();
        assertThat(feeds.resolve("all.xml")).isRegularFile();
    }

    @Test
    void secondRunReportsEveryFeedUnchanged() {
        Path feeds = temp.resolve("feeds");
        run("export", "--corpus", Feeds.seeds().toString(), "--out", feeds.toString());
        out.getBuffer().setLength(0);

        int code = run("export", "--corpus", Feeds.seeds().toString(), "--out", feeds.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("32 feeds: 0 written, 32 unchanged, 0 deleted");
    }

    @Test
    void exportsACorpusFolderThatIsASymbolicLinkAsTheFolderItself() throws IOException {
        Path folder = temp.resolve("corpus-folder");
        Feeds.seeds(folder.resolve("2026"), 5);
        Path link = temp.resolve("corpus");
        try {
            Files.createSymbolicLink(link, folder);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links cannot be made here: " + e);
        }
        Path feeds = temp.resolve("feeds");
        run("export", "--corpus", folder.toString(), "--out", feeds.toString());
        Map<String, String> before = Feeds.contents(feeds);
        out.getBuffer().setLength(0);

        int code = run("export", "--corpus", link.toString(), "--out", feeds.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("export: 5 files, 5 read, 0 skipped; 5 stories, 31 articles; 32 feeds:")
                .contains(" 0 deleted");
        assertThat(Feeds.contents(feeds)).isEqualTo(before);
    }

    @Test
    void refusesToDeleteEveryFeedWhenTheCorpusFolderIsFoundEmptyUnlessFull() throws IOException {
        Path corpus = Feeds.seeds(temp.resolve("corpus"), 5);
        Path feeds = temp.resolve("feeds");
        run("export", "--corpus", corpus.toString(), "--out", feeds.toString());
        Map<String, String> before = Feeds.contents(feeds);
        for (String file : Feeds.files(corpus)) {
            Files.delete(corpus.resolve(file));
        }
        Files.writeString(corpus.resolve("notes.json"), "{}");
        out.getBuffer().setLength(0);

        int refused = run("export", "--corpus", corpus.toString(), "--out", feeds.toString());

        assertThat(refused).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString()).contains("the corpus folder " + corpus + " holds no article file")
                .contains("the last export read 5").contains("nothing was changed").contains("--full");
        assertThat(out.toString()).isEmpty();
        assertThat(Feeds.contents(feeds)).isEqualTo(before);

        int full = run("export", "--full", "--corpus", corpus.toString(), "--out", feeds.toString());

        assertThat(full).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("export: 0 files, 0 read, 0 skipped; 0 stories, 0 articles; 1 feeds:")
                .contains(" 31 deleted");
        assertThat(feeds.resolve("all.xml")).isRegularFile();
        assertThat(feeds.resolve("topics")).doesNotExist();
    }

    @Test
    void refusesAnEmptyPathAsBadUsageAndTouchesNothing() {
        Path feeds = temp.resolve("feeds");
        run("export", "--corpus", Feeds.seeds().toString(), "--out", feeds.toString());
        Map<String, String> before = Feeds.contents(feeds);
        out.getBuffer().setLength(0);

        int emptyCorpus = run("export", "--corpus", "", "--out", feeds.toString());

        assertThat(emptyCorpus).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Invalid value for option '--corpus': must not be empty");
        assertThat(out.toString()).isEmpty();
        assertThat(Feeds.contents(feeds)).isEqualTo(before);
        // Parsed only: were it taken, the feeds would be written into the working folder.
        assertThatThrownBy(() -> FeedwrightCommand.newCommandLine().parseArgs("export", "--out", " "))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--out': must not be empty");
    }

    @Test
    void quietPrintsNoSummary() {
        int code = run("export", "--quiet", "--corpus", Feeds.seeds().toString(), "--out", temp.resolve("f").toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void strictExitsWithItsOwnCodeWhenFilesWereSkipped() throws IOException {
        Path corpus = corpusWithOneBrokenFile();

        int lenient = run("export", "--corpus", corpus.toString(), "--out", temp.resolve("a").toString());
        int strict = run("export", "--strict", "--corpus", corpus.toString(), "--out", temp.resolve("b").toString());

        assertThat(lenient).isEqualTo(ExitCodes.OK);
        assertThat(strict).isEqualTo(ExitCodes.SKIPPED_FILES);
        assertThat(err.toString()).contains("--strict: 1 corpus file(s) were skipped");
        assertThat(out.toString()).contains("2 files, 2 read, 1 skipped").contains("2 files, 0 read, 1 skipped");
    }

    /**
     * A rerun reads no unchanged file, so the skipped file's warning is not logged again: the
     * message of exit code 3 must say which file it was and why, or a cron job learns only a count.
     */
    @Test
    void strictNamesTheSkippedFileAndItsReasonAlsoWhenTheRunDidNotReadIt() throws IOException {
        Path corpus = corpusWithOneBrokenFile();
        run("export", "--corpus", corpus.toString(), "--out", temp.resolve("a").toString());
        err.getBuffer().setLength(0);

        int strict = run("export", "--strict", "--quiet", "--corpus", corpus.toString(), "--out",
                temp.resolve("a").toString());

        assertThat(strict).isEqualTo(ExitCodes.SKIPPED_FILES);
        assertThat(err.toString().lines()).containsExactly("feedwright: --strict: 1 corpus file(s) were skipped:",
                "  broken.md:1: no front matter: the file must start with a '---' line");
    }

    @Test
    void strictExitsZeroAndSaysNothingMoreWhenNoFileWasSkipped() {
        int code = run("export", "--strict", "--quiet", "--corpus", Feeds.seeds().toString(), "--out",
                temp.resolve("f").toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).isEmpty();
    }

    /** A corpus with many broken files: the list stops at 20 and says how many it left out. */
    @Test
    void strictListsTheFirstTwentySkippedFilesAndCountsTheRest() throws IOException {
        int strict = run("export", "--strict", "--quiet", "--corpus", corpusWithBrokenFiles(23).toString(), "--out",
                temp.resolve("f").toString());

        assertThat(strict).isEqualTo(ExitCodes.SKIPPED_FILES);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("feedwright: --strict: 23 corpus file(s) were skipped:");
        assertThat(lines).hasSize(22).last().isEqualTo("  and 3 more");
        assertThat(lines.subList(1, 21)).allSatisfy(line -> assertThat(line).startsWith("  broken-")
                .endsWith(": no front matter: the file must start with a '---' line"));
    }

    @Test
    void strictListsTwentySkippedFilesWithoutCountingARest() throws IOException {
        int strict = run("export", "--strict", "--quiet", "--corpus", corpusWithBrokenFiles(20).toString(), "--out",
                temp.resolve("f").toString());

        assertThat(strict).isEqualTo(ExitCodes.SKIPPED_FILES);
        assertThat(err.toString().lines()).hasSize(21).last().asString().startsWith("  broken-20.md:1: ");
    }

    @Test
    void logsToTheFileNamedInTheConfigurationAsWell() throws IOException {
        Path corpus = corpusWithOneBrokenFile();
        Path log = temp.resolve("logs").resolve("feedwright.log");
        Path config = Files.writeString(temp.resolve("feedwright.yaml"), "logging:\n  file: " + log + "\n");
        try {
            int code = run("export", "--config", config.toString(), "--corpus", corpus.toString(), "--out",
                    temp.resolve("f").toString());

            assertThat(code).isEqualTo(ExitCodes.OK);
            assertThat(Files.readString(log)).containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z WARN  skipped ");
        } finally {
            Logging.alsoToFile(null);
        }
    }

    @Test
    void theLogFileAlsoGetsWhatTheCommandPrintsItsSummaryAndAFatalError() throws IOException {
        // A one-shot export from cron with logging.file: the file had only the warnings, not the
        // runs nor their failures.
        Path log = temp.resolve("logs").resolve("feedwright.log");
        Path config = Files.writeString(temp.resolve("feedwright.yaml"), "logging:\n  file: " + log + "\n");
        try {
            int ok = run("export", "--config", config.toString(), "--corpus", Feeds.seeds().toString(), "--out",
                    temp.resolve("f").toString());
            int fatal = run("export", "--config", config.toString(), "--corpus", temp.resolve("gone").toString(),
                    "--out", temp.resolve("f").toString());

            assertThat(ok).isEqualTo(ExitCodes.OK);
            assertThat(fatal).isEqualTo(ExitCodes.FATAL);
            String summary = out.toString().lines().findFirst().orElseThrow();
            String failure = err.toString().lines().filter(line -> line.contains("gone")).findFirst().orElseThrow();
            assertThat(summary).startsWith("export: 5 files, 5 read");
            assertThat(Files.readAllLines(log)).as("the log file")
                    .anyMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z INFO  \\Q" + summary + "\\E"))
                    .anyMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z WARN  \\Q" + failure + "\\E"));
        } finally {
            Logging.alsoToFile(null);
        }
    }

    @Test
    void aQuietExportStillLeavesItsSummaryInTheLogFile() throws IOException {
        // Found by a helper's review: contrib/crontab.example runs export --quiet with logging.file,
        // and the file got nothing of a run that went well.
        Path log = temp.resolve("logs").resolve("feedwright.log");
        Path config = Files.writeString(temp.resolve("feedwright.yaml"), "logging:\n  file: " + log + "\n");
        try {
            int ok = run("export", "--quiet", "--config", config.toString(), "--corpus", Feeds.seeds().toString(),
                    "--out", temp.resolve("f").toString());

            assertThat(ok).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).isEmpty();
            assertThat(Files.readAllLines(log)).as("the log file")
                    .anyMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z INFO  export: 5 files, 5 read.*"));
        } finally {
            Logging.alsoToFile(null);
            Logging.quiet(false);
        }
    }

    @Test
    void aFatalMessageStaysOnOneLineWhateverTheNamesInItHold() {
        // Found by a helper's review: a folder's name could add a line of its own to the output
        // and to logging.file, such as a forged log line.
        Path gone = temp.resolve("gone\n12:00:00.000 INFO  export: all fine");

        int code = run("export", "--corpus", gone.toString(), "--out", temp.resolve("f").toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("feedwright: ").contains("gone\\n12:00:00.000 INFO  export: all fine");
    }

    @Test
    void aLogFileThatCannotBeWrittenIsFatal() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
        Path config = Files.writeString(temp.resolve("feedwright.yaml"), "logging:\n  file: " + file.resolve("x.log")
                + "\n");

        int code = run("export", "--config", config.toString(), "--corpus", Feeds.seeds().toString(), "--out",
                temp.resolve("f").toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString())
                .contains("feedwright: logging.file " + file.resolve("x.log") + " cannot be written: " + file
                        + ": a file is in the way where a folder is needed");
        assertThat(temp.resolve("f")).doesNotExist();
    }

    @Test
    void badConfigurationIsAUsageErrorNamingFileKeyAndRule() throws IOException {
        Path config = temp.resolve("bad.yaml");
        Files.writeString(config, "feeds:\n  limit: 0\n", StandardCharsets.UTF_8);

        int code = run("export", "--config", config.toString(), "--corpus", Feeds.seeds().toString(),
                "--out", temp.resolve("f").toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(config + ":2: feeds.limit must be between 1 and 10000, was 0");
        assertThat(temp.resolve("f")).doesNotExist();
    }

    /** Found by a helper's hunt: serve then published the state database with the feeds. */
    @Test
    void aStateFolderInsideTheOutputFolderIsAUsageError() {
        // run() gives every export the state folder temp/state.
        int code = run("export", "--corpus", Feeds.seeds().toString(), "--out", temp.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("the state folder " + temp.resolve("state") + " is inside the output folder "
                + temp).contains("keep state.dir (--state) outside output.dir (--out)");
        assertThat(temp.resolve("all.xml")).doesNotExist();
    }

    @Test
    void missingCorpusFolderIsFatal() {
        int code = run("export", "--corpus", temp.resolve("missing").toString(), "--out", temp.resolve("f").toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString()).contains("export failed").contains("missing");
    }

    @Test
    void aFileWhereTheOutputFolderShouldBeIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(temp.resolve("feeds"), "a file of the user's");

        int code = run("export", "--corpus", Feeds.seeds().toString(), "--out", file.toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString()).contains("export failed: " + file + ": a file is in the way where a folder is needed");
        assertThat(Files.readString(file)).isEqualTo("a file of the user's");
    }

    /** Found by a helper's hunt: a link to a folder that is gone read "a file is in the way". */
    @Test
    void anOutputFolderThatIsALinkToNothingIsNamedAsSuch() throws IOException {
        Path link = temp.resolve("feeds");
        try {
            Files.createSymbolicLink(link, temp.resolve("gone"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links cannot be made here: " + e);
        }

        int code = run("export", "--corpus", Feeds.seeds().toString(), "--out", link.toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString()).contains("export failed: " + link + ": the folder is a symbolic link to "
                + temp.resolve("gone") + ", which does not exist");
    }

    @Test
    void anArticleGivenAsTheCorpusIsRefusedAsNotAFolder() throws IOException {
        Path article = temp.resolve("story.md");
        Files.writeString(article, "---\ntitle: One story\n---\n");

        int code = run("export", "--corpus", article.toString(), "--out", temp.resolve("f").toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString())
                .contains("export failed: " + article + ": the corpus must be a folder of articles, not a file")
                .doesNotContain("does not exist");
        assertThat(temp.resolve("f")).doesNotExist();
    }

    @Test
    void aMissingRelativeCorpusFolderIsNamedWithTheFolderItWasLookedFor() {
        // Relative to the working folder, as from a cron job whose working folder is not the
        // project's: nothing is written, since the run stops before it opens anything.
        Path relative = Path.of("no-such-corpus-" + System.nanoTime());

        int code = run("export", "--corpus", relative.toString(), "--out", temp.resolve("f").toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString()).contains("export failed: " + relative + " (" + relative.toAbsolutePath()
                + "): the corpus folder does not exist");
        assertThat(relative).doesNotExist();
        assertThat(temp.resolve("f")).doesNotExist();
    }

    @Test
    void outputThatCannotBeCreatedIsFatal() throws IOException {
        Path file = temp.resolve("a-file");
        Files.writeString(file, "not a folder");

        int code = run("export", "--corpus", Feeds.seeds().toString(), "--out", file.resolve("feeds").toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString()).contains("export failed");
    }

    @Test
    void aFolderWhereAFeedMustBeWrittenIsFatalAndNamesIt() throws IOException {
        Path feeds = temp.resolve("feeds");
        Files.createDirectories(feeds.resolve("all.xml"));

        int code = run("export", "--corpus", Feeds.seeds().toString(), "--out", feeds.toString());

        assertThat(code).isEqualTo(ExitCodes.FATAL);
        assertThat(err.toString()).contains("export failed: cannot write " + feeds.toRealPath().resolve("all.xml")
                + ": something that is not a regular file is in the way");
        assertThat(Feeds.files(feeds)).containsOnly(".feedwright.lock");
    }

    @Test
    void unknownOptionIsAUsageError() {
        int code = run("export", "--frobnicate");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing a command");
    }

    @Test
    void helpListsTheExportCommandAndExitCodes() {
        int code = run("--help");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("export").contains("Exit codes:").contains("--strict");
    }

    @Test
    void versionNamesTheProgramAndItsVersion() {
        int code = run("--version");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("Feedwright 0.");
    }

    /** One good story and {@code count} files without front matter, broken-01.md and on. */
    private Path corpusWithBrokenFiles(int count) throws IOException {
        Path corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        Files.copy(Feeds.seeds().resolve("000_3b4be3fe1f265a52.txt"), corpus.resolve("good.md"));
        for (int i = 1; i <= count; i++) {
            Files.writeString(corpus.resolve(String.format("broken-%02d.md", i)), "no front matter here\n",
                    StandardCharsets.UTF_8);
        }
        return corpus;
    }

    private Path corpusWithOneBrokenFile() throws IOException {
        Path corpus = corpusWithBrokenFiles(0);
        Files.writeString(corpus.resolve("broken.md"), "no front matter here\n", StandardCharsets.UTF_8);
        return corpus;
    }
}
