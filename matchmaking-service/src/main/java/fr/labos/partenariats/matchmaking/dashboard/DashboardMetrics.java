package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.FunnelStep;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboards as gauges a lab charts, recomputed in the background (a scrape never waits for them). Labels have a
 * bounded set of values: {@value #BY_STATUS} by {@code status} (10 stages), {@value #BY_DEPARTEMENT} by
 * {@code departement} (the ~100 départements, {@code ?} when unknown), {@value #BY_FAMILY_PAIR} by {@code pair} (21
 * pairs of 6 families), {@value #CONVERSION} by {@code step} (4 rates). Never an actor or introduction id.
 */
@Component
class DashboardMetrics {

    static final String BY_STATUS = "lab.introductions";
    static final String BY_DEPARTEMENT = "lab.introductions.departement";
    static final String BY_FAMILY_PAIR = "lab.introductions.family.pair";
    static final String CONVERSION = "lab.introductions.conversion";

    private static final Logger log = LoggerFactory.getLogger(DashboardMetrics.class);

    private final Dashboard dashboard;
    private final MultiGauge byStatus;
    private final MultiGauge byDepartement;
    private final MultiGauge byFamilyPair;
    private final MultiGauge conversion;
    /** Refreshes failed in a row since the last that succeeded (only the scheduler's thread writes it). */
    private int failedInARow;

    DashboardMetrics(Dashboard dashboard, MeterRegistry registry) {
        this.dashboard = dashboard;
        this.byStatus = MultiGauge.builder(BY_STATUS)
                .description("Introductions by the stage they stand at").register(registry);
        this.byDepartement = MultiGauge.builder(BY_DEPARTEMENT)
                .description("Introductions with a side at home in the département").register(registry);
        this.byFamilyPair = MultiGauge.builder(BY_FAMILY_PAIR)
                .description("Introductions by the pair of their sides' actor families").register(registry);
        this.conversion = MultiGauge.builder(CONVERSION)
                .description("Share of the introductions that reached the previous step and reached this one")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${matchmaking.dashboard.metrics-refresh:15s}", initialDelayString = "${matchmaking.dashboard.metrics-refresh:15s}")
    void refresh() {
        try {
            // Straight from the table, once: the gauges are not someone looking at the dashboards (which would keep
            // the table rebuilt at every poll, see Dashboard).
            DashboardTable table = dashboard.table();
            List<MultiGauge.Row<?>> stages = new ArrayList<>();
            for (Map.Entry<IntroductionStage, Long> stage : table.byStage().entrySet()) {
                stages.add(MultiGauge.Row.of(Tags.of("status", stage.getKey().slug()), stage.getValue()));
            }
            byStatus.register(stages, true);
            byDepartement.register(rows(table.territories(DashboardFilter.NONE, false), "departement"), true);
            byFamilyPair.register(rows(table.familyPairs(DashboardFilter.NONE), "pair"), true);
            List<MultiGauge.Row<?>> rates = new ArrayList<>();
            for (FunnelStep step : table.funnel(DashboardFilter.NONE).steps()) {
                if (step.rateFromPrevious() != null) {
                    rates.add(MultiGauge.Row.of(Tags.of("step", step.step()), step.rateFromPrevious()));
                }
            }
            conversion.register(rates, true);
            if (failedInARow > 0) {
                log.info("The introduction gauges are recomputed again, after {} failed attempt(s)", failedInARow);
                failedInARow = 0;
            }
        } catch (RuntimeException e) {
            // The gauges keep the values of the last refresh that succeeded: say so once, not every 15 s.
            if (failedInARow++ == 0) {
                log.warn("Cannot recompute the introduction gauges: they keep their last values until a refresh "
                        + "succeeds", e);
            } else {
                log.debug("Cannot recompute the introduction gauges ({} failed in a row)", failedInARow, e);
            }
        }
    }

    private static List<MultiGauge.Row<?>> rows(Breakdown breakdown, String tag) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        breakdown.rows().forEach(row -> rows.add(MultiGauge.Row.of(Tags.of(tag, row.key()), row.counts().proposed())));
        return rows;
    }
}
