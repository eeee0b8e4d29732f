package fr.labos.partenariats.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The standalone broker: formatted whatever its cluster id, and keeps what it acknowledged across a restart. */
class KafkaBrokerProcessTest {

    @Test
    void keepsAcknowledgedEventsAcrossARestart(@TempDir Path data) throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.forTests(data).start()) {
            broker.createTopics(List.of(KafkaBrokerProcess.foreverTopic("lab.test.events", 3)));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("lab.test.events", "need-1", "NeedRegistered")).get();
            }

            broker.restart();

            assertThat(broker.isRunning()).isTrue();
            List<String> seen = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("lab.test.events"));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key() + "=" + r.value()));
                    assertThat(seen).containsExactly("need-1=NeedRegistered");
                });
            }
        }
    }

    /** One random cluster id in 64 starts with a dash, which the storage tool must not read as an option. */
    @Test
    void formatsWithAClusterIdThatStartsWithADash(@TempDir Path data) throws Exception {
        String clusterId = "-" + Uuid.randomUuid().toString().substring(1);

        try (KafkaBrokerProcess broker = KafkaBrokerProcess.forTests(data).withClusterId(clusterId).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(clusterId);
        }
    }
}
