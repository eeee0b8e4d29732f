package fr.labos.partenariats.matchmaking.projection.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * Whether a reader of a topic caught up with what the topic held when it began: the followers that rebuild a state in
 * memory from a topic (the matching index, the introduced pairs) say they are ready only then.
 */
public final class TopicEnds {

    private TopicEnds() {
    }

    /** Whether the consumer's position in each partition reached the end it had when {@code ends} was read. */
    public static boolean reached(Consumer<?, ?> kafka, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (kafka.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
