package fr.labos.partenariats.matchmaking.projection;

import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorContactErasedEvent;
import fr.labos.partenariats.schema.profile.ActorInvitationRedeemedEvent;
import fr.labos.partenariats.schema.profile.ActorInvitationRevokedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberInvitedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import fr.labos.partenariats.schema.profile.ActorMemberRoleChangedEvent;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedFulfilledEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedUpdatedEvent;
import fr.labos.partenariats.schema.profile.NeedWithdrawnEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferUpdatedEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import fr.labos.partenariats.schema.profile.PostDetails;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matching projection's write side: applies profile events to the {@code actors}, {@code needs} and
 * {@code offers} documents, idempotently.
 *
 * <p>Every write is a conditional upsert, "this document, if its stored sequence is below the event's": a redelivered
 * or older event matches nothing and changes nothing, and no read-then-write race exists between two consumers during
 * a rebalance. Documents are upserted by any event, not only by registrations, because a post may arrive before its
 * actor (other partition) and matching joins them at query time. A batch of events is written in rounds, each round
 * holding at most one event per document (the first events of each document, then the second ones...), as one bulk
 * write per collection: a few round trips per batch instead of one per event.
 *
 * <p>The projection "opens" once ({@link #open()}), before its first event: if a rebuild from the topic was asked
 * for ({@code matchmaking.projection.rebuild-from-topic}), it empties its collections and its positions (the consumer
 * then replays the topic from offset 0); then every observer loads the projection as it stands.
 */
@Component
public class MatchingProjection {

    private static final Logger log = LoggerFactory.getLogger(MatchingProjection.class);
    private static final List<String> COLLECTIONS = List.of(ActorEntry.COLLECTION, PostKind.NEED.collection(), PostKind.OFFER.collection());

    private final MongoTemplate mongo;
    private final ProjectionReader reader;
    private final List<ProjectionObserver> observers;
    private final boolean rebuildFromTopic;
    private volatile boolean open;
    private boolean emptiedForRebuild;

    /** A projection nobody observes, e.g. in tests of the projection alone. */
    public MatchingProjection(MongoTemplate mongo) {
        this(mongo, List.of(), false);
    }

    @Autowired
    public MatchingProjection(MongoTemplate mongo, List<ProjectionObserver> observers,
                              @Value("${matchmaking.projection.rebuild-from-topic:false}") boolean rebuildFromTopic) {
        this.mongo = mongo;
        this.reader = new ProjectionReader(mongo);
        this.observers = List.copyOf(observers);
        this.rebuildFromTopic = rebuildFromTopic;
    }

    /**
     * Opens the projection for business, once: empties it (documents and positions) if a rebuild from the topic was
     * asked for, then lets every observer load it. Called before the first event is applied, and at start-up so that
     * an idle topic does not leave observers empty. Throws if MongoDB cannot be reached; the caller retries.
     */
    public synchronized void open() {
        if (open) {
            return;
        }
        if (rebuildFromTopic && !emptiedForRebuild) {
            log.warn("Rebuilding the matching projection from the topic: emptying {} and {}", COLLECTIONS, ProjectionPositions.COLLECTION);
            for (String collection : COLLECTIONS) {
                mongo.dropCollection(collection);
            }
            mongo.dropCollection(ProjectionPositions.COLLECTION);
            emptiedForRebuild = true;
        }
        for (ProjectionObserver observer : observers) {
            observer.reload(reader);
        }
        open = true;
    }

    public boolean isOpen() {
        return open;
    }

    /**
     * Throws {@link MalformedEventException} if the event cannot be applied whatever the number of attempts (no
     * aggregate id, missing content): such an event is to be parked, not retried.
     */
    public void check(ProfileEvent event) {
        plan(event);
    }

    /** Applies one event; {@link EventOutcome#DUPLICATE} when its sequence was already applied to the document. */
    public EventOutcome apply(ProfileEvent event) {
        return applyAll(List.of(event)).get(0);
    }

    /**
     * Applies events in their order (per document; documents are independent), each idempotently.
     *
     * @return the outcome of each event, in the order given
     * @throws MalformedEventException if one fails {@link #check}: check events before handing them over
     */
    public List<EventOutcome> applyAll(List<ProfileEvent> events) {
        if (!open) {
            open();
        }
        EventOutcome[] outcomes = new EventOutcome[events.size()];
        List<List<Write>> rounds = new ArrayList<>();
        Map<String, Integer> writesPerDocument = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Write write = plan(events.get(i));
            if (write == null) {
                outcomes[i] = EventOutcome.UNKNOWN_TYPE;
                continue;
            }
            int round = writesPerDocument.merge(write.collection() + "/" + write.id(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(write.at(i));
        }
        for (List<Write> round : rounds) {
            for (String collection : COLLECTIONS) {
                List<Write> writes = round.stream().filter(write -> write.collection().equals(collection)).toList();
                if (!writes.isEmpty()) {
                    writeRound(collection, writes, outcomes);
                }
            }
        }
        return List.of(outcomes);
    }

    /** One document's change: which document, and the update an event makes to it (sequence not yet set). */
    private record Write(String collection, String id, ProfileEvent event, Update update, int position) {

        Write at(int index) {
            return new Write(collection, id, event, update, index);
        }
    }

    /**
     * One bulk write of upserts, at most one per document. The stored sequences are read first (one query by id), and
     * the bulk holds only the events newer than their document, each upserted by id alone: a filter on id and sequence
     * together would be safer against a second writer of the same partition, but MongoDB's stand-in (mongo-java-server)
     * uses its id index only for a filter on the id alone, and scans the whole collection otherwise (measured: 50
     * events/s at 15,000 documents). The partition's consumer is the only writer of its aggregates; a zombie consumer
     * that lost its partitions finishes at most its current batch, which replays events the new owner also applies in
     * order. Should two writers insert the same new document at once, the round is written again one event at a time
     * with the conditional filter, each write telling its own outcome.
     */
    private void writeRound(String collection, List<Write> writes, EventOutcome[] outcomes) {
        Map<String, Long> stored = storedSequences(collection, writes);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        List<Write> newer = new ArrayList<>();
        for (Write write : writes) {
            Long sequence = stored.get(write.id());
            if (sequence != null && sequence >= write.event().sequence()) {
                outcomes[write.position()] = EventOutcome.DUPLICATE;
            } else {
                bulk.upsert(Query.query(Criteria.where("_id").is(write.id())), withSequence(write));
                newer.add(write);
            }
        }
        if (newer.isEmpty()) {
            return;
        }
        try {
            bulk.execute();
            newer.forEach(write -> outcomes[write.position()] = EventOutcome.APPLIED);
        } catch (BulkOperationException | DuplicateKeyException raced) {
            log.debug("A concurrent writer touched {} meanwhile; writing the round one event at a time", collection);
            newer.forEach(write -> outcomes[write.position()] = conditionalUpsert(write));
        }
    }

    private Map<String, Long> storedSequences(String collection, List<Write> writes) {
        Set<String> ids = new HashSet<>();
        writes.forEach(write -> ids.add(write.id()));
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("sequence");
        Map<String, Long> sequences = new HashMap<>();
        for (Document document : mongo.find(query, Document.class, collection)) {
            Object sequence = document.get("sequence");
            sequences.put(document.getString("_id"), sequence instanceof Number n ? n.longValue() : -1L);
        }
        return sequences;
    }

    private EventOutcome conditionalUpsert(Write write) {
        try {
            // Matched a document holding an older sequence, or inserted the first one: applied either way.
            mongo.upsert(newerThanStored(write), withSequence(write), write.collection());
            return EventOutcome.APPLIED;
        } catch (DuplicateKeyException documentHoldsThisSequenceOrLater) {
            // The filter missed because the stored sequence is >= ours (so the upsert tried to insert a second _id),
            // or because a concurrent consumer inserted it first: one plain conditional update tells which.
            return mongo.updateFirst(newerThanStored(write), withSequence(write), write.collection()).getModifiedCount() > 0
                    ? EventOutcome.APPLIED : EventOutcome.DUPLICATE;
        }
    }

    private static Query newerThanStored(Write write) {
        return Query.query(Criteria.where("_id").is(write.id()).and("sequence").lt(write.event().sequence()));
    }

    private static Update withSequence(Write write) {
        // A copy: a round written again one event at a time must not find the keys already set.
        Update update = Update.fromDocument(new Document(write.update().getUpdateObject()));
        return update.set("sequence", write.event().sequence()).set("lastEventAt", write.event().timestamp());
    }

    /** The write an event makes, or null for a type the matcher does not use. */
    private static Write plan(ProfileEvent event) {
        try {
            return planned(event);
        } catch (MalformedEventException e) {
            throw e;
        } catch (RuntimeException e) {
            // A field the contract requires is missing (a null where content must be): no retry can mend it.
            throw new MalformedEventException(event.type() + " cannot be applied: " + e, e);
        }
    }

    private static Write planned(ProfileEvent event) {
        Object payload = event.payload();
        if (payload instanceof ActorRegisteredEvent e) {
            return write(ActorEntry.COLLECTION, e.actorId(), event, actorProfile(e.name(), e.type(), e.homeTerritory(), e.themes(), e.sdgs(), e.description())
                    .set("registeredAt", e.registeredAt()));
        }
        if (payload instanceof ActorProfileUpdatedEvent e) {
            return write(ActorEntry.COLLECTION, e.actorId(), event, actorProfile(e.name(), e.type(), e.homeTerritory(), e.themes(), e.sdgs(), e.description()));
        }
        String unread = actorOfAnEventNothingHereReads(payload);
        if (unread != null) {
            return write(ActorEntry.COLLECTION, unread, event, new Update());
        }
        if (payload instanceof ActorMemberJoinedEvent e) {
            // Who may act for the actor in its introductions (matchmaking.access), besides the members its tokens name:
            // pseudonymous subjects only, added once however often the event is replayed.
            return write(ActorEntry.COLLECTION, e.actorId(), event, new Update().addToSet("members", e.memberSubject()));
        }
        if (payload instanceof ActorMemberLeftEvent e) {
            // The actor's events arrive in order (one partition per actor), so a removal follows the joining it ends.
            return write(ActorEntry.COLLECTION, e.actorId(), event, new Update().pull("members", e.memberSubject()));
        }
        if (payload instanceof NeedRegisteredEvent e) {
            return write(PostKind.NEED.collection(), e.needId(), event, registered(e.actorId(), e.details()).set("registeredAt", e.registeredAt()));
        }
        if (payload instanceof NeedUpdatedEvent e) {
            return write(PostKind.NEED.collection(), e.needId(), event, updated(e.actorId(), e.details()));
        }
        if (payload instanceof NeedWithdrawnEvent e) {
            return write(PostKind.NEED.collection(), e.needId(), event, closed(e.actorId(), PostStatus.WITHDRAWN).set("closedAt", e.withdrawnAt()));
        }
        if (payload instanceof NeedFulfilledEvent e) {
            return write(PostKind.NEED.collection(), e.needId(), event, closed(e.actorId(), PostStatus.FULFILLED).set("closedAt", e.fulfilledAt()));
        }
        if (payload instanceof OfferRegisteredEvent e) {
            return write(PostKind.OFFER.collection(), e.offerId(), event, registered(e.actorId(), e.details()).set("registeredAt", e.registeredAt()));
        }
        if (payload instanceof OfferUpdatedEvent e) {
            return write(PostKind.OFFER.collection(), e.offerId(), event, updated(e.actorId(), e.details()));
        }
        if (payload instanceof OfferWithdrawnEvent e) {
            return write(PostKind.OFFER.collection(), e.offerId(), event, closed(e.actorId(), PostStatus.WITHDRAWN).set("closedAt", e.withdrawnAt()));
        }
        // In the catalog but not handled here: nothing in the matcher depends on it.
        return null;
    }

    /**
     * The actor of an event that changes nothing the matcher or the access checks read, yet moves the actor's sequence
     * on as every event of the actor does: an erased contact (the projection never holds contact details), invitations
     * and members' roles (any member acts for the actor in its introductions). Null for any other event.
     */
    private static String actorOfAnEventNothingHereReads(Object payload) {
        if (payload instanceof ActorContactErasedEvent e) {
            return e.actorId();
        }
        if (payload instanceof ActorMemberRoleChangedEvent e) {
            return e.actorId();
        }
        if (payload instanceof ActorMemberInvitedEvent e) {
            return e.actorId();
        }
        if (payload instanceof ActorInvitationRedeemedEvent e) {
            return e.actorId();
        }
        return payload instanceof ActorInvitationRevokedEvent e ? e.actorId() : null;
    }

    private static Write write(String collection, String id, ProfileEvent event, Update update) {
        if (id == null || id.isBlank()) {
            throw new MalformedEventException(event.type() + " carries no aggregate id");
        }
        return new Write(collection, id, event, update, -1);
    }

    private static Update actorProfile(String name, Object type, String homeTerritory, Collection<Theme> themes,
                                       Collection<Sdg> sdgs, String description) {
        return new Update()
                .set("name", name)
                .set("type", type)
                .set("homeTerritory", homeTerritory)
                .set("themes", List.copyOf(themes))
                .set("sdgs", numbers(sdgs))
                .set("description", description);
    }

    private static Update registered(String actorId, PostDetails details) {
        return content(actorId, details).set("status", PostStatus.OPEN);
    }

    private static Update updated(String actorId, PostDetails details) {
        // An update changes content, never status: an update cannot reopen a closed post.
        return content(actorId, details).setOnInsert("status", PostStatus.OPEN);
    }

    private static Update closed(String actorId, PostStatus status) {
        return new Update().set("actorId", actorId).set("status", status);
    }

    private static Update content(String actorId, PostDetails details) {
        return new Update()
                .set("actorId", actorId)
                .set("category", details.category())
                .set("form", details.form())
                .set("title", details.title())
                .set("description", details.description())
                .set("themes", List.copyOf(details.themes()))
                .set("sdgs", numbers(details.sdgs()))
                .set("territoryCode", details.territory() == null ? null : details.territory().code())
                .set("territoryLevel", details.territory() == null ? null : details.territory().level())
                .set("validUntil", details.validUntil() == null ? null : details.validUntil().toString())
                .set(PostEntry.VALID_UNTIL_DAY, details.validUntil() == null ? null : details.validUntil().toEpochDay());
    }

    private static List<Integer> numbers(Collection<Sdg> sdgs) {
        return sdgs.stream().map(Sdg::number).toList();
    }
}
