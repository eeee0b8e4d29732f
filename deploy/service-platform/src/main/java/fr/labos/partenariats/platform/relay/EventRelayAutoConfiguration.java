package fr.labos.partenariats.platform.relay;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The relay of a service's Axon event store to its Kafka topic, switched on by {@code lab.relay.topic}. It declares
 * the topic (kept forever, so any read model can be rebuilt from offset 0), a producer of its own whose delivery
 * guarantees no configuration can weaken, and the relay's tracking processor with errors that propagate, reading the
 * events as stored ({@link RelayEventSource}).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(EventProcessingConfigurer.class)
@ConditionalOnProperty(prefix = "lab.relay", name = "topic")
@EnableConfigurationProperties(RelayProperties.class)
public class EventRelayAutoConfiguration {

    /** How long closing the relay's producer waits for unacknowledged records (see {@link #relayProducers}). */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** The bean the relay's processor reads from. */
    static final String SOURCE_BEAN = "eventRelaySource";

    /**
     * No acknowledged event may be lost: every in-sync replica must have it, and a retry must not duplicate it. And no
     * record gives up on its own: one left unsent past a delivery timeout would fail while the next records of its
     * batch, queued a moment later, could still reach the broker come back, an aggregate's later step ahead of an
     * earlier one, which consumers, skipping a sequence they passed, would then lose. The batch gives up as a whole
     * instead ({@link RelayProperties#ackTimeout}), closing the producer with what it had not sent. These win over
     * {@code spring.kafka.producer.*}, which still sets batching and the other timeouts.
     */
    static final Map<String, Object> GUARANTEES = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);

    @Bean(destroyMethod = "close")
    EventRelay eventRelay(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
                          ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers,
                          RelayProperties properties, MeterRegistry meters,
                          ObjectProvider<RecordHeaderSource> headerSources,
                          ObjectProvider<EventStorageEngine> engines,
                          @Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer,
                          RelayTopic topic) {
        DefaultKafkaProducerFactory<String, String> producers =
                relayProducers(kafka.buildProducerProperties(sslBundles.getIfAvailable()));
        // Boot's customizers add, among others, the producer's Micrometer metrics (kafka.producer.*).
        customizers.orderedStream().forEach(customizer -> customizer.customize(producers));
        return new EventRelay(new KafkaTemplate<>(producers), properties, meters,
                headerSources.orderedStream().toList(), () -> storeSerializer(engines, eventSerializer), topic::ready);
    }

    /**
     * The relay's producers: the service's producer settings with {@link #GUARANTEES} on top. Closing one (the
     * service stopping) waits {@link #CLOSE_TIMEOUT} at most for records still unacknowledged, not Spring's 30 s: the
     * relay's token never moved past them, so they are sent again after the restart, and a service stopped while the
     * broker is away stops within seconds.
     */
    static DefaultKafkaProducerFactory<String, String> relayProducers(Map<String, Object> serviceSettings) {
        Map<String, Object> config = new HashMap<>(serviceSettings);
        config.putAll(GUARANTEES);
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(config,
                StringSerializer::new, StringSerializer::new);
        producers.setPhysicalCloseTimeout((int) CLOSE_TIMEOUT.toSeconds());
        return producers;
    }

    /**
     * What the relay's processor reads: the events as stored ({@link RelayEventSource}). It is the processor's
     * {@code source} ({@link #eventRelayReadsAsStored}).
     */
    @Bean(name = SOURCE_BEAN, destroyMethod = "close")
    RelayEventSource eventRelaySource(ObjectProvider<EventStorageEngine> engines, ObjectProvider<EventStore> eventStore) {
        return new RelayEventSource(engines::getIfUnique, eventStore::getObject);
    }

    /**
     * Makes {@link #eventRelaySource} the source of the relay's processor, as {@code
     * axon.eventhandling.processors.<group>.source} would, when that processor is configured as tracking or pooled
     * under {@code axon.eventhandling.processors.<group>} (as the services configure it) and names no source of its own.
     */
    @Bean
    static BeanPostProcessor eventRelayReadsAsStored(Environment environment) {
        // RelayProperties bound here by hand (a post-processor is created before the properties bean), so that the
        // group's default is RelayProperties' own, in one place.
        String group = Binder.get(environment).bindOrCreate("lab.relay", RelayProperties.class).processingGroup();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventProcessorProperties processors) {
                    EventProcessorProperties.ProcessorSettings settings = processors.getProcessors().get(group);
                    if (settings != null && settings.getSource() == null
                            && settings.getMode() != EventProcessorProperties.Mode.SUBSCRIBING) {
                        settings.setSource(SOURCE_BEAN);
                    }
                }
                return bean;
            }
        };
    }

    /**
     * The serializer the store reads events with: the engine's own when it has one (Axon's JDBC and JPA engines), else
     * the event serializer the configuration gives the store. The relay publishes the stored payload through it.
     */
    static Serializer storeSerializer(ObjectProvider<EventStorageEngine> engines,
                                      ObjectProvider<Serializer> eventSerializer) {
        return engines.getIfUnique() instanceof AbstractEventStorageEngine engine
                ? engine.getEventSerializer() : eventSerializer.getObject();
    }

    /** The topic, created if missing (kept forever), never altered once it exists: see {@link RelayTopic}. */
    @Bean
    RelayTopic eventRelayTopic(KafkaAdmin admin, RelayProperties properties) {
        return new RelayTopic(admin, TopicBuilder.name(properties.topic())
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build());
    }

    /**
     * Puts the relay in its processing group, and makes that group's failures propagate: Axon's default handler
     * would log a failing handler and move the token on, silently dropping events. The tracking processor retries
     * the failed batch instead.
     */
    @Bean
    ConfigurerModule eventRelayProcessingGroup(RelayProperties properties) {
        String group = properties.processingGroup();
        return configurer -> configurer.eventProcessing()
                .assignHandlerInstancesMatching(group,
                        handler -> handler instanceof EventRelay relay && relay.processingGroup().equals(group))
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(group, c -> PropagatingErrorHandler.instance());
    }
}
