package fr.labos.partenariats.matchmaking.introduction.history.verify;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads every record a topic holds, from the beginning of each partition to the end it had when the reading began.
 * No consumer group: nothing is committed, and the service's consumers are not disturbed.
 */
final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STALLED = Duration.ofSeconds(30);

    private TopicReader() {
    }

    /**
     * @param clientSettings the consumer's settings beyond the servers (security, TLS…); what the audit needs (no
     *                       group, no commit, committed records only) wins over them
     * @return how many records were read
     * @throws IllegalArgumentException when the broker does not know the topic
     * @throws org.apache.kafka.common.errors.TimeoutException when the broker cannot be reached
     */
    static long readToTheEnd(String bootstrapServers, String topic, Properties clientSettings,
                             Consumer<TopicAudit.TopicRecord> each) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        settings.putAll(clientSettings);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalArgumentException("le sujet " + topic + " est inconnu de " + bootstrapServers);
            }
            List<TopicPartition> all = partitions.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(all));
            long read = 0;
            long lastProgress = System.nanoTime();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                for (ConsumerRecord<String, String> record : records) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(new TopicAudit.TopicRecord(record.partition(), record.offset(), headers(record),
                                record.value()));
                        read++;
                    }
                }
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALLED.toNanos()) {
                    // The broker went away mid-read: an audit of part of the topic would say too little.
                    throw new IllegalStateException("le sujet " + topic + " ne se lit plus depuis "
                            + STALLED.toSeconds() + " s, après " + read + " enregistrements");
                }
            }
            return read;
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
