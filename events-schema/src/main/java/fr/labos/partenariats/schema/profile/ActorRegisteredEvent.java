package fr.labos.partenariats.schema.profile;


import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Sets;
import fr.labos.partenariats.schema.common.Theme;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * An organisation joined the lab. Its contact person is personal data and deliberately not in the event:
 * profile-service keeps it in an erasable store (see ActorContactErasedEvent).
 */
@Revision("1")
public record ActorRegisteredEvent(
        String actorId,
        String name,
        ActorType type,
        String homeTerritory,
        Set<Theme> themes,
        Set<Sdg> sdgs,
        String description,
        Instant registeredAt) {

    public ActorRegisteredEvent {
        themes = Sets.sorted(themes);
        sdgs = Sets.sorted(sdgs);
    }
}
