package fr.labos.partenariats.matchmaking.projection.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * For a batch consumer whose positions live in its read store rather than in Kafka's committed offsets: which records
 * of a batch to apply. A partition whose first record in the batch is not its stored position is moved there (to its
 * start if nothing of it is stored) and its records in this batch are dropped, to come again from there. Checked on
 * every batch, because the store may have lost its last writes (and their positions) while the consumer kept running.
 */
public final class ResumeFromStoredPositions {

    private static final Logger log = LoggerFactory.getLogger(ResumeFromStoredPositions.class);

    private ResumeFromStoredPositions() {
    }

    /**
     * The records of {@code batch} to apply, after moving the partitions that are not at their stored position.
     *
     * @param stored next offset to apply by partition, read only when the batch is not empty
     */
    public static <V> List<ConsumerRecord<String, V>> recordsToApply(List<ConsumerRecord<String, V>> batch,
                                                                    Consumer<?, ?> consumer,
                                                                    Supplier<Map<Integer, Long>> stored) {
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        for (ConsumerRecord<String, V> record : batch) {
            firstOffsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        if (firstOffsets.isEmpty()) {
            return batch;
        }
        Map<Integer, Long> positions = stored.get();
        Set<TopicPartition> moved = new HashSet<>();
        firstOffsets.forEach((partition, first) -> {
            Long from = positions.get(partition.partition());
            if (from == null) {
                from = consumer.beginningOffsets(List.of(partition)).getOrDefault(partition, 0L);
            }
            if (from.longValue() != first) {
                log.info("Resuming {} from the stored position {} (this batch began at {})", partition, from, first);
                consumer.seek(partition, from);
                moved.add(partition);
            }
        });
        if (moved.isEmpty()) {
            return batch;
        }
        return batch.stream().filter(record -> !moved.contains(new TopicPartition(record.topic(), record.partition()))).toList();
    }
}
