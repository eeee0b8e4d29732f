package fr.labos.partenariats.profile.post.api;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.PostDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;

/** Body of POST and PUT for needs and offers. */
record PostRequest(
        @NotNull ResourceCategory category,
        @NotNull PartnershipForm form,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @Size(max = MAX_THEMES) Set<@NotNull Theme> themes,
        @Size(max = MAX_SDGS) Set<@NotNull Sdg> sdgs,
        @NotNull @Valid TerritoryRequest territory,
        LocalDate validUntil) {

    /** Every theme and every SDG at most; the body size limit refuses longer lists before they are read. */
    static final int MAX_THEMES = 32;
    static final int MAX_SDGS = 17;

    record TerritoryRequest(@NotBlank @Size(max = 16) String code, @NotNull TerritoryLevel level) {
    }

    PostDetails toDetails() {
        return new PostDetails(category, form, title.strip(), description, themes, sdgs,
                new TerritoryRef(territory.code().strip(), territory.level()), validUntil);
    }
}
