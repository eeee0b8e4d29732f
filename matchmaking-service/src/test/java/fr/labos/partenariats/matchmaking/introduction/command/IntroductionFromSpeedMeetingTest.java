package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.IntroduceAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.JoinIntroductionAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.DeclineIntroductionCommand;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.MeetingHeldEvent;
import fr.labos.partenariats.schema.matching.MeetingScheduledEvent;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.matching.Proposer;
import fr.labos.partenariats.schema.matching.RecordMeetingHeldCommand;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.labos.partenariats.matchmaking.introduction.command.IntroductionSamples.*;

/** An introduction made by a speed-meeting session: accepted by both sides and met at once, then followed. */
class IntroductionFromSpeedMeetingTest {

    private static final Proposer SESSION_FACILITATOR = new Proposer("u-facilitator", "FACILITATOR");
    private static final Instant ROUND_TWO = NOW.minusSeconds(3600);
    private static final MatchSnapshot COMPLEMENTARITY = new MatchSnapshot(null, 0.6, Map.of(),
            "La fondation finance ce que cherche l'association.");
    private static final String MEETING = "session-s-1-tour-2";
    private static final String NOTE = "Rencontre express « Labo de l'Isère », tour 2, table 3";

    private final AggregateTestFixture<Introduction> fixture = IntroductionSamples.fixture(AnswerPeriod.DEFAULT);

    private static IntroduceAfterSpeedMeetingCommand met(String actor, String partner, Instant heldAt) {
        return new IntroduceAfterSpeedMeetingCommand(ID, "s-1", 2, actor, partner, heldAt,
                "Maison des associations — table 3", COMPLEMENTARITY, SESSION_FACILITATOR, NOTE);
    }

    private static Object[] introducedBySession() {
        return new Object[]{
                new IntroductionProposedEvent(ID, IntroductionSource.SPEED_MEETING, ASSOCIATION, FOUNDATION, List.of(),
                        COMPLEMENTARITY, SESSION_FACILITATOR, NOTE, NOW, NOW, null),
                new IntroductionAcceptedEvent(ID, ASSOCIATION, false, NOW),
                new IntroductionAcceptedEvent(ID, FOUNDATION, true, NOW),
                new MeetingScheduledEvent(ID, MEETING, ROUND_TWO, "Maison des associations — table 3", NOW),
                new MeetingHeldEvent(ID, MEETING, null, NOW)};
    }

    @Test
    void aMeetingOfASessionIsAnIntroductionAcceptedByBothSidesWhoseMeetingWasHeld() {
        fixture.givenNoPriorActivity()
                .when(met(ASSOCIATION, FOUNDATION, ROUND_TWO))
                .expectEvents(introducedBySession())
                .expectNoScheduledDeadlines();
    }

    @Test
    void itsOutcomeIsFollowedLikeAnyOther() {
        LocalDate today = LocalDate.ofInstant(NOW, LabCalendar.ZONE);
        fixture.given(introducedBySession())
                .when(new RecordOutcomeCommand(ID, FOUNDATION, Outcome.FOLLOW_UP_PLANNED, today, "Rappel en avril",
                        null, null))
                .expectEvents(new OutcomeRecordedEvent(ID, Outcome.FOLLOW_UP_PLANNED, today, "Rappel en avril", null,
                        null, NOW));
    }

    @Test
    void itsSessionMeetingCannotBeHeldTwice() {
        fixture.given(introducedBySession())
                .when(new RecordMeetingHeldCommand(ID, MEETING, ASSOCIATION, null))
                .expectException(MeetingAlreadyConcluded.class)
                .expectNoEvents();
    }

    @Test
    void anActorDoesNotMeetItself() {
        fixture.givenNoPriorActivity()
                .when(met(ASSOCIATION, ASSOCIATION, ROUND_TWO))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void aSessionMeetingNamesItsSessionRoundAndTime() {
        fixture.givenNoPriorActivity()
                .when(new IntroduceAfterSpeedMeetingCommand(ID, " ", 2, ASSOCIATION, FOUNDATION, ROUND_TWO, null,
                        null, SESSION_FACILITATOR, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new IntroduceAfterSpeedMeetingCommand(ID, "s-1", 0, ASSOCIATION, FOUNDATION, ROUND_TWO, null,
                        null, SESSION_FACILITATOR, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(met(ASSOCIATION, FOUNDATION, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ a meeting that joins an introduction in progress

    private static final String PLACE = "Maison des associations — table 3";
    /** The round of a session held once the introduction was proposed (at {@code NOW}): a minute after. */
    private static final Instant ROUND_AFTER = NOW.plusSeconds(60);

    private static JoinIntroductionAfterSpeedMeetingCommand joined(String actor, String partner) {
        return new JoinIntroductionAfterSpeedMeetingCommand(ID, "s-1", 2, actor, partner, ROUND_AFTER, PLACE, NOTE);
    }

    @Test
    void aSessionMeetingOfAPairWhoseIntroductionWaitsForAnswersAcceptsItForBothSidesAndIsItsMeeting() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation())
                .when(joined(FOUNDATION, ASSOCIATION))
                .expectEvents(acceptedBy(ASSOCIATION, false), acceptedBy(FOUNDATION, true),
                        new MeetingScheduledEvent(ID, MEETING, ROUND_AFTER, PLACE, NOW),
                        new MeetingHeldEvent(ID, MEETING, NOTE, NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theSideThatAcceptedAlreadyIsNotAskedAgain() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation(), acceptBy(FOUNDATION))
                .when(joined(ASSOCIATION, FOUNDATION))
                .expectEvents(acceptedBy(ASSOCIATION, true),
                        new MeetingScheduledEvent(ID, MEETING, ROUND_AFTER, PLACE, NOW),
                        new MeetingHeldEvent(ID, MEETING, NOTE, NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anAcceptedIntroductionGetsTheSessionMeetingAsAMeetingHeld() {
        fixture.given(acceptedByBothSides())
                .when(joined(ASSOCIATION, FOUNDATION))
                .expectEvents(new MeetingScheduledEvent(ID, MEETING, ROUND_AFTER, PLACE, NOW),
                        new MeetingHeldEvent(ID, MEETING, NOTE, NOW));
    }

    @Test
    void theSameRoundJoinedTwiceIsRecordedOnce() {
        fixture.given(acceptedByBothSides())
                .andGiven(new MeetingScheduledEvent(ID, MEETING, ROUND_AFTER, PLACE, NOW),
                        new MeetingHeldEvent(ID, MEETING, NOTE, NOW))
                .when(joined(FOUNDATION, ASSOCIATION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aClosedIntroductionIsNotJoined() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation(),
                        new DeclineIntroductionCommand(ID, FOUNDATION, DeclineReason.NOT_NOW, "Plus tard."))
                .when(joined(ASSOCIATION, FOUNDATION))
                .expectException(IntroductionDeclined.class)
                .expectNoEvents();
    }

    /**
     * A meeting held before the introduction was proposed (handled late, or read again from the start) says nothing
     * of an answer to it: refused, and the meeting makes its own introduction instead of accepting this one for both.
     */
    @Test
    void aMeetingHeldBeforeTheProposalDoesNotAnswerIt() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation())
                .when(new JoinIntroductionAfterSpeedMeetingCommand(ID, "s-1", 2, ASSOCIATION, FOUNDATION,
                        NOW.minusSeconds(60), PLACE, NOTE))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void onlyTheIntroductionOfThatPairIsJoined() {
        fixture.given(acceptedByBothSides())
                .when(joined(ASSOCIATION, STRANGER))
                .expectException(NotAPartyToIntroduction.class)
                .expectNoEvents();
        fixture.given(acceptedByBothSides())
                .when(new JoinIntroductionAfterSpeedMeetingCommand(ID, "s-1", 0, ASSOCIATION, FOUNDATION, ROUND_AFTER,
                        PLACE, NOTE))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }
}
