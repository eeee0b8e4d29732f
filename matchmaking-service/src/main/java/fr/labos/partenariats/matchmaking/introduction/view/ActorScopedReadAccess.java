package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.stereotype.Component;

/**
 * {@link IntroductionReadAccess} from what this service knows: admins read everything; a facilitator the actors whose
 * home commune (from the matching projection) lies in one of its territories; a member the actors its token names.
 */
@Component
class ActorScopedReadAccess implements IntroductionReadAccess {

    private final ProjectionReader actors;
    private final TerritoryDirectory territories = TerritoryDirectory.official();

    ActorScopedReadAccess(ProjectionReader actors) {
        this.actors = actors;
    }

    @Override
    public void checkMayReadInbox(LabPrincipal principal, String actorId) {
        if (!mayReadFor(principal, actorId)) {
            throw new ActionForbiddenException("Vous ne pouvez pas lire les mises en relation de cet acteur : "
                    + reach(principal, false));
        }
    }

    @Override
    public void checkMayReadIntroduction(LabPrincipal principal, String actorId, String partnerActorId) {
        if (!mayReadFor(principal, actorId) && !mayReadFor(principal, partnerActorId)) {
            throw new ActionForbiddenException("Vous ne pouvez pas lire cette mise en relation : " + reach(principal, true));
        }
    }

    private boolean mayReadFor(LabPrincipal principal, String actorId) {
        if (actorId == null) {
            return principal.is(LabRole.ADMIN);
        }
        return switch (principal.role()) {
            case ADMIN -> true;
            case FACILITATOR -> principal.actors().contains(actorId) || serves(principal, actorId);
            case ACTOR_MEMBER -> principal.actors().contains(actorId);
            case VIEWER -> false;
        };
    }

    private boolean serves(LabPrincipal principal, String actorId) {
        String home = actors.actor(actorId).map(ActorEntry::homeTerritory).orElse(null);
        if (home == null) {
            return false;
        }
        TerritoryRef commune = TerritoryRef.commune(home);
        return principal.territories().stream().anyMatch(territory -> territories.contains(territory, commune));
    }

    private static String reach(LabPrincipal principal, boolean twoSides) {
        return switch (principal.role()) {
            case FACILITATOR -> twoSides ? "aucune des deux parties n'est dans les territoires que vous animez."
                    : "il n'est pas dans les territoires que vous animez.";
            case ACTOR_MEMBER -> twoSides ? "vous n'êtes membre d'aucune des deux parties." : "vous n'en êtes pas membre.";
            case VIEWER -> "un compte de consultation ne voit que les tableaux de bord.";
            case ADMIN -> "";
        };
    }
}
