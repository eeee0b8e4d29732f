package fr.labos.partenariats.matchmaking.access;

import fr.labos.partenariats.matchmaking.matching.UnknownActorException;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Who may act for which actor in matchmaking-service, with the same rules as profile-service's (identity contract):
 * <ul>
 *   <li>{@code ADMIN}: every actor;</li>
 *   <li>{@code FACILITATOR}: the actors whose home commune lies in one of its territories, and those it is a member of;</li>
 *   <li>{@code ACTOR_MEMBER}: the actors its token lists ({@code lab_actors}) or that it joined in profile-service
 *       and has not left ({@code ActorMemberJoinedEvent}, {@code ActorMemberLeftEvent}, kept on the projection's
 *       actor entries);</li>
 *   <li>{@code VIEWER}: none; it reads public views only.</li>
 * </ul>
 * Actors are known from the matching projection: one that has not reached it is a 404, a refusal a 403
 * ({@link ActionForbiddenException}).
 */
@Component
public class ActorAccess {

    private final ProjectionReader projection;
    private final TerritoryDirectory territories = TerritoryDirectory.official();

    public ActorAccess(ProjectionReader projection) {
        this.projection = projection;
    }

    /** The actor, or a 404. */
    public ActorEntry existing(String actorId) {
        return projection.actor(actorId).orElseThrow(() -> new UnknownActorException(actorId));
    }

    /** Several actors in one read, to be taken with {@link #existing(Map, String)}; the unknown ones are absent. */
    public Map<String, ActorEntry> read(Collection<String> actorIds) {
        return projection.actors(actorIds);
    }

    /** The actor among those {@link #read(Collection) read}, or a 404. */
    public ActorEntry existing(Map<String, ActorEntry> read, String actorId) {
        ActorEntry actor = read.get(actorId);
        if (actor == null) {
            throw new UnknownActorException(actorId);
        }
        return actor;
    }

    /** May act for the actor: answer its introductions, ask for some, record their meetings and outcomes. */
    public boolean mayActFor(LabPrincipal principal, ActorEntry actor) {
        return switch (principal.role()) {
            case ADMIN -> true;
            case FACILITATOR -> serves(principal, actor.homeTerritory()) || isMember(principal, actor);
            case ACTOR_MEMBER -> isMember(principal, actor);
            case VIEWER -> false;
        };
    }

    /**
     * May read what concerns the actor (its introductions, the live stream's events about its people), given the
     * projection's entries {@link #read read} for it: those who {@link #mayActFor act for} it; an actor not in the
     * entries (its profile not yet in the projection), the members its token names, and admins; no actor (null), admins
     * only.
     */
    public boolean mayReadFor(LabPrincipal principal, String actorId, Map<String, ActorEntry> read) {
        if (actorId == null) {
            return principal.is(LabRole.ADMIN);
        }
        ActorEntry actor = read.get(actorId);
        return actor != null ? mayActFor(principal, actor)
                : principal.is(LabRole.ADMIN) || !principal.is(LabRole.VIEWER) && principal.actors().contains(actorId);
    }

    /** The actor, if it exists (else 404) and the principal may act for it (else 403). */
    public ActorEntry actingFor(LabPrincipal principal, String actorId) {
        return actingFor(principal, existing(actorId));
    }

    /** The actor, if the principal may act for it (else 403). */
    public ActorEntry actingFor(LabPrincipal principal, ActorEntry actor) {
        if (!mayActFor(principal, actor)) {
            throw new ActionForbiddenException("Vous n'agissez pas pour l'acteur « " + nameOf(actor) + " » : "
                    + reach(principal.role()));
        }
        return actor;
    }

    /**
     * Acts for at least one of these actors, as {@link #read} (an admin for all of them); else a 403. What a principal
     * started for an actor (a proposal it may withdraw) stays its own only while it still acts for one of the two: not
     * once removed from its actor, nor once the actor moved out of a facilitator's territories.
     */
    public void checkActsForOneOf(LabPrincipal principal, Collection<ActorEntry> actors) {
        if (!actsForOneOf(principal, actors)) {
            throw new ActionForbiddenException("Vous n'agissez plus pour aucun des acteurs « " + String.join(" » et « ",
                    actors.stream().map(ActorAccess::nameOf).toList()) + " » : " + reach(principal.role()));
        }
    }

    /** Whether {@link #checkActsForOneOf} lets the principal through, for a reader told what it may do. */
    public boolean actsForOneOf(LabPrincipal principal, Collection<ActorEntry> actors) {
        return principal.is(LabRole.ADMIN) || actors.stream().anyMatch(actor -> mayActFor(principal, actor));
    }

    /**
     * A facilitator or an admin acting for none of the actors (as an intermediary): an admin anywhere, a facilitator
     * when it may act for at least one of them; else a 403.
     */
    public void checkMayIntermediate(LabPrincipal principal, Collection<String> actorIds) {
        // Only a facilitator's answer depends on the actors: read them (in one query) for it alone.
        checkMayIntermediate(principal, () -> projection.actors(actorIds).values());
    }

    /** {@link #checkMayIntermediate(LabPrincipal, Collection)} for actors already read. */
    public void checkMayIntermediateBetween(LabPrincipal principal, Collection<ActorEntry> actors) {
        checkMayIntermediate(principal, () -> actors);
    }

    /** Whether {@link #checkMayIntermediateBetween} lets the principal through, for a check that lists refusals. */
    public boolean mayIntermediateBetween(LabPrincipal principal, Collection<ActorEntry> actors) {
        return mayIntermediate(principal, () -> actors);
    }

    private boolean mayIntermediate(LabPrincipal principal, Supplier<Collection<ActorEntry>> actors) {
        return switch (principal.role()) {
            case ADMIN -> true;
            case FACILITATOR -> actors.get().stream().anyMatch(actor -> mayActFor(principal, actor));
            case ACTOR_MEMBER, VIEWER -> false;
        };
    }

    private void checkMayIntermediate(LabPrincipal principal, Supplier<Collection<ActorEntry>> actors) {
        if (!mayIntermediate(principal, actors)) {
            throw new ActionForbiddenException(principal.is(LabRole.FACILITATOR)
                    ? "Aucun des deux acteurs n'est dans les territoires que vous animez."
                    : "Seuls les animateurs et les administrateurs agissent sans représenter l'un des deux acteurs.");
        }
    }

    private boolean serves(LabPrincipal principal, String homeCommune) {
        if (homeCommune == null) {
            return false;
        }
        TerritoryRef home = TerritoryRef.commune(homeCommune);
        return principal.territories().stream().anyMatch(territory -> territories.contains(territory, home));
    }

    private static boolean isMember(LabPrincipal principal, ActorEntry actor) {
        return principal.actors().contains(actor.id())
                || (actor.members() != null && actor.members().contains(principal.subject()));
    }

    private static String nameOf(ActorEntry actor) {
        return actor.name() == null ? actor.id() : actor.name();
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
