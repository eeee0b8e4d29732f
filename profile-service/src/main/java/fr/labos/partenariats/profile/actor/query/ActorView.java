package fr.labos.partenariats.profile.actor.query;

import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Sets;
import fr.labos.partenariats.schema.common.Theme;

import java.time.Instant;
import java.util.Set;

/** The public profile of an actor, as GET returns it. */
public record ActorView(
        String id,
        String name,
        ActorType type,
        String homeTerritory,
        Set<Theme> themes,
        Set<Sdg> sdgs,
        String description,
        Instant registeredAt) {

    public ActorView {
        // Sorted, so that the JSON lists the same SDGs and themes in the same order every time.
        themes = Sets.sorted(themes);
        sdgs = Sets.sorted(sdgs);
    }
}
