package fr.labos.partenariats.matchmaking.projection;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code mongo} entry of {@code /actuator/health}, in place of Spring Boot's: Boot's asks {@code hello}, a command
 * mongo-java-server (tests, local runs) does not know, so it reported DOWN against a perfectly working store. This
 * one pings the projection's database, which a real MongoDB and mongo-java-server both answer.
 */
@Component("mongoHealthIndicator")
class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document ping = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", ping.get("ok"));
    }
}
