package fr.labos.partenariats.matchmaking.introduction.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The two actors of an introduction, read from its first event in the event store, so that the API can decide who
 * may act on it before sending a command; an id that names no introduction is a 404.
 *
 * <p>Kept once read: the actors of an introduction never change (no event changes them), so a copy can never be
 * stale, on this instance or another. Ids that name nothing are not kept: the introduction may be proposed later.
 */
@Component
public class IntroductionParties {

    private static final int KEPT = 100_000;

    private final EventStore events;
    private final Cache<String, List<String>> known = Caffeine.newBuilder().maximumSize(KEPT).build();

    IntroductionParties(EventStore events) {
        this.events = events;
    }

    /** The introduction's actors, the one it was proposed for first; throws {@link IntroductionNotFound}. */
    List<String> of(String introductionId) {
        return find(introductionId).orElseThrow(() -> new IntroductionNotFound(introductionId));
    }

    /** The introduction's actors, the one it was proposed for first; empty if no introduction has that id. */
    public Optional<List<String>> find(String introductionId) {
        List<String> parties = known.getIfPresent(introductionId);
        if (parties == null) {
            parties = read(introductionId);
            if (parties == null) {
                return Optional.empty();
            }
            known.put(introductionId, parties);
        }
        return Optional.of(parties);
    }

    private List<String> read(String introductionId) {
        DomainEventStream stream = events.readEvents(introductionId, 0);
        if (stream.hasNext()) {
            DomainEventMessage<?> first = stream.next();
            if (first.getPayload() instanceof IntroductionProposedEvent proposed) {
                return List.of(proposed.actorId(), proposed.partnerActorId());
            }
        }
        return null;
    }
}
