package fr.labos.partenariats.matchmaking.matching;

import java.util.List;
import java.util.Map;

/**
 * Everything a ranking looks at: the open needs and offers of the territory and the actors behind them. Posts whose
 * actor is missing from {@code actors} (its profile has not arrived yet) still take part, as an unknown actor.
 */
public record MatchingPool(Map<String, Actor> actors, List<Post> needs, List<Post> offers) {

    public MatchingPool {
        actors = Map.copyOf(actors);
        needs = List.copyOf(needs);
        offers = List.copyOf(offers);
    }

    Actor actor(String id) {
        Actor actor = actors.get(id);
        return actor != null ? actor : Actor.unknown(id);
    }
}
