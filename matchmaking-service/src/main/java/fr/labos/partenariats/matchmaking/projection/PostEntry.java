package fr.labos.partenariats.matchmaking.projection;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.PostDetails;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A need or an offer as the matcher sees it (collections {@code needs} and {@code offers}, see {@link PostKind}).
 * Withdrawn and fulfilled posts keep their document as a tombstone with their status and sequence.
 *
 * @param sdgs       SDG numbers 1–17
 * @param validUntil ISO date ({@code 2027-06-30}) or null, as displayed; "not expired" is decided on the document's
 *                   numeric {@value #VALID_UNTIL_DAY} field (days since 1970-01-01), which sorts for every year
 * @param sequence   the last aggregate sequence applied; older or equal events are ignored
 */
public record PostEntry(
        @Id String id,
        String actorId,
        ResourceCategory category,
        PartnershipForm form,
        String title,
        String description,
        List<Theme> themes,
        List<Integer> sdgs,
        String territoryCode,
        TerritoryLevel territoryLevel,
        String validUntil,
        PostStatus status,
        Instant registeredAt,
        Instant closedAt,
        long sequence,
        Instant lastEventAt) {

    /** Stored beside {@code validUntil}: its epoch day, what queries compare (ISO strings do not sort past 9999). */
    public static final String VALID_UNTIL_DAY = "validUntilDay";

    /** The content in the shape of the events, for the matcher; a post without territory counts as national. */
    public PostDetails details() {
        TerritoryRef territory = territoryCode == null || territoryLevel == null
                ? TerritoryRef.national()
                : new TerritoryRef(territoryCode, territoryLevel);
        return new PostDetails(category, form, title, description, themes == null ? null : Set.copyOf(themes),
                sdgs == null ? null : sdgs.stream().map(Sdg::of).collect(Collectors.toSet()),
                territory, validUntil == null ? null : LocalDate.parse(validUntil));
    }
}
