package fr.labos.partenariats.matchmaking.projection;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * How far the projection has got in each partition of its topic, kept in the read store itself (collection
 * {@value #COLLECTION}): the offset of the next record to apply. Written after the documents of the records it covers,
 * so a store that loses its last writes loses the position with them and the records are applied again (idempotently,
 * by aggregate sequence). The consumer resumes from here; Kafka's committed offsets are only advisory.
 */
@Component
public class ProjectionPositions {

    public static final String COLLECTION = "projectionPositions";

    private final MongoTemplate mongo;
    private final String collection;

    @Autowired
    public ProjectionPositions(MongoTemplate mongo) {
        this(mongo, COLLECTION);
    }

    /**
     * Positions kept in a collection of their own, for another read model: each read model drops its own positions
     * with its documents when it is rebuilt, and only those.
     */
    public ProjectionPositions(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** The collection holding these positions. */
    public String collection() {
        return collection;
    }

    /** Next offset to apply, by partition of {@code topic}; a partition absent has had nothing applied. */
    public Map<Integer, Long> read(String topic) {
        Map<Integer, Long> next = new HashMap<>();
        for (Document position : mongo.getCollection(collection).find(new Document("topic", topic))) {
            next.put(position.getInteger("partition"), ((Number) position.get("next")).longValue());
        }
        return next;
    }

    /** Records that everything before these offsets is applied. Call only once the documents are written. */
    public void save(String topic, Map<Integer, Long> next) {
        if (next.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        next.forEach((partition, offset) -> bulk.upsert(
                Query.query(Criteria.where("_id").is(topic + "/" + partition)),
                new Update().set("topic", topic).set("partition", partition).set("next", offset)));
        bulk.execute();
    }
}
