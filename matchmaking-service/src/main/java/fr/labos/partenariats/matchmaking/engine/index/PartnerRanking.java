package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.Actor;
import fr.labos.partenariats.matchmaking.engine.model.ActorFeatures;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityModel;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.Place;
import fr.labos.partenariats.matchmaking.engine.model.PostFeatures;
import fr.labos.partenariats.matchmaking.engine.model.TermStatistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.labos.partenariats.matchmaking.engine.model.ExplanationSentence.label;
import static fr.labos.partenariats.matchmaking.engine.model.ExplanationSentence.nameOf;
import static fr.labos.partenariats.matchmaking.engine.model.ExplanationSentence.que;

/**
 * Actor-to-actor complementarity: the other actors ranked by aggregating every need/offer pair between
 * them and the actor, in both directions.
 *
 * <p>For a partner B of actor A, let {@code o} be the best score of a pair where B offers what A needs and {@code n}
 * the best score of a pair where B needs what A offers (0 when there is none). The partner's score is
 * {@code 1 - (1 - o)(1 - n)}: the chance that at least one direction works, if each pair's score were that chance.
 * It is in [0, 1], never lower than either direction alone, higher when the alliance is reciprocal (both directions
 * exist), and more posts in the same direction do not inflate it (an actor posting ten similar offers is not ten times
 * the partner). Ties are broken by actor id.
 *
 * <p>{@link #best} ranks in two passes, exact. First every admitted pair is enumerated from the index's lists (the
 * gates having refused the others) and only bounded, from the blocks' flat arrays: each partner gets an upper and a
 * lower bound of its score, by the same formula on the bounds of its best pair in each direction (the formula only
 * rises with either direction, IEEE rounding included, so bounds of the pairs give bounds of the partner). Then the
 * partners are taken by upper bound, highest first, and scored exactly (every pair of theirs, in full, found from their
 * own posts against the actor's through the same gates and filter as the lists apply) until the next
 * upper bound is strictly under the k-th exact partner score: none left can then enter the top k, not even on a tie
 * broken by id. Partners whose upper bound is under the k-th best lower bound are dropped before that. The reference,
 * every pair scored ({@link #bestByScoringEveryPair}), gives the same partners, scores, pairs and sentences.
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

    private static final Comparator<Tally> BEST_PARTNER_FIRST = Comparator.comparingDouble((Tally t) -> t.score)
            .reversed().thenComparing(t -> t.partner.id());

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

    /**
     * The first pass's bounds, per partner: keyed by actor slot in an open-addressing table with dense arrays behind,
     * so that bounding a pair allocates nothing and reads no post object.
     */
    private static final class BoundsByPartner {
        private int[] table = new int[256];   // slot + 1, or 0 when free
        private int[] entryOf = new int[256];
        private int size;
        private PostFeatures[] anyPost = new PostFeatures[64];
        private double[] upperTheyOffer = new double[64];
        private double[] upperTheyNeed = new double[64];
        private double[] lowerTheyOffer = new double[64];
        private double[] lowerTheyNeed = new double[64];

        void offer(int slot, PostFeatures post, boolean theyOffer, double upper, double lower) {
            int e = entry(slot, post);
            if (theyOffer) {
                upperTheyOffer[e] = Math.max(upperTheyOffer[e], upper);
                lowerTheyOffer[e] = Math.max(lowerTheyOffer[e], lower);
            } else {
                upperTheyNeed[e] = Math.max(upperTheyNeed[e], upper);
                lowerTheyNeed[e] = Math.max(lowerTheyNeed[e], lower);
            }
        }

        /** The partner's formula on its pairs' upper bounds: it only rises with either direction. */
        double upper(int e) {
            return 1 - (1 - upperTheyOffer[e]) * (1 - upperTheyNeed[e]);
        }

        double lower(int e) {
            return 1 - (1 - lowerTheyOffer[e]) * (1 - lowerTheyNeed[e]);
        }

        ActorFeatures partner(int e) {
            return anyPost[e].actor();
        }

        private int entry(int slot, PostFeatures post) {
            int mask = table.length - 1;
            for (int h = mix(slot) & mask; ; h = (h + 1) & mask) {
                if (table[h] == slot + 1) {
                    return entryOf[h];
                }
                if (table[h] == 0) {
                    if (size == anyPost.length) {
                        grow();
                        return entry(slot, post);
                    }
                    table[h] = slot + 1;
                    entryOf[h] = size;
                    anyPost[size] = post;
                    return size++;
                }
            }
        }

        private static int mix(int slot) {
            return (slot * 0x9E3779B9) >>> 7;
        }

        private void grow() {
            int capacity = anyPost.length * 2;
            anyPost = Arrays.copyOf(anyPost, capacity);
            upperTheyOffer = Arrays.copyOf(upperTheyOffer, capacity);
            upperTheyNeed = Arrays.copyOf(upperTheyNeed, capacity);
            lowerTheyOffer = Arrays.copyOf(lowerTheyOffer, capacity);
            lowerTheyNeed = Arrays.copyOf(lowerTheyNeed, capacity);
            int[] oldTable = table;
            int[] oldEntries = entryOf;
            table = new int[capacity * 4];
            entryOf = new int[capacity * 4];
            int mask = table.length - 1;
            for (int h = 0; h < oldTable.length; h++) {
                if (oldTable[h] != 0) {
                    int at = mix(oldTable[h] - 1) & mask;
                    while (table[at] != 0) {
                        at = (at + 1) & mask;
                    }
                    table[at] = oldTable[h];
                    entryOf[at] = oldEntries[h];
                }
            }
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
        int k = Math.max(limit, 0);
        if (k == 0) {
            return List.of();
        }
        int day = (int) today.toEpochDay();
        // First pass: every admitted pair, bounded only.
        BoundsByPartner bounds = new BoundsByPartner();
        List<ComplementarityModel.Ranking> ourNeeds = new ArrayList<>();
        List<ComplementarityModel.Ranking> ourOffers = new ArrayList<>();
        for (PostFeatures need : actor.needs()) {
            if (need.standsOn(day)) {
                ourNeeds.add(bound(need, true, bounds));
            }
        }
        for (PostFeatures offer : actor.offers()) {
            if (offer.standsOn(day)) {
                ourOffers.add(bound(offer, false, bounds));
            }
        }
        KthLargest floor = new KthLargest(k);
        for (int e = 0; e < bounds.size; e++) {
            floor.offer(bounds.lower(e));
        }
        // k partners score at least the floor: one whose upper bound is under it cannot enter.
        double cut = floor.value();
        List<Integer> contenders = new ArrayList<>();
        for (int e = 0; e < bounds.size; e++) {
            if (bounds.upper(e) >= cut) {
                contenders.add(e);
            }
        }
        contenders.sort(Comparator.comparingDouble((Integer e) -> bounds.upper(e)).reversed());
        // Second pass: exact scores, highest upper bound first, until no partner left can reach the k-th. A partner's
        // pairs are its own posts against ours, through the same gates and filter as the lists gave them.
        Place within = filter.within() == null ? null : index.territories().place(filter.within());
        List<Tally> top = new ArrayList<>(k + 1);
        for (int e : contenders) {
            if (top.size() == k && bounds.upper(e) < top.get(k - 1).score) {
                break;
            }
            Tally tally = new Tally(bounds.partner(e));
            pairs(tally, ourNeeds, tally.partner.offers(), true, within);
            pairs(tally, ourOffers, tally.partner.needs(), false, within);
            tally.score = 1 - (1 - tally.bestTheyOffer) * (1 - tally.bestTheyNeed);
            int at = 0;
            while (at < top.size() && BEST_PARTNER_FIRST.compare(top.get(at), tally) < 0) {
                at++;
            }
            if (at < k) {
                top.add(at, tally);
                if (top.size() > k) {
                    top.remove(k);
                }
            }
        }
        List<Partner> ranked = new ArrayList<>();
        for (Tally tally : top) {
            ranked.add(partner(tally, pairsPerPartner));
        }
        return ranked;
    }

    private ComplementarityModel.Ranking bound(PostFeatures post, boolean theyOffer, BoundsByPartner bounds) {
        ComplementarityModel.Ranking ranking = index.rankingFor(post, today, statistics, filter);
        index.forEachBounded(ranking, filter,
                (candidate, actorSlot, upper, lower) -> bounds.offer(actorSlot, candidate, theyOffer, upper, lower));
        return ranking;
    }

    private void pairs(Tally tally, List<ComplementarityModel.Ranking> ours, List<PostFeatures> theirs, boolean theyOffer,
                       Place within) {
        for (ComplementarityModel.Ranking ranking : ours) {
            for (PostFeatures candidate : theirs) {
                if (filter.accepts(candidate, within) && ranking.admits(candidate)) {
                    add(tally, ranking, candidate, theyOffer);
                }
            }
        }
    }

    /** One given partner, every pair of theirs scored as in {@link #best}'s second pass. */
    Partner with(ActorFeatures partner, int pairsPerPartner) {
        int day = (int) today.toEpochDay();
        List<ComplementarityModel.Ranking> ourNeeds = new ArrayList<>();
        List<ComplementarityModel.Ranking> ourOffers = new ArrayList<>();
        for (PostFeatures need : actor.needs()) {
            if (need.standsOn(day)) {
                ourNeeds.add(index.rankingFor(need, today, statistics, filter));
            }
        }
        for (PostFeatures offer : actor.offers()) {
            if (offer.standsOn(day)) {
                ourOffers.add(index.rankingFor(offer, today, statistics, filter));
            }
        }
        Place within = filter.within() == null ? null : index.territories().place(filter.within());
        Tally tally = new Tally(partner);
        pairs(tally, ourNeeds, partner.offers(), true, within);
        pairs(tally, ourOffers, partner.needs(), false, within);
        tally.score = 1 - (1 - tally.bestTheyOffer) * (1 - tally.bestTheyNeed);
        return partner(tally, pairsPerPartner);
    }

    /** The reference: every admitted pair scored in full, then aggregated. */
    List<Partner> bestByScoringEveryPair(int limit, int pairsPerPartner) {
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
        ranked.sort(BEST_PARTNER_FIRST);
        List<Partner> partners = new ArrayList<>();
        for (Tally tally : ranked.subList(0, Math.min(Math.max(limit, 0), ranked.size()))) {
            partners.add(partner(tally, pairsPerPartner));
        }
        return partners;
    }

    private void collect(PostFeatures post, boolean theyOffer, Map<ActorFeatures, Tally> tallies) {
        ComplementarityModel.Ranking ranking = index.rankingFor(post, today, statistics, filter);
        index.forEachAdmitted(ranking, filter,
                candidate -> add(tallies.computeIfAbsent(candidate.actor(), Tally::new), ranking, candidate, theyOffer));
    }

    private static void add(Tally tally, ComplementarityModel.Ranking ranking, PostFeatures candidate, boolean theyOffer) {
        double score = ranking.score(candidate);
        tally.pairs.add(new Pair(ranking, candidate, score, theyOffer));
        if (theyOffer) {
            tally.bestTheyOffer = Math.max(tally.bestTheyOffer, score);
        } else {
            tally.bestTheyNeed = Math.max(tally.bestTheyNeed, score);
        }
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
