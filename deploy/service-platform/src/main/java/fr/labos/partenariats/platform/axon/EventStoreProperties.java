package fr.labos.partenariats.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a service's event store treats the holes of its global sequence ({@code lab.event-store.*}), and how long a
 * transaction that appends events may stay open. The two are set together because one is only safe given the other.
 * <p>
 * A transaction takes its events' global indexes when it inserts them and makes them visible when it commits; the
 * relay, reading past them meanwhile, remembers the indexes it has not seen as gaps ({@code GapAwareTrackingToken})
 * and reads them once they appear. Axon forgets a gap in three ways, and an event committed after its gap was
 * forgotten is never relayed: (1) once the token holds more than {@code gapCleaningThreshold} gaps, each gap followed
 * by events older than {@code gapTimeout} (by the events' own timestamps, taken when they were applied); (2) every
 * gap below an event older than {@code gapTimeout} that the relay reads (a relay that fell behind); (3) a gap further
 * than {@code maxGapOffset} indexes below the newest event read. A gap still open below a committed event means both
 * transactions overlapped: the event is at most as old as the two transactions' durations together. So no gap of a
 * transaction that will commit is forgotten as long as {@code gapTimeout} exceeds twice the longest transaction, and
 * {@code maxGapOffset} exceeds the indexes the store hands out during the longest transaction.
 *
 * @param gapTimeout           how long a gap is waited for (Axon's default: 1 minute, shorter than an import of a
 *                             thousand actors may take). Must exceed twice {@code longestTransaction}: the default, 10
 *                             minutes, is 2.5 times twice the 2 minutes' bound, for clocks of several instances a
 *                             little apart and a commit slower than usual. Its cost: a gap that will never be filled (a
 *                             transaction rolled back after its insert: a command that lost a race for its aggregate,
 *                             an import stopped) stays in the relay's token, and in its every query, at least that
 *                             long (below {@code gapCleaningThreshold} gaps, until {@code maxGapOffset} indexes
 *                             were handed out above it)
 * @param gapCleaningThreshold how many gaps the token holds before the relay looks for timed-out ones (Axon's default,
 *                             250): below it the relay's query carries the gaps and nothing else; above it each
 *                             query is preceded by a scan of the store from the oldest gap to the newest
 * @param maxGapOffset         how far below the newest event read a gap is still waited for (Axon's default: 10,000
 *                             indexes, 40 s of the 260 commands a second, of about an event each, that a node was
 *                             measured to hold). 60,000 is 2 minutes at 500 events a second, the write side's target;
 *                             each gap is one parameter of the relay's query, of which PostgreSQL takes at most
 *                             65,535, so it stays below {@value #MAX_GAP_OFFSET_LIMIT}
 * @param longestTransaction   the longest a transaction that appends events may stay open (2 minutes: an import of
 *                             1,000 actors takes 8 to 18 s on an idle machine). What can run longer (the actors'
 *                             import, all or nothing) checks it, stops and rolls back past it
 */
@ConfigurationProperties("lab.event-store")
public record EventStoreProperties(
        @DefaultValue("PT10M") Duration gapTimeout,
        @DefaultValue("250") int gapCleaningThreshold,
        @DefaultValue("60000") int maxGapOffset,
        @DefaultValue("PT2M") Duration longestTransaction) {

    /** Every gap is a bind parameter of the relay's query; PostgreSQL's protocol counts them on two bytes. */
    static final int MAX_GAP_OFFSET_LIMIT = 65_000;

    public EventStoreProperties {
        if (longestTransaction.isNegative() || longestTransaction.isZero()) {
            throw new IllegalArgumentException("lab.event-store.longest-transaction must be positive, not "
                    + longestTransaction);
        }
        if (gapTimeout.compareTo(longestTransaction.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("lab.event-store.gap-timeout (" + gapTimeout + ") must exceed twice "
                    + "lab.event-store.longest-transaction (" + longestTransaction + "): the relay would otherwise "
                    + "give up waiting for the events of a transaction still open, and never publish them");
        }
        if (gapTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lab.event-store.gap-timeout must be under " + Integer.MAX_VALUE
                    + " ms, not " + gapTimeout);
        }
        if (gapCleaningThreshold < 1) {
            throw new IllegalArgumentException("lab.event-store.gap-cleaning-threshold must be positive, not "
                    + gapCleaningThreshold);
        }
        if (maxGapOffset < 1 || maxGapOffset > MAX_GAP_OFFSET_LIMIT) {
            throw new IllegalArgumentException("lab.event-store.max-gap-offset must be between 1 and "
                    + MAX_GAP_OFFSET_LIMIT + " (each gap is a parameter of the relay's query), not " + maxGapOffset);
        }
    }
}
