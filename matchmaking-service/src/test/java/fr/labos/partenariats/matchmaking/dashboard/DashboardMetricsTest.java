package fr.labos.partenariats.matchmaking.dashboard;

import ch.qos.logback.classic.Level;
import fr.labos.partenariats.schema.common.LabCalendar;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The gauges' refresh when the facts cannot be read: the gauges keep stale values, and the log says so. */
class DashboardMetricsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), LabCalendar.ZONE);

    @Test
    void aFailedRefreshIsAWarningOnceAndItsRecoveryIsSaid() {
        AtomicBoolean mongoAway = new AtomicBoolean(true);
        DashboardFacts facts = new DashboardFacts(null, CLOCK, Duration.ZERO) {
            @Override
            Collection<IntroductionFact> all() {
                if (mongoAway.get()) {
                    throw new DataAccessResourceFailureException("MongoDB away");
                }
                return List.of();
            }
        };
        MeterRegistry meters = new SimpleMeterRegistry();
        DashboardMetrics metrics = new DashboardMetrics(new Dashboard(facts, new FakeDimensions(), CLOCK), meters);

        try (LoggedEvents logged = LoggedEvents.of(DashboardMetrics.class)) {
            metrics.refresh();
            metrics.refresh();
            metrics.refresh();
            assertThat(logged.at(Level.WARN)).as("the gauges are stale: said once, not every 15 s").singleElement()
                    .asString().contains("keep their last values");

            mongoAway.set(false);
            metrics.refresh();
            assertThat(logged.at(Level.INFO)).singleElement().asString().contains("after 3 failed attempt(s)");
            assertThat(logged.at(Level.WARN)).hasSize(1);
        }
    }
}
