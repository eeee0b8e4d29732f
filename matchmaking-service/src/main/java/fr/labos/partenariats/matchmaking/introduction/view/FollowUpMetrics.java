package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.infrastructure.GaugeRefresh;
import fr.labos.partenariats.schema.common.LabCalendar;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lab's follow-up backlog as a gauge to chart: {@value #TO_FOLLOW} by {@code reason} (the four rules of
 * {@link FollowUp}, with the lab's days), the lab's introductions a facilitator should look at now — whether the calls
 * keep up with the introductions. Recomputed in the background (one count per rule, as an admin's list counts them),
 * so a scrape never waits; a refresh that fails leaves the last values, said once in the log.
 */
@Component
class FollowUpMetrics {

    static final String TO_FOLLOW = "lab.introductions.to.follow";

    private final FollowUpReader views;
    private final Clock clock;
    private final MultiGauge toFollow;
    private final GaugeRefresh refresh = new GaugeRefresh(FollowUpMetrics.class, "the follow-up gauges");

    FollowUpMetrics(FollowUpReader views, Clock clock, MeterRegistry registry) {
        this.views = views;
        this.clock = clock;
        this.toFollow = MultiGauge.builder(TO_FOLLOW)
                .description("Introductions to follow up now, by the rule that says so").register(registry);
    }

    @Scheduled(fixedDelayString = "${lab.introductions.follow-up.metrics-refresh:60s}",
            initialDelayString = "${lab.introductions.follow-up.metrics-refresh:60s}")
    void refresh() {
        refresh.run(() -> {
            LocalDate today = LabCalendar.today(clock);
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (FollowUp rule : FollowUp.values()) {
                rows.add(MultiGauge.Row.of(Tags.of("reason", rule.slug()), views.count(rule, today, Optional.empty())));
            }
            toFollow.register(rows, true);
        });
    }
}
