package fr.labos.partenariats.matchmaking.infrastructure;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates kept in memory between commands, so that a command no longer reads all of its aggregate's events from
 * PostgreSQL and deserializes them. Axon's caching repository puts the aggregate back after each successful command
 * and evicts it when a unit of work rolls back; {@link VersionCheckedCachingRepository} checks a cached copy against
 * the store before a command decides on it.
 *
 * <p>Correct with several instances and no session affinity: a copy another instance has moved on from is seen by
 * its version and read again; a change that lands between that check and the append is refused by the event store's
 * unique (aggregate, sequence), which writes nothing, evicts the copy, and the gateway sends the command again
 * ({@code ConflictRetryScheduler}, the platform's) on the aggregate as it stands.
 */
@Configuration
public class AggregateCaching {

    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    /**
     * A repository of {@code type} keeping its {@code size} most recently used aggregates in a heap cache named
     * {@code name}.
     */
    public static <T> Repository<T> cachingRepository(Class<T> type, String name, long size, CacheManager manager,
                                                      EventStore eventStore,
                                                      ParameterResolverFactory parameterResolverFactory,
                                                      HandlerDefinition handlerDefinition) {
        Cache cache = new EhCache3Adapter((Ehcache<Object, Object>) manager.createCache(name,
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(size))));
        return new VersionCheckedCachingRepository<>(EventSourcingRepository.builder(type)
                .parameterResolverFactory(parameterResolverFactory).handlerDefinition(handlerDefinition),
                eventStore, cache);
    }
}
