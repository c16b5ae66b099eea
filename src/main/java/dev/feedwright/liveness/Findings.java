package dev.feedwright.liveness;

import dev.feedwright.liveness.NetworkBreaker.Decision;
import dev.feedwright.liveness.Outcome.Kind;
import dev.feedwright.state.LinkRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What a run found, on its way to the store: every outcome passes the {@link NetworkBreaker}
 * (the first sample is held back until it is judged), a missing host is settled as DEAD or
 * UNKNOWN by whether other names resolve, and each result becomes a new row for the
 * {@link ResultWriter}. Counts what was found, for the report and the progress display.
 * Thread-safe.
 */
final class Findings {

    private final NetworkBreaker breaker;
    private final LinkTransitions transitions;
    private final ResultWriter writer;
    private final Clock clock;
    private final LongSupplier resolvedNames;
    private final Runnable onNetworkDown;
    private final List<Held> held = new ArrayList<>();
    private final long[] tally = new long[Kind.values().length];
    private long moved;
    private boolean closed;
    private boolean namesFailed;
    private String networkDown;

    /** A result kept back while the breaker is still judging the first sample. */
    private record Held(LinkRow row, Outcome outcome) {
    }

    /**
     * @param resolvedNames host names resolved so far in this run
     * @param onNetworkDown called (holding this object's lock) when the network looks down
     */
    Findings(NetworkBreaker breaker, LinkTransitions transitions, ResultWriter writer, Clock clock,
            LongSupplier resolvedNames, Runnable onNetworkDown) {
        this.breaker = breaker;
        this.transitions = transitions;
        this.writer = writer;
        this.clock = clock;
        this.resolvedNames = resolvedNames;
        this.onNetworkDown = onNetworkDown;
    }

    /** One link's outcome. Ignored once the run is closed. */
    synchronized void accept(LinkRow row, Outcome outcome) {
        if (closed) {
            return;
        }
        boolean nameFailed = outcome.kind() == Kind.NO_HOST && resolvedNames.getAsLong() == 0;
        namesFailed |= nameFailed;
        boolean networkFailure = outcome.networkFailure() || nameFailed;
        Decision decision = breaker.record(networkFailure, row.host());
        switch (decision) {
            case HOLD -> held.add(new Held(row, outcome));
            case RELEASE -> {
                held.add(new Held(row, outcome));
                flushHeld();
            }
            case PASS -> write(row, outcome);
            case TRIP -> {
                held.add(new Held(row, outcome));
                giveUp();
            }
        }
    }

    /** Every link is over: judges a run shorter than the sample, writes what is still held. */
    synchronized void endOfRun() {
        if (closed) {
            return;
        }
        if (breaker.finish()) {
            giveUp();
        } else {
            flushHeld();
        }
        closed = true;
    }

    /** Accepts nothing more: the run was called off. */
    synchronized void close() {
        closed = true;
    }

    /** Why the run stopped believing the network, or null. */
    synchronized String networkDownReason() {
        return networkDown;
    }

    synchronized long count(Kind kind) {
        return tally[kind.ordinal()];
    }

    /** Checks found alive after a permanent redirect (not counted as ALIVE). */
    synchronized long moved() {
        return moved;
    }

    /** Checks that ended and were counted. */
    synchronized long checked() {
        long sum = moved;
        for (long count : tally) {
            sum += count;
        }
        return sum;
    }

    /**
     * A few words for the progress display. The results held back while the first sample is
     * judged count as they would be written: a small run is all held back until its end.
     */
    synchronized String summary() {
        long alive = tally[Kind.ALIVE.ordinal()] + moved;
        long dead = tally[Kind.DEAD.ordinal()];
        long unknown = tally[Kind.UNKNOWN.ordinal()];
        for (Held h : held) {
            switch (settle(h.outcome()).kind()) {
                case ALIVE -> alive++;
                case DEAD -> dead++;
                case UNKNOWN -> unknown++;
                default -> {
                }
            }
        }
        return alive + " alive, " + dead + " dead, " + unknown + " unknown";
    }

    private void flushHeld() {
        for (Held h : held) {
            write(h.row(), h.outcome());
        }
        held.clear();
    }

    private void write(LinkRow row, Outcome outcome) {
        Outcome settled = settle(outcome);
        count(settled);
        writer.put(transitions.apply(row, settled, clock.millis()));
    }

    /** The network looks down: nothing held is written, every link keeps its state. */
    private void giveUp() {
        for (Held h : held) {
            count(settle(h.outcome()));
        }
        held.clear();
        boolean sampling = breaker.recorded() <= breaker.sample();
        String names = namesFailed && resolvedNames.getAsLong() == 0 ? " (no host name resolved)" : "";
        networkDown = String.format(Locale.ROOT, "the network looks down: %d of the %s %d checks failed for network"
                        + " reasons%s; stopped checking, %s",
                breaker.failures(), sampling ? "first" : "latest", Math.min(breaker.recorded(), breaker.sample()),
                names, sampling ? "and every link keeps its previous state"
                        : "and the links not yet written keep their previous state");
        closed = true;
        onNetworkDown.run();
    }

    /** A missing host is DEAD while other names resolve in this run, else UNKNOWN. */
    private Outcome settle(Outcome outcome) {
        if (outcome.kind() != Kind.NO_HOST) {
            return outcome;
        }
        return outcome.as(resolvedNames.getAsLong() > 0 ? Kind.DEAD : Kind.UNKNOWN);
    }

    private void count(Outcome settled) {
        if (settled.kind() == Kind.ALIVE && settled.movedTo() != null) {
            moved++;
        } else {
            tally[settled.kind().ordinal()]++;
        }
    }
}
