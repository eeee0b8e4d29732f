package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.infrastructure.AggregateCaching;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.ehcache.CacheManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * What the {@link Introduction} aggregate's handlers are given besides their command: the answer period (from
 * {@code lab.introductions.answer-period}), the service's {@code Clock} and Axon's deadline manager. The deadline
 * manager is the persistent {@code DbSchedulerDeadlineManager} (db-scheduler, one table in this service's
 * PostgreSQL): it keeps each introduction's answer deadline across restarts and fires it on one instance only,
 * without the extra infrastructure of JobRunr (its own dashboard and tables) or Quartz (eleven tables).
 *
 * <p>Introductions are kept in memory between commands ({@link AggregateCaching}): most of an introduction's
 * commands come within days of one another, and each would otherwise read and deserialize all its events again.
 */
@Configuration
class IntroductionCommandConfiguration {

    /** The bean {@code @Aggregate(repository = ...)} names on {@link Introduction}. */
    static final String REPOSITORY = "introductionRepository";

    @Bean
    AnswerPeriod answerPeriod(@Value("${lab.introductions.answer-period:P14D}") Duration period) {
        return new AnswerPeriod(period);
    }

    /** The most recently used introductions, by count: an introduction is a few kilobytes on the heap. */
    @Bean(REPOSITORY)
    Repository<Introduction> introductionRepository(CacheManager aggregateCacheManager, EventStore eventStore,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    HandlerDefinition handlerDefinition,
                                                    @Value("${lab.introductions.cached:10000}") long cached) {
        return AggregateCaching.cachingRepository(Introduction.class, "introductions", cached, aggregateCacheManager,
                eventStore, parameterResolverFactory, handlerDefinition);
    }
}
