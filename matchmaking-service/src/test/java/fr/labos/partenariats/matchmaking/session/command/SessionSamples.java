package fr.labos.partenariats.matchmaking.session.command;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ParticipantRegisteredEvent;
import fr.labos.partenariats.schema.session.PlanSessionCommand;
import fr.labos.partenariats.schema.session.RoundStartedEvent;
import fr.labos.partenariats.schema.session.ScheduleGeneratedEvent;
import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.SchedulePublishedEvent;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A session of four actors, three rounds and two tables, as the aggregate tests tell its story. */
final class SessionSamples {

    static final Instant NOW = Instant.parse("2026-04-16T14:00:00Z");
    static final String ID = "session-1";
    static final String ASSOCIATION = "actor-association";
    static final String FOUNDATION = "actor-foundation";
    static final String COMMUNE = "actor-commune";
    static final String COMPANY = "actor-company";
    static final String STRANGER = "actor-stranger";
    static final TerritoryRef ISERE = new TerritoryRef("38", TerritoryLevel.DEPARTEMENT);
    static final ScheduleObjective OBJECTIVE = new ScheduleObjective(3, 0, 0, 0, 0, 3.0);

    /** Everyone meets everyone once: a round-robin of three rounds on two tables. */
    static final List<ScheduledMeeting> ROUND_ROBIN = List.of(
            meeting(1, 1, ASSOCIATION, FOUNDATION), meeting(1, 2, COMMUNE, COMPANY),
            meeting(2, 1, ASSOCIATION, COMMUNE), meeting(2, 2, FOUNDATION, COMPANY),
            meeting(3, 1, ASSOCIATION, COMPANY), meeting(3, 2, FOUNDATION, COMMUNE));

    private SessionSamples() {
    }

    static AggregateTestFixture<SpeedMeetingSession> fixture() {
        AggregateTestFixture<SpeedMeetingSession> fixture = new AggregateTestFixture<>(SpeedMeetingSession.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    static ScheduledMeeting meeting(int round, int table, String actor, String partner) {
        return new ScheduledMeeting(round, table, actor, partner, 0.5, MeetingReason.COMPLEMENTARITY,
                "Complémentarité de leurs besoins et offres.", false);
    }

    static PlanSessionCommand plan() {
        return new PlanSessionCommand(ID, "Speed meeting du Grésivaudan", ISERE, "Salle des fêtes, Crolles",
                LocalDate.of(2026, 4, 16), LocalTime.of(14, 0), 3, 7, 2, "u-facilitator");
    }

    static SessionPlannedEvent planned() {
        return new SessionPlannedEvent(ID, "Speed meeting du Grésivaudan", ISERE, "Salle des fêtes, Crolles",
                LocalDate.of(2026, 4, 16), LocalTime.of(14, 0), 3, 7, 2, "u-facilitator", NOW);
    }

    static ParticipantRegisteredEvent registered(String actor) {
        return new ParticipantRegisteredEvent(ID, actor, "Organisation de " + actor, NOW);
    }

    /** Planned, with the four actors registered. */
    static List<Object> withFourParticipants() {
        return new ArrayList<>(List.of(planned(), registered(ASSOCIATION), registered(FOUNDATION),
                registered(COMMUNE), registered(COMPANY)));
    }

    static List<Object> generated() {
        List<Object> events = withFourParticipants();
        events.add(new ScheduleGeneratedEvent(ID, ROUND_ROBIN, OBJECTIVE, NOW));
        return events;
    }

    static List<Object> published() {
        List<Object> events = generated();
        events.add(new SchedulePublishedEvent(ID, NOW));
        return events;
    }

    /** Published, and the first {@code rounds} rounds started. */
    static List<Object> started(int rounds) {
        List<Object> events = published();
        for (int round = 1; round <= rounds; round++) events.add(new RoundStartedEvent(ID, round, NOW));
        return events;
    }
}
