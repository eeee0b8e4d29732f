package fr.labos.partenariats.platform.health;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kafka entry of the health endpoint, against a live broker and against nothing. */
class KafkaHealthIndicatorTest {

    private static final String BROKERS_PROPERTY = "lab.test.health.brokers";
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        // Its own property: the default (spring.kafka.bootstrap-servers, a system property) would outlive this class
        // and point the next test application of the run at a broker that is gone.
        broker = new EmbeddedKafkaKraftBroker(1, 1).brokerListProperty(BROKERS_PROPERTY);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
        System.clearProperty(BROKERS_PROPERTY);
    }

    @Test
    void aLiveBrokerIsUpWithItsClusterAndNodes() throws Exception {
        KafkaHealthIndicator indicator = indicator(broker.getBrokersAsString(), Duration.ofSeconds(5));
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
        KafkaHealthIndicator indicator = indicator("localhost:" + freePort(), Duration.ofMillis(500));
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
        return new KafkaHealthIndicator(admin, timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
