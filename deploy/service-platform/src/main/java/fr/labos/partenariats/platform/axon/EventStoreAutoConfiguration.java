package fr.labos.partenariats.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * A service's Axon event store on its PostgreSQL database: Axon's JDBC storage engine, built as Axon's Spring Boot
 * auto-configuration builds it ({@code JdbcAutoConfiguration#eventStorageEngine}: the primary serializer for
 * snapshots, the event serializer, the configuration's upcaster chain and snapshot filter, the persistence exception
 * resolver — {@link UniqueViolations} in the services —, the connection provider and transaction manager, the default
 * {@link EventSchema} whose tables Flyway creates), with the handling of gaps of {@link EventStoreProperties} instead
 * of Axon's defaults, under which the relay could skip the events of a transaction open for more than a minute, and
 * the means to read events as stored, without the upcasters, for the relay ({@link AsStoredJdbcEventStorageEngine}).
 * Ordered before Axon's, whose engine then backs off; a service that declares its own engine keeps it.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnClass({JdbcEventStorageEngine.class, DataSource.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreAutoConfiguration {

    /** The same conditions as Axon's engine: none where a service brings its own engine, bus or store. */
    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          ObjectProvider<EventSchema> eventSchema,
                                          EventStoreProperties properties) {
        return new AsStoredJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                // Axon's schema bean backs off once an engine is declared; a service's own schema still wins.
                .schema(eventSchema.getIfAvailable(EventSchema::new))
                .gapTimeout((int) properties.gapTimeout().toMillis())
                .gapCleaningThreshold(properties.gapCleaningThreshold())
                .maxGapOffset(properties.maxGapOffset()));
    }
}
