package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.matching.AcceptIntroductionCommand;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.MeetingHeldEvent;
import fr.labos.partenariats.schema.matching.MeetingScheduledEvent;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.matching.Proposer;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand.PastOutcome;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static fr.labos.partenariats.matchmaking.introduction.command.IntroductionSamples.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An introduction from the lab's own records: the events of one lived here, dated as the records say; what is only
 * known now (the recording of the meeting and of each outcome) dated now. {@link IntroductionSamples#NOW} is
 * 9 March 2026, 9:30 in Paris.
 */
class PastIntroductionTest {

    private static final Proposer FACILITATOR = new Proposer("u-facilitator", "FACILITATOR");
    private static final String NOTE = "Présentés au forum des associations";
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 9);

    private final AggregateTestFixture<Introduction> fixture = IntroductionSamples.fixture(AnswerPeriod.DEFAULT);

    private static RecordPastIntroductionCommand past(LocalDate proposedOn, LocalDate acceptedOn, LocalDate declinedOn,
                                                      LocalDate metOn, List<PastOutcome> outcomes) {
        return new RecordPastIntroductionCommand(ID, ASSOCIATION, FOUNDATION, FACILITATOR, NOTE, proposedOn,
                acceptedOn, declinedOn, declinedOn == null ? null : FOUNDATION,
                declinedOn == null ? null : DeclineReason.NOT_NOW, metOn, outcomes);
    }

    /** The first instant of a day in Paris: 23:00 the day before in UTC in winter, 22:00 in summer. */
    private static Instant parisMidnight(String day) {
        return LocalDate.parse(day).atStartOfDay(LabCalendar.ZONE).toInstant();
    }

    private static IntroductionProposedEvent proposedOn(String day, String deadlineId) {
        Instant at = parisMidnight(day);
        return new IntroductionProposedEvent(ID, IntroductionSource.FACILITATOR, ASSOCIATION, FOUNDATION, List.of(),
                null, FACILITATOR, NOTE, at, at.plus(AnswerPeriod.DEFAULT.duration()), deadlineId);
    }

    @Test
    void aPartnershipFormedLastSummerIsRecordedWithItsDatesAndItsRecordingDatedNow() {
        PastOutcome formed = new PastOutcome(Outcome.PARTNERSHIP_FORMED, LocalDate.of(2025, 9, 15), "Convention signée",
                PartnershipForm.RESOURCES, ResourceCategory.FUNDING);
        PastOutcome ended = new PastOutcome(Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 1, 31), null, null, null);
        fixture.givenNoPriorActivity()
                .when(past(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 10), null, LocalDate.of(2025, 7, 1),
                        List.of(formed, ended)))
                .expectEvents(proposedOn("2025-06-02", null),
                        new IntroductionAcceptedEvent(ID, ASSOCIATION, false, Instant.parse("2025-06-09T22:00:00Z")),
                        new IntroductionAcceptedEvent(ID, FOUNDATION, true, Instant.parse("2025-06-09T22:00:00Z")),
                        new MeetingScheduledEvent(ID, "rencontre-2025-07-01", Instant.parse("2025-06-30T22:00:00Z"),
                                null, NOW),
                        new MeetingHeldEvent(ID, "rencontre-2025-07-01", null, NOW),
                        new OutcomeRecordedEvent(ID, Outcome.PARTNERSHIP_FORMED, LocalDate.of(2025, 9, 15),
                                "Convention signée", PartnershipForm.RESOURCES, ResourceCategory.FUNDING, NOW),
                        new OutcomeRecordedEvent(ID, Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 1, 31), null, null,
                                null, NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDeclinedOneSaysWhichSideDeclinedWhenAndWhy() {
        fixture.givenNoPriorActivity()
                .when(past(LocalDate.of(2025, 11, 3), null, LocalDate.of(2025, 11, 12), null, List.of()))
                .expectEvents(proposedOn("2025-11-03", null), new IntroductionDeclinedEvent(ID, FOUNDATION,
                        DeclineReason.NOT_NOW, null, Instant.parse("2025-11-11T23:00:00Z")))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anUnansweredOneWhoseAnswerPeriodIsOverExpiresAtOnceOnTheDayItWasDue() {
        fixture.givenNoPriorActivity()
                .when(past(LocalDate.of(2025, 10, 6), null, null, null, List.of()))
                .expectEvents(proposedOn("2025-10-06", null),
                        new IntroductionExpiredEvent(ID, parisMidnight("2025-10-06").plus(AnswerPeriod.DEFAULT.duration())))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anAnswerPeriodAcrossTheChangeToWinterTimeEndsAtMidnightInParis() {
        // Proposed on 18 October 2025; clocks went back on the 26th: due at midnight on 1 November, not at 23:00 on the
        // 31st (336 hours), which would date the expiry and count it in October.
        Instant proposed = parisMidnight("2025-10-18");
        Instant due = parisMidnight("2025-11-01");
        fixture.givenNoPriorActivity()
                .when(past(LocalDate.of(2025, 10, 18), null, null, null, List.of()))
                .expectEvents(new IntroductionProposedEvent(ID, IntroductionSource.FACILITATOR, ASSOCIATION, FOUNDATION,
                                List.of(), null, FACILITATOR, NOTE, proposed, due, null),
                        new IntroductionExpiredEvent(ID, due));
    }

    @Test
    void anUnansweredOneStillWithinItsAnswerPeriodWaitsForItsAnswersAndItsDeadline() {
        Instant due = parisMidnight("2026-03-02").plus(AnswerPeriod.DEFAULT.duration());
        fixture.givenCurrentTime(NOW)
                .when(past(LocalDate.of(2026, 3, 2), null, null, null, List.of()))
                .expectEventsMatching(proposal(proposedOn("2026-03-02", null)))
                .expectScheduledDeadlineWithName(due, Introduction.ANSWER_DEADLINE);
    }

    @Test
    void anUnansweredOneThatWaitsHoldsItsPairAsAProposalWouldAndIsRefusedWhenThePairIsHeld() {
        OpenPairsInMemory openPairs = new OpenPairsInMemory();
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, openPairs).givenNoPriorActivity()
                .when(past(LocalDate.of(2026, 3, 2), null, null, null, List.of()))
                .expectSuccessfulHandlerExecution();
        assertThat(openPairs.claimedBy(FOUNDATION, ASSOCIATION)).contains(ID);

        OpenPairsInMemory held = new OpenPairsInMemory();
        held.claim("another-introduction", FOUNDATION, ASSOCIATION);
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, held).givenNoPriorActivity()
                .when(past(LocalDate.of(2026, 3, 2), null, null, null, List.of()))
                .expectException(PairAlreadyInIntroduction.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void oneAnsweredOrAlreadyExpiredHoldsNoPairAndIsRecordedBesideAnIntroductionInProgress() {
        OpenPairsInMemory held = new OpenPairsInMemory();
        held.claim("another-introduction", FOUNDATION, ASSOCIATION);
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, held).givenNoPriorActivity()
                .when(past(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), null, null, List.of()))
                .expectSuccessfulHandlerExecution();
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, held).givenNoPriorActivity()
                .when(past(LocalDate.of(2025, 10, 6), null, null, null, List.of()))
                .expectSuccessfulHandlerExecution();
        assertThat(held.claimedBy(ASSOCIATION, FOUNDATION)).contains("another-introduction");
    }

    @Test
    void onceRecordedItIsFollowedLikeAnyOther() {
        fixture.given(proposedOn("2025-06-02", null),
                        new IntroductionAcceptedEvent(ID, ASSOCIATION, false, parisMidnight("2025-06-10")),
                        new IntroductionAcceptedEvent(ID, FOUNDATION, true, parisMidnight("2025-06-10")))
                .when(new RecordOutcomeCommand(ID, null, Outcome.FOLLOW_UP_PLANNED, TODAY, null, null, null))
                .expectEvents(new OutcomeRecordedEvent(ID, Outcome.FOLLOW_UP_PLANNED, TODAY, null, null, null, NOW));
        fixture.given(proposedOn("2025-06-02", null),
                        new IntroductionAcceptedEvent(ID, ASSOCIATION, false, parisMidnight("2025-06-10")),
                        new IntroductionAcceptedEvent(ID, FOUNDATION, true, parisMidnight("2025-06-10")))
                .when(new AcceptIntroductionCommand(ID, ASSOCIATION))
                .expectException(IntroductionAlreadyAccepted.class)
                .expectNoEvents();
    }

    @Test
    void whatTheRecordsCannotSayIsRefusedAndNothingIsWritten() {
        LocalDate june = LocalDate.of(2025, 6, 2);
        PastOutcome ended = new PastOutcome(Outcome.PARTNERSHIP_ENDED, LocalDate.of(2025, 9, 1), null, null, null);
        PastOutcome formedWithoutForm = new PastOutcome(Outcome.PARTNERSHIP_FORMED, LocalDate.of(2025, 9, 1), null,
                null, null);
        PastOutcome followUp = new PastOutcome(Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2025, 9, 1), null, null, null);
        PastOutcome noFitBefore = new PastOutcome(Outcome.NO_FIT, LocalDate.of(2025, 8, 1), null, null, null);
        List<Object[]> refused = List.of(
                new Object[]{past(TODAY.plusDays(1), null, null, null, List.of()), "proposedOn"},
                new Object[]{past(june, june.minusDays(1), null, null, List.of()), "acceptedOn"},
                new Object[]{past(june, june, june, null, List.of()), "declinedOn"},
                new Object[]{past(june, null, null, june.plusDays(5), List.of()), "metOn"},
                new Object[]{past(june, june.plusDays(3), null, june.plusDays(1), List.of()), "metOn"},
                new Object[]{past(june, null, null, null, List.of(followUp)), "outcomes"},
                new Object[]{past(june, june, null, null, List.of(ended)), "outcomes.outcome"},
                new Object[]{past(june, june, null, null, List.of(formedWithoutForm)), "outcomes.form"},
                new Object[]{past(june, june, null, null, List.of(followUp, noFitBefore)), "outcomes.occurredOn"},
                new Object[]{new RecordPastIntroductionCommand(ID, ASSOCIATION, ASSOCIATION, FACILITATOR, null, june,
                        null, null, null, null, null, List.of()), "partnerActorId"},
                new Object[]{new RecordPastIntroductionCommand(ID, ASSOCIATION, FOUNDATION, FACILITATOR, null, june,
                        null, june, STRANGER, DeclineReason.OTHER, null, List.of()), "declinedBy"},
                new Object[]{new RecordPastIntroductionCommand(ID, ASSOCIATION, FOUNDATION, FACILITATOR, null, june,
                        null, june, FOUNDATION, null, null, List.of()), "declineReason"},
                // Who declined, or why, without the day: an answer the records half give is not guessed.
                new Object[]{new RecordPastIntroductionCommand(ID, ASSOCIATION, FOUNDATION, FACILITATOR, null, june,
                        june, null, FOUNDATION, null, null, List.of()), "declinedOn"},
                new Object[]{new RecordPastIntroductionCommand(ID, ASSOCIATION, FOUNDATION, FACILITATOR, null, june,
                        null, null, null, DeclineReason.COMPETITOR, null, List.of()), "declinedOn"});
        for (Object[] line : refused) {
            RecordPastIntroductionCommand command = (RecordPastIntroductionCommand) line[0];
            assertThatThrownBy(() -> IntroductionRules.checkPastIntroduction(command, TODAY))
                    .as(line[1].toString())
                    .isInstanceOfSatisfying(InvalidIntroduction.class,
                            invalid -> assertThat(invalid.field()).isEqualTo(line[1]));
            fixture.givenNoPriorActivity().when(command)
                    .expectException(InvalidIntroduction.class)
                    .expectNoEvents();
        }
    }

    /**
     * A lab's spreadsheet is not bound by the API's bodies: a note of 600,000 backslashes, twice as long in JSON, made
     * an event the relay's broker refuses, and nothing after it reached the topic. The rule every way in goes through
     * takes the API's limit, for the introduction's note as for each outcome's.
     */
    @Test
    void aNoteOverTheLimitIsRefusedAndNothingIsWritten() {
        LocalDate june = LocalDate.of(2025, 6, 2);
        String backslashes = "\\".repeat(600_000);
        PastOutcome followUp = new PastOutcome(Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2025, 9, 1),
                "x".repeat(IntroductionRules.MAX_NOTE + 1), null, null);
        List<Object[]> refused = List.of(
                new Object[]{new RecordPastIntroductionCommand(ID, ASSOCIATION, FOUNDATION, FACILITATOR, backslashes,
                        june, june.plusDays(3), null, null, null, null, List.of()), "note"},
                new Object[]{new RecordPastIntroductionCommand(ID, ASSOCIATION, FOUNDATION, FACILITATOR,
                        "y".repeat(IntroductionRules.MAX_NOTE + 1), june, null, null, null, null, null, List.of()), "note"},
                new Object[]{past(june, june.plusDays(3), null, null, List.of(followUp)), "outcomes.note"});
        for (Object[] line : refused) {
            RecordPastIntroductionCommand command = (RecordPastIntroductionCommand) line[0];
            assertThatThrownBy(() -> IntroductionRules.checkPastIntroduction(command, TODAY))
                    .as(line[1].toString())
                    .isInstanceOfSatisfying(InvalidIntroduction.class, invalid -> {
                        assertThat(invalid.field()).isEqualTo(line[1]);
                        assertThat(invalid.getMessage()).contains("au plus 2000 caractères").hasSizeLessThan(100);
                    });
            fixture.givenNoPriorActivity().when(command)
                    .expectException(InvalidIntroduction.class)
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }
    }

    /** « 15/09/0205 » for 2025: recorded, it would stay in the history for good, and count in the year 205. */
    @Test
    void aYearBeforeAnyLabsRecordsIsRefusedAndNothingIsWritten() {
        for (LocalDate typo : List.of(LocalDate.of(205, 9, 15), LocalDate.of(1999, 12, 31))) {
            RecordPastIntroductionCommand command = past(typo, null, null, null, List.of());
            assertThatThrownBy(() -> IntroductionRules.checkPastIntroduction(command, TODAY))
                    .as(typo.toString())
                    .isInstanceOfSatisfying(InvalidIntroduction.class, invalid -> {
                        assertThat(invalid.field()).isEqualTo("proposedOn");
                        assertThat(invalid.getMessage()).contains("2000").contains(typo.toString());
                    });
            fixture.givenNoPriorActivity().when(command)
                    .expectException(InvalidIntroduction.class)
                    .expectNoEvents();
        }
    }
}
