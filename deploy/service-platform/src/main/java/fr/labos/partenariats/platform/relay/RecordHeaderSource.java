package fr.labos.partenariats.platform.relay;

import org.axonframework.eventhandling.EventMessage;

import java.util.Map;

/**
 * Headers a service adds to the Kafka records of some of its events, beyond those every record carries (type,
 * revision, id, aggregate, sequence, who acted). A bean of this type is picked up by the relay; it is called on the
 * relay's thread for every event, after the event was committed to the store, and returns no header for an event it
 * has nothing to say about. A failure fails the relay's batch, which is retried: a record is never sent without them.
 */
@FunctionalInterface
public interface RecordHeaderSource {

    /** The headers to add to this event's record (name to text value); empty when none. */
    Map<String, String> headersOf(EventMessage<?> event);
}
