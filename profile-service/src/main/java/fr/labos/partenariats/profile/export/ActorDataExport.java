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
import fr.labos.partenariats.schema.profile.ManagersOnly;
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
 * (closed ones too), members, and the history of its events with who acted in which role. For a member who does not
 * manage the actor's members, the history leaves out the invitations, which only those who manage them read, and the
 * document says so ({@link Withheld}).
 */
@Component
class ActorDataExport {

    /**
     * The events only those who manage the actor's members may read ({@link ManagersOnly}: the invitations, as
     * {@code GET /api/actors/{id}/invitations} is theirs only).
     */
    static final List<Class<?>> MANAGERS_ONLY = EventCatalog.managersOnlyEvents();

    static final String INVITATIONS_WITHHELD = "Les invitations de l'acteur (qui a invité un collègue, quand, jusqu'à"
            + " quand, lesquelles ont été retirées, quel code a servi à qui) ne figurent pas dans cet historique : elles"
            + " sont réservées à ses responsables, aux animateurs de son territoire et aux administrateurs, et vous en"
            + " êtes membre, pas responsable. Leur absence ne signifie pas qu'il n'y en a pas eu.";

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

    /**
     * @param managesMembers whether the reader may manage the actor's members; if not, the invitations are left out
     */
    Export of(ActorView actor, boolean managesMembers) {
        List<PostView> needs = posts.listForActor(PostKind.NEED, actor.id(), true);
        List<PostView> offers = posts.listForActor(PostKind.OFFER, actor.id(), true);
        List<String> aggregates = new ArrayList<>();
        aggregates.add(actor.id());
        Stream.concat(needs.stream(), offers.stream()).map(PostView::id).forEach(aggregates::add);
        // The sequence numbers stay the event store's, gaps included: renumbering would make the history name events
        // by numbers the store gives others, and the gaps are where the events the document says it leaves out were.
        List<HistoryEntry> history = aggregates.stream()
                .flatMap(id -> eventStore.readEvents(id).asStream())
                .filter(event -> managesMembers || !MANAGERS_ONLY.contains(event.getPayloadType()))
                .map(ActorDataExport::entry)
                .sorted(Comparator.comparing(HistoryEntry::occurredAt).thenComparing(HistoryEntry::aggregateId)
                        .thenComparingLong(HistoryEntry::sequence))
                .toList();
        Withheld withheld = managesMembers ? null
                : new Withheld(MANAGERS_ONLY.stream().map(EventCatalog::typeName).toList(), INVITATIONS_WITHHELD);
        return new Export(clock.instant(), actor, contacts.find(actor.id()).orElse(null), needs, offers,
                memberships.membersOf(actor.id()), history, withheld);
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(event.getTimestamp(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                EventCatalog.typeName(event.getPayloadType()),
                (String) event.getMetaData().get(PrincipalMetadata.ROLE),
                (String) event.getMetaData().get(PrincipalMetadata.ACTING_FOR),
                event.getPayload());
    }

    /**
     * The export document.
     *
     * @param withheld what the history leaves out for this reader; absent when it holds every event
     */
    record Export(Instant exportedAt, ActorView profile, ContactDetails contact, List<PostView> needs,
                  List<PostView> offers, List<Memberships.Member> members, List<HistoryEntry> history,
                  Withheld withheld) {
    }

    /**
     * One event about the actor or one of its posts: when, what, and in which role the principal acted (who it was is
     * a pseudonymous id kept out of the export, as it is someone else's).
     */
    record HistoryEntry(Instant occurredAt, String aggregateId, long sequence, String type, String principalRole,
                        String actingFor, Object event) {
    }

    /**
     * The kinds of events left out of the history, and why, in French like the rest of what the reader is told.
     *
     * @param eventTypes the type names of the events left out, as {@link HistoryEntry#type()} names them
     * @param note       why, and that their absence does not mean there were none
     */
    record Withheld(List<String> eventTypes, String note) {
    }
}
