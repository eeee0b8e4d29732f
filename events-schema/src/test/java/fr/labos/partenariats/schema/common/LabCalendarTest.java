package fr.labos.partenariats.schema.common;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LabCalendarTest {

    @Test
    void todayIsParissWhateverTheClocksZone() {
        // 23:30 UTC on 4 December is 00:30 on 5 December in Paris (winter time, UTC+1).
        Instant lateEvening = Instant.parse("2026-12-04T23:30:00Z");

        assertThat(LabCalendar.today(Clock.fixed(lateEvening, ZoneId.of("UTC")))).isEqualTo("2026-12-05");
        assertThat(LabCalendar.today(Clock.fixed(lateEvening, ZoneId.of("America/Martinique")))).isEqualTo("2026-12-05");
        assertThat(LabCalendar.dayOf(lateEvening)).isEqualTo(LocalDate.of(2026, 12, 5));
    }

    @Test
    void aDayStartsAtMidnightInParisOnWinterAndSummerTime() {
        assertThat(LabCalendar.startOf(LocalDate.of(2026, 12, 5))).isEqualTo("2026-12-04T23:00:00Z");
        assertThat(LabCalendar.startOf(LocalDate.of(2026, 7, 14))).isEqualTo("2026-07-13T22:00:00Z");
        assertThat(LabCalendar.dayOf(LabCalendar.startOf(LocalDate.of(2026, 3, 29)))).isEqualTo("2026-03-29");
    }

    @Test
    void aDayIsWrittenAsFrenchWritesItTheFirstOfAMonthAsAnOrdinal() {
        assertThat(LabCalendar.inFrench(LocalDate.of(2026, 8, 7))).isEqualTo("7 août 2026");
        assertThat(LabCalendar.inFrench(LocalDate.of(2026, 12, 1))).isEqualTo("1er décembre 2026");
        assertThat(LabCalendar.inFrench(LocalDate.of(2026, 2, 11))).isEqualTo("11 février 2026");
        assertThat(LabCalendar.inFrench(LocalDate.of(2026, 2, 21))).isEqualTo("21 février 2026");
    }
}
