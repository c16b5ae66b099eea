package dev.feedwright.liveness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Keeps every host within its limits: at most {@code perHost} requests in flight, and request
 * starts at least {@code interval} apart (longer when a server asked to be left alone with
 * {@code Retry-After}). Work for a host that is at its limit waits in the host's queue without
 * holding a worker thread, so one slow host never stalls the others. Work is handed out at its
 * turn; as it really starts, on a worker, {@link #begin} checks the turn again, since work handed
 * out on time reaches a worker late when every worker is busy, and two of a host's could then
 * start together. Only hosts with work in flight, queued, or a pause not yet over are remembered.
 */
final class HostGates {

    private static final int PRUNE_EVERY = 1024;
    /** A start this much before its turn still counts as on time: the jitter of handing work on. */
    private static final long SLACK_NANOS = 5_000_000;

    private final int perHost;
    private final long intervalNanos;
    private final Scheduler scheduler;
    private final Map<String, Gate> gates = new HashMap<>();
    private int releases;

    private static final class Gate {
        int inFlight;
        /** The turn of the next work handed out. */
        long nextStart = Long.MIN_VALUE;
        /** When the last request really started, or the turn kept for one that waits for it. */
        long lastStart = Long.MIN_VALUE;
        /** No request starts before this (a server's {@code Retry-After}). */
        long pausedUntil = Long.MIN_VALUE;
        final ArrayDeque<LongConsumer> waiting = new ArrayDeque<>();
    }

    /** A start to run, at once or after a delay, outside the lock; {@code at} is its turn. */
    private record Start(LongConsumer task, long at, long delayNanos) {
    }

    HostGates(int perHost, long intervalNanos, Scheduler scheduler) {
        this.perHost = perHost;
        this.intervalNanos = intervalNanos;
        this.scheduler = scheduler;
    }

    /**
     * Runs {@code task} once {@code host} has room, giving it its turn (a {@link Scheduler#nanoTime}
     * to pass to {@link #begin}); the task must end with {@link #release}.
     */
    void enqueue(String host, LongConsumer task) {
        List<Start> starts = new ArrayList<>(1);
        synchronized (this) {
            Gate gate = gates.computeIfAbsent(host, h -> new Gate());
            gate.waiting.add(task);
            pump(gate, starts);
        }
        run(starts);
    }

    /** One request to {@code host} has ended. */
    void release(String host) {
        List<Start> starts = new ArrayList<>(1);
        synchronized (this) {
            Gate gate = gates.get(host);
            if (gate == null) {
                throw new IllegalStateException("release without a request in flight to " + host);
            }
            gate.inFlight--;
            pump(gate, starts);
            if (gate.inFlight == 0 && gate.waiting.isEmpty() && gate.nextStart <= scheduler.nanoTime()) {
                gates.remove(host);
            }
            if (++releases % PRUNE_EVERY == 0) {
                prune();
            }
        }
        run(starts);
    }

    /** Starts no new request to {@code host} before {@code untilNanos} (a server's {@code Retry-After}). */
    synchronized void pause(String host, long untilNanos) {
        Gate gate = gates.computeIfAbsent(host, h -> new Gate());
        gate.nextStart = Math.max(gate.nextStart, untilNanos);
        gate.pausedUntil = Math.max(gate.pausedUntil, untilNanos);
    }

    /**
     * A request of work handed out with turn {@code at} is about to start: 0 when it may, else the
     * nanoseconds it must still wait, its place and its new turn kept for it (the caller starts it
     * then without asking again). It waits when it came late, after another request to the host
     * started less than the interval ago, or when a pause began after it was handed out.
     */
    synchronized long begin(String host, long at) {
        Gate gate = gates.get(host);
        if (gate == null) {
            throw new IllegalStateException("begin without a place for " + host);
        }
        long clock = scheduler.nanoTime();
        long turn = Math.max(clock, at); // a test's scheduler may run work before its turn
        long spaced = gate.lastStart == Long.MIN_VALUE ? Long.MIN_VALUE : gate.lastStart + intervalNanos;
        long start = Math.max(turn + SLACK_NANOS < spaced ? spaced : turn, gate.pausedUntil);
        gate.lastStart = Math.max(gate.lastStart, start);
        gate.nextStart = Math.max(gate.nextStart, start + intervalNanos);
        return start == turn ? 0 : start - clock;
    }

    /** When the host's pause ends ({@link Long#MIN_VALUE} when none was set). */
    synchronized long pausedUntil(String host) {
        Gate gate = gates.get(host);
        return gate == null ? Long.MIN_VALUE : gate.pausedUntil;
    }

    /**
     * A request held for its turn by {@link #begin} found that a pause began while it waited: it
     * gets a new turn after the pause, as work handed out then would; returns the nanoseconds
     * until it.
     */
    synchronized long rebook(String host) {
        Gate gate = gates.get(host);
        if (gate == null) {
            throw new IllegalStateException("rebook without a place for " + host);
        }
        long clock = scheduler.nanoTime();
        long start = Math.max(clock, Math.max(gate.nextStart, gate.pausedUntil));
        gate.lastStart = Math.max(gate.lastStart, start);
        gate.nextStart = start + intervalNanos;
        return start - clock;
    }

    /**
     * Forgets the work waiting for {@code host}, unstarted: the run gave the host up and calls that
     * work off itself, at once rather than one {@code hostInterval} at a time. Requests in flight
     * still end with {@link #release}.
     */
    synchronized void drop(String host) {
        Gate gate = gates.get(host);
        if (gate != null) {
            gate.waiting.clear();
        }
    }

    /** Hosts remembered now: for tests of the memory bound. */
    synchronized int size() {
        return gates.size();
    }

    private void pump(Gate gate, List<Start> starts) {
        long now = scheduler.nanoTime();
        while (gate.inFlight < perHost && !gate.waiting.isEmpty()) {
            LongConsumer task = gate.waiting.poll();
            gate.inFlight++;
            long at = Math.max(now, gate.nextStart);
            gate.nextStart = at + intervalNanos;
            starts.add(new Start(task, at, at - now));
        }
    }

    private void prune() {
        long now = scheduler.nanoTime();
        for (Iterator<Gate> it = gates.values().iterator(); it.hasNext(); ) {
            Gate gate = it.next();
            if (gate.inFlight == 0 && gate.waiting.isEmpty() && gate.nextStart <= now) {
                it.remove();
            }
        }
    }

    private void run(List<Start> starts) {
        for (Start start : starts) {
            scheduler.schedule(() -> start.task().accept(start.at()), start.delayNanos());
        }
    }
}
