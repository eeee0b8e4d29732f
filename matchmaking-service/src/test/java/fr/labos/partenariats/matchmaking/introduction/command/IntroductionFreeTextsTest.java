package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.matching.DeclineIntroductionCommand;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.MeetingScheduledEvent;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordMeetingHeldCommand;
import fr.labos.partenariats.schema.matching.RecordMeetingMissedCommand;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;
import fr.labos.partenariats.schema.matching.ScheduleMeetingCommand;
import fr.labos.partenariats.schema.matching.WithdrawIntroductionCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static fr.labos.partenariats.matchmaking.introduction.command.IntroductionSamples.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * Every free text an introduction keeps is bound by the introduction itself, not only by the API's bodies: a command
 * sent another way (a lab's file, a batch, a later client) cannot make an event the relay's broker refuses. Each is
 * refused naming its field, and nothing is written.
 */
class IntroductionFreeTextsTest {

    private static final String NOTE_TOO_LONG = "\\".repeat(IntroductionRules.MAX_NOTE + 1);
    /** A month after the proposal: both sides accepted, the meeting has started. */
    private static final Instant LATER = NOW.plus(Duration.ofDays(30));
    private static final Instant MEETING_TIME = NOW.plus(Duration.ofDays(15));

    private final AggregateTestFixture<Introduction> proposing = IntroductionSamples.fixture(AnswerPeriod.DEFAULT);
    private final AggregateTestFixture<Introduction> waiting = IntroductionSamples.fixtureAt(NOW.plus(Duration.ofDays(2)));
    private final AggregateTestFixture<Introduction> accepted = IntroductionSamples.fixtureAt(LATER);

    private static org.hamcrest.Matcher<String> overTheLimit(String what) {
        return allOf(containsString(what + " compte au plus 2000 caractères"), containsString("2001"));
    }

    @Test
    void aProposalsNote() {
        proposing.givenNoPriorActivity()
                .when(new ProposeIntroductionCommand(ID, IntroductionSource.FACILITATOR, ASSOCIATION, FOUNDATION,
                        PAIRS, MATCH, MEMBER, NOTE_TOO_LONG))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage(overTheLimit("une note"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDeclinesExplanationAndAWithdrawalsReason() {
        waiting.given(proposed())
                .when(new DeclineIntroductionCommand(ID, FOUNDATION, DeclineReason.NOT_NOW, NOTE_TOO_LONG))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage(overTheLimit("une explication"))
                .expectNoEvents();
        waiting.given(proposed())
                .when(new WithdrawIntroductionCommand(ID, MEMBER.subject(), MEMBER.role(), NOTE_TOO_LONG))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage(overTheLimit("une raison"))
                .expectNoEvents();
    }

    @Test
    void aMeetingsPlaceAndTheNotesOfAMeetingHeldOrMissed() {
        accepted.given(acceptedByBothSides())
                .when(new ScheduleMeetingCommand(ID, "m-1", ASSOCIATION, MEETING_TIME,
                        "x".repeat(IntroductionRules.MAX_PLACE + 1)))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage(containsString("un lieu compte au plus 500 caractères"))
                .expectNoEvents();
        MeetingScheduledEvent scheduled = new MeetingScheduledEvent(ID, "m-1", MEETING_TIME, "La Mure", NOW);
        accepted.given(acceptedByBothSides()).andGiven(scheduled)
                .when(new RecordMeetingHeldCommand(ID, "m-1", ASSOCIATION, NOTE_TOO_LONG))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage(overTheLimit("une note"))
                .expectNoEvents();
        accepted.given(acceptedByBothSides()).andGiven(scheduled)
                .when(new RecordMeetingMissedCommand(ID, "m-1", ASSOCIATION, FOUNDATION, NOTE_TOO_LONG))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage(overTheLimit("une note"))
                .expectNoEvents();
    }

    @Test
    void anOutcomesNote() {
        accepted.given(acceptedByBothSides())
                .when(new RecordOutcomeCommand(ID, ASSOCIATION, Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2026, 3, 20),
                        NOTE_TOO_LONG, null, null))
                .expectException(InvalidIntroduction.class)
                .expectExceptionMessage(overTheLimit("une note"))
                .expectNoEvents();
    }
}
