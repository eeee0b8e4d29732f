package fr.labos.partenariats.matchmaking.live;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the live reader is in each partition, kept across the consumers it builds again after a failure (the broker
 * away for a moment): a new consumer goes on from the next record, rather than from the instance's start — which sent
 * every event since then to every open stream again, filling their queues and dropping them all at once.
 */
final class LivePositions {

    private final long startedAt;
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();

    /** @param startedAt when the reader started (epoch milliseconds): where a partition never read is read from */
    LivePositions(long startedAt) {
        this.startedAt = startedAt;
    }

    /** The record at this offset was read: the next one is where to go on. */
    void read(TopicPartition partition, long offset) {
        next.put(partition, offset + 1);
    }

    /**
     * Places the consumer on each partition: after the last record read, or — a partition never read, or whose
     * records no longer reach that position (the topic deleted and created again) — at what was written since the
     * reader started, nothing older (from the end when nothing was).
     */
    void seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> since = new HashMap<>();
        List<TopicPartition> read = partitions.stream().filter(next::containsKey).toList();
        Map<TopicPartition, Long> first = read.isEmpty() ? Map.of() : consumer.beginningOffsets(read, Duration.ofSeconds(5));
        Map<TopicPartition, Long> end = read.isEmpty() ? Map.of() : consumer.endOffsets(read, Duration.ofSeconds(5));
        for (TopicPartition partition : partitions) {
            Long position = next.get(partition);
            if (position != null && first.getOrDefault(partition, Long.MAX_VALUE) <= position
                    && position <= end.getOrDefault(partition, -1L)) {
                consumer.seek(partition, position);
            } else {
                since.put(partition, startedAt);
            }
        }
        if (since.isEmpty()) {
            return;
        }
        List<TopicPartition> atEnd = new ArrayList<>();
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(since, Duration.ofSeconds(5));
        since.keySet().forEach(partition -> {
            OffsetAndTimestamp offset = found.get(partition);
            if (offset == null) {
                atEnd.add(partition); // nothing written since: from the end
            } else {
                consumer.seek(partition, offset.offset());
            }
        });
        consumer.seekToEnd(atEnd);
    }
}
