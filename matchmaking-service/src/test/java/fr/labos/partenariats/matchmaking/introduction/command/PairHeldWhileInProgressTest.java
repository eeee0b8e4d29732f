package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.matching.DeclineIntroductionCommand;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroduceAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.Proposer;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand.PastOutcome;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.labos.partenariats.matchmaking.introduction.command.IntroductionSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An introduction holds its pair of actors for as long as it is in progress, as the matcher tells it: waiting for its
 * answers, then accepted by both sides until an outcome closes it (no fit, a partnership formed or ended). The
 * matcher learns of the introductions from Kafka, a moment after they are written, or hours after while the broker is
 * out of reach: the claim is what refuses a second proposal of a pair accepted meanwhile.
 */
class PairHeldWhileInProgressTest {

    /** A month after the proposal: outcomes may be dated from it up to this day. */
    private static final Instant A_MONTH_LATER = Instant.parse("2026-04-09T10:00:00Z");
    private static final LocalDate MARCH_20 = LocalDate.of(2026, 3, 20);
    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    private static final String OTHER = "intro-proposed-meanwhile";

    private final OpenPairsInMemory openPairs = new OpenPairsInMemory();

    @Test
    void bothSidesAcceptingKeepsThePairClaimed() {
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, openPairs)
                .givenCommands(askedByTheAssociation(), acceptBy(FOUNDATION))
                .when(acceptBy(ASSOCIATION))
                .expectSuccessfulHandlerExecution();
        assertThat(openPairs.claimedBy(ASSOCIATION, FOUNDATION)).contains(ID);
    }

    @Test
    void anOutcomeThatClosesTheIntroductionReleasesThePair() {
        for (RecordOutcomeCommand closing : List.of(outcome(Outcome.NO_FIT, MARCH_20),
                outcome(Outcome.PARTNERSHIP_FORMED, MARCH_20))) {
            OpenPairsInMemory pairs = claimedByTheIntroduction();
            afterAMonth(pairs).given(acceptedByBothSides())
                    .when(closing)
                    .expectSuccessfulHandlerExecution();
            assertThat(pairs.claimedBy(ASSOCIATION, FOUNDATION)).as(closing.outcome().name()).isEmpty();
        }
    }

    @Test
    void aFollowUpPlannedKeepsThePairClaimed() {
        OpenPairsInMemory pairs = claimedByTheIntroduction();
        afterAMonth(pairs).given(acceptedByBothSides())
                .when(outcome(Outcome.FOLLOW_UP_PLANNED, MARCH_20))
                .expectSuccessfulHandlerExecution();
        assertThat(pairs.claimedBy(ASSOCIATION, FOUNDATION)).contains(ID);
    }

    /** A « no fit », then a follow-up planned after it after all: the introduction is carried on again. */
    @Test
    void aLaterFollowUpCarriesTheIntroductionOnAgainAndClaimsThePairAgain() {
        afterAMonth(openPairs).given(acceptedByBothSides()).andGiven(recorded(Outcome.NO_FIT, MARCH_20))
                .when(outcome(Outcome.FOLLOW_UP_PLANNED, APRIL_1))
                .expectEvents(recorded(Outcome.FOLLOW_UP_PLANNED, APRIL_1, A_MONTH_LATER));
        assertThat(openPairs.claimedBy(ASSOCIATION, FOUNDATION)).contains(ID);
    }

    /** Recorded late, a follow-up that happened before the « no fit » does not undo it: the pair stays free. */
    @Test
    void aFollowUpDatedBeforeTheNoFitLeavesThePairFree() {
        afterAMonth(openPairs).given(acceptedByBothSides()).andGiven(recorded(Outcome.NO_FIT, APRIL_1))
                .when(outcome(Outcome.FOLLOW_UP_PLANNED, MARCH_20))
                .expectSuccessfulHandlerExecution();
        assertThat(openPairs.claimedBy(ASSOCIATION, FOUNDATION)).isEmpty();
    }

    /**
     * The pair was introduced again meanwhile: the outcome of the first introduction is still recorded (what came of
     * it is a fact, not a proposal), and the other introduction keeps the pair.
     */
    @Test
    void anIntroductionCarriedOnAgainLeavesThePairToOneProposedMeanwhile() {
        openPairs.claim(OTHER, FOUNDATION, ASSOCIATION);
        afterAMonth(openPairs).given(acceptedByBothSides()).andGiven(recorded(Outcome.NO_FIT, MARCH_20))
                .when(outcome(Outcome.FOLLOW_UP_PLANNED, APRIL_1))
                .expectEvents(recorded(Outcome.FOLLOW_UP_PLANNED, APRIL_1, A_MONTH_LATER));
        assertThat(openPairs.claimedBy(ASSOCIATION, FOUNDATION)).contains(OTHER);
    }

    @Test
    void aPartnershipEndedLeavesThePairFree() {
        afterAMonth(openPairs).given(acceptedByBothSides()).andGiven(recorded(Outcome.PARTNERSHIP_FORMED, MARCH_20))
                .when(new RecordOutcomeCommand(ID, FOUNDATION, Outcome.PARTNERSHIP_ENDED, APRIL_1, null, null, null))
                .expectSuccessfulHandlerExecution();
        assertThat(openPairs.claimedBy(ASSOCIATION, FOUNDATION)).isEmpty();
    }

    @Test
    void anIntroductionMadeAtASpeedMeetingHoldsThePairUnlessAnotherDoes() {
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, openPairs).givenNoPriorActivity()
                .when(metAtASession())
                .expectSuccessfulHandlerExecution();
        assertThat(openPairs.claimedBy(FOUNDATION, ASSOCIATION)).contains(ID);

        OpenPairsInMemory held = new OpenPairsInMemory();
        held.claim(OTHER, FOUNDATION, ASSOCIATION);
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, held).givenNoPriorActivity()
                .when(metAtASession())
                .expectSuccessfulHandlerExecution();
        assertThat(held.claimedBy(FOUNDATION, ASSOCIATION)).contains(OTHER);
    }

    @Test
    void aPastIntroductionAcceptedAndCarriedOnHoldsThePairUnlessAnotherDoes() {
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, openPairs).givenNoPriorActivity()
                .when(pastAccepted(List.of(new PastOutcome(Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2025, 7, 1),
                        null, null, null))))
                .expectSuccessfulHandlerExecution();
        assertThat(openPairs.claimedBy(FOUNDATION, ASSOCIATION)).contains(ID);

        OpenPairsInMemory held = new OpenPairsInMemory();
        held.claim(OTHER, FOUNDATION, ASSOCIATION);
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, held).givenNoPriorActivity()
                .when(pastAccepted(List.of()))
                .expectSuccessfulHandlerExecution();
        assertThat(held.claimedBy(FOUNDATION, ASSOCIATION)).contains(OTHER);
    }

    @Test
    void aPastIntroductionThatCameToAnEndHoldsNoPair() {
        for (List<PastOutcome> ending : List.of(
                List.of(new PastOutcome(Outcome.NO_FIT, LocalDate.of(2025, 7, 1), null, null, null)),
                // A follow-up planned, then nothing came of it: the latest prevails.
                List.of(new PastOutcome(Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2025, 7, 1), null, null, null),
                        new PastOutcome(Outcome.NO_FIT, LocalDate.of(2025, 9, 1), null, null, null)),
                List.of(new PastOutcome(Outcome.PARTNERSHIP_FORMED, LocalDate.of(2025, 7, 1), "Convention",
                        PartnershipForm.RESOURCES, ResourceCategory.FUNDING)))) {
            OpenPairsInMemory pairs = new OpenPairsInMemory();
            IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, pairs).givenNoPriorActivity()
                    .when(pastAccepted(ending))
                    .expectSuccessfulHandlerExecution();
            assertThat(pairs.claimedBy(FOUNDATION, ASSOCIATION)).as(ending.toString()).isEmpty();
        }
    }

    /*
     * Set aside for as long as the reason lasts (declined as competitor or already partners, partners), written down
     * with the step, as the matcher would read it from the events: what a proposal of the matcher or an actor's
     * request is checked against while those events have not reached the instance.
     */

    @Test
    void aDeclineForGoodSetsThePairAsideAndAnotherDeclineDoesNot() {
        for (DeclineReason reason : DeclineReason.values()) {
            LastingPairsInMemory lasting = new LastingPairsInMemory();
            IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, new OpenPairsInMemory(), lasting)
                    .givenCommands(askedByTheAssociation())
                    .when(new DeclineIntroductionCommand(ID, FOUNDATION, reason, null))
                    .expectSuccessfulHandlerExecution();
            Optional<ExclusionReason> setAside = lasting.between(FOUNDATION, ASSOCIATION)
                    .map(IntroducedPairs.SetAside::reason);
            switch (reason) {
                case COMPETITOR -> assertThat(setAside).contains(ExclusionReason.DECLINED_COMPETITOR);
                case ALREADY_PARTNERS -> assertThat(setAside).contains(ExclusionReason.DECLINED_ALREADY_PARTNERS);
                default -> assertThat(setAside).as(reason.name()).isEmpty();
            }
        }
    }

    @Test
    void aPartnershipSetsThePairAsideUntilItEnds() {
        LastingPairsInMemory lasting = new LastingPairsInMemory();
        IntroductionSamples.fixture(A_MONTH_LATER, AnswerPeriod.DEFAULT, claimedByTheIntroduction(), lasting)
                .given(acceptedByBothSides())
                .when(outcome(Outcome.PARTNERSHIP_FORMED, MARCH_20))
                .expectSuccessfulHandlerExecution();
        assertThat(lasting.between(ASSOCIATION, FOUNDATION)).contains(new IntroducedPairs.SetAside(
                ExclusionReason.PARTNERS, ID));

        // Written again at each outcome, whatever it was: a row an instance of an earlier release never wrote (or left
        // behind) is put right at the next one.
        LastingPairsInMemory neverWritten = new LastingPairsInMemory();
        IntroductionSamples.fixture(A_MONTH_LATER, AnswerPeriod.DEFAULT, openPairs, neverWritten)
                .given(acceptedByBothSides()).andGiven(recorded(Outcome.PARTNERSHIP_FORMED, MARCH_20))
                .when(outcome(Outcome.FOLLOW_UP_PLANNED, APRIL_1))
                .expectSuccessfulHandlerExecution();
        assertThat(neverWritten.between(ASSOCIATION, FOUNDATION)).as("partners still, a follow-up planned")
                .map(IntroducedPairs.SetAside::reason).contains(ExclusionReason.PARTNERS);

        IntroductionSamples.fixture(A_MONTH_LATER, AnswerPeriod.DEFAULT, openPairs, lasting)
                .given(acceptedByBothSides()).andGiven(recorded(Outcome.PARTNERSHIP_FORMED, MARCH_20))
                .when(new RecordOutcomeCommand(ID, FOUNDATION, Outcome.PARTNERSHIP_ENDED, APRIL_1, null, null, null))
                .expectSuccessfulHandlerExecution();
        assertThat(lasting.between(ASSOCIATION, FOUNDATION)).isEmpty();
    }

    /**
     * The matcher's proposal or an actor's request for a pair set aside is refused by the introduction itself, after
     * its claim: a decline for good committed between the API's look and the command is not missed. A facilitator
     * may introduce them by hand.
     */
    @Test
    void onlyAFacilitatorProposesAPairSetAsideForGood() {
        for (IntroductionSource source : IntroductionSource.values()) {
            if (source == IntroductionSource.SPEED_MEETING) continue;
            LastingPairsInMemory lasting = new LastingPairsInMemory();
            lasting.setAside("i-declined", FOUNDATION, ASSOCIATION, ExclusionReason.DECLINED_COMPETITOR);
            OpenPairsInMemory open = new OpenPairsInMemory();
            var proposing = IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, open, lasting).givenNoPriorActivity()
                    .when(new ProposeIntroductionCommand(ID, source, ASSOCIATION, FOUNDATION, PAIRS, MATCH, MEMBER, null));
            if (source == IntroductionSource.FACILITATOR) {
                proposing.expectSuccessfulHandlerExecution();
            } else {
                proposing.expectException(PairSetAsideForGood.class).expectNoEvents();
            }
        }
    }

    @Test
    void aPastIntroductionDeclinedForGoodSetsThePairAside() {
        LastingPairsInMemory lasting = new LastingPairsInMemory();
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, new OpenPairsInMemory(), lasting)
                .givenNoPriorActivity()
                .when(new RecordPastIntroductionCommand(ID, ASSOCIATION, FOUNDATION,
                        new Proposer("u-facilitator", "FACILITATOR"), "Registre du labo",
                        LocalDate.of(2026, 2, 2), null, LocalDate.of(2026, 2, 10), FOUNDATION, DeclineReason.COMPETITOR,
                        null, List.of()))
                .expectSuccessfulHandlerExecution();
        assertThat(lasting.between(ASSOCIATION, FOUNDATION)).map(IntroducedPairs.SetAside::reason)
                .contains(ExclusionReason.DECLINED_COMPETITOR);
    }

    /** The pair as the introduction's proposal claimed it (the fixture's given events claim nothing). */
    private static OpenPairsInMemory claimedByTheIntroduction() {
        OpenPairsInMemory pairs = new OpenPairsInMemory();
        pairs.claim(ID, ASSOCIATION, FOUNDATION);
        return pairs;
    }

    private static AggregateTestFixture<Introduction> afterAMonth(OpenPairs pairs) {
        return IntroductionSamples.fixture(A_MONTH_LATER, AnswerPeriod.DEFAULT, pairs);
    }

    private static RecordOutcomeCommand outcome(Outcome outcome, LocalDate day) {
        return outcome == Outcome.PARTNERSHIP_FORMED
                ? new RecordOutcomeCommand(ID, FOUNDATION, outcome, day, "Convention signée", PartnershipForm.RESOURCES,
                ResourceCategory.FUNDING)
                : new RecordOutcomeCommand(ID, FOUNDATION, outcome, day, null, null, null);
    }

    private static OutcomeRecordedEvent recorded(Outcome outcome, LocalDate day) {
        return recorded(outcome, day, NOW);
    }

    private static OutcomeRecordedEvent recorded(Outcome outcome, LocalDate day, Instant at) {
        return outcome == Outcome.PARTNERSHIP_FORMED
                ? new OutcomeRecordedEvent(ID, outcome, day, "Convention signée", PartnershipForm.RESOURCES,
                ResourceCategory.FUNDING, at)
                : new OutcomeRecordedEvent(ID, outcome, day, null, null, null, at);
    }

    private static IntroduceAfterSpeedMeetingCommand metAtASession() {
        return new IntroduceAfterSpeedMeetingCommand(ID, "s-1", 2, ASSOCIATION, FOUNDATION, NOW.minusSeconds(3600),
                "Maison des associations — table 3", new MatchSnapshot(null, 0.6, Map.of(), "Complémentaires."),
                new Proposer("u-facilitator", "FACILITATOR"), null);
    }

    /** Proposed and accepted in June 2025, long before the answer period of today. */
    private static RecordPastIntroductionCommand pastAccepted(List<PastOutcome> outcomes) {
        return new RecordPastIntroductionCommand(ID, ASSOCIATION, FOUNDATION, new Proposer("u-facilitator", "FACILITATOR"),
                null, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 10), null, null, null, null, outcomes);
    }
}
