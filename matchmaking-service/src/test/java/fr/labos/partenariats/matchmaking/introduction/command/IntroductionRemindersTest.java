package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionReminderRecordedEvent;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.matching.RecordReminderCommand;
import fr.labos.partenariats.schema.matching.ReminderChannel;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static fr.labos.partenariats.matchmaking.introduction.command.IntroductionSamples.*;

/**
 * A facilitator notes that it reminded a side (or both) of an introduction still open: waiting for its answers, or
 * accepted whatever came of it since. Not once it closed unaccepted, nor for an actor that is not one of its two.
 */
class IntroductionRemindersTest {

    /** Twelve days after the proposal: its answers are still awaited (due two days later). */
    private static final Instant TWELVE_DAYS_LATER = NOW.plus(Duration.ofDays(12));
    private final AggregateTestFixture<Introduction> fixture = IntroductionSamples.fixtureAt(TWELVE_DAYS_LATER);

    @Test
    void aSideAwaitedIsReminded() {
        fixture.given(proposed(), acceptedBy(ASSOCIATION, false))
                .when(new RecordReminderCommand(ID, FOUNDATION, ReminderChannel.PHONE, "Réponse promise avant vendredi"))
                .expectEvents(new IntroductionReminderRecordedEvent(ID, FOUNDATION, ReminderChannel.PHONE,
                        "Réponse promise avant vendredi", TWELVE_DAYS_LATER));
    }

    @Test
    void bothSidesOfAnAcceptedIntroductionAreRemindedMonthsLaterWhateverCameOfIt() {
        AggregateTestFixture<Introduction> monthsLater = IntroductionSamples.fixtureAt(NOW.plus(Duration.ofDays(200)));
        monthsLater.given(acceptedByBothSides())
                .andGiven(new OutcomeRecordedEvent(ID, Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2026, 4, 1), null, null,
                        null, NOW.plus(Duration.ofDays(20))))
                .when(new RecordReminderCommand(ID, null, ReminderChannel.EMAIL, null))
                .expectEvents(new IntroductionReminderRecordedEvent(ID, null, ReminderChannel.EMAIL, null,
                        NOW.plus(Duration.ofDays(200))));
    }

    @Test
    void onlyOneOfItsTwoActorsIsReminded() {
        fixture.given(proposed())
                .when(new RecordReminderCommand(ID, STRANGER, ReminderChannel.PHONE, null))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage("la relance s'adresse à l'un des deux acteurs, ou aux deux")
                .expectNoEvents();
    }

    @Test
    void aReminderSaysHowItWasMade() {
        fixture.given(proposed())
                .when(new RecordReminderCommand(ID, ASSOCIATION, null, null))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }

    @Test
    void anIntroductionClosedUnacceptedTakesNoReminder() {
        fixture.given(proposed(), new IntroductionDeclinedEvent(ID, FOUNDATION, DeclineReason.NOT_NOW, null, NOW))
                .when(new RecordReminderCommand(ID, ASSOCIATION, ReminderChannel.PHONE, null))
                .expectException(IntroductionDeclined.class)
                .expectNoEvents();
        IntroductionSamples.fixtureAt(TWELVE_DAYS_LATER).given(proposed(), new IntroductionWithdrawnEvent(ID, null, NOW))
                .when(new RecordReminderCommand(ID, ASSOCIATION, ReminderChannel.PHONE, null))
                .expectException(IntroductionWithdrawn.class)
                .expectNoEvents();
        IntroductionSamples.fixtureAt(TWELVE_DAYS_LATER).given(proposed(), new IntroductionExpiredEvent(ID, ANSWER_BY))
                .when(new RecordReminderCommand(ID, ASSOCIATION, ReminderChannel.PHONE, null))
                .expectException(IntroductionExpired.class)
                .expectNoEvents();
    }

    @Test
    void anIntroductionPastItsAnswerPeriodTakesNoReminderEvenBeforeItsExpiryIsRecorded() {
        IntroductionSamples.fixtureAt(ANSWER_BY.plusSeconds(1)).given(proposed())
                .when(new RecordReminderCommand(ID, ASSOCIATION, ReminderChannel.PHONE, null))
                .expectException(IntroductionExpired.class)
                .expectNoEvents();
    }

    @Test
    void aNoteTooLongIsRefused() {
        fixture.given(proposed())
                .when(new RecordReminderCommand(ID, ASSOCIATION, ReminderChannel.OTHER, "x".repeat(IntroductionRules.MAX_NOTE + 1)))
                .expectException(InvalidIntroduction.class)
                .expectNoEvents();
    }
}
