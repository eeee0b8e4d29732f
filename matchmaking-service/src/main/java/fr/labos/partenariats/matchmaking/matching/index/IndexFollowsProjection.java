package fr.labos.partenariats.matchmaking.matching.index;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.PostEntry;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.matchmaking.projection.ProfileEvent;
import fr.labos.partenariats.matchmaking.projection.ProjectionObserver;
import fr.labos.partenariats.matchmaking.projection.ProjectionPositions;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.matchmaking.projection.kafka.ProfileEventTail;
import fr.labos.partenariats.schema.common.LabCalendar;
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
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Keeps this instance's matching index in step with the whole projection, whichever instance writes which partition:
 * loaded from MongoDB when the projection opens (at start, so a restart needs no full Kafka replay), then fed by every
 * partition of the topic ({@link ProfileEventTail}, no consumer group) from the positions the projection had reached
 * before the documents were read. The documents are at least as recent as those positions (a position is written
 * after its documents), so no change is missed; one already loaded comes again and is ignored by its sequence.
 *
 * <p>A change reaches rankings as soon as this instance reads it from Kafka, independently of the MongoDB write.
 */
@Component
class IndexFollowsProjection implements ProjectionObserver {

    private static final Logger log = LoggerFactory.getLogger(IndexFollowsProjection.class);

    private final MatchingIndex index;
    private final Clock clock;
    private final ProjectionPositions positions;
    private final ProfileEventTail tail;

    IndexFollowsProjection(MatchingIndex index, Clock clock, ProjectionPositions positions, ProfileEventTail tail) {
        this.index = index;
        this.clock = clock;
        this.positions = positions;
        this.tail = tail;
    }

    @Override
    public void reload(ProjectionReader projection) {
        long started = System.nanoTime();
        tail.stop();
        // Positions first, documents second: the documents then hold at least everything before the positions.
        Map<Integer, Long> from = positions.read(tail.topic());
        index.beginLoad();
        List<ActorEntry> actors = projection.allActors();
        for (ActorEntry actor : actors) {
            index.putActor(actor.id(), actor.name(), actor.type(), actor.sequence());
        }
        LocalDate today = LabCalendar.today(clock);
        for (PostKind kind : PostKind.values()) {
            index.putAll(projection.open(kind, today).stream().map(post -> content(kind, post)).toList());
        }
        MatchingIndex.Statistics statistics = index.statistics();
        log.info("Matching index loaded from the projection in {} ms: {} needs, {} offers, {} actors; following the topic from {}",
                (System.nanoTime() - started) / 1_000_000, statistics.needs(), statistics.offers(), statistics.actors(), from);
        if (from.isEmpty()) {
            // No position: the projection is being rebuilt from the topic (its documents just dropped), or this is its
            // first start. The documents hold nothing yet; the index is ready once it has read what the topic held —
            // until then a ranking is a 503 « chargement », never a 404 for a post that exists.
            tail.follow(from, this::apply, () -> {
                // The topic holds every post ever registered: those expired are let go before the first ranking, so
                // that the text statistics count the posts open today, as after a load from the documents.
                index.purgeExpired(LabCalendar.today(clock));
                index.markReady();
                log.info("Matching index caught up with {}: {}", tail.topic(), index.statistics());
            });
        } else {
            index.markReady();
            tail.follow(from, this::apply);
        }
    }

    /** One event of the topic, as the projection applies it to its documents. */
    void apply(ProfileEvent event) {
        Object payload = event.payload();
        if (payload instanceof ActorRegisteredEvent e && e.actorId() != null) {
            index.putActor(e.actorId(), e.name(), e.type(), event.sequence());
        } else if (payload instanceof ActorProfileUpdatedEvent e && e.actorId() != null) {
            index.putActor(e.actorId(), e.name(), e.type(), event.sequence());
        } else if (payload instanceof NeedRegisteredEvent e) {
            put(PostKind.NEED, e.needId(), e.actorId(), e.details(), event);
        } else if (payload instanceof NeedUpdatedEvent e) {
            // profile-service refuses to update a closed post, so an update never reopens one.
            put(PostKind.NEED, e.needId(), e.actorId(), e.details(), event);
        } else if (payload instanceof NeedWithdrawnEvent e) {
            remove(PostKind.NEED, e.needId(), event);
        } else if (payload instanceof NeedFulfilledEvent e) {
            remove(PostKind.NEED, e.needId(), event);
        } else if (payload instanceof OfferRegisteredEvent e) {
            put(PostKind.OFFER, e.offerId(), e.actorId(), e.details(), event);
        } else if (payload instanceof OfferUpdatedEvent e) {
            put(PostKind.OFFER, e.offerId(), e.actorId(), e.details(), event);
        } else if (payload instanceof OfferWithdrawnEvent e) {
            remove(PostKind.OFFER, e.offerId(), event);
        }
        // ActorContactErased: the index holds no contact details.
    }

    private void put(PostKind kind, String id, String actorId, PostDetails details, ProfileEvent event) {
        if (id != null && actorId != null && details != null) {
            // The projection stores the event's timestamp as lastEventAt, which a reload reads as the writing time.
            index.put(new MatchingIndex.PostContent(kind, id, actorId, details, event.sequence(), event.timestamp()));
        }
    }

    private void remove(PostKind kind, String id, ProfileEvent event) {
        if (id != null) {
            index.remove(kind, id, event.sequence());
        }
    }

    private static MatchingIndex.PostContent content(PostKind kind, PostEntry post) {
        // An open post's last event is its registration or its latest update: when its content was last written.
        Instant writtenAt = post.lastEventAt() != null ? post.lastEventAt() : post.registeredAt();
        return new MatchingIndex.PostContent(kind, post.id(), post.actorId(), post.details(), post.sequence(), writtenAt);
    }
}
