package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import org.springframework.stereotype.Component;

/**
 * Who may read an actor's inbox and an introduction's timeline: those who may act for the actor (or for either side)
 * by {@link ActorAccess} — its members, the facilitators of its territory, admins; never a viewer, who sees
 * dashboards only. A side whose profile has not reached the projection is readable by admins and by the members its
 * token names. A refusal is a 403 ({@link ActionForbiddenException}).
 */
@Component
class IntroductionReadAccess {

    private final ActorAccess access;
    private final ProjectionReader actors;

    IntroductionReadAccess(ActorAccess access, ProjectionReader actors) {
        this.access = access;
        this.actors = actors;
    }

    void checkMayReadInbox(LabPrincipal principal, String actorId) {
        if (!mayReadFor(principal, actorId)) {
            throw new ActionForbiddenException("Vous ne pouvez pas lire les mises en relation de cet acteur : "
                    + reach(principal, false));
        }
    }

    void checkMayReadIntroduction(LabPrincipal principal, String actorId, String partnerActorId) {
        if (!mayReadFor(principal, actorId) && !mayReadFor(principal, partnerActorId)) {
            throw new ActionForbiddenException("Vous ne pouvez pas lire cette mise en relation : " + reach(principal, true));
        }
    }

    private boolean mayReadFor(LabPrincipal principal, String actorId) {
        if (actorId == null) {
            return principal.is(LabRole.ADMIN);
        }
        return actors.actor(actorId).map(actor -> access.mayActFor(principal, actor))
                .orElse(principal.is(LabRole.ADMIN) || !principal.is(LabRole.VIEWER) && principal.actors().contains(actorId));
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
