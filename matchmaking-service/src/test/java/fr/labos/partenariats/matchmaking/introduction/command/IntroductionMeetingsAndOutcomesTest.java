package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.MeetingHeldEvent;
import fr.labos.partenariats.schema.matching.MeetingMissedEvent;
import fr.labos.partenariats.schema.matching.MeetingScheduledEvent;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.matching.RecordMeetingHeldCommand;
import fr.labos.partenariats.schema.matching.RecordMeetingMissedCommand;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;
import fr.labos.partenariats.schema.matching.ScheduleMeetingCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static fr.labos.partenariats.matchmaking.introduction.command.IntroductionSamples.*;

/** What happens once both sides accepted: meetings, then outcomes, possibly months later. */
class IntroductionMeetingsAndOutcomesTest {

    /** A month after the proposal, late in the evening: already 9 April in Paris. */
    private static final Instant LATER = Instant.parse("2026-04-08T22:30:00Z");
    private static final LocalDate TODAY_IN_PARIS = LocalDate.of(2026, 4, 9);
    private static final Instant MEETING_TIME = NOW.plus(Duration.ofDays(15));
    private static final MeetingScheduledEvent SCHEDULED =
            new MeetingScheduledEvent(ID, "m-1", MEETING_TIME, "La Mure", NOW);

    private static final OutcomeRecordedEvent FORMED = new OutcomeRecordedEvent(ID, Outcome.PARTNERSHIP_FORMED,
            LocalDate.of(2026, 3, 30), null, PartnershipForm.RESOURCES, ResourceCategory.FUNDING, NOW);
    /** An ending says no form nor category: the rules ask them of a partnership formed only. */
    private static final RecordOutcomeCommand ENDING = new RecordOutcomeCommand(ID, FOUNDATION,
            Outcome.PARTNERSHIP_ENDED, TODAY_IN_PARIS, "Convention non renouvelée", null, null);

    /** The day of the proposal, in Paris. */
    private static final LocalDate NOW_IN_PARIS = LocalDate.of(2026, 3, 9);

    private final AggregateTestFixture<Introduction> fixture = IntroductionSamples.fixtureAt(LATER);
    /** Two days after the proposal: an introduction not accepted yet still waits for its answers then. */
    private final AggregateTestFixture<Introduction> withinTheAnswerPeriod =
            IntroductionSamples.fixtureAt(NOW.plus(Duration.ofDays(2)));

    @Test
    void anAcceptedIntroductionCanHaveAMeetingScheduled() {
        fixture.given(acceptedByBothSides())
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, MEETING_TIME, "La Mure"))
                .expectEvents(new MeetingScheduledEvent(ID, "m-1", MEETING_TIME, "La Mure", LATER));
    }

    @Test
    void aFacilitatorCanScheduleAMeetingForBothSides() {
        fixture.given(acceptedByBothSides())
                .when(new ScheduleMeetingCommand(ID, "m-1", null, MEETING_TIME, "visio"))
                .expectEvents(new MeetingScheduledEvent(ID, "m-1", MEETING_TIME, "visio", LATER));
    }

    @Test
    void cannotScheduleAMeetingBeforeBothSidesAccepted() {
        withinTheAnswerPeriod.given(proposed(), acceptedBy(ASSOCIATION, false))
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, MEETING_TIME, "La Mure"))
                .expectException(IntroductionNotYetAccepted.class)
                .expectNoEvents();
    }

    @Test
    void aDeclinedIntroductionCannotHaveMeetings() {
        fixture.given(proposed(), new IntroductionDeclinedEvent(ID, FOUNDATION, DeclineReason.COMPETITOR, null, NOW))
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, MEETING_TIME, "La Mure"))
                .expectException(IntroductionDeclined.class)
                .expectNoEvents();
    }

    @Test
    void anExpiredIntroductionCannotHaveMeetings() {
        fixture.given(proposed(), new IntroductionExpiredEvent(ID, ANSWER_BY))
                .when(new ScheduleMeetingCommand(ID, "m-1", null, MEETING_TIME, "La Mure"))
                .expectException(IntroductionExpired.class)
                .expectNoEvents();
    }

    @Test
    void aSideCannotScheduleAMeetingForAnActorNotInTheIntroduction() {
        fixture.given(acceptedByBothSides())
                .when(new ScheduleMeetingCommand(ID, "m-1", STRANGER, MEETING_TIME, "La Mure"))
                .expectException(NotAPartyToIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void cannotScheduleTheSameMeetingTwice() {
        fixture.given(acceptedByBothSides()).andGiven(SCHEDULED)
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, MEETING_TIME, "ailleurs"))
                .expectException(MeetingAlreadyScheduled.class)
                .expectNoEvents();
    }

    @Test
    void aMeetingThatStartedCanBeRecordedAsHeld() {
        fixture.given(acceptedByBothSides()).andGiven(SCHEDULED)
                .when(new RecordMeetingHeldCommand(ID, "m-1", FOUNDATION, "Visite de la plateforme"))
                .expectEvents(new MeetingHeldEvent(ID, "m-1", "Visite de la plateforme", LATER));
    }

    @Test
    void aMeetingCannotBeHeldBeforeItStarts() {
        MeetingScheduledEvent nextMonth = new MeetingScheduledEvent(ID, "m-2", LATER.plus(Duration.ofDays(30)),
                "La Mure", NOW);
        fixture.given(acceptedByBothSides()).andGiven(nextMonth)
                .when(new RecordMeetingHeldCommand(ID, "m-2", FOUNDATION, null))
                .expectException(MeetingNotYetDue.class)
                .expectNoEvents();
    }

    @Test
    void aMeetingCanBeMissedByOneSide() {
        fixture.given(acceptedByBothSides()).andGiven(SCHEDULED)
                .when(new RecordMeetingMissedCommand(ID, "m-1", null, ASSOCIATION, "Empêchement"))
                .expectEvents(new MeetingMissedEvent(ID, "m-1", ASSOCIATION, "Empêchement", LATER));
    }

    @Test
    void theAbsentSideIsOneOfTheTwoActors() {
        fixture.given(acceptedByBothSides()).andGiven(SCHEDULED)
                .when(new RecordMeetingMissedCommand(ID, "m-1", null, STRANGER, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void aMeetingIsHeldOrMissedOnlyOnce() {
        fixture.given(acceptedByBothSides()).andGiven(SCHEDULED, new MeetingHeldEvent(ID, "m-1", null, LATER))
                .when(new RecordMeetingMissedCommand(ID, "m-1", FOUNDATION, ASSOCIATION, null))
                .expectException(MeetingAlreadyConcluded.class)
                .expectNoEvents();
    }

    @Test
    void onlyAScheduledMeetingCanBeHeld() {
        fixture.given(acceptedByBothSides())
                .when(new RecordMeetingHeldCommand(ID, "m-9", FOUNDATION, null))
                .expectException(UnknownMeeting.class)
                .expectNoEvents();
    }

    @Test
    void aPartnershipFormedIsRecordedWithItsFormAndCategory() {
        fixture.given(acceptedByBothSides())
                .when(partnership(Outcome.PARTNERSHIP_FORMED, TODAY_IN_PARIS))
                .expectEvents(new OutcomeRecordedEvent(ID, Outcome.PARTNERSHIP_FORMED, TODAY_IN_PARIS,
                        "Convention signée", PartnershipForm.RESOURCES, ResourceCategory.FUNDING, LATER));
    }

    @Test
    void aPartnershipNeedsItsFormAndCategory() {
        fixture.given(acceptedByBothSides())
                .when(new RecordOutcomeCommand(ID, FOUNDATION, Outcome.PARTNERSHIP_FORMED, TODAY_IN_PARIS, null,
                        null, ResourceCategory.FUNDING))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void outcomesFollowOneAnotherOverMonths() {
        OutcomeRecordedEvent followUp = new OutcomeRecordedEvent(ID, Outcome.FOLLOW_UP_PLANNED,
                LocalDate.of(2026, 3, 25), "Budget à envoyer", null, null, NOW);
        fixture.given(acceptedByBothSides()).andGiven(followUp)
                .when(partnership(Outcome.PARTNERSHIP_FORMED, TODAY_IN_PARIS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutcomeRecordedEvent(ID, Outcome.PARTNERSHIP_FORMED, TODAY_IN_PARIS,
                        "Convention signée", PartnershipForm.RESOURCES, ResourceCategory.FUNDING, LATER));
    }

    @Test
    void onlyAFormedPartnershipCanEnd() {
        fixture.given(acceptedByBothSides())
                .when(ENDING)
                .expectException(NoPartnershipToEnd.class)
                .expectNoEvents();
    }

    @Test
    void aFormedPartnershipCanEnd() {
        fixture.given(acceptedByBothSides()).andGiven(FORMED)
                .when(ENDING)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutcomeRecordedEvent(ID, Outcome.PARTNERSHIP_ENDED, TODAY_IN_PARIS,
                        "Convention non renouvelée", null, null, LATER));
    }

    @Test
    void aPartnershipEndsOnlyOnce() {
        OutcomeRecordedEvent ended = new OutcomeRecordedEvent(ID, Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 4, 2),
                null, null, null, NOW);
        fixture.given(acceptedByBothSides()).andGiven(FORMED, ended)
                .when(ENDING)
                .expectException(NoPartnershipToEnd.class)
                .expectNoEvents();
    }

    @Test
    void anOutcomeCannotBeDatedTomorrowInParis() {
        fixture.given(acceptedByBothSides())
                .when(partnership(Outcome.PARTNERSHIP_FORMED, TODAY_IN_PARIS.plusDays(1)))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void anOutcomeCannotPrecedeTheIntroduction() {
        fixture.given(acceptedByBothSides())
                .when(new RecordOutcomeCommand(ID, null, Outcome.NO_FIT, LocalDate.of(2026, 3, 8), null, null, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordAnOutcomeBeforeBothSidesAccepted() {
        withinTheAnswerPeriod.given(proposed())
                .when(new RecordOutcomeCommand(ID, ASSOCIATION, Outcome.NO_FIT, NOW_IN_PARIS, null, null, null))
                .expectException(IntroductionNotYetAccepted.class)
                .expectNoEvents();
    }

    @Test
    void aSideCannotRecordAnOutcomeForAnActorNotInTheIntroduction() {
        fixture.given(acceptedByBothSides())
                .when(new RecordOutcomeCommand(ID, STRANGER, Outcome.NO_FIT, TODAY_IN_PARIS, null, null, null))
                .expectException(NotAPartyToIntroduction.class)
                .expectNoEvents();
    }

    /**
     * Two pages — or the two sides — record the same partnership moments apart: the second, written from a page that
     * showed the introduction up to its acceptance (step 2), is refused; counted twice, one end would no longer end it.
     */
    @Test
    void anOutcomeRecordedAfterTheLastStepItsAuthorSawRefusesTheirs() {
        fixture.given(acceptedByBothSides()).andGiven(FORMED)
                .when(withLastStepSeen(partnership(Outcome.PARTNERSHIP_FORMED, FORMED.occurredOn()), 2L))
                .expectException(OutcomeRecordedMeanwhile.class)
                .expectNoEvents();
    }

    /** Told of the outcome recorded last (step 3), or saying nothing of what it saw, the next one is recorded. */
    @Test
    void anOutcomeWrittenKnowingTheOneRecordedLastIsRecorded() {
        OutcomeRecordedEvent ended = new OutcomeRecordedEvent(ID, Outcome.PARTNERSHIP_ENDED, TODAY_IN_PARIS,
                "Convention non renouvelée", null, null, LATER);
        fixture.given(acceptedByBothSides()).andGiven(FORMED)
                .when(withLastStepSeen(ENDING, 3L))
                .expectEvents(ended);
        IntroductionSamples.fixtureAt(LATER).given(acceptedByBothSides()).andGiven(FORMED)
                .when(ENDING)
                .expectEvents(ended);
    }

    private static RecordOutcomeCommand withLastStepSeen(RecordOutcomeCommand command, Long lastStepSeen) {
        return new RecordOutcomeCommand(command.introductionId(), command.actingFor(), command.outcome(),
                command.occurredOn(), command.note(), command.form(), command.category(), lastStepSeen);
    }

    private static RecordOutcomeCommand partnership(Outcome outcome, LocalDate day) {
        return new RecordOutcomeCommand(ID, FOUNDATION, outcome, day, "Convention signée", PartnershipForm.RESOURCES,
                ResourceCategory.FUNDING);
    }

    @Test
    void anUnacceptedIntroductionPastItsDeadlineIsExpiredForMeetingsToo() {
        fixture.given(proposed(), acceptedBy(ASSOCIATION, false))
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, MEETING_TIME, "La Mure"))
                .expectException(IntroductionExpired.class)
                .expectNoEvents();
    }

    /** The id is a segment of the meeting's address: {@code /meetings/rdv 1/held} could not be asked for. */
    @ParameterizedTest
    @ValueSource(strings = {"rdv 1", "rdv/1", "rendez-vous-à-grenoble", "-rdv", " "})
    void aMeetingIdIsFitForAnAddress(String meetingId) {
        fixture.given(acceptedByBothSides())
                .when(new ScheduleMeetingCommand(ID, meetingId, ASSOCIATION, MEETING_TIME, "La Mure"))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void theIdsOfSpeedMeetingRoundsAreLeftToSessions() {
        fixture.given(acceptedByBothSides())
                .when(new ScheduleMeetingCommand(ID, Introduction.speedMeetingId("s-1", 1), ASSOCIATION, MEETING_TIME,
                        "La Mure"))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage("« session-… » est réservé aux rencontres des sessions de rencontres express")
                .expectNoEvents();
    }

    @Test
    void aMeetingCannotStartMoreThanAWeekBeforeTheProposal() {
        Instant eightDaysBefore = NOW.minus(Duration.ofDays(8));
        fixture.given(acceptedByBothSides())
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, eightDaysBefore, "La Mure"))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage("un rendez-vous commence au plus une semaine avant la proposition (2026-03-09)")
                .expectNoEvents();
    }

    /** Recorded after the fact: the two met the evening before a facilitator put the introduction down. */
    @Test
    void aMeetingOfTheDaysBeforeTheProposalIsRecorded() {
        Instant theEveningBefore = Instant.parse("2026-03-08T18:00:00Z");
        fixture.given(acceptedByBothSides())
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, theEveningBefore, null))
                .expectEvents(new MeetingScheduledEvent(ID, "m-1", theEveningBefore, null, LATER));
    }

    /**
     * What came of a meeting held the evening before the proposal (recorded after the fact) may date from that
     * evening; not from before it, nor from before a meeting only planned.
     */
    @Test
    void anOutcomeMayDateFromTheFirstMeetingHeldWhenItPrecedesTheProposal() {
        Instant theEveningBefore = Instant.parse("2026-03-08T18:00:00Z");
        MeetingScheduledEvent before = new MeetingScheduledEvent(ID, "m-0", theEveningBefore, null, LATER);
        fixture.given(acceptedByBothSides()).andGiven(before, new MeetingHeldEvent(ID, "m-0", null, LATER))
                .when(new RecordOutcomeCommand(ID, ASSOCIATION, Outcome.NO_FIT, LocalDate.of(2026, 3, 8), null, null, null))
                .expectEvents(new OutcomeRecordedEvent(ID, Outcome.NO_FIT, LocalDate.of(2026, 3, 8), null, null, null, LATER));
        fixture.given(acceptedByBothSides()).andGiven(before, new MeetingHeldEvent(ID, "m-0", null, LATER))
                .when(new RecordOutcomeCommand(ID, ASSOCIATION, Outcome.NO_FIT, LocalDate.of(2026, 3, 7), null, null, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
        fixture.given(acceptedByBothSides()).andGiven(before)
                .when(new RecordOutcomeCommand(ID, ASSOCIATION, Outcome.NO_FIT, LocalDate.of(2026, 3, 8), null, null, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void aMeetingIsPlannedWithinTheComingYear() {
        Instant typoInTheYear = Instant.parse("2062-04-15T08:00:00Z");
        fixture.given(acceptedByBothSides())
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, typoInTheYear, "La Mure"))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage("un rendez-vous se planifie dans l'année à venir, pas le 2062-04-15")
                .expectNoEvents();
        // The last instant JSON may carry has no day on a calendar: refused all the same, not a crash (a 500).
        fixture.given(acceptedByBothSides())
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, Instant.MAX, "La Mure"))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage("un rendez-vous se planifie dans l'année à venir, pas le " + Instant.MAX)
                .expectNoEvents();
    }

    @Test
    void aPartnershipCannotEndBeforeItWasFormed() {
        fixture.given(acceptedByBothSides()).andGiven(FORMED)
                .when(new RecordOutcomeCommand(ID, FOUNDATION, Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 3, 20),
                        null, null, null))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage("un partenariat ne peut finir (2026-03-20) avant d'être conclu (2026-03-30)")
                .expectNoEvents();
    }

    @Test
    void aPartnershipEndsOnTheDayItWasFormedAtTheEarliest() {
        RecordOutcomeCommand sameDay = new RecordOutcomeCommand(ID, FOUNDATION, Outcome.PARTNERSHIP_ENDED,
                FORMED.occurredOn(), null, null, null);
        fixture.given(acceptedByBothSides()).andGiven(FORMED)
                .when(sameDay)
                .expectEvents(new OutcomeRecordedEvent(ID, Outcome.PARTNERSHIP_ENDED, FORMED.occurredOn(), null, null,
                        null, LATER));
    }

    @Test
    void onlyAPartnershipFormedHasAFormAndACategory() {
        fixture.given(acceptedByBothSides())
                .when(new RecordOutcomeCommand(ID, FOUNDATION, Outcome.FOLLOW_UP_PLANNED, TODAY_IN_PARIS, null,
                        PartnershipForm.RESOURCES, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }
}
