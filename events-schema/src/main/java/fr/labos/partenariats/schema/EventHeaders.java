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

    private EventHeaders() {
    }
}
