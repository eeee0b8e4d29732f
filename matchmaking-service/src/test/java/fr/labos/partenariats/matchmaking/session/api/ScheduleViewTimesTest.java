package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The rounds' times the schedule shows are those the exports print and the calendar holds, whatever the night. */
class ScheduleViewTimesTest {

    /**
     * 25 October 2026 in Paris: at 03:00 the clocks go back to 02:00. Thirty-minute rounds from 01:30 start at 01:30,
     * 02:00, 02:30 and, an hour of real time after 02:00, at 02:00 again (as the sheet and the .ics count them), not at
     * 03:00.
     */
    @Test
    void onTheNightTheClocksGoBackTheRoundsFollowTheRoomsClocks() {
        SessionState session = new SessionState();
        session.apply(new SessionPlannedEvent("s-nuit", "Rencontres de nuit",
                new TerritoryRef("38", TerritoryLevel.DEPARTEMENT), "Grenoble", LocalDate.of(2026, 10, 25),
                LocalTime.of(1, 30), 4, 30, 2, "u-facilitator", Instant.parse("2026-10-01T10:00:00Z")));

        ScheduleView view = ScheduleView.of(session, Function.identity());

        assertThat(view.rounds()).extracting(ScheduleView.Round::startsAt).containsExactly(LocalTime.of(1, 30),
                LocalTime.of(2, 0), LocalTime.of(2, 30), LocalTime.of(2, 0));
    }
}
