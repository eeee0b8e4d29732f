package fr.labos.partenariats.matchmaking.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Indexes for the reads of the matcher (open posts, an actor's posts). Idempotent, so it runs at every start.
 * mongo-java-server accepts and ignores non-unique indexes; a real MongoDB uses them.
 */
@Component
class ProjectionIndexes {

    private static final Logger log = LoggerFactory.getLogger(ProjectionIndexes.class);

    private final MongoTemplate mongo;

    ProjectionIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        try {
            for (PostKind kind : PostKind.values()) {
                mongo.indexOps(kind.collection()).ensureIndex(new Index().on("status", Sort.Direction.ASC).on(PostEntry.VALID_UNTIL_DAY, Sort.Direction.ASC));
                mongo.indexOps(kind.collection()).ensureIndex(new Index().on("actorId", Sort.Direction.ASC));
            }
        } catch (RuntimeException e) {
            // Indexes only speed reads up: a MongoDB unreachable at start must not stop the service, which the
            // health endpoint reports and the consumer's retries wait out. The next start creates them.
            log.warn("Could not ensure the projection's indexes: {}", e.toString());
        }
    }
}
