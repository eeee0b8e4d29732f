package fr.labos.partenariats.platform.relay;

import fr.labos.partenariats.platform.axon.AsStoredJdbcEventStorageEngine;
import fr.labos.partenariats.platform.axon.EventStoreProperties;
import fr.labos.partenariats.platform.axon.JacksonSerializers;
import fr.labos.partenariats.platform.axon.UniqueViolations;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.MemberRole;
import fr.labos.partenariats.schema.profile.NeedWithdrawnEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The relay over the event store the services run — PostgreSQL, Axon's JDBC engine as service-platform configures
 * it — to a real Kafka broker, with a transaction that stays open while others commit after it, as the actors' import
 * does for seconds or minutes. Every event of it must reach the topic once it commits. Under Axon's defaults it did
 * not when the transaction outlived them: after a minute by the event timestamps (the token's gaps cleaned once more
 * than 250, or dropped by a relay that reads events older than that), or after 10,000 events committed above it.
 * The events' clock ({@code GenericEventMessage.clock}, what Axon stamps events with and measures gaps' age by) is
 * moved instead of waiting.
 * <p>
 * Over that store too: events are published as the store holds them (JSON and revision), including those a newer
 * release wrote, which this code reads leniently and must not publish reduced to its own revision, and those of an
 * older revision, which the store's upcasters change for everyone else.
 */
@SpringBootTest(classes = EventRelayGapsIntegrationTest.RelayingStore.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "lab.relay.topic=" + EventRelayGapsIntegrationTest.TOPIC,
                "lab.relay.processing-group=" + EventRelayGapsIntegrationTest.GROUP,
                "axon.axonserver.enabled=false",
                "axon.serializer.general=jackson",
                // The Axon tables are created below from the services' script; Flyway (on the platform's classpath
                // for platform.database) has no migrations of its own to run here.
                "spring.flyway.enabled=false",
                "axon.eventhandling.processors." + EventRelayGapsIntegrationTest.GROUP + ".mode=tracking",
                "axon.eventhandling.processors." + EventRelayGapsIntegrationTest.GROUP + ".batch-size=200"})
@AutoConfigureObservability
@EmbeddedKafka(kraft = true, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EventRelayGapsIntegrationTest {

    static final String TOPIC = "lab.test.gaps";
    static final String GROUP = "gap-relay";

    /** Past Axon's default gap timeout (60 s), which a slow import outlives. */
    private static final Duration PAST_AXONS_DEFAULT = Duration.ofSeconds(61);

    private static final MovableClock CLOCK = new MovableClock();

    @Autowired
    EventStorageEngine engine;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventProcessingConfiguration processing;
    /** Not required: without service-platform's engine, each test below must fail on their own, not all at once. */
    @Autowired(required = false)
    EventStoreProperties properties;

    private final ExecutorService slowTransactions = Executors.newSingleThreadExecutor();
    private Consumer<String, String> consumer;
    private final Map<String, Integer> recordsPerKey = new HashMap<>();
    private final Map<String, ConsumerRecord<String, String>> lastRecordPerKey = new HashMap<>();

    @BeforeAll
    static void stampEventsWithAMovableClock() {
        GenericEventMessage.clock = CLOCK;
    }

    @AfterAll
    static void restoreTheClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @BeforeEach
    void subscribe() {
        Map<String, Object> config = KafkaTestUtils.consumerProps("gaps-test-" + UUID.randomUUID(), "false", broker);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(TOPIC));
        // The relay running and caught up before each test (stopping it while it still starts leaves it stopped).
        String warmUp = "warm-up-" + UUID.randomUUID();
        commit(events(warmUp, 1));
        awaitOnTopic(warmUp, 1);
    }

    @AfterEach
    void close() throws InterruptedException {
        consumer.close();
        slowTransactions.shutdownNow();
        slowTransactions.awaitTermination(10, TimeUnit.SECONDS);
        relay().start();
    }

    /**
     * More than 250 gaps (the cleaning threshold) behind events that grow older than a minute while the relay keeps
     * reading: Axon's gap cleaning dropped them, and the slow transaction's 300 events were never published.
     */
    @Test
    void aTransactionOpenPastAMinuteWhileTheRelayCleansItsGapsIsRelayedWhole() throws Exception {
        String slow = "slow-" + UUID.randomUUID();
        SlowTransaction transaction = openAndAppend(events(slow, 300));
        String quick = "quick-" + UUID.randomUUID();
        commit(events(quick, 5));
        awaitOnTopic(quick, 5);

        CLOCK.advance(PAST_AXONS_DEFAULT);
        // The relay reads again after the clock moved: this read is the one that cleaned the gaps.
        String after = "after-" + UUID.randomUUID();
        commit(events(after, 1));
        awaitOnTopic(after, 1);
        transaction.commit();

        awaitOnTopic(slow, 300);
    }

    /**
     * A relay that stopped (Kafka away, a restart) and reads, once back, events older than a minute: Axon dropped
     * every gap below such an event, though the transaction that holds them was still open.
     */
    @Test
    void aTransactionStillOpenWhenALaggingRelayReadsOlderEventsIsRelayedWhole() throws Exception {
        relay().shutDown();
        String slow = "lagging-slow-" + UUID.randomUUID();
        SlowTransaction transaction = openAndAppend(events(slow, 3));
        String quick = "lagging-quick-" + UUID.randomUUID();
        commit(events(quick, 5));
        CLOCK.advance(PAST_AXONS_DEFAULT);

        relay().start();
        awaitOnTopic(quick, 5);
        transaction.commit();

        awaitOnTopic(slow, 3);
    }

    /**
     * More than 10,000 events committed above an open transaction's (two minutes of the write side's target rate
     * would be 60,000): Axon's maximum gap offset dropped its gap, whatever its age.
     */
    @Test
    void aTransactionOpenWhileTenThousandEventsCommitAfterItIsRelayedWhole() throws Exception {
        String slow = "offset-slow-" + UUID.randomUUID();
        SlowTransaction transaction = openAndAppend(events(slow, 1));
        String bulk = "offset-bulk-" + UUID.randomUUID();
        commit(events(bulk, 10_100));
        awaitOnTopic(bulk, 10_100);
        transaction.commit();

        awaitOnTopic(slow, 1);
    }

    /** The settings that make it so: gaps waited for longer than twice the longest transaction allowed. */
    @Test
    void theStoreWaitsForAGapLongerThanTwiceTheLongestTransaction() {
        assertThat(properties.gapTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.longestTransaction()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.gapTimeout()).isGreaterThan(properties.longestTransaction().multipliedBy(2));
        assertThat(properties.maxGapOffset()).isEqualTo(60_000);
        assertThat(properties.gapCleaningThreshold()).isEqualTo(250);
    }

    /**
     * Everything else is what Axon's own auto-configuration gives the engine: serializers, upcaster chain, snapshot
     * filter, exception resolver, connections, transactions, schema and statements, field for field.
     */
    @Test
    void theEngineIsAxonsOwnButForItsGaps(@Autowired Serializer serializer,
                                          @Autowired @Qualifier("eventSerializer") Serializer eventSerializer,
                                          @Autowired PersistenceExceptionResolver resolver,
                                          @Autowired org.axonframework.config.Configuration configuration,
                                          @Autowired ConnectionProvider connections,
                                          @Autowired TransactionManager axonTransactions) throws Exception {
        EventStorageEngine axons = new JdbcAutoConfiguration(new TokenStoreProperties()).eventStorageEngine(serializer,
                resolver, eventSerializer, configuration, connections, axonTransactions, new EventSchema());
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(resolver).as("service-platform's, as the services import it")
                .isNotInstanceOf(org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver.class);

        for (Class<?> type = JdbcEventStorageEngine.class; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) continue;
                field.setAccessible(true);
                Object ours = field.get(engine);
                Object theirs = field.get(axons);
                switch (field.getName()) {
                    case "gapTimeout" -> assertThat(ours).isEqualTo((int) properties.gapTimeout().toMillis());
                    case "gapCleaningThreshold" -> assertThat(ours).isEqualTo(properties.gapCleaningThreshold());
                    case "maxGapOffset" -> assertThat(ours).isEqualTo(properties.maxGapOffset());
                    case "schema" -> assertThat(ours).usingRecursiveComparison().isEqualTo(theirs);
                    // A lambda bound to its engine: the same code, another instance.
                    case "finalAggregateBatchPredicate" -> assertThat(ours.getClass()).isEqualTo(theirs.getClass());
                    default -> assertThat(ours).as(field.getName()).isEqualTo(theirs);
                }
            }
        }
    }

    /** The engine still tells a lost race for an aggregate (PostgreSQL's unique violation) from a failure. */
    @Test
    void anEventAtATakenSequenceIsAConcurrencyConflict() {
        String need = "conflict-" + UUID.randomUUID();
        commit(events(need, 1));

        assertThatThrownBy(() -> commit(events(need, 1))).isInstanceOf(AggregateStreamCreationException.class);
    }

    /**
     * An event a newer release wrote during a rolling upgrade: a revision this code does not know, with a field its
     * class does not have. Read into this code's class and written again, it went out as revision 1 without the
     * field, and consumers took it for a revision 1 event.
     */
    @Test
    void anEventOfANewerRevisionIsPublishedAsStoredWithItsRevisionAndFields() {
        String need = "newer-" + UUID.randomUUID();
        String stored = "{\"needId\":\"" + need + "\",\"actorId\":\"actor-1\",\"reason\":\"complet\","
                + "\"withdrawnAt\":\"2026-03-02T10:00:00Z\",\"withdrawnBy\":\"u-7f3c9a\"}";
        insertAsStored(need, NeedWithdrawnEvent.class.getName(), "99", stored);

        awaitOnTopic(need, 1);

        ConsumerRecord<String, String> record = lastRecordPerKey.get(need);
        assertThat(record.value()).isEqualTo(stored);
        assertThat(header(record, EventHeaders.EVENT_REVISION)).isEqualTo("99");
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("NeedWithdrawnEvent");
        assertThat(header(record, EventHeaders.AGGREGATE_ID)).isEqualTo(need);
        assertThat(header(record, EventHeaders.AGGREGATE_SEQUENCE)).isEqualTo("0");
    }

    /** A type a newer release added: published under its name, as stored, never read (this code has no class for it). */
    @Test
    void anEventOfATypeThisCodeDoesNotHaveIsPublishedAsStored() {
        String need = "unknown-type-" + UUID.randomUUID();
        String stored = "{\"needId\":\"" + need + "\",\"archivedAt\":\"2026-03-02T10:00:00Z\"}";
        insertAsStored(need, "fr.labos.partenariats.schema.profile.NeedArchivedEvent", "1", stored);

        awaitOnTopic(need, 1);

        ConsumerRecord<String, String> record = lastRecordPerKey.get(need);
        assertThat(record.value()).isEqualTo(stored);
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("NeedArchivedEvent");
        assertThat(header(record, EventHeaders.EVENT_REVISION)).isEqualTo("1");
    }

    /**
     * An event stored at an older revision, which the store's upcasters turn into the current one for the aggregates
     * and the other processors: the relay publishes it as stored, at its revision, with its stored JSON (the consumers
     * upcast it; an introduction's history hashed those bytes).
     */
    @Test
    void anEventOfAnOlderRevisionIsPublishedAsStoredNotUpcast() {
        String actor = "older-" + UUID.randomUUID();
        String stored = "{\"actorId\":\"" + actor + "\",\"memberSubject\":\"u-7f3c9a\","
                + "\"joinedAt\":\"2026-03-02T10:00:00Z\"}";
        insertAsStored(actor, ActorMemberJoinedEvent.class.getName(), "1", stored);

        awaitOnTopic(actor, 1);

        ConsumerRecord<String, String> record = lastRecordPerKey.get(actor);
        assertThat(record.value()).isEqualTo(stored);
        assertThat(header(record, EventHeaders.EVENT_REVISION)).isEqualTo("1");
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("ActorMemberJoinedEvent");
        // The store itself still reads it upcast.
        assertThat(engine.readEvents(actor).asStream().<Object>map(EventMessage::getPayload).toList())
                .containsExactly(new ActorMemberJoinedEvent(actor, "u-7f3c9a", MemberRole.MANAGER,
                        Instant.parse("2026-03-02T10:00:00Z")));
    }

    /** The relay's processor reads the service's events as stored, from the same engine as the store. */
    @Test
    void theRelaysProcessorReadsTheEventsAsStored(@Autowired RelayEventSource source) {
        assertThat(engine).isInstanceOf(AsStoredJdbcEventStorageEngine.class);
        assertThat(source.readsAsStored()).isTrue();
        assertThat(relay()).extracting("messageSource").isSameAs(source);
    }

    /** Appends a row as another release of the service would have written it, bypassing this code's serializer. */
    private void insertAsStored(String aggregateId, String payloadType, String revision, String payload) {
        new JdbcTemplate(dataSource).update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type,"
                        + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                        + " VALUES (?, 0, 'Need', ?, ?, ?, ?, ?, ?)",
                aggregateId, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), revision, payloadType, CLOCK.instant().toString());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private List<EventMessage<?>> events(String aggregateId, int count) {
        return LongStream.range(0, count).<EventMessage<?>>mapToObj(sequence -> new GenericDomainEventMessage<>(
                "Need", aggregateId, sequence,
                new NeedWithdrawnEvent(aggregateId, "actor-1", "complet", Instant.parse("2026-03-02T10:00:00Z"))))
                .toList();
    }

    private void commit(List<EventMessage<?>> events) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> engine.appendEvents(events));
    }

    /** Appends in a transaction of another thread, left open (its global indexes taken) until {@code commit()}. */
    private SlowTransaction openAndAppend(List<EventMessage<?>> events) throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> done = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    engine.appendEvents(events);
                    appended.countDown();
                    try {
                        if (!release.await(2, TimeUnit.MINUTES)) {
                            status.setRollbackOnly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        status.setRollbackOnly();
                    }
                }), slowTransactions);
        assertThat(appended.await(30, TimeUnit.SECONDS)).as("the slow transaction appended").isTrue();
        return () -> {
            release.countDown();
            done.get(30, TimeUnit.SECONDS);
        };
    }

    @FunctionalInterface
    private interface SlowTransaction {
        void commit() throws Exception;
    }

    private void awaitOnTopic(String aggregateId, int records) {
        await().atMost(ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                recordsPerKey.merge(record.key(), 1, Integer::sum);
                lastRecordPerKey.put(record.key(), record);
            });
            assertThat(recordsPerKey.getOrDefault(aggregateId, 0)).as("records of " + aggregateId).isEqualTo(records);
        });
    }

    private TrackingEventProcessor relay() {
        return processing.eventProcessorByProcessingGroup(GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    /** The clock Axon stamps events with and measures the age of gaps by, moved forward by the tests. */
    private static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /**
     * The smallest service with an event store: a PostgreSQL database with the services' Axon tables (their Flyway
     * script), the platform's serializers and exception resolver as the services import them, the platform's relay.
     * No pool: connections are opened as asked.
     */
    @SpringBootApplication
    @Import({JacksonSerializers.class, UniqueViolations.class})
    static class RelayingStore {

        @Bean
        DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(EmbeddedPostgresInitializer.newDatabase());
            dataSource.setUser(EmbeddedPostgresInitializer.USER);
            dataSource.setPassword(EmbeddedPostgresInitializer.PASSWORD);
            new ResourceDatabasePopulator(new ClassPathResource("db/migration/axon/V1__axon_event_store.sql"))
                    .execute(dataSource);
            return dataSource;
        }
    }
}
