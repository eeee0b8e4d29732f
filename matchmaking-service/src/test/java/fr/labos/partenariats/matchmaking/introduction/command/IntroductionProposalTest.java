package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.Proposer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fr.labos.partenariats.matchmaking.introduction.command.IntroductionSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

class IntroductionProposalTest {

    private static final Proposer FACILITATOR = new Proposer("u-facilitator", "FACILITATOR");

    private final AggregateTestFixture<Introduction> fixture = IntroductionSamples.fixture(AnswerPeriod.DEFAULT);

    @Test
    void anActorCanAskToBeIntroducedToAPartnerTheMatcherShowedIt() {
        fixture.givenNoPriorActivity()
                .when(askedByTheAssociation())
                .expectEventsMatching(proposal(proposed()));
    }

    @Test
    void aProposalAwaitsBothAnswersForFourteenDaysByDefault() {
        fixture.givenCurrentTime(NOW)
                .when(askedByTheAssociation())
                .expectScheduledDeadlineWithName(Duration.ofDays(14), Introduction.ANSWER_DEADLINE);
    }

    @Test
    void theAnswerPeriodIsConfigurable() {
        AggregateTestFixture<Introduction> weekly = IntroductionSamples.fixture(new AnswerPeriod(Duration.ofDays(7)));
        weekly.givenCurrentTime(NOW)
                .when(askedByTheAssociation())
                .expectEventsMatching(proposal(new IntroductionProposedEvent(ID, IntroductionSource.ACTOR_REQUEST,
                        ASSOCIATION, FOUNDATION, PAIRS, MATCH, MEMBER, askedByTheAssociation().note(), NOW,
                        NOW.plus(Duration.ofDays(7)), null)))
                .expectScheduledDeadlineWithName(Duration.ofDays(7), Introduction.ANSWER_DEADLINE);
    }

    @Test
    void aFacilitatorCanIntroduceTwoActorsByHandWithANote() {
        ProposeIntroductionCommand byHand = new ProposeIntroductionCommand(ID, IntroductionSource.FACILITATOR,
                ASSOCIATION, FOUNDATION, List.of(), null, FACILITATOR, "Se connaissent de vue, à rapprocher.");
        fixture.givenNoPriorActivity()
                .when(byHand)
                .expectEventsMatching(proposal(new IntroductionProposedEvent(ID, IntroductionSource.FACILITATOR,
                        ASSOCIATION, FOUNDATION, List.of(), null, FACILITATOR, "Se connaissent de vue, à rapprocher.",
                        NOW, ANSWER_BY, null)));
    }

    @Test
    void anActorCannotBeIntroducedToItself() {
        fixture.givenNoPriorActivity()
                .when(new ProposeIntroductionCommand(ID, IntroductionSource.ACTOR_REQUEST, ASSOCIATION, ASSOCIATION,
                        PAIRS, MATCH, MEMBER, null))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage("un acteur ne peut pas être présenté à lui-même")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aMatcherProposalKeepsTheModelVersionThatScoredIt() {
        MatchSnapshot unversioned = new MatchSnapshot(null, 0.82, Map.of(), "phrase");
        fixture.givenNoPriorActivity()
                .when(new ProposeIntroductionCommand(ID, IntroductionSource.MATCHER, ASSOCIATION, FOUNDATION, PAIRS,
                        unversioned, FACILITATOR, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void anActorRequestFreezesTheScoreOfThatMoment() {
        fixture.givenNoPriorActivity()
                .when(new ProposeIntroductionCommand(ID, IntroductionSource.ACTOR_REQUEST, ASSOCIATION, FOUNDATION,
                        PAIRS, null, MEMBER, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void aMatcherProposalRestsOnAtLeastOneNeedAndOffer() {
        fixture.givenNoPriorActivity()
                .when(new ProposeIntroductionCommand(ID, IntroductionSource.MATCHER, ASSOCIATION, FOUNDATION,
                        List.of(), MATCH, FACILITATOR, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void aProposalSaysWhoMadeIt() {
        fixture.givenNoPriorActivity()
                .when(new ProposeIntroductionCommand(ID, IntroductionSource.FACILITATOR, ASSOCIATION, FOUNDATION,
                        List.of(), null, null, "note"))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void aScoreOutsideZeroToOneIsRejected() {
        MatchSnapshot tooHigh = new MatchSnapshot("complementarity-2", 1.5, Map.of(), "phrase");
        fixture.givenNoPriorActivity()
                .when(new ProposeIntroductionCommand(ID, IntroductionSource.MATCHER, ASSOCIATION, FOUNDATION, PAIRS,
                        tooHigh, FACILITATOR, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void aProposalClaimsItsPairWhileItWaitsForAnswers() {
        OpenPairsInMemory openPairs = new OpenPairsInMemory();
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, openPairs)
                .givenNoPriorActivity()
                .when(askedByTheAssociation())
                .expectSuccessfulHandlerExecution();
        assertThat(openPairs.claimedBy(FOUNDATION, ASSOCIATION)).contains(ID);
    }

    /** Whichever side asked first, and whoever asks now: one introduction of a pair waits for answers at a time. */
    @Test
    void aPairWithAnIntroductionWaitingForAnswersIsNotProposedAgain() {
        OpenPairsInMemory openPairs = new OpenPairsInMemory();
        openPairs.claim("intro-0", FOUNDATION, ASSOCIATION);
        ProposeIntroductionCommand byHand = new ProposeIntroductionCommand(ID, IntroductionSource.FACILITATOR,
                ASSOCIATION, FOUNDATION, List.of(), null, FACILITATOR, null);
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, openPairs)
                .givenNoPriorActivity()
                .when(byHand)
                .expectException(PairAlreadyInIntroduction.class)
                .expectExceptionMessage("les acteurs actor-association et actor-foundation ont déjà une mise en "
                        + "relation en cours (intro-0)")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }
}
