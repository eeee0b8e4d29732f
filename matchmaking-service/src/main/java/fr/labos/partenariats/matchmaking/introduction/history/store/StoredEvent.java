package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;

/**
 * An introduction event as {@code domainevententry} holds it, with what the history recorded for it when it was
 * appended (previous hash, hash, leaf), all null when nothing was recorded.
 */
public record StoredEvent(long sequenceNumber, String eventIdentifier, long globalIndex, String payloadType,
                          String payloadRevision, byte[] payload, byte[] metadata, String timestamp,
                          String previousHash, String hash, Long leafIndex, String leafHash) {

    /**
     * The event's canonical form linked to {@code previousHash}. Its type is the name the event travels under (the
     * simple name), so that the form does not depend on where a Java class lives.
     *
     * @throws IllegalArgumentException when the stored payload or metadata is no longer JSON
     */
    public CanonicalEvent canonical(String previousHash) {
        return CanonicalEvent.ofStored(typeName(), payloadRevision, payload, metadata, timestamp, previousHash);
    }

    /** The canonical form with the previous hash the history recorded for it. */
    public CanonicalEvent canonical() {
        return canonical(previousHash);
    }

    /** The payload type's simple name, as events travel under it. */
    public String typeName() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
