package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.matching.IntroductionReminderRecordedEvent;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;
import fr.labos.partenariats.schema.matching.RecordReminderCommand;
import fr.labos.partenariats.schema.matching.ReminderChannel;
import fr.labos.partenariats.schema.matching.ScheduleMeetingCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static fr.labos.partenariats.matchmaking.introduction.command.IntroductionSamples.*;

/**
 * An introduction holds at most {@value Introduction#STEPS_AT_MOST} steps: meetings, reminders or outcomes added in a
 * loop by one client stop there, with a 409 that writes nothing, before its view outgrows one MongoDB document.
 */
class IntroductionHistoryLimitTest {

    private static final Instant LATER = NOW.plus(Duration.ofDays(30));
    private final AggregateTestFixture<Introduction> fixture = IntroductionSamples.fixtureAt(LATER);

    @Test
    void theLastStepThereIsRoomForIsTaken() {
        fixture.given(acceptedWithReminders(Introduction.STEPS_AT_MOST - 1))
                .when(new RecordReminderCommand(ID, null, ReminderChannel.EMAIL, null))
                .expectEvents(new IntroductionReminderRecordedEvent(ID, null, ReminderChannel.EMAIL, null, LATER));
    }

    @Test
    void aStepPastTheMostAnIntroductionHoldsIsRefusedAndWritesNothing() {
        List<Object> full = acceptedWithReminders(Introduction.STEPS_AT_MOST);
        fixture.given(full)
                .when(new RecordReminderCommand(ID, null, ReminderChannel.EMAIL, null))
                .expectException(HistoryFull.class)
                .expectExceptionMessage("la mise en relation " + ID + " compte déjà 500 étapes, le maximum que peut "
                        + "contenir un historique : rien ne peut plus y être ajouté")
                .expectNoEvents();
        fixture.given(full)
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, LATER.plus(Duration.ofDays(3)), "Grenoble"))
                .expectException(HistoryFull.class)
                .expectNoEvents();
        fixture.given(full)
                .when(new RecordOutcomeCommand(ID, ASSOCIATION, Outcome.NO_FIT, LocalDate.of(2026, 4, 1), null, null, null))
                .expectException(HistoryFull.class)
                .expectNoEvents();
    }

    /** Proposed, accepted by both sides, then reminders up to {@code steps} steps in all. */
    private static List<Object> acceptedWithReminders(int steps) {
        List<Object> events = new ArrayList<>(Arrays.asList(acceptedByBothSides()));
        while (events.size() < steps) {
            events.add(new IntroductionReminderRecordedEvent(ID, null, ReminderChannel.PHONE, null, NOW.plus(Duration.ofDays(20))));
        }
        return events;
    }
}
