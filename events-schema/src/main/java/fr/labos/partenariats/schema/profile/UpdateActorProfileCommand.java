package fr.labos.partenariats.schema.profile;


import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Sets;
import fr.labos.partenariats.schema.common.Theme;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Replace the public profile of an actor; the contact, when given, replaces the one on file. */
public record UpdateActorProfileCommand(
        @TargetAggregateIdentifier String actorId,
        String name,
        ActorType type,
        String homeTerritory,
        Set<Theme> themes,
        Set<Sdg> sdgs,
        String description,
        ContactDetails contact) {

    public UpdateActorProfileCommand {
        themes = Sets.sorted(themes);
        sdgs = Sets.sorted(sdgs);
    }
}
