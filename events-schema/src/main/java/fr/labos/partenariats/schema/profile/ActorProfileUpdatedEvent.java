package fr.labos.partenariats.schema.profile;


import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Sets;
import fr.labos.partenariats.schema.common.Theme;
import org.axonframework.serialization.Revision;

import java.util.Set;

/** The public profile of an actor changed; carries the whole new profile so consumers need no history. */
@Revision("1")
public record ActorProfileUpdatedEvent(
        String actorId,
        String name,
        ActorType type,
        String homeTerritory,
        Set<Theme> themes,
        Set<Sdg> sdgs,
        String description) {

    public ActorProfileUpdatedEvent {
        themes = Sets.sorted(themes);
        sdgs = Sets.sorted(sdgs);
    }
}
