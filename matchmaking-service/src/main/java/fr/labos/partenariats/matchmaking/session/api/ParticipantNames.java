package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Participants' public names, from the matching projection; an actor not there yet is shown by its id. */
@Component
class ParticipantNames {

    private final ProjectionReader projection;

    ParticipantNames(ProjectionReader projection) {
        this.projection = projection;
    }

    String of(String actorId) {
        return projection.actor(actorId).map(ParticipantNames::name).orElse(actorId);
    }

    /** The names of several actors, read in one query. */
    Map<String, String> of(Collection<String> actorIds) {
        Map<String, ActorEntry> known = projection.actors(actorIds);
        Map<String, String> names = new HashMap<>();
        actorIds.forEach(id -> names.put(id, known.containsKey(id) ? name(known.get(id)) : id));
        return names;
    }

    /**
     * The names of every actor a session mentions (its participants, its grid's seats, its wishes), read in one query
     * rather than one per seat: a grid of ten rounds has two hundred seats.
     */
    Map<String, String> everyoneIn(SessionState session) {
        Set<String> actors = new HashSet<>(session.participants().keySet());
        session.schedule().forEach(meeting -> {
            actors.add(meeting.actorId());
            actors.add(meeting.partnerActorId());
        });
        session.wishes().forEach(wish -> {
            actors.add(wish.actorId());
            actors.add(wish.wishedActorId());
        });
        return of(actors);
    }

    /** {@link #everyoneIn(SessionState)} as a lookup; an actor the session does not mention is read alone. */
    Function<String, String> of(SessionState session) {
        Map<String, String> names = everyoneIn(session);
        return actorId -> names.computeIfAbsent(actorId, this::of);
    }

    private static String name(ActorEntry actor) {
        return actor.name() == null || actor.name().isBlank() ? actor.id() : actor.name();
    }
}
