package fr.labos.partenariats.matchmaking.dashboard;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A period's label says when the range asked for counts only part of it. */
class PeriodLabelTest {

    @Test
    void aWholePeriodIsNamedAsItIs() {
        assertThat(Period.WEEK.label("2026-W01", LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 4)))
                .isEqualTo("semaine du 29/12/2025");
        assertThat(Period.MONTH.label("2026-02", null, null)).isEqualTo("février 2026");
        assertThat(Period.MONTH.label("2026-02", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 5)))
                .isEqualTo("février 2026");
    }

    @Test
    void aPeriodCutByTheRangeSaysFromOrUntilWhen() {
        // ISO week 1 of 2026 runs from Monday 29 December 2025 to Sunday 4 January 2026.
        assertThat(Period.WEEK.label("2026-W01", LocalDate.of(2026, 1, 1), null))
                .isEqualTo("semaine du 29/12/2025 (à partir du 01/01/2026)");
        assertThat(Period.WEEK.label("2026-W01", null, LocalDate.of(2025, 12, 31)))
                .isEqualTo("semaine du 29/12/2025 (jusqu'au 31/12/2025)");
        assertThat(Period.MONTH.label("2026-01", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 20)))
                .isEqualTo("janvier 2026 (du 15/01/2026 au 20/01/2026)");
        assertThat(Period.MONTH.label("2024-02", null, LocalDate.of(2024, 2, 28)))
                .as("a leap year's February ends on the 29th").isEqualTo("février 2024 (jusqu'au 28/02/2024)");
    }
}
