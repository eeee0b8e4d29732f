package fr.labos.partenariats.matchmaking.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The matching projection's read side: open posts (standing and not expired) and the actors behind them. */
@Component
public class ProjectionReader {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionReader.class);

    private final MongoTemplate mongo;

    public ProjectionReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The post if it is open on {@code today}: not withdrawn, not fulfilled, not expired. */
    public Optional<PostEntry> findOpen(PostKind kind, String id, LocalDate today) {
        Query query = Query.query(openOn(today).and("_id").is(id));
        return Optional.ofNullable(mongo.findOne(query, PostEntry.class, kind.collection()));
    }

    /** Every post of that kind open on {@code today}. */
    public List<PostEntry> open(PostKind kind, LocalDate today) {
        return mongo.find(Query.query(openOn(today)), PostEntry.class, kind.collection());
    }

    public long countOpen(PostKind kind, LocalDate today) {
        return mongo.count(Query.query(openOn(today)), PostEntry.class, kind.collection());
    }

    /** The post whatever its status, tombstones included. */
    public Optional<PostEntry> find(PostKind kind, String id) {
        return Optional.ofNullable(mongo.findById(id, PostEntry.class, kind.collection()));
    }

    /** Every actor of the projection, whether or not it has open posts. */
    public List<ActorEntry> allActors() {
        return mongo.findAll(ActorEntry.class);
    }

    public Optional<ActorEntry> actor(String id) {
        return Optional.ofNullable(mongo.findById(id, ActorEntry.class));
    }

    /**
     * The names of the actors among {@code ids} the projection knows (one without a name left out), to say them in a
     * message in place of their ids; none when MongoDB cannot be read just then: a refusal is still answered, with the
     * ids, rather than turned into an error of its own.
     */
    public Map<String, String> namesForMessages(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, String> names = new HashMap<>();
            actors(ids).forEach((id, actor) -> {
                if (actor.name() != null) names.put(id, actor.name());
            });
            return names;
        } catch (RuntimeException unreadable) {
            LOG.debug("Actors' names not read for a message; said by their ids", unreadable);
            return Map.of();
        }
    }

    /** The actors known among {@code ids}; an actor whose profile has not arrived yet is simply absent. */
    public Map<String, ActorEntry> actors(Collection<String> ids) {
        Map<String, ActorEntry> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        mongo.find(Query.query(Criteria.where("_id").in(ids)), ActorEntry.class)
                .forEach(actor -> byId.put(actor.id(), actor));
        return byId;
    }

    private static Criteria openOn(LocalDate today) {
        // A post stands through the whole of its validUntil day. Compared as a number of days: ISO strings do not sort
        // as dates past year 9999 ("+99999-01-01" sorts before "2026-..."). Documents written before the numeric
        // field existed keep the string comparison, right for every four-digit year, until a rebuild rewrites them.
        return Criteria.where("status").is(PostStatus.OPEN).orOperator(
                Criteria.where("validUntil").is(null),
                Criteria.where(PostEntry.VALID_UNTIL_DAY).gte(today.toEpochDay()),
                new Criteria().andOperator(Criteria.where(PostEntry.VALID_UNTIL_DAY).exists(false),
                        Criteria.where("validUntil").gte(today.toString())));
    }
}
