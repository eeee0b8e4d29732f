package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The first complementarity model (DOMAIN.md, « What complementarity means here »): scores a need of actor A and an
 * offer of actor B in [0, 1] and explains the score.
 *
 * <p>The category table of {@link CategoryCompatibility} is a gate: a pair it refuses is never proposed, nor is a pair
 * of one actor with itself, nor an expired post. A pair through the gate scores the weighted mean
 * ({@link ComplementarityWeights}) of six components, each in [0, 1]:
 * <ol>
 *   <li>category: category value (1 same, {@code crossAnswer} across) × form multiplier;</li>
 *   <li>territory: {@link TerritorialProximity} of the two posts' scopes, from the official hierarchy;</li>
 *   <li>purpose: 0.6 × Jaccard index of the SDGs + 0.4 × Jaccard index of the themes (Jaccard rather than a count, so
 *   that a post ticking every box does not outrank a focused one);</li>
 *   <li>description: cosine of the French stems of title and description ({@link DescriptionSimilarity});</li>
 *   <li>crossFamily: 1 when A and B belong to different {@link fr.labos.partenariats.schema.common.ActorFamily families},
 *   {@code peerAlliance} within one, 0 while either profile is unknown;</li>
 *   <li>reciprocity: 1 when B has an open need that some open offer of A passes the gate for.</li>
 * </ol>
 * Ties are broken by post id so that equal inputs always give the same ranking.
 */
public final class ComplementarityModel {

    /** Recorded with every proposal, so that a score can always be traced to the rules that made it. */
    public static final String MODEL_VERSION = "complementarity-v1";

    static final double SDG_SHARE = 0.6;

    private final ComplementarityWeights weights;
    private final CategoryCompatibility categories;
    private final TerritorialProximity territories;
    private final DescriptionSimilarity texts;
    private final ExplanationSentence sentences;

    ComplementarityModel(ComplementarityWeights weights, TerritoryDirectory directory, DescriptionSimilarity texts) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.categories = new CategoryCompatibility(weights);
        this.territories = new TerritorialProximity(directory);
        this.texts = texts;
        this.sentences = new ExplanationSentence(territories);
    }

    /** The offers of the pool that best answer {@code need} on {@code today}, best first, at most {@code limit}. */
    public List<Match> offersFor(Post need, MatchingPool pool, LocalDate today, int limit) {
        if (need.details().isExpiredOn(today)) {
            return List.of();
        }
        Open open = new Open(pool, today);
        return rank(open.offers, offer -> assess(need, offer, open), match -> match.offer().id(), limit);
    }

    /** The needs of the pool that {@code offer} best answers on {@code today}, best first, at most {@code limit}. */
    public List<Match> needsFor(Post offer, MatchingPool pool, LocalDate today, int limit) {
        if (offer.details().isExpiredOn(today)) {
            return List.of();
        }
        Open open = new Open(pool, today);
        return rank(open.needs, need -> assess(need, offer, open), match -> match.need().id(), limit);
    }

    private List<Match> rank(List<Post> candidates, Function<Post, Optional<Match>> assess, Function<Match, String> idOf, int limit) {
        List<Match> matches = new ArrayList<>();
        for (Post candidate : candidates) {
            assess.apply(candidate).ifPresent(matches::add);
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(idOf));
        return List.copyOf(matches.subList(0, Math.min(Math.max(limit, 0), matches.size())));
    }

    /** The pair's score and explanation, or empty if the gate refuses it or both posts are one actor's. */
    private Optional<Match> assess(Post need, Post offer, Open open) {
        if (Objects.equals(need.actorId(), offer.actorId())) {
            return Optional.empty();
        }
        PostDetails n = need.details();
        PostDetails o = offer.details();
        double category = categories.value(n.category(), n.form(), o.category(), o.form());
        if (category <= 0) {
            return Optional.empty();
        }
        Actor needActor = open.pool.actor(need.actorId());
        Actor offerActor = open.pool.actor(offer.actorId());
        Set<Sdg> sharedSdgs = intersection(n.sdgs(), o.sdgs());
        Set<Theme> sharedThemes = intersection(n.themes(), o.themes());
        double purpose = SDG_SHARE * jaccard(sharedSdgs.size(), n.sdgs().size(), o.sdgs().size())
                + (1 - SDG_SHARE) * jaccard(sharedThemes.size(), n.themes().size(), o.themes().size());
        double description = texts.similarity(text(n), text(o));
        double crossFamily = !needActor.isKnown() || !offerActor.isKnown() ? 0
                : needActor.type().family() != offerActor.type().family() ? 1 : weights.peerAlliance();
        Optional<Reciprocal> reciprocal = open.reciprocal(offer.actorId(), need.actorId());

        Components components = new Components(category, territories.value(scope(n), scope(o)), purpose,
                description, crossFamily, reciprocal.isPresent() ? 1 : 0);
        String sentence = sentences.write(new ExplanationSentence.Facts(need, needActor, offer, offerActor, sharedSdgs,
                sharedThemes, description, reciprocal.map(Reciprocal::need).orElse(null), reciprocal.map(Reciprocal::offer).orElse(null)));
        return Optional.of(new Match(need, needActor, offer, offerActor, score(components), components, MODEL_VERSION, sentence));
    }

    double score(Components c) {
        double sum = weights.category() * c.category()
                + weights.territory() * c.territory()
                + weights.purpose() * c.purpose()
                + weights.description() * c.description()
                + weights.crossFamily() * c.crossFamily()
                + weights.reciprocity() * c.reciprocity();
        // Rounding can push a mean of ones a hair above 1.
        return Math.max(0, Math.min(1, sum / weights.total()));
    }

    /** Where a post stands; one without a territory is taken as national. */
    static TerritoryRef scope(PostDetails details) {
        return details.territory() == null || details.territory().level() == null ? TerritoryRef.national() : details.territory();
    }

    private static String text(PostDetails details) {
        return (details.title() == null ? "" : details.title()) + "\n" + (details.description() == null ? "" : details.description());
    }

    private static <T extends Comparable<T>> Set<T> intersection(Set<T> a, Set<T> b) {
        TreeSet<T> shared = new TreeSet<>(a);
        shared.retainAll(b);
        return shared;
    }

    private static double jaccard(int shared, int sizeA, int sizeB) {
        int union = sizeA + sizeB - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    /** A need of B and an offer of A that make the alliance two-way. */
    private record Reciprocal(Post need, Post offer) {
    }

    /** The pool reduced to what stands on a day, indexed by actor for the reciprocity check. */
    private final class Open {
        final MatchingPool pool;
        final List<Post> needs;
        final List<Post> offers;
        final Map<String, List<Post>> needsByActor = new HashMap<>();
        final Map<String, List<Post>> offersByActor = new HashMap<>();
        final Map<List<String>, Optional<Reciprocal>> reciprocalByPair = new HashMap<>();

        Open(MatchingPool pool, LocalDate today) {
            this.pool = pool;
            this.needs = pool.needs().stream().filter(p -> !p.details().isExpiredOn(today)).toList();
            this.offers = pool.offers().stream().filter(p -> !p.details().isExpiredOn(today)).toList();
            needs.forEach(p -> needsByActor.computeIfAbsent(p.actorId(), id -> new ArrayList<>()).add(p));
            offers.forEach(p -> offersByActor.computeIfAbsent(p.actorId(), id -> new ArrayList<>()).add(p));
        }

        /** A need of {@code needer} that an offer of {@code offerer} passes the gate for; the lowest ids when several do. */
        Optional<Reciprocal> reciprocal(String needer, String offerer) {
            return reciprocalByPair.computeIfAbsent(List.of(needer, offerer), key -> {
                Reciprocal best = null;
                for (Post need : needsByActor.getOrDefault(needer, List.of())) {
                    for (Post offer : offersByActor.getOrDefault(offerer, List.of())) {
                        PostDetails n = need.details();
                        PostDetails o = offer.details();
                        if (categories.value(n.category(), n.form(), o.category(), o.form()) > 0
                                && (best == null || BY_IDS.compare(new Reciprocal(need, offer), best) < 0)) {
                            best = new Reciprocal(need, offer);
                        }
                    }
                }
                return Optional.ofNullable(best);
            });
        }
    }

    private static final Comparator<Reciprocal> BY_IDS =
            Comparator.comparing((Reciprocal r) -> r.need().id()).thenComparing(r -> r.offer().id());
}
