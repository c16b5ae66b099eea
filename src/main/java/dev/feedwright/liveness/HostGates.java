package dev.feedwright.liveness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keeps every host within its limits: at most {@code perHost} requests in flight, and request
 * starts at least {@code interval} apart (longer when a server asked to be left alone with
 * {@code Retry-After}). Work for a host that is at its limit waits in the host's queue without
 * holding a worker thread, so one slow host never stalls the others. Only hosts with work in
 * flight, queued, or a pause not yet over are remembered.
 */
final class HostGates {

    private static final int PRUNE_EVERY = 1024;

    private final int perHost;
    private final long intervalNanos;
    private final Scheduler scheduler;
    private final Map<String, Gate> gates = new HashMap<>();
    private int releases;

    private static final class Gate {
        int inFlight;
        long nextStart = Long.MIN_VALUE;
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    }

    /** A start to run, at once or after a delay, outside the lock. */
    private record Start(Runnable task, long delayNanos) {
    }

    HostGates(int perHost, long intervalNanos, Scheduler scheduler) {
        this.perHost = perHost;
        this.intervalNanos = intervalNanos;
        this.scheduler = scheduler;
    }

    /** Runs {@code task} once {@code host} has room; the task must end with {@link #release}. */
    void enqueue(String host, Runnable task) {
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
            Runnable task = gate.waiting.poll();
            gate.inFlight++;
            long at = Math.max(now, gate.nextStart);
            gate.nextStart = at + intervalNanos;
            starts.add(new Start(task, at - now));
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
            scheduler.schedule(start.task(), start.delayNanos());
        }
    }
}
