package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.matching.IntroduceAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
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
                        COMPLEMENTARITY, SESSION_FACILITATOR, NOTE, NOW, NOW),
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
        LocalDate today = LocalDate.ofInstant(NOW, IntroductionRules.LAB_TIME_ZONE);
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
}
