package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.FunnelStep;
import fr.labos.partenariats.matchmaking.infrastructure.GaugeRefresh;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
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

    private final Dashboard dashboard;
    private final MultiGauge byStatus;
    private final MultiGauge byDepartement;
    private final MultiGauge byFamilyPair;
    private final MultiGauge conversion;
    private final GaugeRefresh refresh = new GaugeRefresh(DashboardMetrics.class, "the introduction gauges");

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
        refresh.run(() -> {
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
        });
    }

    private static List<MultiGauge.Row<?>> rows(Breakdown breakdown, String tag) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        breakdown.rows().forEach(row -> rows.add(MultiGauge.Row.of(Tags.of(tag, row.key()), row.counts().proposed())));
        return rows;
    }
}
