package fr.labos.partenariats.matchmaking.session.query;

import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.MeetingWishExpressedEvent;
import fr.labos.partenariats.schema.session.MeetingWishWithdrawnEvent;
import fr.labos.partenariats.schema.session.ParticipantRegisteredEvent;
import fr.labos.partenariats.schema.session.ParticipantWithdrewEvent;
import fr.labos.partenariats.schema.session.ScheduleAdjustedEvent;
import fr.labos.partenariats.schema.session.ScheduleGeneratedEvent;
import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.SchedulePublishedEvent;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a session tells its facilitator changed since its plan was made: registrations, withdrawals and wishes that the
 * plan takes no account of until it is generated again, as long as it is not published.
 */
class SessionChangesSinceScheduleTest {

    private static final Instant NOW = Instant.parse("2026-04-16T14:00:00Z");
    private static final String ID = "session-1";
    private static final String ASSOCIATION = "actor-association";
    private static final String FOUNDATION = "actor-foundation";
    private static final String COMMUNE = "actor-commune";
    private static final String NEWCOMER = "actor-newcomer";
    private static final ScheduleObjective OBJECTIVE = new ScheduleObjective(1, 0, 0, 0, 0, 1.0);
    private static final List<ScheduledMeeting> PLAN = List.of(meeting(1, 1, ASSOCIATION, FOUNDATION),
            meeting(2, 1, ASSOCIATION, COMMUNE), meeting(3, 1, FOUNDATION, COMMUNE));

    private final SessionState session = new SessionState();

    /** Planned, with three participants registered. */
    @BeforeEach
    void prepared() {
        apply(new SessionPlannedEvent(ID, "Speed meeting", new TerritoryRef("38", TerritoryLevel.DEPARTEMENT),
                "Crolles", LocalDate.of(2026, 4, 16), LocalTime.of(14, 0), 3, 7, 1, "u-facilitator", NOW));
        List.of(ASSOCIATION, FOUNDATION, COMMUNE).forEach(this::registered);
    }

    @Test
    void noPlanNoChangesToTell() {
        apply(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, false, NOW));

        assertThat(session.changesSinceSchedule()).isNull();
    }

    @Test
    void rightAfterTheGenerationNothingChanged() {
        generated();

        assertThat(session.changesSinceSchedule().none()).isTrue();
    }

    @Test
    void aParticipantRegisteredAfterTheGenerationIsTold() {
        generated();
        registered(NEWCOMER);

        SessionState.ChangesSinceSchedule changes = session.changesSinceSchedule();
        assertThat(changes.registered()).containsExactly(Map.entry(NEWCOMER, "Organisation de " + NEWCOMER));
        assertThat(changes.withdrawn()).isEmpty();
        assertThat(changes.none()).isFalse();
    }

    @Test
    void aParticipantRegisteredThenWithdrawnAgainIsNoChange() {
        generated();
        registered(NEWCOMER);
        apply(new ParticipantWithdrewEvent(ID, NEWCOMER, NOW));

        assertThat(session.changesSinceSchedule().none()).isTrue();
    }

    @Test
    void aParticipantWithdrawnAfterTheGenerationIsToldWithItsWishesGoneWithIt() {
        apply(new MeetingWishExpressedEvent(ID, COMMUNE, FOUNDATION, false, NOW));
        generated();
        apply(new ParticipantWithdrewEvent(ID, COMMUNE, NOW));

        SessionState.ChangesSinceSchedule changes = session.changesSinceSchedule();
        assertThat(changes.withdrawn()).containsExactly(Map.entry(COMMUNE, "Organisation de " + COMMUNE));
        // Its wish went with it: not told a second time as a wish taken back.
        assertThat(changes.wishesTakenBack()).isEmpty();
        assertThat(changes.registered()).isEmpty();
    }

    @Test
    void wishesExpressedAndTakenBackAfterTheGenerationAreTold() {
        apply(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, false, NOW));
        generated();
        apply(new MeetingWishWithdrawnEvent(ID, ASSOCIATION, FOUNDATION, NOW));
        apply(new MeetingWishExpressedEvent(ID, COMMUNE, ASSOCIATION, false, NOW));
        apply(new MeetingWishExpressedEvent(ID, FOUNDATION, COMMUNE, false, NOW));

        SessionState.ChangesSinceSchedule changes = session.changesSinceSchedule();
        assertThat(changes.wishesExpressed()).containsExactly(new Wish(COMMUNE, ASSOCIATION),
                new Wish(FOUNDATION, COMMUNE));
        assertThat(changes.wishesTakenBack()).containsExactly(new Wish(ASSOCIATION, FOUNDATION));
    }

    @Test
    void aWishExpressedThenTakenBackAfterTheGenerationIsNoChange() {
        generated();
        apply(new MeetingWishExpressedEvent(ID, COMMUNE, ASSOCIATION, false, NOW));
        apply(new MeetingWishWithdrawnEvent(ID, COMMUNE, ASSOCIATION, NOW));

        assertThat(session.changesSinceSchedule().none()).isTrue();
    }

    @Test
    void generatingAgainTakesTheChangesIn() {
        generated();
        registered(NEWCOMER);
        apply(new MeetingWishExpressedEvent(ID, NEWCOMER, ASSOCIATION, false, NOW));

        apply(new ScheduleGeneratedEvent(ID, List.of(meeting(1, 1, ASSOCIATION, NEWCOMER)), OBJECTIVE, NOW));

        assertThat(session.changesSinceSchedule().none()).isTrue();
    }

    @Test
    void aReplanTakesTheChangesInAndTheChangesAfterItAreTold() {
        generated();
        registered(NEWCOMER);
        apply(new MeetingWishExpressedEvent(ID, NEWCOMER, ASSOCIATION, false, NOW));

        // A table lost: the rounds are planned again with everyone there, the newcomer seated.
        apply(new ScheduleAdjustedEvent(ID, List.of(meeting(1, 1, ASSOCIATION, NEWCOMER),
                meeting(2, 1, FOUNDATION, COMMUNE)), OBJECTIVE, "table 2 retirée", NOW));
        assertThat(session.changesSinceSchedule().none()).isTrue();

        apply(new MeetingWishWithdrawnEvent(ID, NEWCOMER, ASSOCIATION, NOW));
        assertThat(session.changesSinceSchedule().wishesTakenBack()).containsExactly(new Wish(NEWCOMER, ASSOCIATION));
    }

    @Test
    void aMeetingMovedByHandStillLeavesTheNewcomerOut() {
        generated();
        registered(NEWCOMER);

        // The same pairs, two of them swapped: the plan still is the one made without the newcomer.
        apply(new ScheduleAdjustedEvent(ID, List.of(meeting(1, 1, ASSOCIATION, COMMUNE),
                meeting(2, 1, ASSOCIATION, FOUNDATION), meeting(3, 1, FOUNDATION, COMMUNE)), OBJECTIVE,
                "rencontres échangées", NOW));

        assertThat(session.changesSinceSchedule().registered()).containsOnlyKeys(NEWCOMER);
    }

    @Test
    void oncePublishedNothingIsTold() {
        generated();
        registered(NEWCOMER);

        apply(new SchedulePublishedEvent(ID, NOW));

        assertThat(session.changesSinceSchedule()).isNull();
    }

    private void generated() {
        apply(new ScheduleGeneratedEvent(ID, PLAN, OBJECTIVE, NOW));
    }

    private void registered(String actor) {
        apply(new ParticipantRegisteredEvent(ID, actor, "Organisation de " + actor, NOW));
    }

    private void apply(Object event) {
        session.apply(event);
    }

    private static ScheduledMeeting meeting(int round, int table, String actor, String partner) {
        return new ScheduledMeeting(round, table, actor, partner, 0.5, MeetingReason.COMPLEMENTARITY,
                "Complémentarité de leurs besoins et offres.", false);
    }
}
