package fr.labos.partenariats.profile.access;

import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.profile.actor.query.ActorProjection;
import fr.labos.partenariats.profile.actor.query.ActorView;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Who may do what to which actor (object level). Public views need no check here: every signed-in role reads them.
 * <ul>
 *   <li>{@code ADMIN}: everything;</li>
 *   <li>{@code FACILITATOR}: the actors whose home commune lies in one of its territories, and those it is a member of;</li>
 *   <li>{@code ACTOR_MEMBER}: the actors it is a member of, by its token or by membership granted here;</li>
 *   <li>{@code VIEWER}: nothing beyond public views.</li>
 * </ul>
 * An actor that does not exist is a 404 before any of this; a refusal is a 403 ({@link ActionForbiddenException}).
 */
@Component
public class ActorAccess {

    private final ActorProjection actors;
    private final Memberships memberships;
    private final TerritoryDirectory territories = TerritoryDirectory.official();

    public ActorAccess(ActorProjection actors, Memberships memberships) {
        this.actors = actors;
        this.memberships = memberships;
    }

    /** The actor, or a 404. */
    public ActorView existing(String actorId) {
        return actors.find(actorId).orElseThrow(() -> new NotFoundException("not-found.actor", actorId));
    }

    /** May act for the actor: update it, post and change its needs and offers, see and erase its contact person. */
    public boolean mayActFor(LabPrincipal principal, ActorView actor) {
        return switch (principal.role()) {
            case ADMIN -> true;
            case FACILITATOR -> serves(principal, actor.homeTerritory()) || isMember(principal, actor.id());
            case ACTOR_MEMBER -> isMember(principal, actor.id());
            case VIEWER -> false;
        };
    }

    /** The actor, if it exists (else 404) and the principal may act for it (else 403). */
    public ActorView actingFor(LabPrincipal principal, String actorId) {
        ActorView actor = existing(actorId);
        if (!mayActFor(principal, actor)) {
            throw new ActionForbiddenException("Vous n'agissez pas pour l'acteur « " + actor.name() + " » : "
                    + reach(principal.role()));
        }
        return actor;
    }

    /** The actors the principal is a member of: those its token lists, and those it joined here; existing ones only. */
    public List<ActorView> memberOf(LabPrincipal principal) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(principal.actors());
        ids.addAll(memberships.actorsOf(principal.subject()));
        return ids.stream().map(actors::find).flatMap(Optional::stream).toList();
    }

    /** The contact person is personal data: for those who may act for the actor only. */
    public boolean maySeeContact(LabPrincipal principal, ActorView actor) {
        return mayActFor(principal, actor);
    }

    /** Registering an actor at that home commune; an unknown commune is left to validation (400). */
    public void checkMayRegister(LabPrincipal principal, String homeTerritory) {
        switch (principal.role()) {
            case VIEWER -> throw new ActionForbiddenException(
                    "Un compte de consultation ne peut pas inscrire d'acteur.");
            case FACILITATOR -> checkServes(principal, homeTerritory);
            case ADMIN, ACTOR_MEMBER -> {
            }
        }
    }

    /** A facilitator may not move an actor out of its territories: the new home must lie in them too. */
    public void checkMayMoveTo(LabPrincipal principal, ActorView actor, String newHomeTerritory) {
        if (principal.is(LabRole.FACILITATOR) && !newHomeTerritory.equals(actor.homeTerritory())
                && !isMember(principal, actor.id())) {
            checkServes(principal, newHomeTerritory);
        }
    }

    /** GDPR portability: the actor's members and admins. */
    public ActorView exportable(LabPrincipal principal, String actorId) {
        ActorView actor = existing(actorId);
        boolean allowed = principal.is(LabRole.ADMIN)
                || (!principal.is(LabRole.VIEWER) && isMember(principal, actorId));
        if (!allowed) {
            throw new ActionForbiddenException("L'export des données de l'acteur « " + actor.name()
                    + " » est réservé à ses membres et aux administrateurs.");
        }
        return actor;
    }

    private void checkServes(LabPrincipal principal, String homeTerritory) {
        TerritoryRef home = TerritoryRef.commune(homeTerritory);
        if (territories.isKnown(home) && !serves(principal, homeTerritory)) {
            throw new ActionForbiddenException("La commune " + homeTerritory + " (" + territories.nameOf(home).orElse("?")
                    + ") n'est pas dans les territoires que vous animez.");
        }
    }

    private boolean serves(LabPrincipal principal, String homeCommune) {
        TerritoryRef home = TerritoryRef.commune(homeCommune);
        return principal.territories().stream().anyMatch(territory -> territories.contains(territory, home));
    }

    private boolean isMember(LabPrincipal principal, String actorId) {
        return principal.actors().contains(actorId) || memberships.isMember(principal.subject(), actorId);
    }

    private static String reach(LabRole role) {
        return switch (role) {
            case FACILITATOR -> "il n'est pas dans les territoires que vous animez.";
            case ACTOR_MEMBER -> "vous n'en êtes pas membre.";
            case VIEWER -> "un compte de consultation ne voit que les vues publiques.";
            case ADMIN -> "";
        };
    }
}
