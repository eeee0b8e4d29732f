package fr.labos.partenariats.matchmaking.session.query;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.session.LateArrivalRegisteredEvent;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ParticipantMarkedAbsentEvent;
import fr.labos.partenariats.schema.session.ParticipantRegisteredEvent;
import fr.labos.partenariats.schema.session.RoundStartedEvent;
import fr.labos.partenariats.schema.session.ScheduleAdjustedEvent;
import fr.labos.partenariats.schema.session.ScheduleGeneratedEvent;
import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.SchedulePublishedEvent;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lock dropped for an absence is kept aside, and given back to the re-plan that finds its two participants present
 * again (« Absent » clicked on the wrong line). Not when the pair has met since: given back, it would seat them a
 * second time, which the session refuses, and every re-plan with it.
 */
class LocksSetAsideTest {

    private static final Instant NOW = Instant.parse("2026-04-16T14:00:00Z");
    private static final String ID = "session-1";
    private static final String A = "actor-a";
    private static final String B = "actor-b";
    private static final String C = "actor-c";
    private static final String D = "actor-d";
    private static final ScheduleObjective OBJECTIVE = new ScheduleObjective(1, 0, 0, 0, 0, 1.0);

    private final SessionState session = new SessionState();

    /** Four participants, three rounds on two tables, published with A and D's meeting of round 3 locked. */
    @BeforeEach
    void publishedWithALock() {
        session.apply(new SessionPlannedEvent(ID, "Speed meeting", new TerritoryRef("38", TerritoryLevel.DEPARTEMENT),
                "Crolles", LocalDate.of(2026, 4, 16), LocalTime.of(14, 0), 3, 7, 2, "u-facilitator", NOW));
        List.of(A, B, C, D).forEach(actor -> session.apply(new ParticipantRegisteredEvent(ID, actor, actor, NOW)));
        session.apply(new ScheduleGeneratedEvent(ID, List.of(meeting(1, 1, A, B), meeting(1, 2, C, D),
                meeting(2, 1, A, C), meeting(2, 2, B, D), locked(3, 1, A, D), meeting(3, 2, B, C)), OBJECTIVE, NOW));
        session.apply(new SchedulePublishedEvent(ID, NOW));
        // A marked absent: the re-plan without A drops the lock, kept aside.
        session.apply(new ParticipantMarkedAbsentEvent(ID, A, NOW));
        session.apply(adjusted(meeting(1, 1, B, C), meeting(2, 1, B, D), meeting(3, 1, C, D)));
    }

    @Test
    void aLockSetAsideComesBackWhenBothParticipantsArePresentAgain() {
        assertThat(session.keptFor(List.of(A, B, C, D))).contains(locked(3, 1, A, D));
    }

    @Test
    void aLockSetAsideForAPairThatMetSinceDoesNotComeBack() {
        // D locked with C in round 3 meanwhile, so A's late arrival cannot give A and D's lock back; its re-plan seats
        // A with D in round 1, which is held; then C and D's lock is taken off.
        session.apply(adjusted(meeting(1, 1, B, C), meeting(2, 1, B, D), locked(3, 1, C, D)));
        session.apply(new LateArrivalRegisteredEvent(ID, A, NOW));
        session.apply(adjusted(meeting(1, 1, A, D), meeting(1, 2, B, C), meeting(2, 1, A, B), meeting(2, 2, C, D),
                locked(3, 1, C, D)));
        session.apply(new RoundStartedEvent(ID, 1, NOW));
        session.apply(adjusted(meeting(1, 1, A, D), meeting(1, 2, B, C), meeting(2, 1, A, B), meeting(2, 2, C, D),
                meeting(3, 1, C, D)));

        assertThat(session.keptFor(List.of(A, B, C, D))).containsExactly(meeting(1, 1, A, D), meeting(1, 2, B, C));
    }

    private static ScheduleAdjustedEvent adjusted(ScheduledMeeting... meetings) {
        return new ScheduleAdjustedEvent(ID, List.of(meetings), OBJECTIVE, "re-plan", NOW);
    }

    private static ScheduledMeeting meeting(int round, int table, String actor, String partner) {
        return new ScheduledMeeting(round, table, actor, partner, 0.5, MeetingReason.COMPLEMENTARITY,
                "Complémentarité de leurs besoins et offres.", false);
    }

    private static ScheduledMeeting locked(int round, int table, String actor, String partner) {
        return new ScheduledMeeting(round, table, actor, partner, 0.5, MeetingReason.COMPLEMENTARITY,
                "Complémentarité de leurs besoins et offres.", true);
    }
}
