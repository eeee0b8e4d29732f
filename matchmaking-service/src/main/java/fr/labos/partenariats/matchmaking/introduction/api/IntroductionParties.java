package fr.labos.partenariats.matchmaking.introduction.api;

import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The two actors of an introduction, read from its first event in the event store, so that the API can decide who
 * may act on it before sending a command; an id that names no introduction is a 404.
 */
@Component
class IntroductionParties {

    private final EventStore events;

    IntroductionParties(EventStore events) {
        this.events = events;
    }

    /** The introduction's actors, the one it was proposed for first; throws {@link IntroductionNotFound}. */
    List<String> of(String introductionId) {
        DomainEventStream stream = events.readEvents(introductionId, 0);
        if (stream.hasNext()) {
            DomainEventMessage<?> first = stream.next();
            if (first.getPayload() instanceof IntroductionProposedEvent proposed) {
                return List.of(proposed.actorId(), proposed.partnerActorId());
            }
        }
        throw new IntroductionNotFound(introductionId);
    }
}
