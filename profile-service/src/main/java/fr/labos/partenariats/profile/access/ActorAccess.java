package fr.labos.partenariats.profile.access;

import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.profile.actor.query.ActorProjection;
import fr.labos.partenariats.profile.actor.query.ActorView;
import fr.labos.partenariats.profile.domain.ConflictException;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.profile.introduction.IntroducedPairs;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what to which actor (object level). Public views need no check here: every signed-in role reads them.
 * <ul>
 *   <li>{@code ADMIN}: everything;</li>
 *   <li>{@code FACILITATOR}: the actors whose home commune lies in one of its territories, and those it is a member of;</li>
 *   <li>{@code ACTOR_MEMBER}: the actors it is a member of, by its token or by membership granted here;</li>
 *   <li>{@code VIEWER}: nothing beyond public views.</li>
 * </ul>
 * Among those who act for an actor, deciding who else does (inviting, naming managers, removing others) is for admins,
 * the facilitators of its territory, its members named by the token, and the members granted here as managers; a
 * member granted here as a plain member acts for the actor and may leave it, no more.
 * Besides, the members of an actor introduced to this one, once both sides accepted the introduction, may read its
 * contact person (and nothing else of what is reserved).
 * An actor that does not exist is a 404 before any of this; a refusal is a 403 ({@link ActionForbiddenException}).
 */
@Component
public class ActorAccess {

    private final ActorProjection actors;
    private final Memberships memberships;
    private final IntroducedPairs introductions;
    private final TerritoryDirectory territories = TerritoryDirectory.official();

    public ActorAccess(ActorProjection actors, Memberships memberships, IntroducedPairs introductions) {
        this.actors = actors;
        this.memberships = memberships;
        this.introductions = introductions;
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

    /**
     * May decide who acts for the actor: invite colleagues, withdraw invitations, name or un-name managers, remove
     * members other than oneself. The members its token names count as managers: the identity provider vouches for them.
     */
    public boolean mayManageMembers(LabPrincipal principal, ActorView actor) {
        return switch (principal.role()) {
            case ADMIN -> true;
            case FACILITATOR -> serves(principal, actor.homeTerritory()) || managesAsMember(principal, actor.id());
            case ACTOR_MEMBER -> managesAsMember(principal, actor.id());
            case VIEWER -> false;
        };
    }

    /**
     * The actor, if it exists (else 404), the principal acts for it (else 403, as {@link #actingFor}) and may manage its
     * members (else 403 naming who may).
     */
    public ActorView managingMembersOf(LabPrincipal principal, String actorId) {
        ActorView actor = actingFor(principal, actorId);
        if (!mayManageMembers(principal, actor)) {
            throw new ActionForbiddenException("Seuls les responsables de l'acteur « " + actor.name() + " », les"
                    + " animateurs de son territoire et les administrateurs invitent, nomment et retirent ses membres :"
                    + " vous en êtes membre, pas responsable.");
        }
        return actor;
    }

    /**
     * Whether the principal acts for the actor without any membership granted here: by its token (a member its
     * {@code lab_actors} names) or by its role (a facilitator of the actor's territory, an admin). Such a reach lasts
     * as long as the identity provider says so; joining with an invitation would turn it into a membership that
     * outlasts it, so it is refused ({@link #checkNotActingAlready}).
     */
    public boolean actsForByTokenOrRole(LabPrincipal principal, ActorView actor) {
        return switch (principal.role()) {
            case ADMIN -> true;
            case FACILITATOR -> serves(principal, actor.homeTerritory()) || principal.actors().contains(actor.id());
            case ACTOR_MEMBER -> principal.actors().contains(actor.id());
            case VIEWER -> false;
        };
    }

    /**
     * Joining this actor with an invitation's code, once the invitation is known to be this actor's: refused (409,
     * nothing written) to whoever already acts for it by its token or its role ({@link #actsForByTokenOrRole}). Telling
     * so before the code is checked reveals nothing: those very principals may list the actor's invitations.
     */
    public void checkNotActingAlready(LabPrincipal principal, ActorView actor) {
        if (actsForByTokenOrRole(principal, actor)) {
            throw new ConflictException("conflict.member.acts-already");
        }
    }

    /**
     * The actors the principal is a member of: those its token lists, and those it joined here; existing ones only. None
     * for a viewer, even one whose token names actors: it acts for none of them ({@link #mayActFor}).
     */
    public List<ActorView> memberOf(LabPrincipal principal) {
        if (principal.is(LabRole.VIEWER)) {
            return List.of();
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>(principal.actors());
        ids.addAll(memberships.actorsOf(principal.subject()));
        return ids.stream().map(actors::find).flatMap(Optional::stream).toList();
    }

    /**
     * The contact person is personal data: for those who may act for the actor, and for the members of an actor it
     * was introduced to once both sides accepted (by the token's actors or by membership granted here; never a viewer).
     */
    public boolean maySeeContact(LabPrincipal principal, ActorView actor) {
        return mayActFor(principal, actor) || isIntroducedPartnerMember(principal, actor.id());
    }

    /** The actor, if it exists (else 404) and the principal may see its contact person (else 403). */
    public ActorView contactReadable(LabPrincipal principal, String actorId) {
        ActorView actor = existing(actorId);
        if (!maySeeContact(principal, actor)) {
            throw new ActionForbiddenException("Le contact de l'acteur « " + actor.name() + " » est réservé à ceux qui"
                    + " agissent pour lui et aux membres des acteurs mis en relation avec lui : " + reach(principal.role()));
        }
        return actor;
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

    /**
     * Joining an actor with an invitation's code: any signed-in account but a viewer's (403), as for registering one.
     * Checked before the invitation is looked up, so that the answer says nothing of the invitation.
     */
    public void checkMayJoin(LabPrincipal principal) {
        if (principal.is(LabRole.VIEWER)) {
            throw new ActionForbiddenException("Un compte de consultation ne peut pas devenir membre d'un acteur.");
        }
    }

    /**
     * Importing a file of actors is a facilitator's or an admin's work (403 for anyone else); a facilitator's lines
     * must all lie in its territories ({@link #mayRegisterAt}).
     */
    public void checkMayImport(LabPrincipal principal) {
        if (!principal.is(LabRole.ADMIN) && !principal.is(LabRole.FACILITATOR)) {
            throw new ActionForbiddenException("L'import d'un fichier d'acteurs est réservé aux animateurs du territoire"
                    + " et aux administrateurs.");
        }
    }

    /** Whether the principal may register an actor at that (known) home commune: admins anywhere, facilitators in their territories. */
    public boolean mayRegisterAt(LabPrincipal principal, String homeCommune) {
        return switch (principal.role()) {
            case ADMIN, ACTOR_MEMBER -> true;
            case FACILITATOR -> serves(principal, homeCommune);
            case VIEWER -> false;
        };
    }

    /** A facilitator may not move an actor out of its territories: the new home must lie in them too. */
    public void checkMayMoveTo(LabPrincipal principal, ActorView actor, String newHomeTerritory) {
        if (principal.is(LabRole.FACILITATOR) && !newHomeTerritory.equals(actor.homeTerritory())
                && !isMember(principal, actor.id())) {
            checkServes(principal, newHomeTerritory);
        }
    }

    /**
     * GDPR portability: the actor's members and admins. Among members, those who may not {@link #mayManageMembers
     * manage its members} get it without the invitations.
     */
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

    private boolean managesAsMember(LabPrincipal principal, String actorId) {
        return principal.actors().contains(actorId) || memberships.isManager(principal.subject(), actorId);
    }

    private boolean isIntroducedPartnerMember(LabPrincipal principal, String actorId) {
        if (principal.is(LabRole.VIEWER)) {
            return false;
        }
        Set<String> actedFor = new HashSet<>(principal.actors());
        actedFor.addAll(memberships.actorsOf(principal.subject()));
        actedFor.remove(actorId);
        return introductions.acceptedBetween(actorId, actedFor);
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
