package fr.labos.partenariats.matchmaking.matching.exclusion;

import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.MeetingHeldEvent;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.matching.Proposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When an introduction sets its pair of actors aside, and when the pair comes back. */
class IntroducedPairsTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private final IntroducedPairs pairs = new IntroducedPairs();

    @Test
    void anOpenIntroductionSetsThePairAsideBothWaysAndOneAcceptanceKeepsItOpen() {
        propose("i1", "wimoov", "fondation");
        assertAside("wimoov", "fondation", ExclusionReason.OPEN_INTRODUCTION, "i1");
        assertThat(pairs.excludedPartnersOf("fondation")).containsExactly("wimoov");
        assertThat(pairs.excludedPartnersOf("banque")).isEmpty();

        pairs.apply("i1", 1, new IntroductionAcceptedEvent("i1", "wimoov", false, AT));
        assertAside("fondation", "wimoov", ExclusionReason.OPEN_INTRODUCTION, "i1");
    }

    @Test
    void anExpiredOrWithdrawnIntroductionFreesThePair() {
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionExpiredEvent("i1", AT));
        assertFree("wimoov", "fondation");

        propose("i2", "wimoov", "banque");
        pairs.apply("i2", 1, new IntroductionWithdrawnEvent("i2", "erreur", AT));
        assertFree("wimoov", "banque");
    }

    @ParameterizedTest
    @EnumSource(value = DeclineReason.class, names = {"NOT_NOW", "NOT_RELEVANT", "OTHER"})
    void aDeclineForAPassingReasonFreesThePair(DeclineReason reason) {
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionDeclinedEvent("i1", "fondation", reason, null, AT));
        assertFree("wimoov", "fondation");
    }

    @Test
    void aDeclineAsCompetitorOrAlreadyPartnersSetsThePairAsideForGood() {
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionDeclinedEvent("i1", "fondation", DeclineReason.COMPETITOR, null, AT));
        assertAside("wimoov", "fondation", ExclusionReason.DECLINED_COMPETITOR, "i1");

        propose("i2", "wimoov", "banque");
        pairs.apply("i2", 1, new IntroductionDeclinedEvent("i2", "wimoov", DeclineReason.ALREADY_PARTNERS, "", AT));
        assertAside("banque", "wimoov", ExclusionReason.DECLINED_ALREADY_PARTNERS, "i2");

        // A later introduction of the same pair, by hand, and its expiry change nothing to it.
        propose("i3", "fondation", "wimoov");
        pairs.apply("i3", 1, new IntroductionExpiredEvent("i3", AT));
        assertAside("wimoov", "fondation", ExclusionReason.DECLINED_COMPETITOR, "i1");
    }

    @Test
    void anAcceptedIntroductionStaysAsideUntilAnOutcomeClosesIt() {
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionAcceptedEvent("i1", "wimoov", false, AT));
        pairs.apply("i1", 2, new IntroductionAcceptedEvent("i1", "fondation", true, AT));
        assertAside("wimoov", "fondation", ExclusionReason.INTRODUCED, "i1");
        pairs.apply("i1", 3, new MeetingHeldEvent("i1", "m1", null, AT));
        assertAside("wimoov", "fondation", ExclusionReason.INTRODUCED, "i1");

        outcome("i1", 4, Outcome.FOLLOW_UP_PLANNED);
        assertAside("wimoov", "fondation", ExclusionReason.INTRODUCED, "i1");
        outcome("i1", 5, Outcome.PARTNERSHIP_FORMED);
        assertAside("wimoov", "fondation", ExclusionReason.PARTNERS, "i1");
        outcome("i1", 6, Outcome.PARTNERSHIP_ENDED);
        assertFree("wimoov", "fondation");
    }

    /** A follow-up planned in February, recorded after the partnership formed in March: the partners stay apart. */
    @Test
    void anOutcomeRecordedLateThatHappenedBeforeTheLatestChangesNothing() {
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionAcceptedEvent("i1", "fondation", true, AT));
        pairs.apply("i1", 2, new OutcomeRecordedEvent("i1", Outcome.PARTNERSHIP_FORMED, LocalDate.of(2026, 3, 1), null,
                null, null, AT));
        pairs.apply("i1", 3, new OutcomeRecordedEvent("i1", Outcome.NO_FIT, LocalDate.of(2026, 2, 1), null, null, null,
                AT));
        assertAside("wimoov", "fondation", ExclusionReason.PARTNERS, "i1");
        pairs.apply("i1", 4, new OutcomeRecordedEvent("i1", Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 3, 1), null,
                null, null, AT));
        assertFree("wimoov", "fondation");
    }

    @Test
    void anOutcomeOfNoFitFreesThePair() {
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionAcceptedEvent("i1", "fondation", true, AT));
        outcome("i1", 2, Outcome.NO_FIT);
        assertFree("wimoov", "fondation");
    }

    @Test
    void aPairWithSeveralIntroductionsShowsItsMostLastingReasonAndComesBackOnlyWhenNoneHoldsIt() {
        propose("i1", "wimoov", "fondation");
        propose("i2", "fondation", "wimoov");
        pairs.apply("i2", 1, new IntroductionAcceptedEvent("i2", "fondation", true, AT));
        assertAside("wimoov", "fondation", ExclusionReason.INTRODUCED, "i2");

        outcome("i2", 2, Outcome.NO_FIT);
        assertAside("wimoov", "fondation", ExclusionReason.OPEN_INTRODUCTION, "i1");
        pairs.apply("i1", 1, new IntroductionExpiredEvent("i1", AT));
        assertFree("wimoov", "fondation");
    }

    @Test
    void theLastingViewKeepsOnlyPartnersAndPairsDeclinedAsCompetitorOrAlreadyPartners() {
        propose("open", "wimoov", "fondation");
        propose("accepted", "wimoov", "banque");
        pairs.apply("accepted", 1, new IntroductionAcceptedEvent("accepted", "banque", true, AT));
        propose("competitor", "wimoov", "mutuelle");
        pairs.apply("competitor", 1, new IntroductionDeclinedEvent("competitor", "mutuelle", DeclineReason.COMPETITOR, null, AT));
        propose("known", "wimoov", "cci");
        pairs.apply("known", 1, new IntroductionDeclinedEvent("known", "wimoov", DeclineReason.ALREADY_PARTNERS, null, AT));
        propose("formed", "wimoov", "commune");
        pairs.apply("formed", 1, new IntroductionAcceptedEvent("formed", "commune", true, AT));
        outcome("formed", 2, Outcome.PARTNERSHIP_FORMED);

        assertThat(pairs.excludedPartnersOf("wimoov"))
                .containsExactlyInAnyOrder("fondation", "banque", "mutuelle", "cci", "commune");
        assertThat(pairs.lasting().excludedPartnersOf("wimoov")).containsExactlyInAnyOrder("mutuelle", "cci", "commune");
        assertThat(pairs.lasting().excludedPartnersOf("commune")).containsExactly("wimoov");
        assertThat(pairs.lasting().excludedPartnersOf("banque")).isEmpty();

        // The view follows later events: the accepted pair becomes partners.
        outcome("accepted", 2, Outcome.PARTNERSHIP_FORMED);
        assertThat(pairs.lasting().excludedPartnersOf("banque")).containsExactly("wimoov");
    }

    @Test
    void aRedeliveredOrOlderStepChangesNothing() {
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionExpiredEvent("i1", AT));
        // The relay sends the batch again: the proposal and the expiry, at their sequence numbers.
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionExpiredEvent("i1", AT));
        assertFree("wimoov", "fondation");
        // A step older than the last applied one is ignored as well.
        pairs.apply("i1", 1, new IntroductionDeclinedEvent("i1", "wimoov", DeclineReason.COMPETITOR, null, AT));
        assertFree("wimoov", "fondation");
        assertThat(pairs.introductionCount()).isEqualTo(1);
    }

    @Test
    void stepsOfAnIntroductionNeverProposedAreIgnored() {
        pairs.apply("ghost", 1, new IntroductionDeclinedEvent("ghost", "wimoov", DeclineReason.COMPETITOR, null, AT));
        assertThat(pairs.excludedPartnersOf("wimoov")).isEmpty();
        assertThat(pairs.introductionCount()).isZero();
    }

    /** A follow-up planned within a partnership that goes on leaves the pair partners, not merely introduced. */
    @Test
    void aFollowUpPlannedWhileAPartnershipGoesOnKeepsThePairPartners() {
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionAcceptedEvent("i1", "wimoov", false, AT));
        pairs.apply("i1", 2, new IntroductionAcceptedEvent("i1", "fondation", true, AT));
        outcome("i1", 3, Outcome.PARTNERSHIP_FORMED);
        outcome("i1", 4, Outcome.FOLLOW_UP_PLANNED);
        assertAside("wimoov", "fondation", ExclusionReason.PARTNERS, "i1");
    }

    /** An end closes one partnership: while another formed through the introduction goes on, the pair stays partners. */
    @Test
    void anEndWhileAnotherPartnershipGoesOnKeepsThePairPartners() {
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionAcceptedEvent("i1", "wimoov", false, AT));
        pairs.apply("i1", 2, new IntroductionAcceptedEvent("i1", "fondation", true, AT));
        outcome("i1", 3, Outcome.PARTNERSHIP_FORMED);
        outcome("i1", 4, Outcome.PARTNERSHIP_FORMED);
        outcome("i1", 5, Outcome.PARTNERSHIP_ENDED);
        assertAside("wimoov", "fondation", ExclusionReason.PARTNERS, "i1");

        outcome("i1", 6, Outcome.PARTNERSHIP_ENDED);
        assertFree("wimoov", "fondation");
    }

    @Test
    void theIntroductionsOfAPairAreAllOfThemWhateverBecameOfThem() {
        assertThat(pairs.introductionsBetween("wimoov", "fondation")).isEmpty();
        propose("i2", "fondation", "wimoov");
        pairs.apply("i2", 1, new IntroductionWithdrawnEvent("i2", null, AT));
        propose("i1", "wimoov", "fondation");
        pairs.apply("i1", 1, new IntroductionExpiredEvent("i1", AT));
        propose("i3", "wimoov", "banque");
        assertThat(pairs.introductionsBetween("wimoov", "fondation")).containsExactly("i1", "i2");
        assertThat(pairs.introductionsBetween("fondation", "wimoov")).containsExactly("i1", "i2");
        assertThat(pairs.introductionsBetween("banque", "wimoov")).containsExactly("i3");
        assertThat(pairs.introductionsBetween("wimoov", "wimoov")).isEmpty();
    }

    /**
     * Rebuilt from the topic, an instance reads a pair's introductions in the order of its partitions, not of their
     * proposals: two instances fed the same introductions in opposite orders name the same one in progress, the one
     * proposed last.
     */
    @Test
    void theIntroductionInProgressIsTheOneProposedLastWhateverOrderTheyArrivedIn() {
        IntroducedPairs inProposalOrder = new IntroducedPairs();
        IntroducedPairs inReverse = new IntroducedPairs();
        proposeAt(inProposalOrder, "b-earlier", AT);
        proposeAt(inProposalOrder, "a-later", AT.plusSeconds(3_600));
        proposeAt(inReverse, "a-later", AT.plusSeconds(3_600));
        proposeAt(inReverse, "b-earlier", AT);

        assertThat(inProposalOrder.inProgressBetween("wimoov", "fondation")).contains("a-later");
        assertThat(inReverse.inProgressBetween("wimoov", "fondation")).contains("a-later");
        assertThat(inReverse.introductionsBetween("wimoov", "fondation"))
                .isEqualTo(inProposalOrder.introductionsBetween("wimoov", "fondation"));
    }

    /**
     * Two introductions of a pair declined as competitor (a facilitator introduced the two again by hand): the pair is
     * set aside in the name of the one proposed last, on every instance — not of whichever a hash set gives first.
     */
    @Test
    void ofTwoIntroductionsGivingTheSameReasonThePairIsSetAsideInTheNameOfTheOneProposedLast() {
        for (int instance = 0; instance < 20; instance++) {
            IntroducedPairs fresh = new IntroducedPairs();
            proposeAt(fresh, "z-first", AT);
            proposeAt(fresh, "a-again", AT.plusSeconds(86_400));
            for (String id : instance % 2 == 0 ? List.of("z-first", "a-again") : List.of("a-again", "z-first")) {
                fresh.apply(id, 1, new IntroductionDeclinedEvent(id, "fondation", DeclineReason.COMPETITOR, null, AT));
            }
            assertThat(fresh.between("wimoov", "fondation"))
                    .contains(new IntroducedPairs.SetAside(ExclusionReason.DECLINED_COMPETITOR, "a-again"));
        }
    }

    private static void proposeAt(IntroducedPairs pairs, String id, Instant proposedAt) {
        pairs.apply(id, 0, new IntroductionProposedEvent(id, IntroductionSource.MATCHER, "wimoov", "fondation", List.of(),
                null, new Proposer("u-1", "FACILITATOR"), null, proposedAt, proposedAt.plusSeconds(14 * 86_400), null));
    }

    @Test
    void theIntroductionInProgressIsOneWaitingForAnswersOrAcceptedAndNotClosedByAnOutcome() {
        assertThat(pairs.inProgressBetween("wimoov", "fondation")).isEmpty();
        propose("i1", "wimoov", "fondation");
        assertThat(pairs.inProgressBetween("fondation", "wimoov")).contains("i1");
        pairs.apply("i1", 1, new IntroductionAcceptedEvent("i1", "wimoov", false, AT));
        pairs.apply("i1", 2, new IntroductionAcceptedEvent("i1", "fondation", true, AT));
        assertThat(pairs.inProgressBetween("wimoov", "fondation")).contains("i1");
        outcome("i1", 3, Outcome.FOLLOW_UP_PLANNED);
        assertThat(pairs.inProgressBetween("wimoov", "fondation")).contains("i1");
        outcome("i1", 4, Outcome.NO_FIT);
        assertThat(pairs.inProgressBetween("wimoov", "fondation")).isEmpty();

        propose("i2", "wimoov", "banque");
        pairs.apply("i2", 1, new IntroductionDeclinedEvent("i2", "banque", DeclineReason.COMPETITOR, null, AT));
        assertThat(pairs.inProgressBetween("wimoov", "banque")).isEmpty();
        propose("i3", "banque", "wimoov");
        assertThat(pairs.inProgressBetween("wimoov", "banque")).contains("i3");

        propose("i4", "mairie", "wimoov");
        pairs.apply("i4", 1, new IntroductionAcceptedEvent("i4", "wimoov", false, AT));
        pairs.apply("i4", 2, new IntroductionAcceptedEvent("i4", "mairie", true, AT));
        outcome("i4", 3, Outcome.PARTNERSHIP_FORMED);
        assertThat(pairs.inProgressBetween("wimoov", "mairie")).isEmpty();
        assertThat(pairs.inProgressBetween("wimoov", "wimoov")).isEmpty();
    }

    private void propose(String id, String actor, String partner) {
        pairs.apply(id, 0, new IntroductionProposedEvent(id, IntroductionSource.FACILITATOR, actor, partner, List.of(),
                null, new Proposer("u-1", "FACILITATOR"), null, AT, AT.plusSeconds(14 * 86_400), null));
    }

    private void outcome(String id, long sequence, Outcome outcome) {
        pairs.apply(id, sequence, new OutcomeRecordedEvent(id, outcome, LocalDate.of(2026, 3, 20), null, null, null, AT));
    }

    private void assertAside(String actor, String partner, ExclusionReason reason, String introductionId) {
        assertThat(pairs.between(actor, partner)).contains(new IntroducedPairs.SetAside(reason, introductionId));
        assertThat(pairs.between(partner, actor)).contains(new IntroducedPairs.SetAside(reason, introductionId));
        assertThat(pairs.excludedPartnersOf(actor)).contains(partner);
        assertThat(pairs.excludedPartnersOf(partner)).contains(actor);
    }

    private void assertFree(String actor, String partner) {
        assertThat(pairs.between(actor, partner)).isEmpty();
        assertThat(pairs.between(partner, actor)).isEmpty();
        assertThat(pairs.excludedPartnersOf(actor)).doesNotContain(partner);
        assertThat(pairs.excludedPartnersOf(partner)).doesNotContain(actor);
    }
}
