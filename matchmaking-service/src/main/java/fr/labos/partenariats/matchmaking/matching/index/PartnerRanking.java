package fr.labos.partenariats.matchmaking.matching.index;

import fr.labos.partenariats.matchmaking.matching.model.Actor;
import fr.labos.partenariats.matchmaking.matching.model.ActorFeatures;
import fr.labos.partenariats.matchmaking.matching.model.ComplementarityModel;
import fr.labos.partenariats.matchmaking.matching.model.Match;
import fr.labos.partenariats.matchmaking.matching.model.PostFeatures;
import fr.labos.partenariats.matchmaking.matching.model.TermStatistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.labos.partenariats.matchmaking.matching.model.ExplanationSentence.label;
import static fr.labos.partenariats.matchmaking.matching.model.ExplanationSentence.nameOf;
import static fr.labos.partenariats.matchmaking.matching.model.ExplanationSentence.que;

/**
 * Actor-to-actor complementarity (DESIGN.md): the other actors ranked by aggregating every need/offer pair between
 * them and the actor, in both directions.
 *
 * <p>For a partner B of actor A, let {@code o} be the best score of a pair where B offers what A needs and {@code n}
 * the best score of a pair where B needs what A offers (0 when there is none). The partner's score is
 * {@code 1 - (1 - o)(1 - n)}: the chance that at least one direction works, if each pair's score were that chance.
 * It is in [0, 1], never lower than either direction alone, higher when the alliance is reciprocal (both directions
 * exist), and more posts in the same direction do not inflate it (an actor posting ten similar offers is not ten times
 * the partner). Ties are broken by actor id.
 *
 * <p>Runs under the index's read lock: one consistent state for every pair.
 */
final class PartnerRanking {

    private record Pair(ComplementarityModel.Ranking ranking, PostFeatures candidate, double score, boolean theyOffer) {
        String needId() {
            return theyOffer ? ranking.subject().id() : candidate.id();
        }

        String offerId() {
            return theyOffer ? candidate.id() : ranking.subject().id();
        }
    }

    private static final Comparator<Pair> BEST_PAIR_FIRST = Comparator.comparingDouble(Pair::score).reversed()
            .thenComparing(Pair::needId).thenComparing(Pair::offerId);

    private static final class Tally {
        final ActorFeatures partner;
        final List<Pair> pairs = new ArrayList<>();
        double bestTheyOffer;
        double bestTheyNeed;
        double score;

        Tally(ActorFeatures partner) {
            this.partner = partner;
        }
    }

    private final MatchingIndex index;
    private final ActorFeatures actor;
    private final RankingFilter filter;
    private final LocalDate today;
    private final TermStatistics statistics;

    PartnerRanking(MatchingIndex index, ActorFeatures actor, RankingFilter filter, LocalDate today, TermStatistics statistics) {
        this.index = index;
        this.actor = actor;
        this.filter = filter;
        this.today = today;
        this.statistics = statistics;
    }

    List<Partner> best(int limit, int pairsPerPartner) {
        int day = (int) today.toEpochDay();
        Map<ActorFeatures, Tally> tallies = new HashMap<>();
        for (PostFeatures need : actor.needs()) {
            if (need.standsOn(day)) {
                collect(need, true, tallies);
            }
        }
        for (PostFeatures offer : actor.offers()) {
            if (offer.standsOn(day)) {
                collect(offer, false, tallies);
            }
        }
        List<Tally> ranked = new ArrayList<>(tallies.values());
        for (Tally tally : ranked) {
            tally.score = 1 - (1 - tally.bestTheyOffer) * (1 - tally.bestTheyNeed);
        }
        ranked.sort(Comparator.comparingDouble((Tally t) -> t.score).reversed().thenComparing(t -> t.partner.id()));
        List<Partner> partners = new ArrayList<>();
        for (Tally tally : ranked.subList(0, Math.min(Math.max(limit, 0), ranked.size()))) {
            partners.add(partner(tally, pairsPerPartner));
        }
        return partners;
    }

    private void collect(PostFeatures post, boolean theyOffer, Map<ActorFeatures, Tally> tallies) {
        ComplementarityModel.Ranking ranking = index.model().rankingFor(post, today, statistics);
        index.forEachAdmitted(ranking, filter, candidate -> {
            double score = ranking.score(candidate);
            Tally tally = tallies.computeIfAbsent(candidate.actor(), Tally::new);
            tally.pairs.add(new Pair(ranking, candidate, score, theyOffer));
            if (theyOffer) {
                tally.bestTheyOffer = Math.max(tally.bestTheyOffer, score);
            } else {
                tally.bestTheyNeed = Math.max(tally.bestTheyNeed, score);
            }
        });
    }

    private Partner partner(Tally tally, int pairsPerPartner) {
        tally.pairs.sort(BEST_PAIR_FIRST);
        List<Match> explained = new ArrayList<>();
        for (Pair pair : tally.pairs.subList(0, Math.min(Math.max(pairsPerPartner, 0), tally.pairs.size()))) {
            explained.add(pair.ranking().explain(pair.candidate()));
        }
        Pair bestTheyOffer = tally.pairs.stream().filter(Pair::theyOffer).findFirst().orElse(null);
        Pair bestTheyNeed = tally.pairs.stream().filter(p -> !p.theyOffer()).findFirst().orElse(null);
        boolean reciprocal = bestTheyOffer != null && bestTheyNeed != null;
        Actor partner = tally.partner.snapshot();
        return new Partner(partner, tally.score, tally.bestTheyOffer, tally.bestTheyNeed, reciprocal, tally.pairs.size(),
                explained, sentence(actor.snapshot(), partner, tally.pairs.size(), bestTheyOffer, bestTheyNeed));
    }

    /**
     * « Fondation Dauphiné : 3 paires besoin/offre ; Fondation Dauphiné offre un financement que Wimoov Isère recherche
     * (« Plateforme de mobilité ») ; réciproque : Wimoov Isère offre des compétences que Fondation Dauphiné recherche
     * (« Évaluer notre impact »). »
     */
    static String sentence(Actor actor, Actor partner, int pairCount, Pair bestTheyOffer, Pair bestTheyNeed) {
        String us = nameOf(actor);
        String them = nameOf(partner);
        List<String> clauses = new ArrayList<>();
        clauses.add(them + " : " + pairCount + (pairCount == 1 ? " paire besoin/offre" : " paires besoin/offre"));
        if (bestTheyOffer != null) {
            clauses.add(them + " offre " + label(bestTheyOffer.candidate().category()) + " " + que(us) + " recherche"
                    + titled(bestTheyOffer.ranking().subject().title()));
        }
        if (bestTheyNeed != null) {
            clauses.add((bestTheyOffer != null ? "réciproque : " : "") + us + " offre "
                    + label(bestTheyNeed.ranking().subject().category()) + " " + que(them) + " recherche"
                    + titled(bestTheyNeed.candidate().title()));
        }
        return String.join(" ; ", clauses) + ".";
    }

    private static String titled(String title) {
        return title == null || title.isBlank() ? "" : " (« " + title.strip() + " »)";
    }
}
