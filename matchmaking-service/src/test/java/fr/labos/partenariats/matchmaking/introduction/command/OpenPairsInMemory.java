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
        // As the table: a row already there, even this introduction's own, is a refusal.
        String holder = introductionByPair.putIfAbsent(Set.of(actorId, partnerActorId), introductionId);
        if (holder != null) {
            throw new PairAlreadyInIntroduction(holder, actorId, partnerActorId);
        }
    }

    @Override
    public boolean claimIfFree(String introductionId, String actorId, String partnerActorId) {
        String holder = introductionByPair.putIfAbsent(Set.of(actorId, partnerActorId), introductionId);
        return holder == null || holder.equals(introductionId);
    }

    @Override
    public void release(String introductionId) {
        introductionByPair.values().remove(introductionId);
    }

    @Override
    public Optional<String> claimedBy(String actorId, String partnerActorId) {
        return Optional.ofNullable(introductionByPair.get(Set.of(actorId, partnerActorId)));
    }
}
