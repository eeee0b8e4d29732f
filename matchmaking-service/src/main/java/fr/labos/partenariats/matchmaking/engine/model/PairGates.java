package fr.labos.partenariats.matchmaking.engine.model;

/**
 * The gates of the model, in one place: a need and an offer failing any of them are never proposed, whatever their
 * score. Every path of the engine applies these very methods: the reference scans, the model's own reciprocity test
 * and the explanations through {@link #admits}; the index's fast paths, which read candidates from inverted lists,
 * through {@link #listed} (the lists hold by construction, checked when assertions are on) and
 * {@link #admitsListed} per candidate, on the values the lists keep in flat arrays.
 * <ul>
 *   <li>kinds: a need and an offer;</li>
 *   <li>actors: two different actors, and not a pair of actors the {@link PairExclusions} set aside (the
 *   {@link ExcludedActors} every path gets from the index; empty only when the caller asked to see such pairs, to
 *   mark them: {@code RankingFilter.keepSetAside});</li>
 *   <li>validity: both stand on the day of the ranking (withdrawn and fulfilled posts are not in the index; expired
 *   ones, {@code validUntil} before that day, are refused here, even before the periodic purge removes them);</li>
 *   <li>category: the offer's category answers the need's ({@link CategoryCompatibility});</li>
 *   <li>territory: {@link TerritorialProximity#compatible}.</li>
 * </ul>
 */
public final class PairGates {

    private PairGates() {
    }

    /** Whether every gate lets the pair through on that epoch day; {@code excluded}: the subject actor's exclusions. */
    public static boolean admits(PostFeatures need, PostFeatures offer, int day, ExcludedActors excluded) {
        return need.kind() == PostKind.NEED && offer.kind() == PostKind.OFFER
                && need.actor() != offer.actor()
                && !excluded.contains(need.actor().slot()) && !excluded.contains(offer.actor().slot())
                && need.standsOn(day) && offer.standsOn(day)
                && listed(need, offer);
    }

    /**
     * The gates that hold for as long as the two posts' contents do, category and territory: the index files posts in
     * inverted lists so that a ranking only ever visits candidates passing these two.
     */
    public static boolean listed(PostFeatures need, PostFeatures offer) {
        return CategoryCompatibility.answers(offer.category(), need.category())
                && TerritorialProximity.compatible(need.place(), offer.place());
    }

    /**
     * The gates left for a candidate found in a list ({@link #listed} holding), on what the list keeps of it: it
     * stands on {@code day}, belongs to another actor than the subject's, and not to one set aside for it.
     *
     * @param validUntil the candidate's last day, as an epoch day
     * @param actorSlot  the candidate actor's slot
     * @param selfSlot   the subject actor's slot
     */
    public static boolean admitsListed(int validUntil, int actorSlot, int day, int selfSlot, ExcludedActors excluded) {
        return validUntil >= day && actorSlot != selfSlot && !excluded.contains(actorSlot);
    }
}
