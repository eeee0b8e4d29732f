package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.platform.relay.RecordHeaderSource;
import fr.labos.partenariats.schema.EventHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts each introduction event's chain link on its record of {@code lab.matchmaking.events}: its hash, the previous
 * step's, its leaf in the tree, and the metadata it was hashed with. The topic keeps them forever, out of reach of
 * whoever administers PostgreSQL, so a consumer that kept the records can recompute every hash, chain and published
 * tree head from the records alone, without trusting the service ({@code VerifyIntroductionHistory topic}).
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
        // What the hash covers that the record does not carry otherwise; no metadata hashes as an empty object.
        headers.put(EventHeaders.HISTORY_METADATA,
                link.metadata() == null ? "{}" : new String(link.metadata(), StandardCharsets.UTF_8));
        return headers;
    }
}
