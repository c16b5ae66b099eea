package dev.feedwright.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing outside the output folder can be read: every way to climb out, spelt as a raw request
 * line, gets 400 (a request Jetty refuses to interpret) or 404, and never the secret file's bytes.
 * The secret sits beside the folder, and links inside the folder point at it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "creates symbolic links")
class PathTraversalTest {

    private static final String SECRET = "SECRET-" + UUID.randomUUID();
    private static final String FEED = "<rss version=\"2.0\"><channel><title>public</title></channel></rss>";

    private FeedServer server;
    private Path secretFile;

    @BeforeAll
    void start(@TempDir Path temp) throws IOException {
        secretFile = Files.writeString(temp.resolve("secret.txt"), SECRET, UTF_8);
        Path feeds = Files.createDirectories(temp.resolve("feeds"));
        Files.writeString(feeds.resolve("all.xml"), FEED, UTF_8);
        Files.createDirectories(feeds.resolve("topics"));
        Files.writeString(feeds.resolve("topics/ai.xml"), FEED, UTF_8);
        Files.createSymbolicLink(feeds.resolve("secret-link.txt"), secretFile);
        Files.createSymbolicLink(feeds.resolve("relative-link.txt"), Path.of("..", "secret.txt"));
        Files.createSymbolicLink(feeds.resolve("outside"), temp);
        Files.createSymbolicLink(feeds.resolve("topics/up"), Path.of("..", ".."));
        Files.createSymbolicLink(feeds.resolve("inside-link.xml"), feeds.resolve("all.xml"));
        Files.createSymbolicLink(feeds.resolve("latest"), Path.of("topics"));
        Files.createSymbolicLink(feeds.resolve("index.html"), secretFile);
        server = new FeedServer(new ServeOptions(feeds, "127.0.0.1", 0, Duration.ofMinutes(15)));
        server.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theRawRequestsReachTheServer() throws IOException {
        RawHttp answer = RawHttp.get(server.port(), "/topics/ai.xml");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.raw()).endsWith(FEED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // dot segments, plain and percent-encoded
        "/../secret.txt                                 | 400",
        "/topics/../../secret.txt                       | 400",
        "/all.xml/../../secret.txt                      | 400",
        "/%2e%2e/secret.txt                             | 400",
        "/%2E%2E/secret.txt                             | 400",
        "/.%2e/secret.txt                               | 400",
        "/topics/%2e%2e/%2e%2e/secret.txt               | 400",
        "/..;/secret.txt                                | 400",
        // encoded slashes
        "/..%2fsecret.txt                               | 400",
        "/%2e%2e%2fsecret.txt                           | 400",
        "/topics%2f..%2f..%2fsecret.txt                 | 400",
        "/topics/..%2F..%2Fsecret.txt                   | 400",
        // backslashes, raw and encoded
        "/..\\secret.txt                                | 400",
        "/topics\\..\\..\\secret.txt                    | 400",
        "/%5c..%5csecret.txt                            | 400",
        "/..%5csecret.txt                               | 400",
        // double encoding and overlong UTF-8
        "/%252e%252e/secret.txt                         | 400",
        "/%252e%252e%252fsecret.txt                     | 400",
        "/..%252fsecret.txt                             | 400",
        "/%c0%ae%c0%ae/secret.txt                       | 400",
        "/%e0%80%ae%e0%80%ae/secret.txt                 | 400",
        // NUL bytes
        "/%00/../secret.txt                             | 400",
        "/secret.txt%00.xml                             | 400",
        // absolute form
        "http://127.0.0.1/../secret.txt                 | 400",
        // symbolic links that lead out of the folder, or anywhere
        "/secret-link.txt                               | 404",
        "/relative-link.txt                             | 404",
        "/outside/secret.txt                            | 404",
        "/topics/up/secret.txt                          | 404",
        "/inside-link.xml                               | 404",
        "/latest/ai.xml                                 | 404",
    })
    void neverServesAFileOutsideTheFolder(String target, int status) throws IOException {
        RawHttp answer = RawHttp.get(server.port(), target);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.raw()).doesNotContain(SECRET);
    }

    @Test
    void refusesTheSecretsAbsolutePathAppendedToTheRoot() throws IOException {
        for (String target : new String[] {"/" + secretFile, "/" + secretFile.toString().replace("/", "%2f")}) {
            RawHttp answer = RawHttp.get(server.port(), target);

            assertThat(answer.status()).as(target).isIn(400, 404);
            assertThat(answer.raw()).as(target).doesNotContain(SECRET);
        }
    }

    /** Regression: an index page that is a link made {@code /} fail with a 500 and a stack trace in the log. */
    @Test
    void anIndexPageThatIsALinkIsNotFound() throws IOException {
        for (String target : new String[] {"/", "/index.html"}) {
            RawHttp answer = RawHttp.get(server.port(), target);

            assertThat(answer.status()).as(target).isEqualTo(404);
            assertThat(answer.raw()).as(target).doesNotContain(SECRET);
        }
    }
}
