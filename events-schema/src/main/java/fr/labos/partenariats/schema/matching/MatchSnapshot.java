package fr.labos.partenariats.schema.matching;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The matcher's score of a pair as it was when the introduction was proposed, frozen so that the history shows the
 * grounds of the proposal even after the model or the posts change.
 *
 * @param modelVersion the version of the complementarity model that computed the score
 * @param score        the score in [0, 1]
 * @param components   the score's components by name, in the vocabulary of that model version (a map rather than
 *                     fixed fields, because later model versions may add or drop components)
 * @param sentence     the French sentence that explained the pair
 */
public record MatchSnapshot(String modelVersion, double score, Map<String, Double> components, String sentence) {

    public MatchSnapshot {
        // Sorted, so that the JSON form (and every hash over it) does not depend on the caller's map.
        components = components == null ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(components));
    }
}
