package dev.feedwright.liveness;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.LivenessConfig;
import dev.feedwright.state.LinkStore;
import dev.feedwright.state.LinkStore.SeenLink;
import dev.feedwright.state.StateDb;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Link-check throughput: a loopback JDK HttpServer answers every request after a fixed delay
 * (50 ms by default); the checker checks N distinct links (10,000 by default) on that one host
 * with the per-host limit lifted to the global one and no interval, so the rate the concurrency
 * limit allows is concurrency / delay (64 / 0.05 s = 1,280 links/s). Prints links per second and
 * the peak heap. The server is the JDK's rather than mockwebserver3, which keeps every request it
 * saw for {@code takeRequest()} and so would grow with the number of links. Not a unit test: run it
 * with bench/liveness.sh.
 *
 * <p>Arguments: [links] [delay ms] [concurrency].
 */
public final class LivenessBenchmark {

    private LivenessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int links = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long delayMillis = args.length > 1 ? Long.parseLong(args[1]) : 50;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 64;

        Path state = Files.createTempDirectory("feedwright-bench");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        ExecutorService serverThreads = Executors.newFixedThreadPool(2 * concurrency);
        AtomicLong requests = new AtomicLong();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(serverThreads);
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/article/";

            try (StateDb db = StateDb.open(state)) {
                LinkStore store = new LinkStore(db);
                long stamp = System.currentTimeMillis();
                List<SeenLink> batch = new ArrayList<>(LinkStore.BATCH);
                for (int i = 0; i < links; i++) {
                    batch.add(new SeenLink(base + i, "127.0.0.1"));
                    if (batch.size() == LinkStore.BATCH) {
                        store.markSeen(batch, stamp);
                        batch.clear();
                    }
                }
                store.markSeen(batch, stamp);

                LivenessConfig config = LivenessConfig.builder()
                        .allowPrivateAddresses(true)
                        .concurrency(concurrency)
                        .perHost(concurrency)
                        .hostInterval(Duration.ZERO)
                        .build();
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long started = System.nanoTime();
                LinkCheckReport report;
                try (LinkChecker checker = LinkChecker.create(config, BuildInfo.load(), Clock.systemUTC())) {
                    report = checker.check(store, stamp, Progress.none());
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double rate = report.checked() / seconds;
                double allowed = concurrency / (delayMillis / 1000.0);
                System.out.printf(Locale.ROOT, "links=%d delay_ms=%d concurrency=%d checked=%d alive=%d unknown=%d"
                                + " seconds=%.2f links_per_s=%.0f allowed_per_s=%.0f share=%.1f%% peak_heap_mib=%.1f"
                                + " server_requests=%d%n",
                        links, delayMillis, concurrency, report.checked(), report.alive(), report.unknown(), seconds,
                        rate, allowed, 100 * rate / allowed, peakHeapMiB(), requests.get());
            }
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
            try (var files = Files.walk(state)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The sum of the heap pools' peak usage since the last reset. */
    private static double peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}
