package dev.feedwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.testing.ChildJvm;
import dev.feedwright.testing.Waits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two link checks of one state folder: while {@code feedwright check-links} runs in another process,
 * a second check waits {@code output.lockWait} for it, then fails with exit code 4 naming the
 * holder, as a second export of one output folder does, and {@code export --check-links} goes on
 * with the stored link states; one that waits long enough finds the links checked and requests
 * none of them again.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LinkCheckLockTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final MockWebServer server = new MockWebServer();
    /** The first request the server gets is answered only when this is released. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private Process first;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (requests.incrementAndGet() == 1) {
                    release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                return new MockResponse.Builder().code(200).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (first != null) {
            first.destroyForcibly();
        }
        server.close();
    }

    @Test
    void aSecondCheckOfTheSameStateFolderWaitsThenFailsNamingTheFirst() throws Exception {
        Path config = config("500ms");
        Path corpus = corpus();
        first = checkLinksInAnotherProcess(config, corpus);
        Waits.until(WAIT, "the first check to request a link", () -> requests.get() > 0);

        int code = run("check-links", "--config", config.toString(), "--corpus", corpus.toString());

        assertThat(code).isEqualTo(ExitCodes.LOCKED);
        assertThat(err.toString()).startsWith("feedwright: state folder " + temp.resolve("state")
                + " is locked by another link check (pid " + first.pid() + " on ");
        assertThat(err.toString().strip()).endsWith("; waited 500 ms");
        assertThat(out.toString()).isEmpty();
        int export = run("export", "--check-links", "--config", config.toString(), "--corpus", corpus.toString(),
                "--out", temp.resolve("feeds").toString());
        assertThat(export).as("an export goes on with the stored link states").isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("links: not checked: state folder " + temp.resolve("state")
                + " is locked by another link check (pid " + first.pid() + " on ");
        assertThat(temp.resolve("feeds/all.xml")).isRegularFile();
        release.countDown();
        assertThat(first.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(log()).isZero();
        assertThat(log()).contains("check-links: 2 checked: 2 alive");
        assertThat(requests.get()).as("each link requested once").isEqualTo(2);
    }

    @Test
    void aSecondCheckThatWaitsLongEnoughFindsTheLinksCheckedAndRequestsNone() throws Exception {
        Path config = config("60s");
        Path corpus = corpus();
        first = checkLinksInAnotherProcess(config, corpus);
        Waits.until(WAIT, "the first check to request a link", () -> requests.get() > 0);

        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                () -> run("check-links", "--config", config.toString(), "--corpus", corpus.toString()));
        Waits.sleep(Duration.ofSeconds(1));
        assertThat(second).as("waiting for the first check").isNotDone();
        release.countDown();

        assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(first.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(log()).isZero();
        assertThat(out.toString()).contains("2 links: 0 due, 2 skipped as cached, 0 excluded");
        assertThat(requests.get()).as("each link requested once").isEqualTo(2);
    }

    private int run(String... args) {
        CommandLine commandLine = FeedwrightCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** {@code feedwright check-links} in a new JVM; what it prints goes to a file in {@code temp}. */
    private Process checkLinksInAnotherProcess(Path config, Path corpus) throws IOException {
        return new ProcessBuilder(ChildJvm.command("-Xmx256m", Main.class.getName(), "check-links",
                "--config", config.toString(), "--corpus", corpus.toString()))
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("first.log").toFile())
                .start();
    }

    private String log() {
        try {
            return Files.readString(temp.resolve("first.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** State in the temp folder, private addresses allowed, one link at a time. */
    private Path config(String lockWait) throws IOException {
        return Files.writeString(temp.resolve("feedwright.yaml"), "state:\n  dir: " + temp.resolve("state")
                + "\noutput:\n  lockWait: " + lockWait + "\nliveness:\n  allowPrivateAddresses: true\n"
                + "  hostInterval: 0s\n  retries: 0\n  concurrency: 1\n");
    }

    private Path corpus() throws IOException {
        String base = "http://127.0.0.1:" + server.getPort();
        return LinkCorpus.write(temp, base + "/a", base + "/b");
    }
}
