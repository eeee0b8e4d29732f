package fr.labos.partenariats.matchmaking.projection.kafka;

import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.MalformedEventException;
import fr.labos.partenariats.matchmaking.projection.ProjectionMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How the projection's consumer treats failures. Two kinds, two policies:
 * <ul>
 *   <li>anything that may heal (MongoDB unreachable, a timeout, a bug fixed by a redeploy) is retried for ever with
 *   exponential back-off: the partition waits, the lag metric grows, the health endpoint shows why, and no event is
 *   ever skipped;</li>
 *   <li>a {@link MalformedEventException} (a record no retry can read) gets a few quick attempts, then is logged with
 *   its coordinates, counted as {@code outcome=poison} and its offset committed, so one bad record cannot block
 *   every event behind it. The record stays in the topic (retention is infinite) for a later fix and replay.</li>
 * </ul>
 * Spring Boot's listener container factory picks this error handler up by type.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumerConfiguration.class);

    @Bean
    DefaultErrorHandler projectionErrorHandler(ProjectionConsumerProperties properties, ProjectionMetrics metrics) {
        ExponentialBackOff untilItHeals = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        untilItHeals.setMaxInterval(properties.retryMaxInterval().toMillis());
        BackOff poison = new FixedBackOff(properties.poisonInterval().toMillis(), Math.max(0, properties.poisonAttempts() - 1));

        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(metrics), untilItHeals);
        handler.setBackOffFunction((record, exception) -> isMalformed(exception) ? poison : untilItHeals);
        return handler;
    }

    private static ConsumerRecordRecoverer recoverer(ProjectionMetrics metrics) {
        return (ConsumerRecord<?, ?> record, Exception exception) -> {
            if (!isMalformed(exception)) {
                // Unreachable with an unbounded back-off; should it ever happen, refuse to skip the record.
                throw new IllegalStateException("Refusing to skip a record whose failure may heal", exception);
            }
            String type = ProfileEventReader.typeOf(record);
            log.error("Skipping unreadable profile event at {}-{}@{} (key {}, type {}): {}", record.topic(),
                    record.partition(), record.offset(), record.key(), type, rootMessage(exception));
            metrics.record(type, EventOutcome.POISON, null);
        };
    }

    static boolean isMalformed(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof MalformedEventException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof MalformedEventException) {
                return t.getMessage();
            }
        }
        return String.valueOf(exception);
    }
}
