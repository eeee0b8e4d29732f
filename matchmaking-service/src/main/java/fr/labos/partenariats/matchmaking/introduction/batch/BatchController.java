package fr.labos.partenariats.matchmaking.introduction.batch;

import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/introductions/batch}: a facilitator (within its territories) or an admin asks the matcher for a
 * batch of proposals for a territory ({@link BatchProposals}). Checks come first: a refused request proposes nothing.
 */
@RestController
class BatchController {

    private final BatchProposals batches;
    private final TerritoryDirectory territories;

    BatchController(BatchProposals batches, TerritoryDirectory territories) {
        this.batches = batches;
        this.territories = territories;
    }

    @Operation(operationId = "proposeIntroductionBatch")
    @PostMapping("/api/introductions/batch")
    BatchReport propose(@AuthenticationPrincipal LabPrincipal principal, @Valid @RequestBody BatchRequest request) {
        TerritoryRef territory = request.territory();
        if (territory.code() == null || territory.code().isBlank()) {
            throw new InvalidBatchException("territory.code", "invalid.batch.territory-code");
        }
        if (territory.level() == null) {
            throw new InvalidBatchException("territory.level", "invalid.batch.territory-level");
        }
        if (!territories.isKnown(territory)) {
            throw new InvalidBatchException("territory", "invalid.batch.territory", territory.code(), territory.level());
        }
        checkMayAskFor(principal, territory);
        return batches.propose(principal, territory, request.perActor());
    }

    private void checkMayAskFor(LabPrincipal principal, TerritoryRef territory) {
        if (principal.is(LabRole.ADMIN)) {
            return;
        }
        if (!principal.is(LabRole.FACILITATOR)) {
            throw new ActionForbiddenException("Seuls les animateurs et les administrateurs demandent un lot de"
                    + " propositions de mise en relation.");
        }
        if (principal.territories().stream().noneMatch(served -> territories.contains(served, territory))) {
            throw new ActionForbiddenException("Le territoire « " + territories.nameOf(territory).orElse(territory.code())
                    + " » n'est pas dans les territoires que vous animez.");
        }
    }
}
