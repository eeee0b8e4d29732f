package fr.labos.partenariats.matchmaking.introduction.batch;

import fr.labos.partenariats.schema.common.TerritoryRef;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A batch of matcher proposals: a territory ({@code {"code": "38", "level": "DEPARTEMENT"}}) and how many partners
 * per actor (3 when absent).
 */
record BatchRequest(@NotNull TerritoryRef territory,
                    @Min(1) @Max(BatchProposals.MAX_PER_ACTOR) Integer partnersPerActor) {

    static final int DEFAULT_PER_ACTOR = 3;

    int perActor() {
        return partnersPerActor == null ? DEFAULT_PER_ACTOR : partnersPerActor;
    }
}
