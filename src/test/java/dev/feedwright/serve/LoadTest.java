package dev.feedwright.serve;

import static dev.feedwright.testing.Feeds.export;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server under load on loopback: many clients poll feeds with conditional requests while
 * exports keep replacing them. Zero errors and zero partial bodies: every {@code 200} is one whole
 * version of its file, and no request fails, even when a file is renamed over between the headers
 * and the body of its response. In a normal build 50 clients poll for 5 s; {@code -Dfeedwright.load.clients=200
 * -Dfeedwright.load.seconds=30} runs the long one, which prints the request count, the error count
 * and latency percentiles.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LoadTest {

    private static final int CLIENTS = Integer.getInteger("feedwright.load.clients", 50);
    private static final int SECONDS = Integer.getInteger("feedwright.load.seconds", 5);
    private static final List<String> POLLED = List.of("all.xml", "all.atom", "all.json", "topics/ai.xml", "index.html");

    @TempDir
    Path temp;

    @Test
    void manyClientsPollingWhileExportsReplaceFilesGetNoErrorAndNoPartialBody() throws Exception {
        Path wide = Feeds.seeds();
        Path narrow = Feeds.seeds(temp.resolve("narrow"), 3);
        Set<String> versions = new java.util.HashSet<>();
        for (Path corpus : List.of(wide, narrow)) {
            Path out = temp.resolve("v-" + corpus.getFileName());
            export(corpus, out);
            for (String file : POLLED) {
                versions.add(file + "\n" + Files.readString(out.resolve(file), StandardCharsets.UTF_8));
            }
        }
        Path out = temp.resolve("served");
        export(wide, out);
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();
        AtomicLong notModified = new AtomicLong();
        AtomicLong replaced = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] latencies = new long[CLIENTS][];
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
        int exports;
        try (FeedServer server = new FeedServer(new ServeOptions(out, "127.0.0.1", 0, Duration.ofMinutes(15)))) {
            server.start();
            URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
            Future<Integer> exporter = threads.submit(() -> {
                int runs = 0;
                while (running.get()) {
                    export(runs++ % 2 == 0 ? narrow : wide, out);
                }
                return runs;
            });
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(threads.submit(() -> {
                    latencies[client] = poll(base, client, running, versions, problems, requests, notModified,
                            replaced);
                    return null;
                }));
            }
            Thread.sleep(SECONDS * 1000L);
            running.set(false);
            for (Future<?> client : clients) {
                client.get(1, TimeUnit.MINUTES);
            }
            exports = exporter.get(1, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }

        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("load: %d clients, %d s, %d exports: %d requests (%d not modified), %d errors, %d 500s"
                        + " for a file replaced while sent; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                CLIENTS, SECONDS, exports, requests.get(), notModified.get(), problems.size(), replaced.get(),
                pct(all, 50), pct(all, 90), pct(all, 99), all[all.length - 1] / 1e6);
        assertThat(problems).isEmpty();
        assertThat(replaced.get()).as("500s").isZero();
        assertThat(exports).as("exports while polling").isGreaterThanOrEqualTo(2);
        assertThat(requests.get()).isGreaterThan(CLIENTS * 10L);
        assertThat(notModified.get()).as("conditional requests answered 304").isPositive();
    }

    /** One client: polls the files round robin, sending back the entity tag it last got for each. */
    private static long[] poll(URI base, int client, AtomicBoolean running, Set<String> versions, Queue<String> problems,
            AtomicLong requests, AtomicLong notModified, AtomicLong replaced) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String[] etags = new String[POLLED.size()];
        List<Long> latencies = new ArrayList<>();
        for (int i = client; running.get(); i++) {
            int which = i % POLLED.size();
            String path = POLLED.get(which);
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
            if (etags[which] != null) {
                request.header("If-None-Match", etags[which]);
            }
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                latencies.add(System.nanoTime() - start);
                requests.incrementAndGet();
                if (response.statusCode() == 304) {
                    notModified.incrementAndGet();
                } else if (response.statusCode() == 500) {
                    replaced.incrementAndGet();
                } else if (response.statusCode() != 200) {
                    problems.add(path + ": status " + response.statusCode());
                } else if (!versions.contains(path + "\n" + new String(response.body(), StandardCharsets.UTF_8))) {
                    problems.add(path + ": " + response.body().length + " bytes that are no whole version");
                } else {
                    etags[which] = response.headers().firstValue("ETag").orElse(null);
                }
            } catch (IOException e) {
                problems.add(path + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private static double pct(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)] / 1e6;
    }

}
