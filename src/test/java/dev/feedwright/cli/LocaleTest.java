package dev.feedwright.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feedwright.testing.ChildJvm;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM decodes file names with the locale's character set, fixed at its start. The real
 * command, started as a child process in the POSIX locale (cron's and many containers'), must not
 * publish a corpus whose names it cannot read; in a UTF-8 locale it reads them as written.
 */
class LocaleTest {

    @TempDir
    Path temp;

    private record Run(int code, String stdout, String stderr) {
    }

    private Run export(String locale, Path corpus, Path out) throws IOException, InterruptedException {
        List<String> command = ChildJvm.command("dev.feedwright.cli.Main", "export", "--corpus", corpus.toString(),
                "--out", out.toString(), "--state", temp.resolve("state").toString());
        Path stdout = temp.resolve("stdout.txt");
        Path stderr = temp.resolve("stderr.txt");
        Process process = inLocale(locale, new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
    }

    /** The process to start in {@code locale} and no other: every {@code LANG} and {@code LC_*} set to it. */
    private static ProcessBuilder inLocale(String locale, ProcessBuilder builder) {
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.equals("LANG") || key.startsWith("LC_"));
        environment.put("LC_ALL", locale);
        return builder;
    }

    /** Whether a JVM started in {@code locale} decodes file names as UTF-8. */
    private static boolean namesInUtf8(String locale) throws IOException, InterruptedException {
        Process process = inLocale(locale, new ProcessBuilder(ChildJvm.java(), "-XshowSettings:properties",
                "-version").redirectErrorStream(true)).start();
        String settings = new String(process.getInputStream().readAllBytes(), UTF_8);
        process.waitFor();
        return settings.contains("sun.jnu.encoding = UTF-8");
    }

    /**
     * The seeds in {@code corpus/süd/}, made with the shell: a test JVM in the POSIX locale could
     * not name the folder.
     */
    private Path corpusInAFolderThatIsNotAscii() throws IOException, InterruptedException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Process shell = new ProcessBuilder("sh", "-c", "folder=\"$1/$(printf 's\\303\\274d')\" && mkdir \"$folder\""
                + " && cp \"$2\"/* \"$folder\"/", "sh", corpus.toString(), Feeds.seeds().toString())
                .redirectErrorStream(true).start();
        String output = new String(shell.getInputStream().readAllBytes(), UTF_8);
        assertThat(shell.waitFor()).as(output).isZero();
        return corpus;
    }

    @Test
    void inThePosixLocaleANameThatIsNotAsciiStopsTheRunBeforeAnythingIsWritten() throws Exception {
        Path corpus = corpusInAFolderThatIsNotAscii();
        Path out = temp.resolve("feeds");

        Run run = export("C", corpus, out);

        assertThat(run.code()).as(run.stderr()).isEqualTo(ExitCodes.FATAL);
        assertThat(run.stderr()).contains("cannot be read in this locale's character set")
                .contains("run Feedwright in a UTF-8 locale (LC_ALL=C.UTF-8");
        assertThat(out.resolve("all.xml")).doesNotExist();
    }

    @Test
    void inAUtf8LocaleTheSameCorpusIsReadAsWritten() throws Exception {
        assumeTrue(namesInUtf8("C.UTF-8"), "no C.UTF-8 locale on this machine");
        Path corpus = corpusInAFolderThatIsNotAscii();

        Run run = export("C.UTF-8", corpus, temp.resolve("feeds"));

        assertThat(run.code()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(run.stdout()).contains("export: 5 files, 5 read, 0 skipped");
    }
}
