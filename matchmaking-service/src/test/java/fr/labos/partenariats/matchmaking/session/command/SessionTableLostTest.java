package fr.labos.partenariats.matchmaking.session.command;

import fr.labos.partenariats.schema.session.AdjustScheduleCommand;
import fr.labos.partenariats.schema.session.GenerateScheduleCommand;
import fr.labos.partenariats.schema.session.ParticipantMarkedAbsentEvent;
import fr.labos.partenariats.schema.session.RecordTableLostCommand;
import fr.labos.partenariats.schema.session.RoundStartedEvent;
import fr.labos.partenariats.schema.session.ScheduleAdjustedEvent;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.SessionClosedEvent;
import fr.labos.partenariats.schema.session.TableLostEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.labos.partenariats.matchmaking.session.command.SessionSamples.*;

/** A table lost: recorded once, never the last one; no meeting of a round to come sits there afterwards. */
class SessionTableLostTest {

    private final AggregateTestFixture<SpeedMeetingSession> fixture = SessionSamples.fixture();

    /** The round-robin once table 2 is lost after round 1 started: rounds 2 and 3 on table 1 only. */
    private static final List<ScheduledMeeting> WITHOUT_TABLE_2 = List.of(
            meeting(1, 1, ASSOCIATION, FOUNDATION), meeting(1, 2, COMMUNE, COMPANY),
            meeting(2, 1, ASSOCIATION, COMMUNE), meeting(3, 1, FOUNDATION, COMPANY));

    @Test
    void aTableOfTheSessionIsLostOnce() {
        fixture.given(started(1)).when(new RecordTableLostCommand(ID, 2))
                .expectEvents(new TableLostEvent(ID, 2, NOW));
        fixture.given(started(1)).andGiven(new TableLostEvent(ID, 2, NOW))
                .when(new RecordTableLostCommand(ID, 2))
                .expectException(AlreadyDone.class).expectNoEvents();
    }

    @Test
    void aTableOutsideTheSessionOrItsLastTableIsRefused() {
        fixture.given(started(1)).when(new RecordTableLostCommand(ID, 3))
                .expectException(InvalidSession.class).expectNoEvents();
        fixture.given(started(1)).when(new RecordTableLostCommand(ID, 0))
                .expectException(InvalidSession.class).expectNoEvents();
        fixture.given(started(1)).andGiven(new TableLostEvent(ID, 2, NOW))
                .when(new RecordTableLostCommand(ID, 1))
                .expectException(NoTableLeft.class).expectNoEvents();
        fixture.given(started(1)).andGiven(new SessionClosedEvent(ID, NOW))
                .when(new RecordTableLostCommand(ID, 2))
                .expectException(SessionAlreadyClosed.class).expectNoEvents();
    }

    @Test
    void noMeetingOfARoundToComeSitsAtALostTableWhileStartedRoundsKeepTheirs() {
        fixture.given(started(1)).andGiven(new TableLostEvent(ID, 2, NOW))
                .when(new AdjustScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE, "ajustement"))
                .expectException(InvalidSession.class).expectNoEvents();
        fixture.given(started(1)).andGiven(new TableLostEvent(ID, 2, NOW))
                .when(new AdjustScheduleCommand(ID, WITHOUT_TABLE_2, OBJECTIVE, "table 2 retirée"))
                .expectEvents(new ScheduleAdjustedEvent(ID, WITHOUT_TABLE_2, OBJECTIVE, "table 2 retirée", NOW));
    }

    @Test
    void aScheduleGeneratedAfterATableWasLostDoesNotUseIt() {
        fixture.given(withFourParticipants()).andGiven(new TableLostEvent(ID, 2, NOW))
                .when(new GenerateScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE))
                .expectException(InvalidSession.class).expectNoEvents();
        List<ScheduledMeeting> oneTable = List.of(meeting(1, 1, ASSOCIATION, FOUNDATION),
                meeting(2, 1, COMMUNE, COMPANY), meeting(3, 1, ASSOCIATION, COMMUNE));
        fixture.given(withFourParticipants()).andGiven(new TableLostEvent(ID, 2, NOW))
                .when(new GenerateScheduleCommand(ID, oneTable, OBJECTIVE))
                .expectSuccessfulHandlerExecution();
    }

    /**
     * Both meetings of round 2 locked: without table 2, round 2 would have one table for two locks, and the re-plan
     * would drop one without a word. Refused until one is unlocked; round 1, started, does not count.
     */
    @Test
    void aTableIsNotLostWhileARoundToComeHasMoreLocksThanTablesLeft() {
        List<ScheduledMeeting> roundTwoLocked = ROUND_ROBIN.stream().map(m -> m.round() == 2 || m.round() == 1
                ? new ScheduledMeeting(m.round(), m.table(), m.actorId(), m.partnerActorId(), m.weight(), m.reason(),
                        m.explanation(), true) : m).toList();
        fixture.given(started(1)).andGiven(new ScheduleAdjustedEvent(ID, roundTwoLocked, OBJECTIVE, "verrous", NOW))
                .when(new RecordTableLostCommand(ID, 2))
                .expectException(LocksExceedTables.class)
                .expectExceptionMessage("sans la table 2, il resterait 1 table au tour 2 pour 2 rencontres "
                        + "verrouillées : déverrouillez-en une avant de retirer la table")
                .expectNoEvents();
        // The Foundation marked absent: its locked meeting of round 2 goes at the next re-plan, one lock is left.
        fixture.given(started(1)).andGiven(new ScheduleAdjustedEvent(ID, roundTwoLocked, OBJECTIVE, "verrous", NOW),
                        new ParticipantMarkedAbsentEvent(ID, FOUNDATION, NOW))
                .when(new RecordTableLostCommand(ID, 2))
                .expectEvents(new TableLostEvent(ID, 2, NOW));
        List<ScheduledMeeting> oneLockedInRoundTwo = ROUND_ROBIN.stream().map(m -> m.round() == 2 && m.table() == 1
                ? new ScheduledMeeting(m.round(), m.table(), m.actorId(), m.partnerActorId(), m.weight(), m.reason(),
                        m.explanation(), true) : m).toList();
        fixture.given(started(1)).andGiven(new ScheduleAdjustedEvent(ID, oneLockedInRoundTwo, OBJECTIVE, "verrou", NOW))
                .when(new RecordTableLostCommand(ID, 2))
                .expectEvents(new TableLostEvent(ID, 2, NOW));
    }

    @Test
    void aTableIsLostWhicheverRoundIsUnderWay() {
        fixture.given(published()).andGiven(new RoundStartedEvent(ID, 1, NOW), new RoundStartedEvent(ID, 2, NOW))
                .when(new RecordTableLostCommand(ID, 1))
                .expectEvents(new TableLostEvent(ID, 1, NOW));
    }
}
