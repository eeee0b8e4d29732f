package fr.labos.partenariats.matchmaking.projection;

import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Theme;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An actor as the matcher sees it (collection {@code actors}): its public profile, no contact person.
 * Fields are null when the profile has not arrived yet.
 *
 * @param sdgs     SDG numbers 1–17, stored as numbers so that the collection reads like the events
 * @param members  subjects that joined the actor as members in profile-service ({@code ActorMemberJoinedEvent}) and
 *                 have not left it ({@code ActorMemberLeftEvent}); null when none ever joined
 * @param sequence the last aggregate sequence applied; older or equal events are ignored
 */
@Document(ActorEntry.COLLECTION)
public record ActorEntry(
        @Id String id,
        String name,
        ActorType type,
        String homeTerritory,
        List<Theme> themes,
        List<Integer> sdgs,
        String description,
        Instant registeredAt,
        long sequence,
        Instant lastEventAt,
        Set<String> members) {

    public static final String COLLECTION = "actors";
}
