package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The complementarity model: which need and offer may be paired, how well they fit, in [0, 1], and why.
 *
 * <p><b>Gates</b> — a pair failing any of them is never proposed ({@link PairGates}, the one place every path of the
 * engine takes them from): two different actors not set aside for each other, both posts standing on the day of the
 * ranking, the offer's category answering the need's, territories compatible ({@link TerritorialProximity}).
 *
 * <p><b>Score</b> — the weighted mean ({@link ComplementarityWeights}) of seven components, each in [0, 1]:
 * <ol>
 *   <li>category: 1 same category, {@code crossAnswer} across, times the form multiplier;</li>
 *   <li>territory: proximity by the level of the smallest territory holding both (commune 1 … national 0.3),
 *   neighbours included ({@link TerritorialProximity});</li>
 *   <li>purpose: 0.6 × Jaccard index of the SDGs + 0.4 × Jaccard index of the themes (Jaccard rather than a count, so
 *   that a post ticking every box does not outrank a focused one);</li>
 *   <li>description: TF-IDF cosine of the French texts ({@link DescriptionSimilarity}), IDF over the open posts;</li>
 *   <li>crossFamily: 1 when the actors belong to different families, {@code peerAlliance} within one, 0 while either
 *   profile is unknown;</li>
 *   <li>reciprocity: 1 when the offering actor has a standing need that a standing offer of the needing actor passes
 *   every gate for;</li>
 *   <li>freshness: mean over the two posts of 0.5<sup>age / half-life</sup>, age in days since last written.</li>
 * </ol>
 * Every component is a function of the pair alone (and of the corpus, for IDF), so a pair scores the same whether
 * the need or the offer asks. Ties are broken by post id, so equal inputs always give the same ranking.
 *
 * <p>Thread-safe; a {@link Ranking} is not (one per request).
 */
public final class ComplementarityModel {

    /** Recorded with every result, so that a score can always be traced to the rules that made it. */
    public static final String MODEL_VERSION = "complementarity-v4";

    static final double SDG_SHARE = 0.6;
    /** Beyond ten years a post is as stale as can be; its freshness is then taken as 0. */
    private static final int MAX_AGE_DAYS = 3650;

    private final ComplementarityWeights weights;
    private final CategoryCompatibility categories;
    private final ExplanationSentence sentences = new ExplanationSentence();
    private final double[] freshnessByAge;
    // The weights, unpacked once for the inner loop.
    private final double wCategory;
    private final double wTerritory;
    private final double wPurpose;
    private final double wDescription;
    private final double wCrossFamily;
    private final double wReciprocity;
    private final double wFreshness;
    private final double inverseTotal;

    public ComplementarityModel(ComplementarityWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.categories = new CategoryCompatibility(weights);
        this.freshnessByAge = new double[MAX_AGE_DAYS + 1];
        for (int age = 0; age < MAX_AGE_DAYS; age++) {
            freshnessByAge[age] = StrictMath.pow(0.5, (double) age / weights.freshnessHalfLifeDays());
        }
        this.wCategory = weights.category();
        this.wTerritory = weights.territory();
        this.wPurpose = weights.purpose();
        this.wDescription = weights.description();
        this.wCrossFamily = weights.crossFamily();
        this.wReciprocity = weights.reciprocity();
        this.wFreshness = weights.freshness();
        this.inverseTotal = 1 / weights.total();
    }

    public ComplementarityWeights weights() {
        return weights;
    }

    /** Starts ranking the candidates for one post ({@code subject}) on {@code today}, with the corpus' statistics. */
    public Ranking rankingFor(PostFeatures subject, LocalDate today, TermStatistics statistics) {
        return rankingFor(subject, today, statistics, ExcludedActors.NONE);
    }

    /** {@link #rankingFor(PostFeatures, LocalDate, TermStatistics)}, the actors in {@code excluded} set aside. */
    public Ranking rankingFor(PostFeatures subject, LocalDate today, TermStatistics statistics, ExcludedActors excluded) {
        return new Ranking(subject, (int) today.toEpochDay(), statistics, excluded);
    }

    /**
     * The weighted mean, summed in one fixed order. Floating-point addition and multiplication by a non-negative
     * weight are monotonic, so raising {@code description} or {@code reciprocity} to 1 can only raise the result:
     * that is what makes {@link Ranking#scoreIfAtLeast}'s early rejection exact, not approximate.
     */
    private double combine(double categoryTerritoryPurpose, double description, double crossFamily, double reciprocity,
                           double freshness) {
        double sum = categoryTerritoryPurpose + wDescription * description;
        sum += wCrossFamily * crossFamily;
        sum += wReciprocity * reciprocity;
        sum += wFreshness * freshness;
        // Rounding can push a mean of ones a hair above 1. A product by the inverse, not a division: cheaper in the
        // inner loop, and as monotonic.
        return Math.max(0, Math.min(1, sum * inverseTotal));
    }

    static double purpose(int sdgsA, int sdgsB, int themesA, int themesB) {
        return SDG_SHARE * jaccard(sdgsA, sdgsB) + (1 - SDG_SHARE) * jaccard(themesA, themesB);
    }

    private static double jaccard(int a, int b) {
        return JACCARD[Integer.bitCount(a & b) * (MAX_SET + 1) + Integer.bitCount(a | b)];
    }

    /** Sets here are SDGs (17) or themes (fewer): at most 32 members, as they are bits of an int. */
    private static final int MAX_SET = 32;
    /** JACCARD[shared × 33 + union] = shared / union, 0 for an empty union: a lookup instead of a division. */
    private static final double[] JACCARD = new double[(MAX_SET + 1) * (MAX_SET + 1)];

    static {
        for (int shared = 0; shared <= MAX_SET; shared++) {
            for (int union = 1; union <= MAX_SET; union++) {
                JACCARD[shared * (MAX_SET + 1) + union] = (double) shared / union;
            }
        }
    }

    /** 1 across families, {@code peerAlliance} within one, 0 if either family is unknown (-1). */
    private double crossFamily(int needFamily, int offerFamily) {
        if (needFamily < 0 || offerFamily < 0) {
            return 0;
        }
        return needFamily != offerFamily ? 1 : weights.peerAlliance();
    }

    /** The weighted category, territory and purpose terms, the first part of {@link #combine}'s sum. */
    private double categoryTerritoryPurpose(double category, double proximity, int needSdgs, int offerSdgs,
                                            int needThemes, int offerThemes) {
        return categoryTerritoryPurpose(category, proximity, purpose(needSdgs, offerSdgs, needThemes, offerThemes));
    }

    private double categoryTerritoryPurpose(double category, double proximity, double purpose) {
        return wCategory * category + wTerritory * proximity + wPurpose * purpose;
    }

    /**
     * An upper bound of {@link #jaccard}{@code (a, b)} over every set {@code b} drawn from {@code union} with at least
     * {@code fewest} members: they share at most the members of {@code a} in the union, and their union has at least
     * as many members as the larger of the two.
     */
    private static double jaccardBound(int a, int union, int fewest) {
        int shared = Integer.bitCount(a & union);
        int unionAtLeast = Math.min(MAX_SET, Math.max(Integer.bitCount(a), fewest));
        return JACCARD[shared * (MAX_SET + 1) + unionAtLeast];
    }

    private double freshness(int today, int writtenOn) {
        int age = Math.max(0, today - writtenOn);
        return age >= MAX_AGE_DAYS ? 0 : freshnessByAge[age];
    }

    /**
     * The ranking of candidates for one post: the gates, bounds and exact score, and the explanation, with what can be
     * computed once for the subject (its text's norm and signature masses, its reciprocity partners) kept across
     * candidates. For one request on one thread.
     */
    public final class Ranking {

        private final PostFeatures subject;
        private final boolean subjectIsNeed;
        private final int today;
        private final ExcludedActors excluded;
        private final TermStatistics statistics;
        private final long subjectNorm;
        private final int subjectFamily;
        /** Categories of the subject actor's needs, and those its offers may answer: reciprocity's quick test. */
        private final int subjectActorNeeds;
        private final int subjectActorAnswers;
        private double[] subjectMass;
        private long[] subjectSignature;
        private double[] subjectShares;
        /** The parts of the last {@link #cheapBound}: category-territory-purpose, crossFamily, reciprocity, freshness. */
        private final double[] last = new double[4];
        private double lastDescription;
        // Reciprocity depends only on the two actors: one answer per candidate actor.
        private final Map<ActorFeatures, Match.Reciprocal> reciprocalByActor = new HashMap<>();
        private static final Match.Reciprocal NONE = new Match.Reciprocal(null, null);

        private Ranking(PostFeatures subject, int today, TermStatistics statistics, ExcludedActors excluded) {
            this.subject = subject;
            this.subjectIsNeed = subject.kind() == PostKind.NEED;
            this.today = today;
            this.excluded = excluded;
            this.statistics = statistics;
            this.subjectNorm = DescriptionSimilarity.squaredNorm(subject.terms(), statistics);
            this.subjectFamily = subject.actor().familyOrdinal();
            this.subjectActorNeeds = subject.actor().needCategories();
            this.subjectActorAnswers = CategoryCompatibility.needsAnsweredByAny(subject.actor().offerCategories());
        }

        public PostFeatures subject() {
            return subject;
        }

        /** Whether the gates let the subject and this candidate (of the other kind) through. */
        public boolean admits(PostFeatures candidate) {
            return subjectIsNeed ? PairGates.admits(subject, candidate, today, excluded)
                    : PairGates.admits(candidate, subject, today, excluded);
        }

        /**
         * Whether the gates let through a candidate found in one of the index's lists for this subject, from what
         * the list keeps of it ({@link PairGates#admitsListed}).
         */
        public boolean admitsListed(int validUntil, int actorSlot) {
            return PairGates.admitsListed(validUntil, actorSlot, today, subject.actor().slot(), excluded);
        }

        /** The actors set aside for the subject's. */
        public ExcludedActors excluded() {
            return excluded;
        }

        /** The exact score of an admitted candidate. */
        public double score(PostFeatures candidate) {
            return scoreIfAtLeast(candidate, Double.NEGATIVE_INFINITY);
        }

        /**
         * The exact score of an admitted candidate, or -1 as soon as it is certain the score is below
         * {@code threshold}. The cheap components come first; the two costly ones (reciprocity, text) are each
         * first taken at their maximum, 1, and computed only if the candidate could still reach the threshold.
         */
        public double scoreIfAtLeast(PostFeatures candidate, double threshold) {
            PostFeatures need = subjectIsNeed ? subject : candidate;
            PostFeatures offer = subjectIsNeed ? candidate : subject;
            return scoreIfAtLeast(candidate, TerritorialProximity.value(need.place(), offer.place()), 1, threshold);
        }

        /**
         * {@link #scoreIfAtLeast(PostFeatures, double)} for a candidate whose territorial proximity with the subject
         * is already known, as it is to the index, which found the candidate in a list of posts nested with the
         * subject's territory at a known level, and with an upper bound of the text component (1 if none is known).
         * The caller vouches for the gates.
         */
        public double scoreIfAtLeast(PostFeatures candidate, double proximity, double descriptionBound, double threshold) {
            PostFeatures need = subjectIsNeed ? subject : candidate;
            PostFeatures offer = subjectIsNeed ? candidate : subject;
            return scoreFromParts(candidate,
                    categoryTerritoryPurpose(categories.value(need.category(), need.form(), offer.category(), offer.form()),
                            proximity, need.sdgs(), offer.sdgs(), need.themes(), offer.themes()),
                    crossFamily(need.actor().familyOrdinal(), offer.actor().familyOrdinal()),
                    true,
                    pairFreshness(need.freshSinceDay(), offer.freshSinceDay()),
                    descriptionBound, threshold);
        }

        /**
         * The end of {@link #scoreIfAtLeast}, from cheap parts already computed (by {@link #cheapBound}, with the same
         * arithmetic): reciprocity, looked up only if it may hold, then the text, each skipped as soon as the
         * candidate cannot reach {@code threshold} (then -1).
         */
        public double scoreFromParts(PostFeatures candidate, double categoryTerritoryPurpose, double crossFamily,
                                     boolean mayBeReciprocal, double freshness, double descriptionBound, double threshold) {
            if (combine(categoryTerritoryPurpose, descriptionBound, crossFamily, mayBeReciprocal ? 1 : 0, freshness) < threshold) {
                return -1;
            }
            double reciprocity = 0;
            if (mayBeReciprocal) {
                PostFeatures need = subjectIsNeed ? subject : candidate;
                PostFeatures offer = subjectIsNeed ? candidate : subject;
                reciprocity = reciprocal(need.actor(), offer.actor()) != null ? 1 : 0;
                if (reciprocity == 0 && combine(categoryTerritoryPurpose, descriptionBound, crossFamily, 0, freshness) < threshold) {
                    return -1;
                }
            }
            double description = description(candidate);
            lastDescription = description;
            return combine(categoryTerritoryPurpose, description, crossFamily, reciprocity, freshness);
        }

        /**
         * The text component of the candidate last scored in full (a score returned, not -1), for
         * {@link #explain(PostFeatures, double)}: the cosine is then not computed a second time.
         */
        public double lastDescription() {
            return lastDescription;
        }

        /**
         * An upper bound of the score from a candidate's cheap features alone, as the index keeps them in flat arrays:
         * text taken at {@link #descriptionBound}, reciprocity at 1 if the two actors' post categories allow it. The
         * same arithmetic on the same values as {@link #scoreIfAtLeast}, so never below the exact score.
         *
         * @param proximity        that of the candidate's territory with the subject's
         * @param family           the ordinal of the candidate actor's family, or -1 while unknown
         * @param actorNeeds       categories (bit = ordinal) of the candidate actor's needs
         * @param actorOffers      categories (bit = ordinal) of the candidate actor's offers
         */
        public double cheapBound(ResourceCategory category, PartnershipForm form, double proximity, int sdgs, int themes,
                                 int family, int freshSinceDay, int actorNeeds, int actorOffers, double descriptionBound) {
            double categoryTerritoryPurpose;
            double crossFamily;
            double freshness;
            double reciprocity;
            if (subjectIsNeed) {
                categoryTerritoryPurpose = categoryTerritoryPurpose(categories.value(subject.category(), subject.form(), category, form),
                        proximity, subject.sdgs(), sdgs, subject.themes(), themes);
                crossFamily = crossFamily(subjectFamily, family);
                freshness = pairFreshness(subject.freshSinceDay(), freshSinceDay);
                reciprocity = (actorNeeds & subjectActorAnswers) != 0 ? 1 : 0;
            } else {
                categoryTerritoryPurpose = categoryTerritoryPurpose(categories.value(category, form, subject.category(), subject.form()),
                        proximity, sdgs, subject.sdgs(), themes, subject.themes());
                crossFamily = crossFamily(family, subjectFamily);
                freshness = pairFreshness(freshSinceDay, subject.freshSinceDay());
                reciprocity = (subjectActorNeeds & CategoryCompatibility.needsAnsweredByAny(actorOffers)) != 0 ? 1 : 0;
            }
            last[0] = categoryTerritoryPurpose;
            last[1] = crossFamily;
            last[2] = reciprocity;
            last[3] = freshness;
            return combine(categoryTerritoryPurpose, descriptionBound, crossFamily, reciprocity, freshness);
        }

        /**
         * An upper bound of the score of every candidate of a group summarised by what its members have at most (see
         * the index's {@code PostBlock}): each component taken at its best for the group, text from the union of the
         * term signatures, reciprocity and crossFamily at their best for the subject alone. The same arithmetic as
         * {@link #cheapBound} on values at least as high, hence never below any member's bound. The caller vouches for
         * the gates.
         *
         * @param category          the members' category (one list, one category)
         * @param formCodes         bit {@link PostFeatures#formCode} set for each form a member has
         * @param proximity         that of every member's territory with the subject's
         * @param sdgUnion          every SDG a member has
         * @param fewestSdgs        how many SDGs the member with the fewest has
         * @param themeUnion        every theme a member has
         * @param fewestThemes      how many themes the member with the fewest has
         * @param latestFreshSince  the latest day a member was written
         */
        public double groupBound(ResourceCategory category, int formCodes, double proximity, int sdgUnion, int fewestSdgs,
                                 int themeUnion, int fewestThemes, int latestFreshSince, long[] signatureUnion) {
            double bestCategory = 0;
            for (int codes = formCodes; codes != 0; codes &= codes - 1) {
                PartnershipForm form = PostFeatures.formOfCode(Integer.numberOfTrailingZeros(codes));
                bestCategory = Math.max(bestCategory, subjectIsNeed
                        ? categories.value(subject.category(), subject.form(), category, form)
                        : categories.value(category, form, subject.category(), subject.form()));
            }
            double purpose = SDG_SHARE * jaccardBound(subject.sdgs(), sdgUnion, fewestSdgs)
                    + (1 - SDG_SHARE) * jaccardBound(subject.themes(), themeUnion, fewestThemes);
            double crossFamily = subjectFamily < 0 ? 0 : Math.max(1, weights.peerAlliance());
            double reciprocity = (subjectIsNeed ? subjectActorAnswers : subjectActorNeeds) != 0 ? 1 : 0;
            double freshness = subjectIsNeed
                    ? pairFreshness(subject.freshSinceDay(), latestFreshSince)
                    : pairFreshness(latestFreshSince, subject.freshSinceDay());
            return combine(categoryTerritoryPurpose(bestCategory, proximity, purpose),
                    descriptionBound(signatureUnion, 0), crossFamily, reciprocity, freshness);
        }

        /**
         * A lower bound of the score of the candidate last given to {@link #cheapBound}: text and reciprocity at 0.
         * (Its parts are kept from that call rather than recomputed: a ranking runs on one thread.)
         */
        public double lastLowerBound() {
            return combine(last[0], 0, last[1], 0, last[3]);
        }

        /** The parts of the last {@link #cheapBound}, to hand back to {@link #scoreFromParts}. */
        public double lastCategoryTerritoryPurpose() {
            return last[0];
        }

        public double lastCrossFamily() {
            return last[1];
        }

        public boolean lastMayBeReciprocal() {
            return last[2] > 0;
        }

        public double lastFreshness() {
            return last[3];
        }

        /** {@link #cheapBound} again for the same candidate, with a tighter bound of the text component. */
        public double lastUpperBound(double descriptionBound) {
            return combine(last[0], descriptionBound, last[1], last[2], last[3]);
        }

        /**
         * An upper bound of the text component with a candidate whose term signature is given (the
         * {@link TermVector#SIGNATURE_WORDS} words of {@code signatures} from {@code offset}), without reading its terms
         * ({@link DescriptionSimilarity#upperBound}).
         */
        public double descriptionBound(long[] signatures, int offset) {
            if (subjectMass == null) {
                subjectMass = DescriptionSimilarity.signatureMass(subject.terms(), subjectNorm, statistics);
                subjectSignature = subject.terms().signature();
            }
            return DescriptionSimilarity.upperBound(subjectMass, subjectSignature, signatures, offset);
        }

        /**
         * An upper bound of the text component with a candidate, from the terms the two texts share, read from the
         * candidate's term ids alone: by Cauchy–Schwarz the cosine is at most the norm of the subject's normalised
         * weights on those terms. Tighter than {@link #descriptionBound}, which counts every subject term of a
         * signature bit the candidate has, at the cost of reading its terms; the same margin covers rounding.
         */
        public double sharedTermsBound(PostFeatures candidate) {
            if (subjectShares == null) {
                subjectShares = DescriptionSimilarity.termShares(subject.terms(), subjectNorm, statistics);
            }
            return DescriptionSimilarity.sharedTermsBound(subject.terms(), subjectShares, candidate.terms());
        }

        /** The upper bound of a candidate from parts kept from {@link #cheapBound} and a text bound. */
        public double upperBoundFromParts(double categoryTerritoryPurpose, double crossFamily, boolean mayBeReciprocal,
                                          double freshness, double descriptionBound) {
            return combine(categoryTerritoryPurpose, descriptionBound, crossFamily, mayBeReciprocal ? 1 : 0, freshness);
        }

        public int today() {
            return today;
        }

        private double pairFreshness(int needWrittenOn, int offerWrittenOn) {
            return (freshness(today, needWrittenOn) + freshness(today, offerWrittenOn)) / 2;
        }

        /** The candidate's score with its components and the sentence a facilitator reads out. */
        public Match explain(PostFeatures candidate) {
            return explain(candidate, description(candidate));
        }

        /**
         * {@link #explain(PostFeatures)} for a candidate whose text component is already known, as
         * {@link #lastDescription} gave it when the candidate was scored.
         */
        public Match explain(PostFeatures candidate, double description) {
            PostFeatures need = subjectIsNeed ? subject : candidate;
            PostFeatures offer = subjectIsNeed ? candidate : subject;
            Match.Reciprocal reciprocal = reciprocal(need.actor(), offer.actor());
            Components components = new Components(
                    categories.value(need.category(), need.form(), offer.category(), offer.form()),
                    TerritorialProximity.value(need.place(), offer.place()),
                    purpose(need.sdgs(), offer.sdgs(), need.themes(), offer.themes()),
                    description,
                    crossFamily(need.actor().familyOrdinal(), offer.actor().familyOrdinal()),
                    reciprocal != null ? 1 : 0,
                    pairFreshness(need.freshSinceDay(), offer.freshSinceDay()));
            // The score from these very components, by the same arithmetic as scoreFromParts: the text and
            // reciprocity, the costly parts, are not computed a second time.
            double score = combine(categoryTerritoryPurpose(components.category(), components.territory(), components.purpose()),
                    components.description(), components.crossFamily(), components.reciprocity(), components.freshness());
            Actor needActor = need.actor().snapshot();
            Actor offerActor = offer.actor().snapshot();
            String sentence = sentences.write(need, needActor, offer, offerActor, components, reciprocal);
            return new Match(need, needActor, offer, offerActor, score, components, MODEL_VERSION, sentence, reciprocal);
        }

        private double description(PostFeatures candidate) {
            TermVector terms = candidate.terms();
            return DescriptionSimilarity.cosine(subject.terms(), subjectNorm, terms,
                    DescriptionSimilarity.squaredNorm(terms, statistics), statistics);
        }

        /**
         * A need of the offering actor that an offer of the needing actor passes every gate for, the lowest ids when
         * several do; null when the alliance goes one way only.
         */
        private Match.Reciprocal reciprocal(ActorFeatures needer, ActorFeatures offerer) {
            // Most actor pairs cannot be reciprocal by category alone: no need to look at their posts.
            if ((offerer.needCategories() & CategoryCompatibility.needsAnsweredByAny(needer.offerCategories())) == 0) {
                return null;
            }
            ActorFeatures other = subjectIsNeed ? offerer : needer;
            Match.Reciprocal known = reciprocalByActor.get(other);
            if (known == null) {
                known = findReciprocal(needer, offerer);
                reciprocalByActor.put(other, known);
            }
            return known == NONE ? null : known;
        }

        private Match.Reciprocal findReciprocal(ActorFeatures needer, ActorFeatures offerer) {
            PostFeatures bestNeed = null;
            PostFeatures bestOffer = null;
            for (PostFeatures theirNeed : offerer.needs()) {
                for (PostFeatures ourOffer : needer.offers()) {
                    if (PairGates.admits(theirNeed, ourOffer, today, excluded) && (bestNeed == null
                            || theirNeed.id().compareTo(bestNeed.id()) < 0
                            || (theirNeed.id().equals(bestNeed.id()) && ourOffer.id().compareTo(bestOffer.id()) < 0))) {
                        bestNeed = theirNeed;
                        bestOffer = ourOffer;
                    }
                }
            }
            return bestNeed == null ? NONE : new Match.Reciprocal(bestNeed, bestOffer);
        }
    }
}
