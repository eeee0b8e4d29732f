package fr.labos.partenariats.matchmaking.dashboard;

import java.util.List;
import java.util.Map;

/** The JSON shapes of the dashboards: aggregates only, never a person (nor even an actor) by name. */
final class DashboardViews {

    private DashboardViews() {
    }

    /**
     * Introductions counted by how far they got (each step counts those that reached it or a later one of the
     * chain) and by how they closed: declined, expired, withdrawn, or {@code noFit}, whose latest outcome is a no fit
     * (status {@code no-fit}; one followed by a follow-up or a partnership went on). In {@code periods} each column
     * counts instead the steps dated in the period, a no fit on its day whatever came after.
     */
    record Counts(long proposed, long accepted, long met, long followUp, long partnership, long declined, long expired,
                  long withdrawn, long noFit) {
    }

    /** One group of a breakdown (a département, a pair of families, a category, an SDG, a week or month). */
    record Row(String key, String label, Counts counts) {
    }

    /**
     * A breakdown: {@code total} introductions passed the filter; a group may count one in several rows (a
     * cross-border introduction in both territories, one per category or SDG), so the rows do not add up to it.
     * {@code totalCounts}: the columns over those introductions, each counted once (the total line of the CSV). In
     * {@code periods}, {@code total} is the introductions with a step in the range and {@code totalCounts} the steps
     * of the range, each a distinct introduction.
     */
    record Breakdown(String view, DashboardFilter filter, long total, Counts totalCounts, List<Row> rows) {
    }

    /** One step of the funnel and the share of the previous step's introductions that reached it (null: none). */
    record FunnelStep(String step, String label, long count, Double rateFromPrevious) {
    }

    /**
     * {@code /api/dashboard/funnel}: the steps, where the introductions stand now, and how many closed how. The rates
     * are over every introduction of the selection, {@code pending} included: those still waiting for an answer
     * (status {@code proposed}), which a recent period has many of, so its acceptance rate rises as they are answered.
     */
    record Funnel(DashboardFilter filter, long total, long pending, List<FunnelStep> steps,
                  Map<String, Long> byStatus, Counts counts) {
    }

    /** A median over {@code count} introductions, in days; null when there are none. */
    record Median(long count, Double medianDays) {
    }

    /**
     * {@code /api/dashboard/delays}.
     *
     * @param proposalToAcceptance from the proposal to the second side's acceptance. Leaves out the introductions
     *                             made at a speed-meeting session: proposed and accepted by both sides at the same
     *                             instant, once the two actors have met at a table, their acceptance answers no
     *                             proposal and would pull the median toward 0. They count in every other figure.
     *                             Introductions imported from a lab's past records count, on the days the records
     *                             give.
     * @param meetingToPartnership from the first meeting held to a partnership formed (one dated before that meeting
     *                             is left out), speed-meeting introductions included
     */
    record Delays(DashboardFilter filter, Median proposalToAcceptance, Median meetingToPartnership) {
    }
}
