package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link LastingPairs} in a map, for the aggregate tests: which introduction sets which pair aside, and why. */
final class LastingPairsInMemory implements LastingPairs {

    private record Row(Set<String> pair, ExclusionReason reason) {
    }

    private final Map<String, Row> byIntroduction = new LinkedHashMap<>();

    @Override
    public void setAside(String introductionId, String actorId, String partnerActorId, ExclusionReason reason) {
        byIntroduction.put(introductionId, new Row(Set.of(actorId, partnerActorId), reason));
    }

    @Override
    public void clear(String introductionId) {
        byIntroduction.remove(introductionId);
    }

    @Override
    public Optional<IntroducedPairs.SetAside> between(String actorId, String partnerActorId) {
        return byIntroduction.entrySet().stream()
                .filter(row -> row.getValue().pair().equals(Set.of(actorId, partnerActorId)))
                .map(row -> new IntroducedPairs.SetAside(row.getValue().reason(), row.getKey()))
                .min(Comparator.comparing(IntroducedPairs.SetAside::reason));
    }

    @Override
    public Map<String, Set<String>> partnersSetAsideOf(Collection<String> actorIds) {
        Map<String, Set<String>> partners = new HashMap<>();
        for (Row row : byIntroduction.values()) {
            for (String actorId : row.pair()) {
                if (actorIds.contains(actorId)) {
                    row.pair().stream().filter(other -> !other.equals(actorId))
                            .forEach(other -> partners.computeIfAbsent(actorId, id -> new HashSet<>()).add(other));
                }
            }
        }
        return partners;
    }
}
