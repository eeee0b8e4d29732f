package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Participants' public names, from the matching projection; an actor not there yet is shown by its id. */
@Component
class ActorNames {

    private final ProjectionReader projection;

    ActorNames(ProjectionReader projection) {
        this.projection = projection;
    }

    String of(String actorId) {
        return projection.actor(actorId).map(ActorEntry::name).filter(n -> !n.isBlank()).orElse(actorId);
    }

    Map<String, String> of(Collection<String> actorIds) {
        Map<String, String> names = new HashMap<>();
        actorIds.forEach(id -> names.put(id, of(id)));
        return names;
    }
}
