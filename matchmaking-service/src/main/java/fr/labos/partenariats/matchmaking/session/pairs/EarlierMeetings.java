package fr.labos.partenariats.matchmaking.session.pairs;

import java.util.Set;

/** Who an actor already met in an earlier speed-meeting session (any session other than the one being planned). */
@FunctionalInterface
public interface EarlierMeetings {

    EarlierMeetings NONE = (sessionId, actorId) -> Set.of();

    /** The actors met by {@code actorId} in sessions other than {@code sessionId}. */
    Set<String> metBefore(String sessionId, String actorId);
}
