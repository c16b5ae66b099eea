package dev.feedwright.serve;

import static dev.feedwright.serve.Client.gunzip;
import static dev.feedwright.serve.Client.header;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a feed reader gets from the server: media types, validators, 304, gzip, caching, no listings. */
class FeedServerTest {

    private static final String FEED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
            + "<title>Café — every story</title>" + "<item><title>One</title></item>".repeat(40) + "</channel></rss>\n";
    private static final Instant WRITTEN = Instant.parse("2024-05-06T07:08:09Z");

    @TempDir
    Path folder;

    private FeedServer server;
    private Client client;

    @BeforeEach
    void start() throws IOException {
        write("all.xml", FEED);
        write("all.atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
        write("all.json", "{\"version\":\"https://jsonfeed.org/version/1.1\"}");
        write("feeds.opml", "<opml version=\"2.0\"/>");
        write("index.html", "<!DOCTYPE html><title>Feeds</title>");
        write("README.md", "# What this folder is");
        write("feed.xsl", "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"/>");
        write("topics/ai.xml", FEED);
        write(".feedwright-files", "all.xml\n");
        write(".feedwright.lock", "pid 1");
        write("topics/.ai.xml.123-4.fw-tmp", "<rss");
        write(".git/config", "[core]");
        server = new FeedServer(new ServeOptions(folder, "127.0.0.1", 0, Duration.ofMinutes(15)));
        server.start();
        client = new Client(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(WRITTEN));
    }

    @ParameterizedTest
    @CsvSource({
        "/all.xml,    application/rss+xml;charset=utf-8",
        "/all.atom,   application/atom+xml;charset=utf-8",
        "/all.json,   application/feed+json;charset=utf-8",
        "/feeds.opml, text/x-opml;charset=utf-8",
        "/index.html, text/html;charset=utf-8",
        "/feed.xsl,   text/xsl;charset=utf-8",
        "/README.md,  text/markdown;charset=utf-8",
    })
    void sendsEachKindOfFileWithItsMediaTypeInUtf8(String path, String contentType) throws IOException {
        HttpResponse<byte[]> response = client.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo(contentType);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(folder.resolve(path.substring(1))));
    }

    @Test
    void sendsValidatorsAndLetsReadersCacheForTheRefreshPeriod() {
        HttpResponse<byte[]> response = client.get("/all.xml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), UTF_8)).isEqualTo(FEED);
        assertThat(header(response, "ETag")).matches("\"[0-9a-f.]+\"");
        assertThat(header(response, "Last-Modified")).isEqualTo("Mon, 06 May 2024 07:08:09 GMT");
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=900");
        assertThat(header(response, "Content-Length")).isEqualTo(String.valueOf(FEED.getBytes(UTF_8).length));
        assertThat(header(response, "Server")).isNull();
    }

    @Test
    void answersAMatchingEntityTagWithNotModified() {
        String etag = header(client.get("/all.xml"), "ETag");

        HttpResponse<byte[]> response = client.get("/all.xml", "If-None-Match", etag);

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "ETag")).isEqualTo(etag);
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=900");
    }

    @Test
    void comparesEntityTagsWeaklyAsIfNoneMatchAsks() {
        String etag = header(client.get("/all.xml"), "ETag");
        String gzipEtag = header(client.get("/all.xml", "Accept-Encoding", "gzip"), "ETag");

        HttpResponse<byte[]> weakened = client.get("/all.xml", "If-None-Match", "\"0.0.0.0\", W/" + etag);
        HttpResponse<byte[]> weakenedGzip = client.get("/all.xml", "Accept-Encoding", "gzip",
                "If-None-Match", "W/" + gzipEtag);
        HttpResponse<byte[]> otherWeak = client.get("/all.xml", "If-None-Match", "W/\"0.0.0.0\"");
        HttpResponse<byte[]> missing = client.get("/missing.xml", "If-None-Match", "W/" + etag);

        assertThat(weakened.statusCode()).isEqualTo(304);
        assertThat(header(weakened, "ETag")).isEqualTo(etag);
        assertThat(weakenedGzip.statusCode()).isEqualTo(304);
        assertThat(header(weakenedGzip, "ETag")).isEqualTo(gzipEtag);
        assertThat(otherWeak.statusCode()).isEqualTo(200);
        assertThat(new String(otherWeak.body(), UTF_8)).isEqualTo(FEED);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void closesTheFileOfEveryResponseOnceItIsSentEvenWithoutABody() throws IOException, InterruptedException {
        Path descriptors = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(descriptors), "needs /proc/self/fd to see which files this process holds open");
        Path file = folder.resolve("all.xml").toRealPath();
        String etag = header(client.get("/all.xml"), "ETag");

        // A 304 opens the file for its headers and sends no body: only the end of the response
        // closes it (without that, the ten 304s left ten files open). A reader polling every few
        // minutes gets hundreds of them a day. HEADs and whole GETs are checked alongside.
        for (int i = 0; i < 10; i++) {
            assertThat(client.send("HEAD", "/all.xml").statusCode()).isEqualTo(200);
            assertThat(client.get("/all.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(client.get("/all.xml").statusCode()).isEqualTo(200);
        }

        // The server closes a file just after the client has the whole response: wait a moment.
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (openDescriptorsOn(descriptors, file) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(openDescriptorsOn(descriptors, file)).isZero();
    }

    private static long openDescriptorsOn(Path descriptors, Path file) throws IOException {
        try (Stream<Path> open = Files.list(descriptors)) {
            return open.filter(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).equals(file);
                } catch (IOException e) {
                    return false; // closed since it was listed
                }
            }).count();
        }
    }

    @Test
    void anyEntityTagMatchesAFileThatExists() {
        HttpResponse<byte[]> response = client.get("/all.xml", "If-None-Match", "*");
        HttpResponse<byte[]> missing = client.get("/missing.xml", "If-None-Match", "*");

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "ETag")).isEqualTo(header(client.get("/all.xml"), "ETag"));
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void theRootWithoutAnIndexPageIsNotFound() throws IOException {
        Files.delete(folder.resolve("index.html"));

        HttpResponse<byte[]> response = client.get("/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), UTF_8)).doesNotContain("all.xml");
    }

    @Test
    void sendsTheFileForAnEntityTagThatNoLongerMatches() {
        HttpResponse<byte[]> response = client.get("/all.xml", "If-None-Match", "\"0.0.0.0\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), UTF_8)).isEqualTo(FEED);
    }

    @Test
    void answersIfModifiedSinceWithNotModifiedUnlessTheFileIsNewer() {
        HttpResponse<byte[]> same = client.get("/all.xml", "If-Modified-Since", "Mon, 06 May 2024 07:08:09 GMT");
        HttpResponse<byte[]> later = client.get("/all.xml", "If-Modified-Since", "Tue, 07 May 2024 00:00:00 GMT");
        HttpResponse<byte[]> earlier = client.get("/all.xml", "If-Modified-Since", "Mon, 06 May 2024 07:08:08 GMT");

        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(header(same, "ETag")).isEqualTo(header(earlier, "ETag"));
        assertThat(header(same, "Cache-Control")).isEqualTo("public, max-age=900");
        assertThat(later.statusCode()).isEqualTo(304);
        assertThat(earlier.statusCode()).isEqualTo(200);
        assertThat(new String(earlier.body(), UTF_8)).isEqualTo(FEED);
    }

    @Test
    void aReplacedFileHasANewEntityTagAndTheOldOneGetsTheNewFile() throws IOException {
        String before = header(client.get("/all.xml"), "ETag");
        Path next = folder.resolve(".all.xml.1-1.fw-tmp");
        String changed = FEED.replace("One", "Two");
        Files.writeString(next, changed, UTF_8);
        Files.setLastModifiedTime(next, FileTime.from(WRITTEN));
        Files.move(next, folder.resolve("all.xml"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        HttpResponse<byte[]> response = client.get("/all.xml", "If-None-Match", before);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), UTF_8)).isEqualTo(changed);
        assertThat(header(response, "ETag")).isNotEqualTo(before);
    }

    /** No reader asks for part of a feed, and ranges do not mix with gzip: the whole file, always. */
    @Test
    void offersNoRangesAndSendsTheWholeFileForOne() {
        HttpResponse<byte[]> response = client.get("/all.xml", "Range", "bytes=0-9");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Accept-Ranges")).isEqualTo("none");
        assertThat(header(response, "Content-Range")).isNull();
        assertThat(response.body()).asString(UTF_8).isEqualTo(FEED);
    }

    @Test
    void headSendsTheHeadersOfGetWithoutTheBody() {
        HttpResponse<byte[]> get = client.get("/all.xml");

        HttpResponse<byte[]> head = client.send("HEAD", "/all.xml");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Type")).isEqualTo(header(get, "Content-Type"));
        assertThat(header(head, "Content-Length")).isEqualTo(header(get, "Content-Length"));
        assertThat(header(head, "ETag")).isEqualTo(header(get, "ETag"));
        assertThat(header(head, "Last-Modified")).isEqualTo(header(get, "Last-Modified"));
    }

    @Test
    void headToAReaderThatAcceptsGzipSendsTheHeadersOfItsGet() {
        for (String path : List.of("/all.xml", "/")) {
            HttpResponse<byte[]> get = client.get(path, "Accept-Encoding", "gzip");

            HttpResponse<byte[]> head = client.send("HEAD", path, "Accept-Encoding", "gzip");

            assertThat(head.body()).isEmpty();
            for (String name : List.of("Content-Encoding", "ETag", "Vary", "Content-Type", "Last-Modified")) {
                assertThat(header(head, name)).as(path + " " + name).isEqualTo(header(get, name));
            }
        }
        assertThat(header(client.send("HEAD", "/all.xml", "Accept-Encoding", "gzip"), "ETag")).endsWith("--gzip\"");
    }

    @Test
    void gzipsForAReaderThatAcceptsIt() {
        HttpResponse<byte[]> response = client.get("/all.xml", "Accept-Encoding", "gzip");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding, Accept");
        assertThat(header(response, "Content-Type")).isEqualTo("application/rss+xml;charset=utf-8");
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=900");
        assertThat(response.body().length).isLessThan(FEED.length() / 2);
        assertThat(new String(gunzip(response.body()), UTF_8)).isEqualTo(FEED);
    }

    @Test
    void sendsPlainBytesButStillVaryToAReaderWithoutGzip() {
        HttpResponse<byte[]> response = client.get("/all.xml", "Accept-Encoding", "identity");

        assertThat(header(response, "Content-Encoding")).isNull();
        assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding, Accept");
        assertThat(new String(response.body(), UTF_8)).isEqualTo(FEED);
    }

    @Test
    void theEntityTagOfAGzippedResponseGivesNotModified() {
        HttpResponse<byte[]> first = client.get("/all.xml", "Accept-Encoding", "gzip");
        String etag = header(first, "ETag");
        String plainEtag = header(client.get("/all.xml"), "ETag");

        HttpResponse<byte[]> again = client.get("/all.xml", "Accept-Encoding", "gzip", "If-None-Match", etag);

        assertThat(etag).isNotEqualTo(plainEtag).startsWith(plainEtag.substring(0, plainEtag.length() - 1));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "ETag")).isEqualTo(etag);
        assertThat(header(again, "Cache-Control")).isEqualTo("public, max-age=900");
    }

    /** RFC 9110, 15.4.5: a 304 carries the entity tag its 200 would, here the gzip variant's. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "If-Modified-Since | Mon, 06 May 2024 07:08:09 GMT",
        "If-None-Match     | *",
        "If-None-Match     | \"0.0.0.0\", ETAG",
        "If-None-Match     | PLAIN",
        })
    void aNotModifiedToAReaderThatAcceptsGzipCarriesTheGzipVariantsTag(String condition, String value) {
        HttpResponse<byte[]> ok = client.get("/all.xml", "Accept-Encoding", "gzip");
        String etag = header(ok, "ETag");
        // The plain file's tag, which a reader that fetched it without gzip holds (found by a helper's review).
        String plain = header(client.get("/all.xml"), "ETag");
        String named = value.replace("ETAG", etag).replace("PLAIN", plain);

        HttpResponse<byte[]> notModified = client.get("/all.xml", "Accept-Encoding", "gzip", condition, named);
        HttpResponse<byte[]> head = client.send("HEAD", "/all.xml", "Accept-Encoding", "gzip", condition, named);

        assertThat(etag).endsWith("--gzip\"");
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(header(notModified, "ETag")).isEqualTo(etag);
        assertThat(head.statusCode()).isEqualTo(304);
        assertThat(header(head, "ETag")).isEqualTo(etag);
    }

    /** Found by a helper's review: Jetty compresses for Accept-Encoding: *, and the 304 must say so too. */
    @Test
    void aNotModifiedToAReaderThatAcceptsAnyCodingCarriesTheGzipVariantsTag() {
        HttpResponse<byte[]> ok = client.get("/all.xml", "Accept-Encoding", "*");
        String etag = header(ok, "ETag");

        HttpResponse<byte[]> notModified = client.get("/all.xml", "Accept-Encoding", "*",
                "If-Modified-Since", "Mon, 06 May 2024 07:08:09 GMT");

        assertThat(etag).endsWith("--gzip\"");
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(header(notModified, "ETag")).isEqualTo(etag);
    }

    /** A file too small to compress goes out plain to a reader that accepts gzip, and its 304 says so. */
    @Test
    void aNotModifiedForAFileTooSmallToCompressCarriesItsOwnTag() {
        HttpResponse<byte[]> ok = client.get("/feeds.opml", "Accept-Encoding", "gzip");

        HttpResponse<byte[]> notModified = client.get("/feeds.opml", "Accept-Encoding", "gzip",
                "If-Modified-Since", "Mon, 06 May 2024 07:08:09 GMT");

        assertThat(header(ok, "Content-Encoding")).isNull();
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(header(notModified, "ETag")).isEqualTo(header(ok, "ETag")).doesNotContain("gzip");
    }

    @Test
    void servesTheIndexPageForTheRoot() throws IOException {
        HttpResponse<byte[]> response = client.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("text/html;charset=utf-8");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(folder.resolve("index.html")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/topics", "/topics/", "/missing.xml", "/topics/missing.xml", "/status"})
    void listsNoFolderAndFindsNothingElse(String path) {
        HttpResponse<byte[]> response = client.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), UTF_8)).doesNotContain("ai.xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.feedwright-files", "/.feedwright.lock", "/topics/.ai.xml.123-4.fw-tmp", "/.git/config",
        "/%2efeedwright-files", "/topics/%2Eai.xml.123-4.fw-tmp"})
    void hidesHiddenFiles(String path) {
        HttpResponse<byte[]> response = client.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), UTF_8)).doesNotContain("pid 1").doesNotContain("[core]")
                .doesNotContain("<rss");
    }

    /**
     * Found by a helper's hunt: an error page gave the exception's message, which for a file that
     * failed to open was its place on disk. Every error page now says only the status.
     */
    @Test
    void anErrorPageSaysOnlyTheStatus() {
        HttpResponse<byte[]> response = client.get("/a/..%2f..%2fetc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), UTF_8)).contains("400 Bad Request").doesNotContain("Ambiguous")
                .doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void refusesMethodsThatWouldChangeSomething(String method) throws IOException {
        HttpResponse<byte[]> response = client.send(method, "/all.xml");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(header(response, "Allow")).isEqualTo("GET, HEAD");
        assertThat(Files.readString(folder.resolve("all.xml"), UTF_8)).isEqualTo(FEED);
    }

    @Test
    void aFileWrittenInTheCurrentSecondHasNoLastModifiedYet() throws IOException {
        // Two exports within one second gave two versions one Last-Modified: a reader asking
        // If-Modified-Since with the first was told the second was not modified.
        Files.setLastModifiedTime(folder.resolve("all.atom"), FileTime.from(Instant.now().plusSeconds(2)));

        HttpResponse<byte[]> fresh = client.get("/all.atom");
        HttpResponse<byte[]> asked = client.get("/all.atom", "If-Modified-Since", "Mon, 06 May 2024 07:08:09 GMT");

        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(header(fresh, "Last-Modified")).isNull();
        assertThat(header(fresh, "ETag")).isNotNull();
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(header(client.get("/all.xml"), "Last-Modified")).isEqualTo("Mon, 06 May 2024 07:08:09 GMT");
    }

    /**
     * Without Last-Modified the file has no date to compare (RFC 9110, 13.1.3 and 13.1.4): a cache
     * that revalidates with its copy's Date, which may fall in the second of a version written
     * after its copy, gets the file, and If-Unmodified-Since does not refuse it.
     */
    @Test
    void aFileWithoutLastModifiedIgnoresTheDateConditions() throws IOException {
        Instant written = Instant.now().plusSeconds(3600);
        Files.setLastModifiedTime(folder.resolve("all.atom"), FileTime.from(written));
        String sameSecond = DateTimeFormatter.RFC_1123_DATE_TIME.format(written.atZone(ZoneOffset.UTC));

        HttpResponse<byte[]> modifiedSince = client.get("/all.atom", "If-Modified-Since", sameSecond);
        HttpResponse<byte[]> unmodifiedSince = client.get("/all.atom", "If-Unmodified-Since",
                "Mon, 06 May 2024 07:08:09 GMT");
        HttpResponse<byte[]> dated = client.get("/all.xml", "If-Modified-Since", sameSecond);

        assertThat(modifiedSince.statusCode()).isEqualTo(200);
        assertThat(header(modifiedSince, "Last-Modified")).isNull();
        assertThat(unmodifiedSince.statusCode()).isEqualTo(200);
        assertThat(dated.statusCode()).as("a dated file still compares").isEqualTo(304);
    }

    @Test
    void lastModifiedIsTheFilesOwnDate() throws IOException {
        Instant written = Instant.parse("2025-01-02T03:04:05Z");
        Files.setLastModifiedTime(folder.resolve("all.atom"), FileTime.from(written));

        HttpResponse<byte[]> response = client.get("/all.atom");

        assertThat(ZonedDateTime.parse(header(response, "Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant()).isEqualTo(written);
        assertThat(written.atZone(ZoneOffset.UTC).getYear()).isEqualTo(2025);
    }
}
