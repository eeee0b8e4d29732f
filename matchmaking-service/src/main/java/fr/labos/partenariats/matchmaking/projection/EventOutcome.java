package fr.labos.partenariats.matchmaking.projection;

/** What became of one consumed record; the {@code outcome} tag of {@code lab.projection.events}. */
public enum EventOutcome {
    /** The projection changed. */
    APPLIED("applied"),
    /** Sequence at or below what the document already holds: a redelivery or a stale event, nothing changed. */
    DUPLICATE("duplicate"),
    /** A type this service does not know (a producer added it first): parked on the dead-letter topic for a later replay. */
    UNKNOWN_TYPE("unknown"),
    /** Cannot be applied whatever the retries (unreadable, unknown revision, missing id): parked on the dead-letter topic. */
    POISON("poison");

    private final String tag;

    EventOutcome(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
