package fr.labos.partenariats.schema.profile;


import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Sets;
import fr.labos.partenariats.schema.common.Theme;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Register an organisation with the lab. */
public record RegisterActorCommand(
        @TargetAggregateIdentifier String actorId,
        String name,
        ActorType type,
        String homeTerritory,
        Set<Theme> themes,
        Set<Sdg> sdgs,
        String description,
        ContactDetails contact) {

    public RegisterActorCommand {
        themes = Sets.sorted(themes);
        sdgs = Sets.sorted(sdgs);
    }
}
