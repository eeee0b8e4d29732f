package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.session.export.WhySeen;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Who runs a session and who sees it: the admins and the facilitators of the session's territory run it; the members
 * of a participant see the schedule, their calendar, and wish for their actor. What they see of the wishes is
 * {@link #whySeenBy}.
 */
@Component
class SessionAccess {

    private final ActorAccess actors;
    private final TerritoryDirectory territories = TerritoryDirectory.official();

    SessionAccess(ActorAccess actors) {
        this.actors = actors;
    }

    void checkMayPlanIn(LabPrincipal principal, TerritoryRef territory) {
        if (!serves(principal, territory)) {
            throw new ActionForbiddenException("Seuls les animateurs du territoire et les administrateurs planifient "
                    + "une session de rencontres express.");
        }
    }

    void checkRuns(LabPrincipal principal, SessionState session) {
        if (!serves(principal, session.territory())) {
            throw new ActionForbiddenException("Seuls les animateurs du territoire de la session et les "
                    + "administrateurs la conduisent.");
        }
    }

    /** Facilitators and admins run sessions; members and viewers run none. */
    void checkMayRunSessions(LabPrincipal principal) {
        if (principal.role() != LabRole.ADMIN
                && principal.role() != LabRole.FACILITATOR) {
            throw new ActionForbiddenException("Seuls les animateurs et les administrateurs conduisent des sessions "
                    + "de rencontres express.");
        }
    }

    boolean runs(LabPrincipal principal, SessionState session) {
        return serves(principal, session.territory());
    }

    /** Runs the session, or acts for one of its participants. */
    void checkSees(LabPrincipal principal, SessionState session) {
        if (serves(principal, session.territory())) return;
        if (!actsForAParticipant(session).test(principal)) {
            throw new ActionForbiddenException("Le planning d'une session est réservé à ses animateurs et aux "
                    + "membres de ses participants.");
        }
    }

    /**
     * Those who {@link #checkSees see} the session, as a test made in memory: its participants are read now, in one
     * query, so that the live stream asks it of each of its readers without reading them again.
     */
    Predicate<LabPrincipal> seers(SessionState session) {
        Predicate<LabPrincipal> participants = actsForAParticipant(session);
        TerritoryRef territory = session.territory(); // not the whole session, kept as long as the test is
        return principal -> serves(principal, territory) || participants.test(principal);
    }

    private Predicate<LabPrincipal> actsForAParticipant(SessionState session) {
        Collection<ActorEntry> participants = actors.read(session.participants().keySet()).values();
        return principal -> participants.stream().anyMatch(actor -> actors.mayActFor(principal, actor));
    }

    /**
     * What the principal may read of why the session's meetings were planned: everything when it runs the session;
     * else only what rests on the wishes of the participants it acts for ({@link ActorAccess#mayActFor}).
     */
    WhySeen whySeenBy(LabPrincipal principal, SessionState session) {
        if (serves(principal, session.territory())) return WhySeen.all();
        Map<String, ActorEntry> participants = actors.read(session.participants().keySet());
        return WhySeen.byParticipant(session.wishes(), actorId -> {
            ActorEntry actor = participants.get(actorId);
            return actor != null && actors.mayActFor(principal, actor);
        });
    }

    /**
     * Sees the session and acts for this actor in it: the member of an actor outside the session is refused before
     * anything is asked of it, and learns nothing of its state (closed, published) from a wish it sends.
     */
    void checkSeesActingFor(LabPrincipal principal, SessionState session, String actorId) {
        checkSees(principal, session);
        checkActsFor(principal, session, actorId);
    }

    /** Runs the session, or acts for this actor. */
    void checkActsFor(LabPrincipal principal, SessionState session, String actorId) {
        if (serves(principal, session.territory())) return;
        actors.actingFor(principal, actorId);
    }

    private boolean serves(LabPrincipal principal, TerritoryRef territory) {
        return switch (principal.role()) {
            case ADMIN -> true;
            case FACILITATOR -> territory != null
                    && principal.territories().stream().anyMatch(t -> territories.contains(t, territory));
            case ACTOR_MEMBER, VIEWER -> false;
        };
    }
}
