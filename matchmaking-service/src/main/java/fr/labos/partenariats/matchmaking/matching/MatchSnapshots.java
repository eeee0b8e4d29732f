package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.matchmaking.engine.model.Components;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.schema.matching.MatchSnapshot;

import java.util.LinkedHashMap;
import java.util.Map;

/** A pair as the matcher scores it now, frozen into the {@link MatchSnapshot} a proposal carries. */
public final class MatchSnapshots {

    private MatchSnapshots() {
    }

    /** The pair's score, its components by name, its French sentence and the model version. */
    public static MatchSnapshot of(Match match) {
        Components c = match.components();
        Map<String, Double> components = new LinkedHashMap<>();
        components.put("category", c.category());
        components.put("territory", c.territory());
        components.put("purpose", c.purpose());
        components.put("description", c.description());
        components.put("crossFamily", c.crossFamily());
        components.put("reciprocity", c.reciprocity());
        components.put("freshness", c.freshness());
        return new MatchSnapshot(match.modelVersion(), match.score(), components, match.sentence());
    }
}
