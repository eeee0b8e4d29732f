package fr.labos.partenariats.profile.introduction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Map;

/**
 * The consumer of {@code lab.matchmaking.events}: its own group (every instance of profile-service shares the one
 * database, so one of them applying a record is enough), from the topic's beginning, offsets committed by the
 * container after each record once the listener's transaction committed. A database failure is retried without end
 * (skipping it would lose an opened contact); an unreadable record is logged and passed over, and counted
 * ({@value #UNREADABLE_METRIC}): a revision a newer matchmaking-service wrote before this service learnt it is one, and
 * the contacts it would have opened stay closed until the records are read again (the deploy guide says how). It
 * never creates the topic: matchmaking-service's relay does, with its partitions.
 */
@Configuration(proxyBeanMethods = false)
class IntroductionEventsConfiguration {

    static final String CONTAINER_FACTORY = "introductionEventsContainerFactory";
    static final String UNREADABLE_METRIC = "lab.introductions.contacts.unreadable";

    private static final Logger log = LoggerFactory.getLogger(IntroductionEventsConfiguration.class);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> introductionEventsContainerFactory(KafkaProperties kafka,
                                                                                              ObjectProvider<SslBundles> sslBundles,
                                                                                              MeterRegistry meters) {
        // With the SSL bundle, if spring.kafka.ssl.bundle names one: without it, the consumer would connect in clear.
        Map<String, Object> configuration = kafka.buildConsumerProperties(sslBundles.getIfAvailable());
        configuration.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        configuration.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        configuration.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        configuration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configuration.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        configuration.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");

        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(configuration));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        factory.getContainerProperties().setMissingTopicsFatal(false);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxInterval(10_000);
        Counter unreadable = Counter.builder(UNREADABLE_METRIC)
                .description("Records of lab.matchmaking.events passed over unread: the contacts they open stay closed")
                .register(meters);
        DefaultErrorHandler errors = new DefaultErrorHandler((record, failure) -> {
            unreadable.increment();
            log.error("Passed over {}-{}@{} (introduction {}): {}", record.topic(), record.partition(), record.offset(),
                    record.key(), failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage());
        }, backOff);
        errors.addNotRetryableExceptions(AcceptedIntroductionsListener.UnreadableIntroductionEvent.class);
        factory.setCommonErrorHandler(errors);
        return factory;
    }
}
