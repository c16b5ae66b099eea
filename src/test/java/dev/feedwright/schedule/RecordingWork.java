package dev.feedwright.schedule;

import dev.feedwright.status.RunResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work for daemon tests: records when each run started and ended and how many ran at once, and
 * does what the test tells it for each run (by default nothing, at once).
 */
final class RecordingWork implements DaemonWork {

    /** What one run does; may throw to fail the run. */
    @FunctionalInterface
    interface Behaviour {
        void run(Task task, int number) throws Exception;
    }

    /** One run as the work saw it. */
    record Call(Task task, int number, Instant started, Instant ended) {
    }

    private final Behaviour behaviour;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Instant> starts = new CopyOnWriteArrayList<>();
    private final List<Call> done = new CopyOnWriteArrayList<>();

    RecordingWork() {
        this((task, number) -> { });
    }

    RecordingWork(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public RunResult export() throws Exception {
        return run(Task.EXPORT);
    }

    @Override
    public RunResult checkLinks() throws Exception {
        return run(Task.CHECK_LINKS);
    }

    private RunResult run(Task task) throws Exception {
        Instant started = Instant.now();
        int number = calls.incrementAndGet();
        starts.add(started);
        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            behaviour.run(task, number);
            return new RunResult(task.id() + " call " + number, Map.of("calls", (long) number));
        } finally {
            inFlight.decrementAndGet();
            done.add(new Call(task, number, started, Instant.now()));
        }
    }

    /** Runs started so far. */
    int calls() {
        return calls.get();
    }

    /** When each run started, in order. */
    List<Instant> starts() {
        return List.copyOf(starts);
    }

    /** Runs that ended, in the order they ended. */
    List<Call> done() {
        return List.copyOf(done);
    }

    /** The most runs that were ever going at once. */
    int mostAtOnce() {
        return mostAtOnce.get();
    }
}
