package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who may read an actor's inbox and an introduction (its timeline, its history, and so act on it at all): those who
 * may act for the actor (or for either side) by {@link ActorAccess} — its members, the facilitators of its territory,
 * admins; never a viewer, who sees dashboards only. A side whose profile has not reached the projection is readable
 * by admins and by the members its token names. An inbox refused is a 403 ({@link ActionForbiddenException}); an
 * introduction refused, a 404 as for an unknown one. The live stream and the rankings' pairs set aside follow the same
 * rule.
 */
@Component
public class IntroductionReadAccess {

    private final ActorAccess access;
    private final ProjectionReader actors;

    IntroductionReadAccess(ActorAccess access, ProjectionReader actors) {
        this.access = access;
        this.actors = actors;
    }

    /** Whether the principal may read the actor's introductions (its inbox, and each of them). */
    public boolean mayReadIntroductionsOf(LabPrincipal principal, String actorId) {
        return readersFor(List.of(actorId)).test(principal);
    }

    void checkMayReadInbox(LabPrincipal principal, String actorId) {
        if (!mayReadIntroductionsOf(principal, actorId)) {
            throw new ActionForbiddenException("Vous ne pouvez pas lire les mises en relation de cet acteur : "
                    + reach(principal));
        }
    }

    /**
     * A reader who may not read the introduction is told it does not exist (a 404 like an unknown id's, not a 403):
     * some introductions' ids are derived from their two actors, and a refusal would confirm to anyone who computed one
     * that those two were introduced.
     */
    void checkMayReadIntroduction(LabPrincipal principal, String introductionId, List<String> sides,
                                  Map<String, ActorEntry> entries) {
        if (!mayRead(principal, sides, entries)) {
            throw new ViewNotFoundException("not-found.introduction", introductionId);
        }
    }

    /**
     * Who may read the introduction between these two actors, as a test made in memory: both actors are read now, in
     * one query, so that the live stream asks it of each of its readers without reading them again.
     */
    public Predicate<LabPrincipal> readersOf(String actorId, String partnerActorId) {
        return readersFor(Arrays.asList(actorId, partnerActorId));
    }

    /**
     * Whether the principal may read the introduction between these sides, given their projection entries
     * ({@code entries}, read for these very ids: a side missing from it has not reached the projection, and is then
     * readable by the members its token names). No side known: admins only.
     */
    public boolean mayRead(LabPrincipal principal, List<String> sides, Map<String, ActorEntry> entries) {
        return principal.is(LabRole.ADMIN) || sides.stream().anyMatch(side -> access.mayReadFor(principal, side, entries));
    }

    /** Those who may read for at least one of the sides (a side not known, null, is readable by admins only). */
    private Predicate<LabPrincipal> readersFor(List<String> sides) {
        Map<String, ActorEntry> read = actors.actors(sides.stream().filter(Objects::nonNull).toList());
        return principal -> mayRead(principal, sides, read);
    }

    private static String reach(LabPrincipal principal) {
        return switch (principal.role()) {
            case FACILITATOR -> "il n'est pas dans les territoires que vous animez.";
            case ACTOR_MEMBER -> "vous n'en êtes pas membre.";
            case VIEWER -> "un compte de consultation ne voit que les tableaux de bord.";
            case ADMIN -> "";
        };
    }
}
