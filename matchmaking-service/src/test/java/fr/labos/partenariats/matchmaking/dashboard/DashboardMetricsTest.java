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

/**
 * The gauges' refresh when the facts cannot be read (before the first poll that read them: later, the facts keep those
 * of the last poll, see {@link #aPollThatFailsIsAWarningOnceAndItsRecoveryIsSaid}): the log says it once, then says
 * when they are recomputed again.
 */
class DashboardMetricsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), LabCalendar.ZONE);

    /**
     * A poll of the views that fails (MongoDB away, a view it cannot read) leaves the dashboards at the last poll's
     * facts: said once at the usual level, not as a debug line at every poll, where a dashboard frozen by a view that
     * fails at every poll would go unnoticed.
     */
    @Test
    void aPollThatFailsIsAWarningOnceAndItsRecoveryIsSaid() {
        AtomicBoolean failing = new AtomicBoolean(true);
        DashboardFacts facts = new DashboardFacts(null, CLOCK, Duration.ZERO) {
            @Override
            synchronized void poll() {
                if (failing.get()) {
                    throw new DataAccessResourceFailureException("a view that cannot be read");
                }
            }
        };

        try (LoggedEvents logged = LoggedEvents.of(DashboardFacts.class)) {
            facts.refresh();
            facts.refresh();
            assertThat(logged.at(Level.WARN)).singleElement().asString().contains("the dashboards' facts")
                    .contains("keep their last values");

            failing.set(false);
            facts.refresh();
            assertThat(logged.at(Level.INFO)).singleElement().asString().contains("after 2 failed attempt(s)");
        }
    }

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
