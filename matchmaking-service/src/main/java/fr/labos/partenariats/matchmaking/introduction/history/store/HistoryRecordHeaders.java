package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.platform.relay.RecordHeaderSource;
import fr.labos.partenariats.schema.EventHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts each introduction event's chain link on its record of {@code lab.matchmaking.events}: its hash, the previous
 * step's, and its leaf in the tree. The topic keeps them forever, out of reach of whoever administers PostgreSQL, so a
 * consumer that kept the records can hold the served history against them without trusting the service.
 *
 * <p>The relay reads committed events only, and an introduction event commits with its hash or not at all
 * ({@link HistoryRecorder}): one without a recorded link was put in the store behind the service's back (an SQL
 * {@code INSERT}). It is published without these headers, which is how a consumer sees it, and logged; holding the
 * relay back for it would stop every later event from reaching the other services.
 */
@Component
class HistoryRecordHeaders implements RecordHeaderSource {

    private static final Logger log = LoggerFactory.getLogger(HistoryRecordHeaders.class);

    private final HistoryRepository repository;

    HistoryRecordHeaders(HistoryRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<String, String> headersOf(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domain) || !HistoryRecorder.INTRODUCTION.equals(domain.getType())) {
            return Map.of();
        }
        Optional<HistoryRepository.ChainLink> recorded = repository.link(event.getIdentifier());
        if (recorded.isEmpty()) {
            log.warn("Introduction event {} (step {} of {}) has no recorded hash: published without one",
                    event.getIdentifier(), domain.getSequenceNumber(), domain.getAggregateIdentifier());
            return Map.of();
        }
        HistoryRepository.ChainLink link = recorded.get();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.HISTORY_HASH, link.hash());
        if (link.previousHash() != null) {
            headers.put(EventHeaders.HISTORY_PREVIOUS_HASH, link.previousHash());
        }
        headers.put(EventHeaders.HISTORY_LEAF_INDEX, Long.toString(link.leafIndex()));
        return headers;
    }
}
