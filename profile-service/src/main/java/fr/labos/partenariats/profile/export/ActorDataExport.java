package fr.labos.partenariats.profile.export;

import fr.labos.partenariats.profile.access.Memberships;
import fr.labos.partenariats.profile.actor.command.ContactVault;
import fr.labos.partenariats.profile.actor.query.ActorView;
import fr.labos.partenariats.profile.post.query.PostKind;
import fr.labos.partenariats.profile.post.query.PostProjection;
import fr.labos.partenariats.profile.post.query.PostView;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.profile.ContactDetails;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything profile-service holds about an actor, for GDPR portability: its profile, contact person, needs and offers
 * (closed ones too), members, and the history of its events with who acted in which role.
 */
@Component
class ActorDataExport {

    private final ContactVault contacts;
    private final PostProjection posts;
    private final Memberships memberships;
    private final EventStore eventStore;
    private final Clock clock;

    ActorDataExport(ContactVault contacts, PostProjection posts, Memberships memberships, EventStore eventStore,
                    Clock clock) {
        this.contacts = contacts;
        this.posts = posts;
        this.memberships = memberships;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    Export of(ActorView actor) {
        List<PostView> needs = posts.listForActor(PostKind.NEED, actor.id(), true);
        List<PostView> offers = posts.listForActor(PostKind.OFFER, actor.id(), true);
        List<String> aggregates = new ArrayList<>();
        aggregates.add(actor.id());
        Stream.concat(needs.stream(), offers.stream()).map(PostView::id).forEach(aggregates::add);
        List<HistoryEntry> history = aggregates.stream()
                .flatMap(id -> eventStore.readEvents(id).asStream())
                .map(ActorDataExport::entry)
                .sorted(Comparator.comparing(HistoryEntry::occurredAt).thenComparing(HistoryEntry::aggregateId)
                        .thenComparingLong(HistoryEntry::sequence))
                .toList();
        return new Export(clock.instant(), actor, contacts.find(actor.id()).orElse(null), needs, offers,
                memberships.membersOf(actor.id()), history);
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(event.getTimestamp(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                EventCatalog.typeName(event.getPayloadType()),
                (String) event.getMetaData().get(PrincipalMetadata.ROLE),
                (String) event.getMetaData().get(PrincipalMetadata.ACTING_FOR),
                event.getPayload());
    }

    /** The export document. */
    record Export(Instant exportedAt, ActorView profile, ContactDetails contact, List<PostView> needs,
                  List<PostView> offers, List<Memberships.Member> members, List<HistoryEntry> history) {
    }

    /**
     * One event about the actor or one of its posts: when, what, and in which role the principal acted (who it was is
     * a pseudonymous id kept out of the export, as it is someone else's).
     */
    record HistoryEntry(Instant occurredAt, String aggregateId, long sequence, String type, String principalRole,
                        String actingFor, Object event) {
    }
}
