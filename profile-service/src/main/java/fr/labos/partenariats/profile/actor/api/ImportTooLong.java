package fr.labos.partenariats.profile.actor.api;

import java.time.Duration;

/**
 * An import ran longer than a transaction that appends events may stay open ({@code lab.event-store.longest-transaction}):
 * it was stopped and rolled back, nothing written, and the file is to be sent again in smaller parts (a 503 with
 * Retry-After). Past that bound the relay could have given up waiting for its events and never published them.
 */
class ImportTooLong extends RuntimeException {

    private final Duration bound;
    private final int linesDone;
    private final int lines;

    ImportTooLong(Duration bound, int linesDone, int lines) {
        super("actors' import stopped past " + bound + " after " + linesDone + " of " + lines + " lines, rolled back");
        this.bound = bound;
        this.linesDone = linesDone;
        this.lines = lines;
    }

    /** The bound in whole seconds, at least one. */
    long boundSeconds() {
        return Math.max(1, (bound.toMillis() + 999) / 1000);
    }

    int linesDone() {
        return linesDone;
    }

    int lines() {
        return lines;
    }
}
