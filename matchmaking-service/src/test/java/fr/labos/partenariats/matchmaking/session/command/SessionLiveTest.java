package fr.labos.partenariats.matchmaking.session.command;

import fr.labos.partenariats.schema.session.AdjustScheduleCommand;
import fr.labos.partenariats.schema.session.CheckInParticipantCommand;
import fr.labos.partenariats.schema.session.CloseSessionCommand;
import fr.labos.partenariats.schema.session.LateArrivalRegisteredEvent;
import fr.labos.partenariats.schema.session.MarkParticipantAbsentCommand;
import fr.labos.partenariats.schema.session.ParticipantCheckedInEvent;
import fr.labos.partenariats.schema.session.ParticipantMarkedAbsentEvent;
import fr.labos.partenariats.schema.session.RegisterLateArrivalCommand;
import fr.labos.partenariats.schema.session.RoundStartedEvent;
import fr.labos.partenariats.schema.session.ScheduleAdjustedEvent;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.SessionClosedEvent;
import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;
import fr.labos.partenariats.schema.session.StartRoundCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static fr.labos.partenariats.matchmaking.session.command.SessionSamples.*;

/** The day itself: check-in, absences and late arrivals, rounds in order, meetings held, re-plans, closing. */
class SessionLiveTest {

    private final AggregateTestFixture<SpeedMeetingSession> fixture = SessionSamples.fixture();

    @Test
    void aRegisteredParticipantChecksInOnce() {
        fixture.given(published()).when(new CheckInParticipantCommand(ID, ASSOCIATION))
                .expectEvents(new ParticipantCheckedInEvent(ID, ASSOCIATION, NOW));
        fixture.given(published()).andGiven(new ParticipantCheckedInEvent(ID, ASSOCIATION, NOW))
                .when(new CheckInParticipantCommand(ID, ASSOCIATION))
                .expectException(AlreadyDone.class);
    }

    @Test
    void aParticipantMarkedAbsentBeforeTheFirstRoundChecksInAfterAllButOnceARoundStartedArrivesLate() {
        fixture.given(published()).andGiven(new ParticipantCheckedInEvent(ID, ASSOCIATION, NOW),
                        new ParticipantMarkedAbsentEvent(ID, ASSOCIATION, NOW))
                .when(new CheckInParticipantCommand(ID, ASSOCIATION))
                .expectEvents(new ParticipantCheckedInEvent(ID, ASSOCIATION, NOW));
        fixture.given(started(1)).andGiven(new ParticipantMarkedAbsentEvent(ID, ASSOCIATION, NOW))
                .when(new CheckInParticipantCommand(ID, ASSOCIATION))
                .expectException(ScheduleNotReady.class)
                .expectNoEvents();
    }

    @Test
    void onlyRegisteredParticipantsCheckInOrAreMarkedAbsent() {
        fixture.given(published()).when(new CheckInParticipantCommand(ID, STRANGER))
                .expectException(NotAParticipant.class).expectNoEvents();
        fixture.given(published()).when(new MarkParticipantAbsentCommand(ID, STRANGER))
                .expectException(NotAParticipant.class).expectNoEvents();
    }

    @Test
    void aParticipantIsMarkedAbsentOnce() {
        fixture.given(published()).when(new MarkParticipantAbsentCommand(ID, COMPANY))
                .expectEvents(new ParticipantMarkedAbsentEvent(ID, COMPANY, NOW));
        fixture.given(published()).andGiven(new ParticipantMarkedAbsentEvent(ID, COMPANY, NOW))
                .when(new MarkParticipantAbsentCommand(ID, COMPANY))
                .expectException(AlreadyDone.class);
    }

    @Test
    void aLateArrivalIsRegisteredOnceTheSessionStarted() {
        fixture.given(published()).when(new RegisterLateArrivalCommand(ID, COMPANY))
                .expectException(ScheduleNotReady.class);
        fixture.given(started(1)).andGiven(new ParticipantMarkedAbsentEvent(ID, COMPANY, NOW))
                .when(new RegisterLateArrivalCommand(ID, COMPANY))
                .expectEvents(new LateArrivalRegisteredEvent(ID, COMPANY, NOW));
    }

    @Test
    void aParticipantAlreadyThereDoesNotArriveLate() {
        fixture.given(started(1)).andGiven(new ParticipantCheckedInEvent(ID, COMPANY, NOW))
                .when(new RegisterLateArrivalCommand(ID, COMPANY))
                .expectException(AlreadyDone.class);
    }

    @Test
    void noRoundStartsBeforePublication() {
        fixture.given(generated()).when(new StartRoundCommand(ID, 1))
                .expectException(ScheduleNotReady.class)
                .expectExceptionMessage("aucun tour ne commence avant la publication du planning");
    }

    @Test
    void roundsStartInOrder() {
        fixture.given(published()).when(new StartRoundCommand(ID, 1))
                .expectEvents(new RoundStartedEvent(ID, 1, NOW),
                        new SessionMeetingHeldEvent(ID, 1, 1, ASSOCIATION, FOUNDATION, NOW),
                        new SessionMeetingHeldEvent(ID, 1, 2, COMMUNE, COMPANY, NOW));
        fixture.given(started(1)).when(new StartRoundCommand(ID, 3))
                .expectException(RoundOutOfOrder.class)
                .expectExceptionMessage("le tour 3 ne peut pas commencer : le prochain tour est le 2");
        fixture.given(started(1)).when(new StartRoundCommand(ID, 1))
                .expectException(RoundOutOfOrder.class);
        fixture.given(started(3)).when(new StartRoundCommand(ID, 4))
                .expectException(RoundOutOfOrder.class)
                .expectExceptionMessage("le tour 4 ne peut pas commencer : les 3 tours de la session ont tous commencé");
    }

    /**
     * A round's meetings are held with its start, in its one command: recorded one command each, a failure part-way
     * left meetings that took place unrecorded for good once the next round started. Those of a participant absent
     * at the start are not held.
     */
    @Test
    void aRoundStartsWithItsMeetingsHeldButThoseOfAnAbsentParticipant() {
        fixture.given(started(1)).andGiven(new ParticipantMarkedAbsentEvent(ID, COMPANY, NOW))
                .when(new StartRoundCommand(ID, 2))
                .expectEvents(new RoundStartedEvent(ID, 2, NOW),
                        new SessionMeetingHeldEvent(ID, 2, 1, ASSOCIATION, COMMUNE, NOW));
    }

    /** Absent when the round started, then arrived: the round's meeting did not take place, and is not held. */
    @Test
    void aMeetingOfSomeoneAbsentWhenTheRoundStartedIsNotHeldOnceTheyArrive() {
        List<Object> history = published();
        history.add(new ParticipantMarkedAbsentEvent(ID, FOUNDATION, NOW));
        fixture.given(history).when(new StartRoundCommand(ID, 1))
                .expectEvents(new RoundStartedEvent(ID, 1, NOW),
                        new SessionMeetingHeldEvent(ID, 1, 2, COMMUNE, COMPANY, NOW));
        history.add(new RoundStartedEvent(ID, 1, NOW));
        history.add(new SessionMeetingHeldEvent(ID, 1, 2, COMMUNE, COMPANY, NOW));
        history.add(new LateArrivalRegisteredEvent(ID, FOUNDATION, NOW));
        fixture.given(history).when(new StartRoundCommand(ID, 2))
                .expectEvents(new RoundStartedEvent(ID, 2, NOW),
                        new SessionMeetingHeldEvent(ID, 2, 1, ASSOCIATION, COMMUNE, NOW),
                        new SessionMeetingHeldEvent(ID, 2, 2, FOUNDATION, COMPANY, NOW));
    }

    @Test
    void aRePlanChangesOnlyTheRoundsNotYetStarted() {
        List<ScheduledMeeting> replanned = List.of(ROUND_ROBIN.get(0), ROUND_ROBIN.get(1),
                meeting(2, 1, ASSOCIATION, COMPANY), meeting(2, 2, FOUNDATION, COMMUNE),
                meeting(3, 1, ASSOCIATION, COMMUNE), meeting(3, 2, FOUNDATION, COMPANY));
        fixture.given(started(1)).when(new AdjustScheduleCommand(ID, replanned, OBJECTIVE, "échange"))
                .expectEvents(new ScheduleAdjustedEvent(ID, replanned, OBJECTIVE, "échange", NOW));

        List<ScheduledMeeting> movesRoundOne = new ArrayList<>(replanned);
        movesRoundOne.set(1, meeting(1, 1, COMMUNE, COMPANY));
        movesRoundOne.set(0, meeting(1, 2, ASSOCIATION, FOUNDATION));
        fixture.given(started(1)).when(new AdjustScheduleCommand(ID, movesRoundOne, OBJECTIVE, "échange"))
                .expectException(StartedRoundChanged.class)
                .expectExceptionMessage("le tour 1 a commencé : ses rencontres ne peuvent plus changer")
                .expectNoEvents();
    }

    /**
     * A schedule names the version it was computed from (schedules generated or adjusted before it): one computed
     * before another was written is refused, and writes nothing, rather than undo it.
     */
    @Test
    void aScheduleComputedFromAVersionNoLongerCurrentIsRefused() {
        fixture.given(published()).when(new AdjustScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE, "ajustement", 1))
                .expectEvents(new ScheduleAdjustedEvent(ID, ROUND_ROBIN, OBJECTIVE, "ajustement", NOW));
        fixture.given(published()).andGiven(new ScheduleAdjustedEvent(ID, ROUND_ROBIN, OBJECTIVE, "verrou", NOW))
                .when(new AdjustScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE, "absence", 1))
                .expectException(ScheduleChangedMeanwhile.class)
                .expectExceptionMessage("le planning a changé entre-temps (version 2, ce changement partait de la "
                        + "version 1) : relisez-le, puis recommencez")
                .expectNoEvents();
    }

    @Test
    void aRePlanSeatsNoAbsentParticipantInTheRoundsToCome() {
        fixture.given(started(1)).andGiven(new ParticipantMarkedAbsentEvent(ID, COMPANY, NOW))
                .when(new AdjustScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE, "absence"))
                .expectException(InvalidSession.class)
                .expectExceptionMessage("un participant absent ne siège à aucune table des tours à venir");
        List<ScheduledMeeting> withoutCompanyLater = ROUND_ROBIN.stream()
                .filter(m -> m.round() == 1 || !m.involves(COMPANY)).toList();
        fixture.given(started(1)).andGiven(new ParticipantMarkedAbsentEvent(ID, COMPANY, NOW))
                .when(new AdjustScheduleCommand(ID, withoutCompanyLater, OBJECTIVE, "absence"))
                .expectEvents(new ScheduleAdjustedEvent(ID, withoutCompanyLater, OBJECTIVE, "absence", NOW));
    }

    @Test
    void anAdjustmentNeedsASchedule() {
        fixture.given(withFourParticipants()).when(new AdjustScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE, "x"))
                .expectException(ScheduleNotReady.class);
    }

    @Test
    void closingEndsEverything() {
        fixture.given(started(2)).when(new CloseSessionCommand(ID))
                .expectEvents(new SessionClosedEvent(ID, NOW));
        List<Object> closed = new ArrayList<>(started(2));
        closed.add(new SessionClosedEvent(ID, NOW));
        for (Object command : List.of(new StartRoundCommand(ID, 3), new CheckInParticipantCommand(ID, ASSOCIATION),
                new MarkParticipantAbsentCommand(ID, COMPANY), new CloseSessionCommand(ID),
                new AdjustScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE, "x"))) {
            fixture.given(closed).when(command)
                    .expectException(SessionAlreadyClosed.class)
                    .expectExceptionMessage("la session est close")
                    .expectNoEvents();
        }
    }
}
