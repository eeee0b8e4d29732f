package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Counts;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Row;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static fr.labos.partenariats.matchmaking.dashboard.DashboardBreakdownsTest.keys;
import static fr.labos.partenariats.matchmaking.dashboard.DashboardBreakdownsTest.lab;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code periods}: the steps taken in each week or month, each step selected by its own day, where the other views
 * select introductions by their proposal day.
 */
class DashboardPeriodsTest {

    private static final DashboardFilter FIRST_QUARTER = new DashboardFilter(LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 3, 31), null, null, null, null);

    @Test
    void eachStepCountsInTheRangeByItsOwnDayWhenTheIntroductionWasProposed() {
        Dashboard dashboard = lab(
                // Proposed before the range, accepted and partners within it.
                FactBuilder.proposed("i-december", "isere", "savoie", "2025-12-15").accepted("2026-01-05")
                        .partnership("2026-03-20"),
                // Proposed within the range, accepted after it.
                FactBuilder.proposed("i-march", "isere", "paris", "2026-03-30").accepted("2026-04-10"),
                // Proposed within the range, with a follow-up dated before it (as past records may have it).
                FactBuilder.proposed("i-january", "savoie", "paris", "2026-01-02").followUp("2025-12-22"),
                // Nothing within the range.
                FactBuilder.proposed("i-last-year", "isere", "paris", "2025-11-03").accepted("2025-11-05"));

        Breakdown months = dashboard.periods(FIRST_QUARTER, Period.MONTH);

        assertThat(counts(months, "2026-01").accepted()).as("the December proposal's acceptance of 5 January")
                .isEqualTo(1);
        assertThat(counts(months, "2026-01").proposed()).isEqualTo(1);
        assertThat(counts(months, "2026-03").partnership()).as("its partnership of 20 March").isEqualTo(1);
        assertThat(counts(months, "2026-03").proposed()).isEqualTo(1);
        assertThat(keys(months)).as("no month outside the range: not April's acceptance, not December's follow-up")
                .allMatch(key -> key.compareTo("2026-01") >= 0 && key.compareTo("2026-03") <= 0);
        assertThat(months.rows().stream().mapToLong(row -> row.counts().accepted()).sum()).isEqualTo(1);
        assertThat(months.rows().stream().mapToLong(row -> row.counts().followUp()).sum()).isZero();
        assertThat(months.total()).as("the introductions with a step in the range").isEqualTo(3);

        Breakdown weeks = dashboard.periods(FIRST_QUARTER, Period.WEEK);
        assertThat(keys(weeks)).as("no week before the one of 1 January (2026-W01, from Monday 29 December)")
                .allMatch(key -> key.compareTo("2026-W01") >= 0 && key.compareTo("2026-W14") <= 0);
        assertThat(counts(weeks, "2026-W01")).as("the steps of 1 to 4 January only")
                .isEqualTo(new Counts(1, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(counts(weeks, "2026-W02").accepted()).isEqualTo(1);
    }

    @Test
    void everyPeriodOfTheAxisHasItsRowZerosIncludedAndTheAxisKeepsToTheLabsHistory() {
        Dashboard dashboard = lab(FactBuilder.proposed("i-june", "isere", "savoie", "2026-06-10"),
                FactBuilder.proposed("i-september", "isere", "savoie", "2026-09-15").accepted("2026-09-21"));
        Counts none = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

        Breakdown months = dashboard.periods(DashboardFilter.NONE, Period.MONTH);
        assertThat(keys(months)).as("July and August, without a step, between June and September")
                .containsExactly("2026-06", "2026-07", "2026-08", "2026-09");
        assertThat(counts(months, "2026-07")).isEqualTo(none);
        assertThat(months.rows().get(1).label()).isEqualTo("juillet 2026");

        Breakdown quiet = dashboard.periods(new DashboardFilter(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 31),
                null, null, null, null), Period.MONTH);
        assertThat(keys(quiet)).as("the months asked for, within the lab's history, even without a step")
                .containsExactly("2026-07", "2026-08");
        assertThat(quiet.total()).isZero();

        Breakdown centuries = dashboard.periods(new DashboardFilter(LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 12, 31), null, null, null, null), Period.WEEK);
        assertThat(keys(centuries)).as("from 2000 to 2100 by week: the weeks of the lab's history, not 5,200")
                .hasSize(16).startsWith("2026-W24").endsWith("2026-W39");
    }

    private static Counts counts(Breakdown breakdown, String key) {
        return breakdown.rows().stream().filter(row -> row.key().equals(key)).map(Row::counts).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + keys(breakdown)));
    }
}
