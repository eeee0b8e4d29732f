package fr.labos.partenariats.matchmaking.introduction.history.store;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Hashes every introduction event as it is appended. Its processing group is a subscribing processor whose errors
 * propagate ({@link HistoryConfiguration}): it runs in the command's unit of work, after the event store wrote the
 * event and before the transaction commits, so an event commits with its hash or not at all.
 */
@Component
@ProcessingGroup(HistoryRecorder.PROCESSING_GROUP)
class HistoryRecorder {

    static final String PROCESSING_GROUP = "introduction-history";

    /** The aggregate type Axon records for the {@code Introduction} aggregate's events. */
    static final String INTRODUCTION = "Introduction";

    private final HistoryRepository repository;

    HistoryRecorder(HistoryRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void record(Object payload, DomainEventMessage<?> event) {
        if (INTRODUCTION.equals(event.getType())) {
            repository.record(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber());
        }
    }
}
