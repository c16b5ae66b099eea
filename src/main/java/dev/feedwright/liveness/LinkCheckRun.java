package dev.feedwright.liveness;

import dev.feedwright.config.LivenessConfig;
import dev.feedwright.liveness.LinkProbe.Step;
import dev.feedwright.liveness.Outcome.Kind;
import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkStore;
import dev.feedwright.state.LinkStore.Cursor;
import dev.feedwright.state.LinkStore.Page;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * One pass over the links due in the store. Links are read a page at a time and admitted through
 * a bounded window; each one's {@link LinkProbe} steps run on a fixed pool of
 * {@code liveness.concurrency} workers, each step waiting for its host's {@link HostGates} without
 * holding a worker; outcomes go to the {@link Findings} (network breaker, counts) and from there
 * to the {@link ResultWriter}. A host that stops answering is given up ({@link SilentHosts}): its
 * links still waiting are left as they were. Memory is bounded by the window, never by the corpus.
 */
final class LinkCheckRun {

    private static final int PAGE = 500;
    private static final int WORST_HOSTS = 5;

    private final LivenessConfig config;
    private final LinkStore store;
    private final HttpTransport transport;
    private final GuardedDns dns;
    private final AddressGuard guard;
    private final Scheduler scheduler;
    private final Clock clock;
    private final String userAgent;
    private final Progress progress;
    private final List<Pattern> exclude;
    private final LinkTransitions transitions;
    private final HostGates gates;
    private final SilentHosts silentHosts;
    private final int window;
    private final Semaphore admission;
    private final Set<Job> active = ConcurrentHashMap.newKeySet();
    private final AtomicLong excluded = new AtomicLong();
    private final long resolvedBefore;
    private final AtomicLong done = new AtomicLong();
    private volatile boolean stopped;
    private volatile Error crash;
    private Findings findings;

    /** A link being checked. */
    private static final class Job {
        final LinkRow row;
        final LinkProbe probe;
        final AtomicBoolean over = new AtomicBoolean();
        /** The host of the request this job waits to send, until a worker claims it (then null). */
        final AtomicReference<String> waitingFor = new AtomicReference<>();

        Job(LinkRow row, LinkProbe probe) {
            this.row = row;
            this.probe = probe;
        }

        /**
         * Takes the request this job waits to send to {@code host}, to send it or to call it off;
         * false when the other side took it first. (Compares by value: hosts are different strings.)
         */
        boolean claim(String host) {
            String waiting = waitingFor.get();
            return host.equals(waiting) && waitingFor.compareAndSet(waiting, null);
        }
    }

    LinkCheckRun(LivenessConfig config, LinkStore store, HttpTransport transport, GuardedDns dns, AddressGuard guard,
            Scheduler scheduler, Clock clock, String userAgent, Progress progress) {
        this.config = config;
        this.store = store;
        this.transport = transport;
        this.dns = dns;
        this.guard = guard;
        this.scheduler = scheduler;
        this.clock = clock;
        this.userAgent = userAgent;
        this.progress = progress;
        this.exclude = config.exclude().stream().map(LivenessConfig::compile).toList();
        this.transitions = new LinkTransitions(config);
        this.gates = new HostGates(config.perHost(), config.hostInterval().toNanos(), scheduler);
        this.silentHosts = new SilentHosts(config.hostGiveUp());
        this.window = Math.max(16, config.concurrency() * 4);
        this.admission = new Semaphore(window);
        this.resolvedBefore = dns.resolvedNames();
    }

    /** Checks every link that corpus pass {@code stamp} listed and that is due now. */
    LinkCheckReport run(long stamp) throws IOException {
        long startedNanos = System.nanoTime();
        long now = clock.millis();
        long links = store.countSeen(stamp);
        // A setting lowered since a link was checked applies to it now, not once the old wait ends.
        store.shortenWaits(new LinkStore.Waits(config.cacheAlive().toMillis(), config.cacheUnknown().toMillis(),
                config.cacheDead().toMillis(), config.confirmAfter().toMillis()));
        long due = store.countDue(stamp, now);
        progress.start(due);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(config.concurrency(), config.concurrency(), 10,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "feedwright-liveness");
                    thread.setDaemon(true);
                    return thread;
                });
        workers.allowCoreThreadTimeOut(true);
        ResultWriter writer = new ResultWriter(store, window, this::abandon);
        findings = new Findings(new NetworkBreaker(config.networkDownSample(), config.networkDownPercent()),
                transitions, writer, clock, () -> dns.resolvedNames() - resolvedBefore, this::stop);
        try {
            admitAll(stamp, now, workers);
            admission.acquire(window); // every admitted link is over
            if (crash != null) {
                throw crash;
            }
            findings.endOfRun();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new InterruptedIOException("interrupted while checking links");
        } finally {
            writer.finish();
            workers.shutdownNow();
            progress.close();
        }
        if (writer.failure() != null) {
            throw writer.failure();
        }
        return new LinkCheckReport(links, due, links - due, excluded.get(), findings.count(Kind.ALIVE),
                findings.moved(), findings.count(Kind.DEAD), findings.count(Kind.UNKNOWN), findings.count(Kind.REFUSED),
                Math.max(0, due - excluded.get() - findings.checked()), store.worstHosts(now, WORST_HOSTS),
                silentHosts.givenUp(), config.hostGiveUp(), findings.networkDownReason(),
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /** Reads due links page by page and starts each, never more than the window at once. */
    private void admitAll(long stamp, long now, ThreadPoolExecutor workers) throws IOException, InterruptedException {
        Cursor cursor = Cursor.START;
        while (!stopped) {
            Page page = store.due(stamp, now, cursor, PAGE);
            if (page.rows().isEmpty()) {
                return;
            }
            cursor = page.next();
            for (LinkRow row : page.rows()) {
                if (stopped) {
                    return;
                }
                if (isExcluded(row.url())) {
                    excluded.incrementAndGet();
                    progress.update(done.incrementAndGet(), findings.summary());
                    continue;
                }
                String host = LinkChecker.hostOf(row.url());
                if (silentHosts.isGivenUp(host)) {
                    countLeft(host);
                    continue;
                }
                admission.acquire();
                if (stopped) {
                    admission.release();
                    return;
                }
                Job job = new Job(row, new LinkProbe(config, guard, clock, userAgent, row));
                active.add(job);
                proceed(job, job.probe.start(), workers);
            }
        }
    }

    private boolean isExcluded(String url) {
        for (Pattern pattern : exclude) {
            if (pattern.matcher(url).find()) {
                return true;
            }
        }
        return false;
    }

    private void proceed(Job job, Step step, ThreadPoolExecutor workers) {
        if (step instanceof Step.Done done) {
            finish(job, done.outcome());
            return;
        }
        Step.Send send = (Step.Send) step;
        if (stopped) {
            finish(job, null);
            return;
        }
        if (silentHosts.isGivenUp(send.host())) {
            leave(job, send.host());
            return;
        }
        job.waitingFor.set(send.host());
        Runnable enqueue = () -> {
            if (!job.over.get()) {
                gates.enqueue(send.host(), at -> submit(job, send.host(), () -> begin(job, send.host(), at, workers),
                        workers));
            }
        };
        if (send.pauseHost()) {
            // The server asked the whole host to wait, and the answer paused it (see exchange): the
            // gate holds this and every other request to it.
            enqueue.run();
        } else {
            scheduler.schedule(enqueue, send.delayNanos());
        }
    }

    /** Hands one request of a job, holding one of its host's places, to the workers. */
    private void submit(Job job, String host, Runnable request, ThreadPoolExecutor workers) {
        try {
            workers.execute(request);
        } catch (RejectedExecutionException e) {
            gates.release(host);
            finish(job, null);
        }
    }

    /**
     * A request's turn has come and a worker took it: it starts now, or, when it reached the
     * worker late and another request to the host started meanwhile (every worker was busy), at
     * the host's next turn, which the gates keep for it.
     */
    private void begin(Job job, String host, long at, ThreadPoolExecutor workers) {
        long wait = gates.begin(host, at);
        if (wait > 0) {
            long paused = gates.pausedUntil(host);
            scheduler.schedule(() -> resume(job, host, paused, workers), wait);
        } else {
            exchange(job, host, workers);
        }
    }

    /**
     * A request held for its turn comes back: it goes to the workers, unless an answer paused the
     * host while it waited ({@code Retry-After}), which takes it a new turn after the pause.
     */
    private void resume(Job job, String host, long pausedBefore, ThreadPoolExecutor workers) {
        long paused = gates.pausedUntil(host);
        if (paused > pausedBefore && paused > scheduler.nanoTime()) {
            long wait = gates.rebook(host);
            scheduler.schedule(() -> resume(job, host, paused, workers), wait);
        } else {
            submit(job, host, () -> exchange(job, host, workers), workers);
        }
    }

    /**
     * One request of a job, on a worker. An {@link Error} there (out of memory, say) would leave
     * the job unfinished and the run waiting for it for ever: it stops the run instead, and
     * {@link #run} throws it.
     */
    private void exchange(Job job, String host, ThreadPoolExecutor workers) {
        try {
            step(job, host, workers);
        } catch (Error e) {
            crash = e;
            stop();
            throw e;
        }
    }

    /**
     * One request of a job, holding one of its host's places. The cut-off hears of the answer
     * before the place is given back, so that a host just given up starts no further request.
     */
    private void step(Job job, String host, ThreadPoolExecutor workers) {
        Step next = null;
        boolean hostGivenUp = false;
        try {
            if (!job.over.get() && !stopped && job.claim(host)) {
                hostGivenUp = silentHosts.isGivenUp(host);
                if (!hostGivenUp) {
                    boolean firstTry = job.probe.firstTry();
                    Exchange exchange = transport.execute(job.probe.request(), job.probe.readsBody());
                    // Before the host's place is given back below: the next request to it waits.
                    Duration pause = job.probe.hostPause(exchange);
                    if (pause != null) {
                        gates.pause(host, scheduler.nanoTime() + pause.toNanos());
                    }
                    next = job.probe.advance(exchange);
                    observe(host, exchange, firstTry);
                }
            }
        } catch (RuntimeException e) {
            next = new Step.Done(Outcome.of(Kind.UNKNOWN, 0, "cannot be requested: " + e.getMessage()));
        } finally {
            gates.release(host);
        }
        if (hostGivenUp) {
            leave(job, host);
        } else if (next == null) {
            finish(job, null);
        } else {
            proceed(job, next, workers);
        }
    }

    /**
     * Feeds the per-host cut-off: any HTTP answer starts the host's streak over; a link's first
     * try that got no answer adds to it, and may give the host up. A run being stopped cancels its
     * requests, which says nothing about their hosts.
     */
    private void observe(String host, Exchange exchange, boolean firstTry) {
        if (!exchange.failed()) {
            silentHosts.answered(host);
        } else if (firstTry && !stopped && LinkProbe.isSilence(exchange.failure()) && silentHosts.silent(host)) {
            giveUp(host);
        }
    }

    /**
     * Requests {@code host} no more: the work queued for it is dropped and every job waiting to
     * send to it (queued, or between two tries) is left as it was. Requests in flight finish.
     */
    private void giveUp(String host) {
        gates.drop(host);
        for (Job job : active) {
            if (job.claim(host)) {
                leave(job, host);
            }
        }
    }

    /** Ends a job once; a null outcome means it was called off and says nothing. */
    private void finish(Job job, Outcome outcome) {
        if (!end(job)) {
            return;
        }
        try {
            if (outcome != null) {
                findings.accept(job.row, outcome);
                progress.update(done.incrementAndGet(), findings.summary());
            }
        } finally {
            admission.release();
        }
    }

    /** Ends a job once because its host was given up: its link keeps its state and counts as left. */
    private void leave(Job job, String host) {
        if (!end(job)) {
            return;
        }
        try {
            countLeft(host);
        } finally {
            admission.release();
        }
    }

    /** Counts a link of a given-up host as left, started or not. */
    private void countLeft(String host) {
        silentHosts.left(host);
        progress.update(done.incrementAndGet(), findings.summary());
    }

    /** Marks a job over; false when it already was. */
    private boolean end(Job job) {
        if (!job.over.compareAndSet(false, true)) {
            return false;
        }
        active.remove(job);
        return true;
    }

    /** Stops admitting links, calls off every request and every waiting step. */
    private void stop() {
        abandon();
        findings.close();
        for (Job job : active) {
            finish(job, null);
        }
    }

    /** Stops admitting links and calls off the requests in flight; takes no lock (the writer calls it on failure). */
    private void abandon() {
        stopped = true;
        transport.cancelAll();
    }
}
