package fr.labos.partenariats.matchmaking.introduction.api;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.model.Components;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.matching.IndexNotReadyException;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the matcher says of a pair of actors right now, frozen into a proposal: the need/offer pairs it proposes
 * between them and, for the best of those asked for, its score, components, French sentence and model version.
 */
@Component
class MatcherGrounds {

    /** How many of the matcher's best pairs a proposal rests on when the caller names none. */
    static final int DEFAULT_PAIRS = 3;
    /** How many pairs between two actors the matcher is asked for, to find the ones a caller names. */
    private static final int PAIRS_LOOKED_AT = 50;

    private final MatchingEngine engine;
    private final Clock clock;
    private final Duration readyTimeout;

    MatcherGrounds(MatchingEngine engine, Clock clock,
                   @Value("${matchmaking.index.ready-timeout:5s}") Duration readyTimeout) {
        this.engine = engine;
        this.clock = clock;
        this.readyTimeout = readyTimeout;
    }

    /** The pairs behind a proposal and the snapshot of the best of them. */
    record Grounds(List<NeedOfferPair> pairs, MatchSnapshot match) {
    }

    /**
     * The grounds of an actor's request: the pairs asked for, each of which the matcher must propose between the two
     * actors today, or the matcher's best pairs if none is named; throws {@link PairNotProposed} otherwise.
     */
    Grounds required(String actorId, String partnerId, List<NeedOfferPair> asked) {
        return find(actorId, partnerId, asked).orElseThrow(() -> new PairNotProposed(actorId, partnerId));
    }

    /**
     * The grounds of a facilitator's proposal: as {@link #required} when pairs are named; otherwise the matcher's
     * best pairs if it proposes any, or none at all (an intermediation may rest on the facilitator's knowledge alone).
     */
    Grounds optional(String actorId, String partnerId, List<NeedOfferPair> asked) {
        if (!asked.isEmpty()) {
            return required(actorId, partnerId, asked);
        }
        return find(actorId, partnerId, asked).orElse(new Grounds(List.of(), null));
    }

    private Optional<Grounds> find(String actorId, String partnerId, List<NeedOfferPair> asked) {
        if (!engine.awaitReady(readyTimeout)) {
            throw new IndexNotReadyException();
        }
        Optional<Partner> partner = engine.weight(actorId, partnerId, LocalDate.now(clock), PAIRS_LOOKED_AT);
        if (partner.isEmpty() || partner.get().pairs().isEmpty()) {
            return Optional.empty();
        }
        List<Match> proposed = partner.get().pairs();
        List<Match> chosen;
        if (asked.isEmpty()) {
            chosen = proposed.subList(0, Math.min(DEFAULT_PAIRS, proposed.size()));
        } else {
            chosen = asked.stream().map(pair -> proposed.stream()
                    .filter(m -> m.need().id().equals(pair.needId()) && m.offer().id().equals(pair.offerId()))
                    .findFirst().orElse(null)).toList();
            if (chosen.contains(null)) {
                return Optional.empty();
            }
        }
        Match best = chosen.stream().max((a, b) -> Double.compare(a.score(), b.score())).orElseThrow();
        return Optional.of(new Grounds(chosen.stream().map(m -> new NeedOfferPair(m.need().id(), m.offer().id()))
                .distinct().toList(), snapshot(best)));
    }

    private static MatchSnapshot snapshot(Match match) {
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
