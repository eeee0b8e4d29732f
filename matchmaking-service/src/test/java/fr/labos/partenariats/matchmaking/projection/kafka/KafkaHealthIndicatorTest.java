package fr.labos.partenariats.matchmaking.projection.kafka;

import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kafka entry of the health endpoint, against a live broker and against nothing. */
class KafkaHealthIndicatorTest {

    @Test
    void aLiveBrokerIsUpWithItsClusterAndNodes() throws Exception {
        KafkaHealthIndicator indicator = indicator(SharedKafka.bootstrapServers(), Duration.ofSeconds(5));
        try {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void aBrokerThatDoesNotAnswerIsDownWithinTheTimeout() throws Exception {
        KafkaHealthIndicator indicator = indicator("localhost:" + InMemoryMongo.freePort(), Duration.ofMillis(500));
        try {
            long start = System.nanoTime();
            Health health = indicator.health();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        } finally {
            indicator.destroy();
        }
    }

    private static KafkaHealthIndicator indicator(String bootstrapServers, Duration timeout) {
        KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        ProjectionConsumerProperties properties = new ProjectionConsumerProperties("t", "", Duration.ofMillis(100),
                Duration.ofSeconds(1), timeout, false);
        return new KafkaHealthIndicator(admin, properties);
    }
}
