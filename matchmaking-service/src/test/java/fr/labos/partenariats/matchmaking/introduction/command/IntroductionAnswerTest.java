package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.matching.DeclineIntroductionCommand;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.WithdrawIntroductionCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

import static fr.labos.partenariats.matchmaking.introduction.command.IntroductionSamples.*;

/** Double opt-in, declines, withdrawal and expiry through the answer deadline. */
class IntroductionAnswerTest {

    private final AggregateTestFixture<Introduction> fixture = IntroductionSamples.fixture(AnswerPeriod.DEFAULT);

    @Test
    void oneSideAcceptingDoesNotYetAcceptTheIntroduction() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation())
                .when(acceptBy(FOUNDATION))
                .expectEvents(acceptedBy(FOUNDATION, false))
                .expectScheduledDeadlineWithName(Duration.ofDays(14), Introduction.ANSWER_DEADLINE);
    }

    @Test
    void theIntroductionIsAcceptedWhenBothSidesAccepted() {
        fixture.given(proposed(), acceptedBy(FOUNDATION, false))
                .when(acceptBy(ASSOCIATION))
                .expectEvents(acceptedBy(ASSOCIATION, true));
    }

    @Test
    void acceptanceByBothSidesCancelsTheExpiry() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation(), acceptBy(FOUNDATION))
                .when(acceptBy(ASSOCIATION))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anAcceptedIntroductionNeverExpires() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation(), acceptBy(FOUNDATION), acceptBy(ASSOCIATION))
                .whenThenTimeElapses(Duration.ofDays(30))
                .expectNoEvents();
    }

    @Test
    void cannotAcceptTwice() {
        fixture.given(proposed(), acceptedBy(FOUNDATION, false))
                .when(acceptBy(FOUNDATION))
                .expectException(AlreadyAnswered.class)
                .expectNoEvents();
    }

    @Test
    void cannotAcceptOnceBothSidesAccepted() {
        fixture.given(acceptedByBothSides())
                .when(acceptBy(FOUNDATION))
                .expectException(IntroductionAlreadyAccepted.class)
                .expectNoEvents();
    }

    @Test
    void aSideCannotAcceptForAnActorNotInTheIntroduction() {
        fixture.given(proposed())
                .when(acceptBy(STRANGER))
                .expectException(NotAPartyToIntroduction.class)
                .expectExceptionMessage("l'acteur actor-stranger n'est pas partie à la mise en relation intro-1")
                .expectNoEvents();
    }

    @Test
    void eitherSideMayDeclineWithAReason() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation())
                .when(new DeclineIntroductionCommand(ID, FOUNDATION, DeclineReason.ALREADY_PARTNERS, "Depuis 2024."))
                .expectEvents(new IntroductionDeclinedEvent(ID, FOUNDATION, DeclineReason.ALREADY_PARTNERS,
                        "Depuis 2024.", NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDeclineGivesItsReason() {
        fixture.given(proposed())
                .when(new DeclineIntroductionCommand(ID, FOUNDATION, null, "Sans raison"))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void aSideThatAcceptedCannotThenDecline() {
        fixture.given(proposed(), acceptedBy(FOUNDATION, false))
                .when(new DeclineIntroductionCommand(ID, FOUNDATION, DeclineReason.NOT_NOW, null))
                .expectException(AlreadyAnswered.class)
                .expectNoEvents();
    }

    @Test
    void aSideCannotDeclineForAnActorNotInTheIntroduction() {
        fixture.given(proposed())
                .when(new DeclineIntroductionCommand(ID, STRANGER, DeclineReason.COMPETITOR, null))
                .expectException(NotAPartyToIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void cannotAcceptADeclinedIntroduction() {
        fixture.given(proposed(), new IntroductionDeclinedEvent(ID, FOUNDATION, DeclineReason.NOT_RELEVANT, null, NOW))
                .when(acceptBy(ASSOCIATION))
                .expectException(IntroductionDeclined.class)
                .expectNoEvents();
    }

    @Test
    void anUnansweredIntroductionExpiresWhenItsAnswerPeriodElapses() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation())
                .whenThenTimeElapses(Duration.ofDays(14))
                .expectTriggeredDeadlinesWithName(Introduction.ANSWER_DEADLINE)
                .expectEvents(new IntroductionExpiredEvent(ID, ANSWER_BY));
    }

    @Test
    void anIntroductionIsStillOpenTheDayBeforeItsAnswerPeriodEnds() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation())
                .whenThenTimeElapses(Duration.ofDays(13))
                .expectNoEvents();
    }

    @Test
    void anIntroductionAcceptedByOneSideOnlyStillExpires() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation(), acceptBy(ASSOCIATION))
                .whenThenTimeElapses(Duration.ofDays(14))
                .expectEvents(new IntroductionExpiredEvent(ID, ANSWER_BY));
    }

    @Test
    void aDeclinedIntroductionDoesNotExpireAgain() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation(),
                        new DeclineIntroductionCommand(ID, FOUNDATION, DeclineReason.NOT_NOW, null))
                .whenThenTimeElapses(Duration.ofDays(14))
                .expectNoEvents();
    }

    @Test
    void cannotAcceptAnExpiredIntroduction() {
        fixture.given(proposed(), new IntroductionExpiredEvent(ID, ANSWER_BY))
                .when(acceptBy(FOUNDATION))
                .expectException(IntroductionExpired.class)
                .expectNoEvents();
    }

    @Test
    void theProposerCanWithdrawAnOpenIntroduction() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation())
                .when(new WithdrawIntroductionCommand(ID, MEMBER.subject(), MEMBER.role(), "Doublon"))
                .expectEvents(new IntroductionWithdrawnEvent(ID, "Doublon", NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void onlyTheProposerCanWithdraw() {
        fixture.given(proposed())
                .when(new WithdrawIntroductionCommand(ID, "u-someone-else", "FACILITATOR", "Doublon"))
                .expectException(NotTheProposer.class)
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawAnIntroductionBothSidesAccepted() {
        fixture.given(acceptedByBothSides())
                .when(new WithdrawIntroductionCommand(ID, MEMBER.subject(), MEMBER.role(), "Trop tard"))
                .expectException(IntroductionAlreadyAccepted.class)
                .expectNoEvents();
    }

    @Test
    void cannotDeclineAWithdrawnIntroduction() {
        fixture.given(proposed(), new IntroductionWithdrawnEvent(ID, "Doublon", NOW))
                .when(new DeclineIntroductionCommand(ID, FOUNDATION, DeclineReason.OTHER, null))
                .expectException(IntroductionWithdrawn.class)
                .expectNoEvents();
    }

    @Test
    void anAdministratorCanWithdrawAnyIntroduction() {
        fixture.given(proposed())
                .when(new WithdrawIntroductionCommand(ID, "u-admin", "ADMIN", "Proposée par erreur"))
                .expectEvents(new IntroductionWithdrawnEvent(ID, "Proposée par erreur", NOW));
    }

    /**
     * The deadline manager records the expiry when it next polls, seconds after the deadline (or once it starts,
     * after a restart): in between, the introduction takes no answer any more.
     */
    @Test
    void noAnswerIsTakenOnceTheDeadlinePassedEvenBeforeTheExpiryIsRecorded() {
        AggregateTestFixture<Introduction> atTheDeadline = IntroductionSamples.fixture(ANSWER_BY, AnswerPeriod.DEFAULT,
                new OpenPairsInMemory());
        atTheDeadline.given(proposed(), acceptedBy(FOUNDATION, false))
                .when(acceptBy(ASSOCIATION))
                .expectException(IntroductionExpired.class)
                .expectExceptionMessage("la mise en relation intro-1 a expiré : les deux parties ne l'avaient pas "
                        + "acceptée avant son échéance")
                .expectNoEvents();
        atTheDeadline.given(proposed())
                .when(new DeclineIntroductionCommand(ID, FOUNDATION, DeclineReason.NOT_NOW, null))
                .expectException(IntroductionExpired.class)
                .expectNoEvents();
        atTheDeadline.given(proposed())
                .when(new WithdrawIntroductionCommand(ID, MEMBER.subject(), MEMBER.role(), "Doublon"))
                .expectException(IntroductionExpired.class)
                .expectNoEvents();
    }

    @Test
    void anAnswerAMomentBeforeTheDeadlineIsTaken() {
        Instant justBefore = ANSWER_BY.minusSeconds(1);
        IntroductionSamples.fixture(justBefore, AnswerPeriod.DEFAULT, new OpenPairsInMemory())
                .given(proposed(), acceptedBy(FOUNDATION, false))
                .when(acceptBy(ASSOCIATION))
                .expectEvents(new IntroductionAcceptedEvent(ID, ASSOCIATION, true, justBefore));
    }

    @Test
    void anIntroductionClosedBeforeAcceptanceFreesThePairForAnotherIntroduction() {
        OpenPairsInMemory declined = new OpenPairsInMemory();
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, declined)
                .givenCommands(askedByTheAssociation())
                .when(new DeclineIntroductionCommand(ID, FOUNDATION, DeclineReason.NOT_NOW, null))
                .expectSuccessfulHandlerExecution();
        assertThat(declined.claimedBy(ASSOCIATION, FOUNDATION)).isEmpty();

        OpenPairsInMemory withdrawn = new OpenPairsInMemory();
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, withdrawn)
                .givenCommands(askedByTheAssociation())
                .when(new WithdrawIntroductionCommand(ID, MEMBER.subject(), MEMBER.role(), "Doublon"))
                .expectSuccessfulHandlerExecution();
        assertThat(withdrawn.claimedBy(ASSOCIATION, FOUNDATION)).isEmpty();

        OpenPairsInMemory expired = new OpenPairsInMemory();
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, expired)
                .givenCurrentTime(NOW)
                .andGivenCommands(askedByTheAssociation())
                .whenThenTimeElapses(Duration.ofDays(14))
                .expectEvents(new IntroductionExpiredEvent(ID, ANSWER_BY));
        assertThat(expired.claimedBy(ASSOCIATION, FOUNDATION)).isEmpty();
    }

    @Test
    void oneSideAcceptingKeepsThePairClaimed() {
        OpenPairsInMemory openPairs = new OpenPairsInMemory();
        IntroductionSamples.fixture(NOW, AnswerPeriod.DEFAULT, openPairs)
                .givenCommands(askedByTheAssociation())
                .when(acceptBy(FOUNDATION))
                .expectSuccessfulHandlerExecution();
        assertThat(openPairs.claimedBy(FOUNDATION, ASSOCIATION)).contains(ID);
    }
}
