package fr.labos.partenariats.matchmaking.introduction.view;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Collection;
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
        return involvingAnyOf(List.of(actorId));
    }

    /** The introductions at least one of these actors is a side of. */
    List<IntroductionView> involvingAnyOf(Collection<String> actorIds) {
        Map<String, IntroductionView> views = new LinkedHashMap<>();
        for (String side : List.of("actorId", "partnerActorId")) {
            // Two queries on one field each rather than one $or: each uses its own index, in MongoDB as in its stand-in.
            Query query = Query.query(Criteria.where(side).in(actorIds));
            mongo.find(query, IntroductionView.class).forEach(view -> views.putIfAbsent(view.id, view));
        }
        return List.copyOf(views.values());
    }

    /** Every introduction of the lab. */
    List<IntroductionView> all() {
        return mongo.findAll(IntroductionView.class);
    }
}
