package fr.labos.partenariats.deploy;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The physical limit of the consuming side: a plain Kafka consumer reading the whole topic from offset 0, records
 * deserialized as strings and dropped, with the projection's own settings left aside (no processing, no commit).
 */
final class TopicReadRate {

    record Result(long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    static Result readAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            long total = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum()
                    - consumer.beginningOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Timed from the first record on: connecting and finding the partitions' leaders are not reading.
            long start = 0;
            long read = 0;
            long bytes = 0;
            while (read < total) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (start == 0 && !records.isEmpty()) {
                    start = System.nanoTime();
                }
                for (var record : records) {
                    read++;
                    bytes += record.value() == null ? 0 : record.value().length();
                }
            }
            if (bytes < 0) {
                throw new IllegalStateException("unreachable: keeps the values from being optimised away");
            }
            return new Result(read, (System.nanoTime() - start) / 1e9);
        }
    }

    private TopicReadRate() {
    }
}
