package fr.labos.partenariats.matchmaking.projection;

import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorContactErasedEvent;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/**
 * The matching projection's write side: applies profile events to the {@code actors}, {@code needs} and
 * {@code offers} documents, idempotently, and tells its {@link ProjectionObserver}s (the matching index) what each
 * document has become.
 *
 * <p>Every write is one conditional upsert, "this document, if its stored sequence is below the event's": a
 * redelivered or older event matches nothing and changes nothing, and no read-then-write race exists between two
 * consumers during a rebalance. Documents are upserted by any event, not only by registrations, because a post may
 * arrive before its actor (other partition) and matching joins them at query time.
 *
 * <p>The projection "opens" once ({@link #open()}), before its first event: if a rebuild from the topic was asked
 * for ({@code matchmaking.projection.rebuild-from-topic}), it empties its collections (the consumer replays the topic
 * from offset 0); then every observer reads the projection as it stands.
 */
@Component
public class MatchingProjection {

    private static final Logger log = LoggerFactory.getLogger(MatchingProjection.class);
    private static final FindAndModifyOptions UPSERT_RETURNING_NEW = FindAndModifyOptions.options().upsert(true).returnNew(true);
    private static final FindAndModifyOptions UPDATE_RETURNING_NEW = FindAndModifyOptions.options().returnNew(true);

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
     * Opens the projection for business, once: empties it if a rebuild from the topic was asked for, then lets every
     * observer load it. Called before the first event is applied, and at start-up so that an idle topic does not leave
     * observers empty. Throws if MongoDB cannot be reached; the caller retries.
     */
    public synchronized void open() {
        if (open) {
            return;
        }
        if (rebuildFromTopic && !emptiedForRebuild) {
            log.warn("Rebuilding the matching projection from the topic: emptying {}, {} and {}",
                    ActorEntry.COLLECTION, PostKind.NEED.collection(), PostKind.OFFER.collection());
            for (String collection : List.of(ActorEntry.COLLECTION, PostKind.NEED.collection(), PostKind.OFFER.collection())) {
                mongo.dropCollection(collection);
            }
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

    /** Applies one event; {@link EventOutcome#DUPLICATE} when its sequence was already applied to the document. */
    public EventOutcome apply(ProfileEvent event) {
        if (!open) {
            open();
        }
        Object payload = event.payload();
        if (payload instanceof ActorRegisteredEvent e) {
            return applyToActor(e.actorId(), event, actorProfile(e.name(), e.type(), e.homeTerritory(), e.themes(), e.sdgs(), e.description())
                    .set("registeredAt", e.registeredAt()));
        }
        if (payload instanceof ActorProfileUpdatedEvent e) {
            return applyToActor(e.actorId(), event, actorProfile(e.name(), e.type(), e.homeTerritory(), e.themes(), e.sdgs(), e.description()));
        }
        if (payload instanceof ActorContactErasedEvent e) {
            // The projection never holds contact details; the event still moves the sequence on.
            return applyToActor(e.actorId(), event, new Update());
        }
        if (payload instanceof NeedRegisteredEvent e) {
            return applyToPost(PostKind.NEED, e.needId(), event, registered(e.actorId(), e.details()).set("registeredAt", e.registeredAt()));
        }
        if (payload instanceof NeedUpdatedEvent e) {
            return applyToPost(PostKind.NEED, e.needId(), event, updated(e.actorId(), e.details()));
        }
        if (payload instanceof NeedWithdrawnEvent e) {
            return applyToPost(PostKind.NEED, e.needId(), event, closed(e.actorId(), PostStatus.WITHDRAWN).set("closedAt", e.withdrawnAt()));
        }
        if (payload instanceof NeedFulfilledEvent e) {
            return applyToPost(PostKind.NEED, e.needId(), event, closed(e.actorId(), PostStatus.FULFILLED).set("closedAt", e.fulfilledAt()));
        }
        if (payload instanceof OfferRegisteredEvent e) {
            return applyToPost(PostKind.OFFER, e.offerId(), event, registered(e.actorId(), e.details()).set("registeredAt", e.registeredAt()));
        }
        if (payload instanceof OfferUpdatedEvent e) {
            return applyToPost(PostKind.OFFER, e.offerId(), event, updated(e.actorId(), e.details()));
        }
        if (payload instanceof OfferWithdrawnEvent e) {
            return applyToPost(PostKind.OFFER, e.offerId(), event, closed(e.actorId(), PostStatus.WITHDRAWN).set("closedAt", e.withdrawnAt()));
        }
        // In the catalog but not handled here: nothing in the matcher depends on it.
        return EventOutcome.UNKNOWN_TYPE;
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

    private EventOutcome applyToActor(String actorId, ProfileEvent event, Update update) {
        Written<ActorEntry> written = conditionalUpsert(ActorEntry.COLLECTION, ActorEntry.class, actorId, event, update);
        if (written.document() != null) {
            observers.forEach(observer -> observer.actorChanged(written.document()));
        }
        return written.outcome();
    }

    private EventOutcome applyToPost(PostKind kind, String postId, ProfileEvent event, Update update) {
        Written<PostEntry> written = conditionalUpsert(kind.collection(), PostEntry.class, postId, event, update);
        if (written.document() != null) {
            observers.forEach(observer -> observer.postChanged(kind, written.document()));
        }
        return written.outcome();
    }

    private record Written<T>(EventOutcome outcome, T document) {
    }

    private <T> Written<T> conditionalUpsert(String collection, Class<T> type, String id, ProfileEvent event, Update update) {
        if (id == null) {
            throw new MalformedEventException(event.type() + " carries no aggregate id");
        }
        update.set("sequence", event.sequence()).set("lastEventAt", event.timestamp());
        Query newer = Query.query(Criteria.where("_id").is(id).and("sequence").lt(event.sequence()));
        try {
            return new Written<>(EventOutcome.APPLIED, mongo.findAndModify(newer, update, UPSERT_RETURNING_NEW, type, collection));
        } catch (DuplicateKeyException documentHoldsThisSequenceOrLater) {
            // The filter missed because the stored sequence is >= ours (so the upsert tried to insert a second _id),
            // or because a concurrent consumer inserted it first: one plain conditional update tells which.
            T changed = mongo.findAndModify(newer, update, UPDATE_RETURNING_NEW, type, collection);
            if (changed != null) {
                return new Written<>(EventOutcome.APPLIED, changed);
            }
            // Observers hear of duplicates too: if a notification failed after the write, the retry heals it.
            return new Written<>(EventOutcome.DUPLICATE, observers.isEmpty() ? null : mongo.findById(id, type, collection));
        }
    }
}
