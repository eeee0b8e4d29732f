package fr.labos.partenariats.schema.profile;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Sets;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;

import java.time.LocalDate;
import java.util.Set;

/** What a need (besoin) or an offer (offre) is about; the same shape for both, so that they can be compared. */
public record PostDetails(
        ResourceCategory category,
        PartnershipForm form,
        String title,
        String description,
        Set<Theme> themes,
        Set<Sdg> sdgs,
        TerritoryRef territory,
        LocalDate validUntil) {

    public PostDetails {
        themes = Sets.sorted(themes);
        sdgs = Sets.sorted(sdgs);
    }

    /** A post stands until the end of its validUntil day; none means it stands until withdrawn. */
    public boolean isExpiredOn(LocalDate day) {
        return validUntil != null && validUntil.isBefore(day);
    }
}
