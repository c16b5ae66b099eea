package dev.feedwright.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feedwright.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as {@code ./feedwright}, the systemd unit and cron start it ({@code java -jar}), after
 * {@code package}: what a user runs, not the test class path.
 */
class ExecutableJarIT {

    private static final Path JAR = Path.of(System.getProperty("feedwright.jar", "target/feedwright.jar"));

    @TempDir
    Path temp;

    @Test
    void manifestNamesTheMainClassTheLibrariesAndNativeAccessForSqlite() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo(Main.class.getName());
            assertThat(main.getValue("Class-Path")).contains("lib/sqlite-jdbc-");
            // Without it, Java 24 and later print four WARNING lines on standard error at every start.
            assertThat(main.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }

    @Test
    void exportsTheSeedsAndPrintsNothingOnStandardError() throws IOException, InterruptedException {
        assertExportsTheSeedsQuietly(ChildJvm.java(), "-jar", JAR.toString());
    }

    /**
     * An installation the running user cannot write (one user builds, another runs it from cron):
     * the launcher cannot make its start-up cache, and goes on without it. Here {@code
     * target/startup} is a file, which stops {@code mkdir} for root too.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theLauncherRunsWhereItCannotMakeItsStartUpCache() throws IOException, InterruptedException {
        Path install = install();
        Files.writeString(install.resolve("target/startup"), "in the way of the cache folder");

        assertExportsTheSeedsQuietly("bash", install.resolve("feedwright").toString());
    }

    /**
     * A machine whose temporary folder is mounted {@code noexec} (a common hardening of {@code
     * /tmp}), running the jar as the systemd unit does: SQLite's driver must not load its library
     * from there. The JVM's temporary folder is a {@code noexec} tmpfs mounted in a mount namespace
     * of its own (root only; skipped elsewhere), so nothing outside the test sees it.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void exportsWhereTheTemporaryFolderCannotHoldPrograms() throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(temp.resolve("noexec-tmp"));
        String mountThenRun = "mount -t tmpfs -o noexec,size=16m tmpfs \"$1\" && shift && exec \"$@\"";
        Process probe = new ProcessBuilder("unshare", "-m", "sh", "-c", mountThenRun, "sh", tmp.toString(), "true")
                .redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        assumeTrue(probe.waitFor() == 0, "a tmpfs can be mounted in a mount namespace here (root)");

        assertExportsTheSeedsQuietly("unshare", "-m", "sh", "-c", mountThenRun, "sh", tmp.toString(),
                ChildJvm.java(), "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toAbsolutePath().toString());
    }

    /** Like Maven, the launcher runs {@code $JAVA_HOME/bin/java} when JAVA_HOME is set. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theLauncherRunsTheJavaOfJavaHome() throws IOException, InterruptedException {
        Path install = install();
        Path javaHome = Files.createDirectories(temp.resolve("jdk/bin"));
        Path java = Files.writeString(javaHome.resolve("java"), "#!/bin/sh\necho \"the java of JAVA_HOME: $*\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();

        ProcessBuilder builder = ChildJvm.withoutOptionVariables(
                new ProcessBuilder("bash", install.resolve("feedwright").toString(), "--version"))
                .directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.getParent().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(output).startsWith("the java of JAVA_HOME: ")
                .contains(" -jar " + install.resolve("target/feedwright.jar") + " --version");
    }

    /** A JAVA_HOME without a java is said, and the java on the PATH runs. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theLauncherSaysWhenJavaHomeHasNoJava() throws IOException, InterruptedException {
        Path install = install();

        ProcessBuilder builder = ChildJvm.withoutOptionVariables(
                new ProcessBuilder("bash", install.resolve("feedwright").toString(), "--version"))
                .directory(temp.toFile());
        builder.environment().put("JAVA_HOME", temp.resolve("no-jdk").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), UTF_8);

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(errors).startsWith("feedwright: JAVA_HOME (" + temp.resolve("no-jdk")
                + ") has no bin/java; running the java on the PATH (");
        assertThat(output).startsWith("Feedwright ");
    }

    /**
     * Every line of {@code contrib/crontab.example}, commented or not, run as cron runs it: {@code
     * sh -c} in cron's bare environment (no locale, so POSIX, and a short {@code PATH}), from the
     * installation, on a corpus with a folder whose name is not ASCII. Each must export it quietly.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theCrontabExampleExportsInCronsEnvironment() throws IOException, InterruptedException {
        Pattern cronLine = Pattern.compile("^#? ?(?:\\S+ ){5}cd /srv/feedwright && (.+)$");
        List<String> commands = Files.readAllLines(Path.of("contrib/crontab.example")).stream()
                .map(cronLine::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
        assertThat(commands).hasSize(2);
        Path install = install();
        Files.createDirectories(install.resolve("seeds"));
        Process copy = new ProcessBuilder("sh", "-c", "mkdir \"$1/$(printf 's\\303\\274d')\" && cp \"$2\"/* \"$1\"/s*/",
                "sh", install.resolve("seeds").toString(), Path.of("seeds").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        assertThat(copy.waitFor()).as(new String(copy.getInputStream().readAllBytes(), UTF_8)).isZero();

        for (String command : commands) {
            ProcessBuilder cron = new ProcessBuilder("sh", "-c", "cd \"$1\" && " + command, "sh", install.toString())
                    .redirectErrorStream(true);
            cron.environment().clear();
            cron.environment().put("PATH", Path.of(ChildJvm.java()).getParent() + ":/usr/bin:/bin");
            cron.environment().put("HOME", temp.toString());
            cron.environment().put("SHELL", "/bin/sh");
            Process process = cron.start();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);

            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(command + ": " + output).isZero();
            assertThat(output).as(command).isEmpty();
            assertThat(install.resolve("feeds/all.xml")).isNotEmptyFile();
            deleteTree(install.resolve("feeds"));
            deleteTree(install.resolve("state"));
        }
    }

    /**
     * Found by a helper's review: started through a symbolic link (one in /usr/local/bin, say), the
     * launcher looked for the project in the link's folder and tried to build it there.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theLauncherRunsThroughASymbolicLink() throws IOException, InterruptedException {
        Path install = install();
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("feedwright"), Path.of("../install/feedwright"));

        ProcessBuilder builder = ChildJvm.withoutOptionVariables(
                new ProcessBuilder("bash", bin.resolve("feedwright").toString(), "--version"))
                .directory(temp.toFile()).redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("Feedwright ");
        assertThat(bin.resolve("target")).doesNotExist();
    }

    /**
     * Found by a helper's review: a UTF-8 locale named but not installed ({@code LC_CTYPE=UTF-8},
     * as a Mac's ssh sends it) left the JVM decoding file names as ASCII, and a corpus folder
     * whose name is not ASCII could not be read.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theLauncherSetsAUtf8LocaleWhenTheOneNamedIsNotInstalled() throws IOException, InterruptedException {
        Process locale = new ProcessBuilder("sh", "-c", "command -v locale").start();
        assumeTrue(locale.waitFor() == 0, "the launcher asks `locale`, which this machine lacks");
        Path install = install();
        Path corpus = Files.createDirectories(temp.resolve("corpus").resolve("s\u00fcd"));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Files.copy(seed, corpus.resolve(seed.getFileName()));
            }
        }
        ProcessBuilder run = new ProcessBuilder("bash", install.resolve("feedwright").toString(), "export", "--quiet",
                "--corpus", corpus.getParent().toString(), "--out", temp.resolve("feeds").toString(), "--state",
                temp.resolve("state").toString()).directory(temp.toFile()).redirectErrorStream(true);
        run.environment().clear();
        run.environment().put("PATH", Path.of(ChildJvm.java()).getParent() + ":/usr/bin:/bin");
        run.environment().put("LC_CTYPE", "UTF-8");
        Process process = run.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).isEmpty();
        assertThat(temp.resolve("feeds/all.xml")).isNotEmptyFile();
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Runs {@code command export} on the bundled seeds into this test's folder: exit code 0, the
     * summary line, the feeds, and nothing on standard error.
     */
    private void assertExportsTheSeedsQuietly(String... command) throws IOException, InterruptedException {
        List<String> export = new ArrayList<>(List.of(command));
        export.addAll(List.of("export", "--corpus", Path.of("seeds").toAbsolutePath().toString(),
                "--out", temp.resolve("feeds").toString(), "--state", temp.resolve("state").toString()));
        Path stdout = temp.resolve("stdout.txt");
        Path stderr = temp.resolve("stderr.txt");
        Process process = ChildJvm.withoutOptionVariables(new ProcessBuilder(export)).directory(temp.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(stderr, UTF_8)).isZero();
        assertThat(Files.readString(stdout, UTF_8)).startsWith("export: 5 files, 5 read, 0 skipped;");
        assertThat(Files.readString(stderr, UTF_8)).isEmpty();
        assertThat(temp.resolve("feeds/all.xml")).isNotEmptyFile();
    }

    /** The launcher and the packaged jar with its libraries, in a folder of their own, built already. */
    private Path install() throws IOException {
        Path install = temp.resolve("install");
        Files.createDirectories(install.resolve("target/lib"));
        Files.copy(Path.of("feedwright"), install.resolve("feedwright"));
        Files.copy(JAR, install.resolve("target/feedwright.jar"));
        try (Stream<Path> libraries = Files.list(JAR.resolveSibling("lib"))) {
            for (Path library : libraries.toList()) {
                Files.copy(library, install.resolve("target/lib").resolve(library.getFileName()));
            }
        }
        return install;
    }
}
