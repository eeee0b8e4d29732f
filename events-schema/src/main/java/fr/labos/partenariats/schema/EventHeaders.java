package fr.labos.partenariats.schema;

/** Kafka record headers that travel with every event; the payload is the event record's JSON. */
public final class EventHeaders {
    /** Simple name of the event record, e.g. {@code NeedRegisteredEvent}; see {@link EventCatalog}. */
    public static final String EVENT_TYPE = "lab-event-type";
    /** The event's {@code @Revision}. */
    public static final String EVENT_REVISION = "lab-event-revision";
    /** Unique identifier of the event, stable across redeliveries. */
    public static final String EVENT_ID = "lab-event-id";
    public static final String AGGREGATE_ID = "lab-aggregate-id";
    /** Sequence number of the event within its aggregate: consumers use it to stay idempotent. */
    public static final String AGGREGATE_SEQUENCE = "lab-aggregate-sequence";
    /** When the event happened, ISO-8601. */
    public static final String TIMESTAMP = "lab-event-timestamp";
    /**
     * On an introduction's events only: the event's hash in its introduction's chain (SHA-256 of its canonical form,
     * hex), as recorded when it was written; anyone who keeps the topic holds the chain independently of the store.
     */
    public static final String HISTORY_HASH = "lab-history-hash";
    /** On an introduction's events after its first: the hash of the previous event of the same introduction. */
    public static final String HISTORY_PREVIOUS_HASH = "lab-history-previous-hash";
    /** On an introduction's events only: the event's leaf index in the tree over all introduction events. */
    public static final String HISTORY_LEAF_INDEX = "lab-history-leaf-index";
    /**
     * On an introduction's events only: the event's metadata (who acted, for whom, Axon's trace and correlation ids)
     * as compact JSON, exactly as hashed. With the type, revision, payload and timestamp the record already carries,
     * a consumer recomputes the event's hash and leaf from the record alone.
     */
    public static final String HISTORY_METADATA = "lab-history-metadata";

    private EventHeaders() {
    }
}
