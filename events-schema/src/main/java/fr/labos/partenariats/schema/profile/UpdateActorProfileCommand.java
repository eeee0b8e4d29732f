package fr.labos.partenariats.schema.profile;


import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Sets;
import fr.labos.partenariats.schema.common.Theme;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Replace the public profile of an actor; the contact, when given, replaces the one on file.
 *
 * @param onlyAtRevisions {@code null} to replace whatever is on file; otherwise the profile revisions (as the reader
 *                        was given them) at which the change may be made: any other, and the change is refused
 *                        (a form filled before a change, or an erasure, of the profile or its contact person)
 */
public record UpdateActorProfileCommand(
        @TargetAggregateIdentifier String actorId,
        String name,
        ActorType type,
        String homeTerritory,
        Set<Theme> themes,
        Set<Sdg> sdgs,
        String description,
        ContactDetails contact,
        Set<Long> onlyAtRevisions) {

    public UpdateActorProfileCommand {
        themes = Sets.sorted(themes);
        sdgs = Sets.sorted(sdgs);
        onlyAtRevisions = onlyAtRevisions == null ? null : Set.copyOf(onlyAtRevisions);
    }
}
