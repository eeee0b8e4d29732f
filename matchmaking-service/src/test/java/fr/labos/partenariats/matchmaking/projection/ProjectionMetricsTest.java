package fr.labos.partenariats.matchmaking.projection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The projection's lag: how late the last applied event was applied — not how long ago anything happened. */
class ProjectionMetricsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T22:00:00Z");

    private final Clock clock = mock(Clock.class);

    @Test
    void theLagIsHowLateTheLastEventWasAppliedAndDoesNotGrowOnAQuietNight() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProjectionMetrics metrics = new ProjectionMetrics(registry, clock, null);
        assertThat(lag(registry)).as("before the first event").isNaN();

        Instant now = T0.plusSeconds(2);
        when(clock.instant()).thenReturn(now);
        metrics.record("NeedRegisteredEvent", EventOutcome.APPLIED, T0);
        assertThat(lag(registry)).isEqualTo(2.0);

        now = now.plus(Duration.ofHours(8)); // nothing happens all night: caught up, not eight hours behind
        when(clock.instant()).thenReturn(now);
        assertThat(lag(registry)).isEqualTo(2.0);

        metrics.record("NeedRegisteredEvent", EventOutcome.APPLIED, now.minusMillis(300));
        assertThat(lag(registry)).isEqualTo(0.3);
        metrics.record("NeedRegisteredEvent", EventOutcome.DUPLICATE, T0);
        assertThat(lag(registry)).as("a record not applied moves nothing").isEqualTo(0.3);
    }

    private static double lag(SimpleMeterRegistry registry) {
        return registry.get(ProjectionMetrics.LAG).gauge().value();
    }
}
