package fr.labos.partenariats.matchmaking.engine;

import fr.labos.partenariats.matchmaking.engine.index.MatchingIndex;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityModel;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityWeights;
import fr.labos.partenariats.matchmaking.engine.model.FrenchText;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.matchmaking.engine.model.TerritoryTable;
import fr.labos.partenariats.schema.common.ActorType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The matching engine as a library, free of Spring, of the web and of storage: what the service's projection, its
 * REST API and any later caller (a scheduler of introductions, a dashboard) may ask of it. Posts and actors go in as
 * they change; rankings come out, exact and explained in French, on a given day.
 *
 * <p>Thread-safe: one read-write lock inside, so each answer sees one consistent state.
 */
public final class MatchingEngine {

    private final MatchingIndex index;

    /**
     * @param zone       the zone that turns a post's last writing instant into a day, for freshness
     * @param exclusions pairs of actors never proposed to each other ({@link PairExclusions#NONE}: none)
     */
    public MatchingEngine(ComplementarityWeights weights, TerritoryTable territories, FrenchText text, ZoneId zone,
                          PairExclusions exclusions) {
        this.index = new MatchingIndex(new ComplementarityModel(weights), territories, text, zone, exclusions);
    }

    // ------------------------------------------------------------------------------------------------ writes

    /** Adds a standing post or replaces its content; an older sequence than the one held is ignored. */
    public void put(MatchingIndex.PostContent post) {
        index.put(post);
    }

    /** Adds many posts at once (a load): texts analysed in parallel, one write. */
    public void putAll(Collection<MatchingIndex.PostContent> posts) {
        index.putAll(posts);
    }

    /** Takes a post out (withdrawn, fulfilled); an older sequence than the one held is ignored. */
    public void remove(PostKind kind, String postId, long sequence) {
        index.remove(kind, postId, sequence);
    }

    /** Sets an actor's public profile. */
    public void upsertActor(String actorId, String name, ActorType type, long sequence) {
        index.putActor(actorId, name, type, sequence);
    }

    /** Frees the posts no longer standing on {@code today}; returns how many. Rankings ignore them anyway. */
    public int purgeExpired(LocalDate today) {
        return index.purgeExpired(today);
    }

    // ------------------------------------------------------------------------------------------------ loading

    /** Empties the engine and marks it not ready, before a (re)load. */
    public void beginLoad() {
        index.beginLoad();
    }

    /** The state is loaded: rankings may be served. */
    public void markReady() {
        index.markReady();
    }

    public boolean isReady() {
        return index.isReady();
    }

    /** Waits up to {@code timeout} for the engine to be ready; false if it still is not. */
    public boolean awaitReady(Duration timeout) {
        return index.awaitReady(timeout);
    }

    public MatchingIndex.Statistics statistics() {
        return index.statistics();
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * The best {@code limit} posts of the other kind for a standing need or offer, best first, explained; empty if
     * the post does not stand on {@code today}.
     */
    public Optional<List<Match>> rank(PostKind kind, String postId, RankingFilter filter, LocalDate today, int limit) {
        return index.matchesFor(kind, postId, filter, today, limit);
    }

    /**
     * The best {@code limit} other actors for an actor, each with its best {@code pairsPerPartner} pairs; empty if
     * the engine knows neither the actor nor any post of it.
     */
    public Optional<List<Partner>> partnersOf(String actorId, RankingFilter filter, LocalDate today, int limit,
                                              int pairsPerPartner) {
        return index.partnersOf(actorId, filter, today, limit, pairsPerPartner);
    }

    /**
     * The weight of one pair of actors: the partner score of {@code otherActorId} for {@code actorId} with its
     * explanation, the same as {@link #partnersOf} gives for it (score 0 and no pair if none passes the gates);
     * empty if either actor is unknown.
     */
    public Optional<Partner> weight(String actorId, String otherActorId, LocalDate today, int pairsPerPartner) {
        return weight(actorId, otherActorId, today, pairsPerPartner, RankingFilter.none());
    }

    /**
     * The same, through {@code filter}: {@link RankingFilter#keepingSetAside} gives the pairs of two actors whose
     * introductions set them aside, for a facilitator who introduces them again.
     */
    public Optional<Partner> weight(String actorId, String otherActorId, LocalDate today, int pairsPerPartner,
                                    RankingFilter filter) {
        return index.partnership(actorId, otherActorId, today, pairsPerPartner, filter);
    }
}
