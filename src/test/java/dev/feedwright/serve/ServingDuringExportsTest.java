package dev.feedwright.serve;

import static dev.feedwright.serve.Client.gunzip;
import static dev.feedwright.serve.Client.header;
import static dev.feedwright.testing.Feeds.export;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.testing.Feeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Feeds are polled while real exports replace them, alternating between two corpora so that the
 * files really change: every {@code 200} must be one whole version of the feed, never half of one,
 * and an entity tag must never be sent with two different bodies (else a reader holding one
 * version would be told {@code 304} for the other).
 */
class ServingDuringExportsTest {

    private static final Duration POLLING = Duration.ofSeconds(3);
    private static final List<String> POLLED = List.of("all.xml", "topics/ai.atom");

    @TempDir
    Path temp;

    @Test
    void everyFeedServedWhileExportsReplaceItIsOneWholeVersion() throws Exception {
        Path wide = Feeds.seeds();
        Path narrow = Feeds.seeds(temp.resolve("corpus-3"), 3);
        Map<String, List<String>> versions = Map.of(
                "all.xml", versionsOf("all.xml", wide, narrow),
                "topics/ai.atom", versionsOf("topics/ai.atom", wide, narrow));
        Path out = temp.resolve("feeds");
        export(wide, out);

        Queue<String> problems = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        Map<String, String> bodyOfEtag = new ConcurrentHashMap<>();
        AtomicInteger failedResponses = new AtomicInteger();
        AtomicBoolean exporting = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (FeedServer server = new FeedServer(new ServeOptions(out, "127.0.0.1", 0, Duration.ofMinutes(15)))) {
            server.start();
            Client client = new Client(server);
            Future<Integer> exports = threads.submit(() -> alternateExports(wide, narrow, out, exporting));
            List<Future<?>> pollers = List.of(
                    threads.submit(() -> poll(client, false, exporting, versions, seen, bodyOfEtag, problems, failedResponses)),
                    threads.submit(() -> poll(client, true, exporting, versions, seen, bodyOfEtag, problems, failedResponses)));

            assertThat(exports.get(30, TimeUnit.SECONDS)).as("exports run").isGreaterThanOrEqualTo(4);
            for (Future<?> poller : pollers) {
                poller.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(problems).isEmpty();
        for (String path : POLLED) {
            for (int version = 0; version < 2; version++) {
                assertThat(seen.getOrDefault(path + "#" + version, new AtomicInteger()).get())
                        .as("whole responses of version %d of %s", version, path).isPositive();
            }
        }
        int whole = seen.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(failedResponses.get()).as("responses failed because the file changed under them")
                .isLessThanOrEqualTo(whole / 100);
    }

    private int alternateExports(Path wide, Path narrow, Path out, AtomicBoolean exporting) throws IOException {
        long end = System.nanoTime() + POLLING.toNanos();
        int runs = 0;
        try {
            while (System.nanoTime() < end) {
                export(runs % 2 == 0 ? narrow : wide, out);
                runs++;
            }
        } finally {
            exporting.set(false);
        }
        return runs;
    }

    private static void poll(Client client, boolean gzip, AtomicBoolean exporting, Map<String, List<String>> versions,
            Map<String, AtomicInteger> seen, Map<String, String> bodyOfEtag, Queue<String> problems,
            AtomicInteger failedResponses) {
        DocumentBuilder parser = Feeds.xmlParser();
        for (int i = 0; exporting.get(); i++) {
            String path = POLLED.get(i % POLLED.size());
            HttpResponse<byte[]> response;
            try {
                response = gzip ? client.get("/" + path, "Accept-Encoding", "gzip") : client.get("/" + path);
            } catch (UncheckedIOException e) {
                failedResponses.incrementAndGet();
                continue;
            }
            if (response.statusCode() != 200) {
                failedResponses.incrementAndGet();
                continue;
            }
            byte[] body = "gzip".equals(header(response, "Content-Encoding")) ? gunzip(response.body()) : response.body();
            try {
                Document document = parser.parse(new ByteArrayInputStream(body));
                assertThat(document.getDocumentElement()).isNotNull();
            } catch (Exception e) {
                problems.add(path + ": not a whole XML document (" + e.getMessage() + "), " + body.length + " bytes");
                continue;
            }
            String text = new String(body, UTF_8);
            int version = versions.get(path).indexOf(text);
            if (version < 0) {
                problems.add(path + ": " + body.length + " bytes that are neither version");
                continue;
            }
            seen.computeIfAbsent(path + "#" + version, k -> new AtomicInteger()).incrementAndGet();
            String etag = header(response, "ETag").replace("--gzip\"", "\"");
            String earlier = bodyOfEtag.putIfAbsent(path + " " + etag, text);
            if (earlier != null && !earlier.equals(text)) {
                problems.add(path + ": ETag " + etag + " was sent with both versions");
            }
        }
    }

    /** The file at {@code path} as an export of each corpus writes it; the two must differ. */
    private List<String> versionsOf(String path, Path first, Path second) throws IOException {
        export(first, temp.resolve("first"));
        export(second, temp.resolve("second"));
        String one = Files.readString(temp.resolve("first").resolve(path), UTF_8);
        String two = Files.readString(temp.resolve("second").resolve(path), UTF_8);
        assertThat(one).isNotEqualTo(two);
        return List.of(one, two);
    }


}
