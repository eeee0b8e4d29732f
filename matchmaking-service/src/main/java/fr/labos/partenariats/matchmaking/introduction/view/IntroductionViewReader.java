package fr.labos.partenariats.matchmaking.introduction.view;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the introduction views: one with its timeline, or every introduction an actor is a side of. */
@Component
class IntroductionViewReader {

    private final MongoTemplate mongo;

    IntroductionViewReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<IntroductionView> find(String introductionId) {
        return Optional.ofNullable(mongo.findById(introductionId, IntroductionView.class));
    }

    /** The introductions the actor is a side of. */
    List<IntroductionView> involving(String actorId) {
        Map<String, IntroductionView> views = new LinkedHashMap<>();
        // Two queries on one field each rather than one $or: each uses its own index in MongoDB.
        for (String side : List.of("actorId", "partnerActorId")) {
            Query query = Query.query(Criteria.where(side).is(actorId));
            mongo.find(query, IntroductionView.class).forEach(view -> views.putIfAbsent(view.id, view));
        }
        return List.copyOf(views.values());
    }
}
