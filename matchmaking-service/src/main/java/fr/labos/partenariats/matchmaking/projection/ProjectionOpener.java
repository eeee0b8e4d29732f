package fr.labos.partenariats.matchmaking.projection;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Opens the projection (and so loads its observers, the matching index first) as soon as the service has started,
 * without waiting for an event: after a restart the index comes back from MongoDB, not from a Kafka replay, even if
 * the topic is idle. In the background, retried with back-off while MongoDB is unreachable, so that the service still
 * starts (the health endpoint and the 503 of the ranking endpoints say why it cannot answer yet).
 */
@Component
class ProjectionOpener {

    private static final Logger log = LoggerFactory.getLogger(ProjectionOpener.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final MatchingProjection projection;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-opener");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionOpener(MatchingProjection projection) {
        this.projection = projection;
    }

    @EventListener(ApplicationReadyEvent.class)
    void openInTheBackground() {
        executor.execute(() -> attempt(FIRST_RETRY));
    }

    private void attempt(Duration nextPause) {
        try {
            projection.open();
        } catch (RuntimeException e) {
            log.warn("Cannot open the matching projection yet (retrying in {} ms): {}", nextPause.toMillis(), e.toString());
            Duration after = nextPause.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextPause.multipliedBy(2);
            if (!executor.isShutdown()) {
                executor.schedule(() -> attempt(after), nextPause.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
