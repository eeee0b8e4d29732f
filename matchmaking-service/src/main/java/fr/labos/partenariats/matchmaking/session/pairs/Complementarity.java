package fr.labos.partenariats.matchmaking.session.pairs;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.index.Partner;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The actor-to-actor complementarity of the matching engine, for one pair: the better of its two directions (the
 * partner score of B for A and of A for B), with its French sentence. Also what a speed meeting's introduction keeps
 * of a meeting one side alone wished, in place of the wish.
 */
public record Complementarity(double score, String sentence) {

    static final Complementarity NONE =
            new Complementarity(0, "Pas de complémentarité connue entre leurs besoins et offres.");

    public static Complementarity of(MatchingEngine engine, String actorId, String partnerActorId, LocalDate today) {
        Optional<Partner> forward = engine.weight(actorId, partnerActorId, today, 1);
        Optional<Partner> backward = engine.weight(partnerActorId, actorId, today, 1);
        Partner best = null;
        for (Optional<Partner> direction : List.of(forward, backward)) {
            if (direction.isPresent() && (best == null || direction.get().score() > best.score())) {
                best = direction.get();
            }
        }
        if (best == null || best.score() <= 0) return NONE;
        return new Complementarity(best.score(), best.sentence());
    }
}
