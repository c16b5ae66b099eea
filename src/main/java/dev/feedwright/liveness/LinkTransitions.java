package dev.feedwright.liveness;

import dev.feedwright.config.LivenessConfig;
import dev.feedwright.state.LinkRow;
import dev.feedwright.state.LinkState;

/**
 * How a check's outcome changes what the store remembers about a link, and when the link is due
 * again. ALIVE ends a run of DEAD checks and replaces the moved-to address; DEAD extends the run
 * and is due again once {@code confirmAfter} has passed since the run began, so that the second
 * check can confirm it; UNKNOWN and REFUSED change nothing but the last result: they never
 * remove an article, never end a run of DEAD checks, never forget where a link moved.
 *
 * <p>{@code LinkStore.shortenWaits} applies the same waits in SQL to links checked before a
 * setting was lowered; a change to the waits here belongs there too.
 */
final class LinkTransitions {

    private final LivenessConfig config;

    LinkTransitions(LivenessConfig config) {
        this.config = config;
    }

    /**
     * The row after {@code outcome}, checked at {@code now} (epoch ms).
     *
     * @param outcome an outcome whose kind is settled (not {@link Outcome.Kind#NO_HOST})
     */
    LinkRow apply(LinkRow row, Outcome outcome, long now) {
        return switch (outcome.kind()) {
            case ALIVE -> alive(row, outcome, now);
            case DEAD -> dead(row, outcome, now);
            case UNKNOWN -> unsettled(row, outcome, LinkState.UNKNOWN, now);
            case REFUSED -> unsettled(row, outcome, LinkState.REFUSED, now);
            case NO_HOST -> throw new IllegalArgumentException("a missing host must be settled first: " + row.url());
        };
    }

    private LinkRow alive(LinkRow row, Outcome o, long now) {
        return new LinkRow(row.url(), row.host(), LinkState.ALIVE, o.status(), o.detail(), o.movedTo(), now,
                now + config.cacheAlive().toMillis(), 0, 0, 0, o.etag(), o.lastModified(), o.validatorUrl());
    }

    private LinkRow dead(LinkRow row, Outcome o, long now) {
        long since = row.deadChecks() > 0 ? row.deadSince() : now;
        int checks = row.deadChecks() + 1;
        long confirmAfter = config.confirmAfter().toMillis();
        boolean confirmed = checks >= 2 && now - since >= confirmAfter;
        long next = confirmed ? now + config.cacheDead().toMillis() : Math.max(since + confirmAfter, now + 1);
        return new LinkRow(row.url(), row.host(), LinkState.DEAD, o.status(), o.detail(), row.movedTo(), now, next,
                since, now, checks, null, null, null);
    }

    private LinkRow unsettled(LinkRow row, Outcome o, LinkState state, long now) {
        long next = now + config.cacheUnknown().toMillis();
        if (row.deadChecks() > 0 && !row.confirmedDead(config.confirmAfter().toMillis())) {
            // A link on its way to being confirmed dead is checked again no later than planned.
            next = Math.min(next, Math.max(row.deadSince() + config.confirmAfter().toMillis(), now + 1));
        }
        return new LinkRow(row.url(), row.host(), state, o.status(), o.detail(), row.movedTo(), now, next,
                row.deadSince(), row.deadLast(), row.deadChecks(), row.etag(), row.lastModified(), row.validatorUrl());
    }
}
