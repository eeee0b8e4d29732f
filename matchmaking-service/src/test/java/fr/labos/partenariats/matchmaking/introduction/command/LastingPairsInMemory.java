package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;

import java.util.Comparator;
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
}
