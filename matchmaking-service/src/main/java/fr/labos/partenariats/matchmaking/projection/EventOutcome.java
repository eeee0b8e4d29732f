package fr.labos.partenariats.matchmaking.projection;

/** What became of one consumed record; the {@code outcome} tag of {@code lab.projection.events}. */
public enum EventOutcome {
    /** The projection changed. */
    APPLIED("applied"),
    /** Sequence at or below what the document already holds: a redelivery or a stale event, nothing changed. */
    DUPLICATE("duplicate"),
    /** A type this service does not know (a producer added it first): skipped on purpose. */
    UNKNOWN_TYPE("unknown"),
    /** Could not be read even after retries: logged and skipped so that the partition moves on. */
    POISON("poison");

    private final String tag;

    EventOutcome(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
