package fr.labos.partenariats.matchmaking.introduction.history;

/**
 * What {@link ChainVerifier} needs of one step, wherever the step comes from: the event store's rows
 * ({@link HistoryStep}) or the records of the topic (the standalone verifier's audit, which keeps only hashes so that a
 * million steps fit in memory).
 */
public interface ChainStep {

    /** The step's sequence number in its introduction. */
    long sequenceNumber();

    /** The event's type, for the sentence that names a broken step. */
    String type();

    /** The previous step's hash as the step's canonical form holds it (null for the first step). */
    String linkedHash();

    /** The SHA-256 of the step's canonical form, computed from its content as it is now. */
    String contentHash();

    /** The hash recorded for the step when it was appended, or null if none was. */
    String recordedHash();
}
