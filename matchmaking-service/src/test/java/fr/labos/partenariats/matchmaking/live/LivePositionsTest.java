package fr.labos.partenariats.matchmaking.live;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live reader built again after a failure goes on from the next record of each partition it had read, not from
 * the instance's start (which sent every event since then to every open stream again); a partition never read starts
 * at what was written since the reader started.
 */
class LivePositionsTest {

    private static final long STARTED_AT = 1_765_000_000_000L;
    private static final TopicPartition READ = new TopicPartition("lab.matchmaking.events", 0);
    private static final TopicPartition NEVER_READ = new TopicPartition("lab.matchmaking.events", 1);

    /** A consumer whose records written since the start begin at offset 40 of every partition. */
    private static MockConsumer<String, String> consumer() {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST) {
            @Override
            public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> times,
                                                                                       Duration timeout) {
                Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
                times.forEach((partition, time) -> found.put(partition, new OffsetAndTimestamp(40, time)));
                return found;
            }
        };
        consumer.assign(List.of(READ, NEVER_READ));
        consumer.updateBeginningOffsets(Map.of(READ, 0L, NEVER_READ, 0L));
        consumer.updateEndOffsets(Map.of(READ, 900L, NEVER_READ, 900L));
        return consumer;
    }

    @Test
    void aConsumerBuiltAgainGoesOnAfterTheLastRecordRead() {
        LivePositions positions = new LivePositions(STARTED_AT);
        MockConsumer<String, String> first = consumer();
        positions.seek(first, List.of(READ, NEVER_READ));
        assertThat(first.position(READ)).as("from the start of the reader").isEqualTo(40);

        positions.read(READ, 40);
        positions.read(READ, 41);
        MockConsumer<String, String> again = consumer();
        positions.seek(again, List.of(READ, NEVER_READ));

        assertThat(again.position(READ)).as("after the last record read, not from the reader's start").isEqualTo(42);
        assertThat(again.position(NEVER_READ)).as("never read: what was written since the start").isEqualTo(40);
    }

    /** A topic deleted and created again: a position its records no longer reach is read from the reader's start. */
    @Test
    void aPositionOutsideThePartitionNowIsReadFromTheStartAgain() {
        LivePositions positions = new LivePositions(STARTED_AT);
        positions.read(READ, 5_000);
        MockConsumer<String, String> recreated = consumer();

        positions.seek(recreated, List.of(READ));

        assertThat(recreated.position(READ)).isEqualTo(40);
    }
}
