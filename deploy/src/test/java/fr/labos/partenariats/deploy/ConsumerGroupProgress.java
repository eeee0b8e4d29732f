package fr.labos.partenariats.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * How far the services' consumer groups have read, as the broker knows it (their committed offsets): what lets a
 * test wait until a service has applied a record, rather than for a while.
 */
final class ConsumerGroupProgress implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Admin kafka;

    ConsumerGroupProgress(String bootstrapServers) {
        this.kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Until the group has committed, on every partition of the topic, the end offset the topic has now. */
    void awaitReadToTheEnd(String group, String topic, Duration patience) throws Exception {
        Map<TopicPartition, Long> ends = ends(List.of(topic));
        long deadline = System.nanoTime() + patience.toNanos();
        Map<TopicPartition, Long> committed = Map.of();
        while (System.nanoTime() < deadline) {
            committed = committed(group);
            Map<TopicPartition, Long> read = committed;
            if (ends.entrySet().stream().allMatch(end -> read.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("%s did not read %s to %s within %s (committed: %s)".formatted(group, topic, ends, patience, committed));
    }

    /**
     * Until every consumer group has read the topics to their end, and neither the topics nor the groups moved for
     * {@code quiet} (what the relays publish in that time, they had stored before).
     */
    void awaitEveryGroupCaughtUp(List<String> topics, Duration quiet, Duration patience) throws Exception {
        Map<String, Long> previous = Map.of();
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> ends = ends(topics);
            Map<String, Long> positions = new TreeMap<>();
            ends.forEach((partition, end) -> positions.put("end " + partition, end));
            boolean behind = false;
            for (ConsumerGroupListing group : kafka.listConsumerGroups().all().get()) {
                for (Map.Entry<TopicPartition, Long> read : committed(group.groupId()).entrySet()) {
                    if (ends.containsKey(read.getKey())) {
                        positions.put(group.groupId() + " " + read.getKey(), read.getValue());
                        behind |= read.getValue() < ends.get(read.getKey());
                    }
                }
            }
            if (behind || !positions.equals(previous)) {
                quietSince = System.nanoTime();
                previous = positions;
            } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("The consumer groups did not catch up with " + topics + " within " + patience + ": " + previous);
    }

    private Map<TopicPartition, Long> ends(List<String> topics) throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = new ArrayList<>();
        kafka.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
        Map<TopicPartition, Long> ends = new HashMap<>();
        kafka.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get()
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private Map<TopicPartition, Long> committed(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> offset :
                kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet()) {
            if (offset.getValue() != null) {
                committed.put(offset.getKey(), offset.getValue().offset());
            }
        }
        return committed;
    }

    @Override
    public void close() {
        kafka.close(Duration.ofSeconds(5));
    }
}
