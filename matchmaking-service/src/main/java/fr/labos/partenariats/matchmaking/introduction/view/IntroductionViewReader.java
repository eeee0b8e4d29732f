package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.dashboard.ValuesOfNewerReleases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(IntroductionViewReader.class);

    private final ViewsOfAnyRelease views;

    IntroductionViewReader(MongoTemplate mongo) {
        this.views = new ViewsOfAnyRelease(mongo, new ValuesOfNewerReleases(LOG));
    }

    Optional<IntroductionView> find(String introductionId) {
        return views.findById(introductionId);
    }

    /** The introductions the actor is a side of. */
    List<IntroductionView> involving(String actorId) {
        Map<String, IntroductionView> views = new LinkedHashMap<>();
        // Two queries on one field each rather than one $or: each uses its own index in MongoDB.
        for (String side : List.of("actorId", "partnerActorId")) {
            Query query = Query.query(Criteria.where(side).is(actorId));
            this.views.find(query).forEach(view -> views.putIfAbsent(view.id, view));
        }
        return List.copyOf(views.values());
    }
}
