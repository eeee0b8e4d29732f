package fr.labos.partenariats.matchmaking.matching.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code matchingIndex} entry of {@code /actuator/health}: OUT_OF_SERVICE while the index is loading from the
 * projection (rankings answer 503 meanwhile), UP with its sizes once ready. Also the gauge
 * {@code lab.matching.index.posts} (tag {@code kind}).
 */
@Component("matchingIndexHealthIndicator")
class IndexHealthIndicator extends AbstractHealthIndicator {

    private final MatchingIndex index;

    IndexHealthIndicator(MatchingIndex index, MeterRegistry registry) {
        super("Matching index health check failed");
        this.index = index;
        Gauge.builder("lab.matching.index.posts", index, i -> i.statistics().needs()).tag("kind", "need")
                .description("Needs held by the in-memory matching index").register(registry);
        Gauge.builder("lab.matching.index.posts", index, i -> i.statistics().offers()).tag("kind", "offer")
                .description("Offers held by the in-memory matching index").register(registry);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MatchingIndex.Statistics statistics = index.statistics();
        (index.isReady() ? builder.up() : builder.outOfService().withDetail("reason", "loading from the projection"))
                .withDetail("needs", statistics.needs())
                .withDetail("offers", statistics.offers())
                .withDetail("actors", statistics.actors())
                .withDetail("vocabulary", statistics.vocabulary());
    }
}
