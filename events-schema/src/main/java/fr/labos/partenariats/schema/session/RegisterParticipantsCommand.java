package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Register a list of actors to the session at once (an imported participant list): all of them or none. An actor
 * already registered, or named twice, is registered once.
 */
public record RegisterParticipantsCommand(@TargetAggregateIdentifier String sessionId,
                                          List<Participant> participants) {

    /** An actor to register, and the organisation it belongs to (null: none). */
    public record Participant(String actorId, String organisation) {
    }
}
