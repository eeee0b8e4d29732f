package fr.labos.partenariats.platform.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What a service's relay sends where ({@code lab.relay.*}). Setting {@code lab.relay.topic} switches the relay on.
 *
 * @param topic                  the Kafka topic the service's events go to, e.g. {@code lab.profile.events}
 * @param processingGroup        the Axon processing group (and tracking processor) of the relay; its batch size,
 *                               threads and segments are set under {@code axon.eventhandling.processors.<group>}
 * @param topicPartitions        partitions of the topic when the relay creates it
 * @param topicReplicationFactor replication factor of the topic when the relay creates it
 * @param ackTimeout             how long a batch waits for Kafka's acknowledgements before it fails as a whole and is
 *                               retried (its records never give up on their own: see
 *                               {@link EventRelayAutoConfiguration#GUARANTEES})
 */
@ConfigurationProperties("lab.relay")
public record RelayProperties(
        String topic,
        @DefaultValue("kafka-relay") String processingGroup,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicationFactor,
        @DefaultValue("PT30S") Duration ackTimeout) {
}
