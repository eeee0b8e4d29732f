package fr.labos.partenariats.matchmaking.introduction.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link OpenPairs} in a map, for the aggregate tests: which introduction holds which pair. */
final class OpenPairsInMemory implements OpenPairs {

    private final Map<Set<String>, String> introductionByPair = new HashMap<>();

    @Override
    public void claim(String introductionId, String actorId, String partnerActorId) {
        String open = introductionByPair.putIfAbsent(Set.of(actorId, partnerActorId), introductionId);
        if (open != null) {
            throw new PairAlreadyInIntroduction(open, actorId, partnerActorId);
        }
    }

    @Override
    public void release(String introductionId) {
        introductionByPair.values().remove(introductionId);
    }

    @Override
    public Optional<String> waitingIn(String actorId, String partnerActorId) {
        return Optional.ofNullable(introductionByPair.get(Set.of(actorId, partnerActorId)));
    }
}
