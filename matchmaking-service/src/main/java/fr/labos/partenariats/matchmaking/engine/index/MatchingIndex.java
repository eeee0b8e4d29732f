package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.ActorFeatures;
import fr.labos.partenariats.matchmaking.engine.model.CategoryCompatibility;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityModel;
import fr.labos.partenariats.matchmaking.engine.model.ExcludedActors;
import fr.labos.partenariats.matchmaking.engine.model.FrenchText;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.matchmaking.engine.model.PairGates;
import fr.labos.partenariats.matchmaking.engine.model.Place;
import fr.labos.partenariats.matchmaking.engine.model.PostFeatures;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.matchmaking.engine.model.TermStatistics;
import fr.labos.partenariats.matchmaking.engine.model.TermVector;
import fr.labos.partenariats.matchmaking.engine.model.TerritorialProximity;
import fr.labos.partenariats.matchmaking.engine.model.TerritoryTable;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.PostDetails;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The matching engine's memory: every open need and offer as {@link PostFeatures}, the actors behind them, inverted
 * lists for candidate generation ({@link CandidateBuckets}) and the vocabulary's document frequencies.
 *
 * <p>It answers "the best k offers for this need" ({@link #matchesFor}) in three steps, all exact:
 * <ol>
 *   <li>candidates: only the inverted lists of the categories the category gate allows, at or within the territories
 *   the territorial gate allows, so no refused pair is ever looked at; the large lists come split into blocks by
 *   themes ({@link PostBucket}), each with one upper bound for all its posts;</li>
 *   <li>best first over blocks and candidates together: a block whose bound can still reach the top k is streamed over
 *   its flat arrays, bounding each candidate (text bounded from term signatures, reciprocity from the actors' category
 *   masks) and queuing those that can reach the top k; a queued candidate on top has its text bound refined from the
 *   terms it shares with the subject, then, if still on top, its exact score computed
 *   ({@link ComplementarityModel.Ranking#scoreFromParts});</li>
 *   <li>the threshold — the top k's k-th exact score, or the k-th best lower bound if higher — drops whole blocks and
 *   candidates, and ends the ranking when no bound left reaches it.</li>
 * </ol>
 * The same question by brute force ({@link #matchesByExhaustiveScan}: every open post of the other kind through the
 * gates and scored in full) is the reference the fast path agrees with exactly, scores included.
 *
 * <p><b>Concurrency.</b> One {@link ReentrantReadWriteLock}: rankings share the read lock, so each sees one consistent
 * state (posts, actors, IDF) from start to end; a write (one event: microseconds, the text having been analysed before
 * taking the lock) takes the write lock. Measured in BENCHMARKS.md.
 *
 * <p><b>Incremental.</b> A write changes only what the event touches: a post's lists and term counts, or an actor's
 * profile (which every post of that actor reads through its shared {@link ActorFeatures}). Nothing is precomputed per
 * pair, so no ranking ever has to be recomputed.
 */
public final class MatchingIndex {

    /** What the index needs to know of one standing post. */
    public record PostContent(PostKind kind, String id, String actorId, PostDetails details, long sequence,
                              Instant writtenAt) {
    }

    /** Sizes, for health and metrics. */
    public record Statistics(int needs, int offers, int actors, int vocabulary, int places) {
    }

    private final ComplementarityModel model;
    private final TerritoryTable territories;
    private final FrenchText text;
    private final ZoneId zone;
    private final PairExclusions exclusions;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<PostKind, Map<String, PostFeatures>> posts = new EnumMap<>(PostKind.class);
    private final Map<String, ActorFeatures> actors = new HashMap<>();
    /** The family ordinal of each actor slot (-1 while unknown), mirrored from ActorFeatures for the rankings' first bound. */
    private byte[] familyBySlot = new byte[1024];
    /** Categories (bit = ordinal) of each actor slot's needs and offers, mirrored likewise for reciprocity's quick test. */
    private int[] needCategoriesBySlot = new int[1024];
    private int[] offerCategoriesBySlot = new int[1024];
    private int nextActorSlot;
    private final CandidateBuckets buckets = new CandidateBuckets();
    private final TermDictionary dictionary = new TermDictionary();
    private volatile CountDownLatch ready = new CountDownLatch(1);

    public MatchingIndex(ComplementarityModel model, TerritoryTable territories, FrenchText text, ZoneId zone) {
        this(model, territories, text, zone, PairExclusions.NONE);
    }

    /** @param exclusions pairs of actors never proposed to each other, asked once per ranking */
    public MatchingIndex(ComplementarityModel model, TerritoryTable territories, FrenchText text, ZoneId zone,
                         PairExclusions exclusions) {
        this.model = model;
        this.territories = territories;
        this.text = text;
        this.zone = zone;
        this.exclusions = exclusions;
        for (PostKind kind : PostKind.values()) {
            posts.put(kind, new HashMap<>());
        }
    }

    public ComplementarityModel model() {
        return model;
    }

    public TerritoryTable territories() {
        return territories;
    }

    // ------------------------------------------------------------------------------------------------ readiness

    /** Whether the index holds the projection's state (loaded at start, then kept up to date event by event). */
    public boolean isReady() {
        return ready.getCount() == 0;
    }

    /** Waits up to {@code timeout} for the index to be ready; false if it still is not. */
    public boolean awaitReady(Duration timeout) {
        try {
            return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Empties the index and marks it not ready, before a (re)load. */
    public void beginLoad() {
        write(() -> {
            if (isReady()) {
                ready = new CountDownLatch(1);
            }
            for (Map<String, PostFeatures> byId : posts.values()) {
                byId.clear();
            }
            actors.clear();
            nextActorSlot = 0;
            buckets.clear();
            dictionary.clear();
            return null;
        });
    }

    public void markReady() {
        ready.countDown();
    }

    // ------------------------------------------------------------------------------------------------ writes

    /**
     * Puts a standing post in the index, or replaces its content; an older sequence than the one held is ignored (a
     * redelivery). The text is analysed before the write lock is taken.
     */
    public void put(PostContent content) {
        Prepared prepared = prepare(content);
        write(() -> {
            insert(prepared);
            return null;
        });
    }

    /**
     * Puts many posts at once, as when loading: texts are analysed in parallel, then all are inserted under one
     * acquisition of the write lock.
     */
    public void putAll(Collection<PostContent> contents) {
        List<Prepared> prepared = contents.parallelStream().map(this::prepare).toList();
        write(() -> {
            prepared.forEach(this::insert);
            return null;
        });
    }

    /** Takes a post out (withdrawn, fulfilled); an older sequence than the one held is ignored. */
    public void remove(PostKind kind, String id, long sequence) {
        write(() -> {
            PostFeatures held = posts.get(kind).get(id);
            if (held != null && held.sequence() <= sequence) {
                unlink(held);
            }
            return null;
        });
    }

    /** Sets an actor's public profile; every post of the actor reads it from then on. */
    public void putActor(String id, String name, ActorType type, long sequence) {
        write(() -> {
            ActorFeatures actor = actor(id);
            actor.updateProfile(name, type, sequence);
            familyBySlot[actor.slot()] = (byte) actor.familyOrdinal();
            return null;
        });
    }

    /** Takes out every post that no longer stands on {@code today}; rankings already ignore them, this frees memory. */
    public int purgeExpired(LocalDate today) {
        int day = (int) today.toEpochDay();
        return write(() -> {
            List<PostFeatures> expired = new ArrayList<>();
            for (Map<String, PostFeatures> byId : posts.values()) {
                for (PostFeatures post : byId.values()) {
                    if (!post.standsOn(day)) {
                        expired.add(post);
                    }
                }
            }
            expired.forEach(this::unlink);
            return expired.size();
        });
    }

    private record Prepared(PostContent content, Place place, TermVector terms) {
    }

    private Prepared prepare(PostContent content) {
        PostDetails details = content.details();
        TermVector terms = dictionary.vectorOf(text.stems(FrenchText.of(details.title(), details.description())));
        return new Prepared(content, territories.place(details.territory()), terms);
    }

    private void insert(Prepared prepared) {
        PostContent content = prepared.content();
        Map<String, PostFeatures> byId = posts.get(content.kind());
        PostFeatures held = byId.get(content.id());
        if (held != null) {
            if (held.sequence() > content.sequence()) {
                return;
            }
            unlink(held);
        }
        PostDetails details = content.details();
        if (details.category() == null) {
            // Cannot pass the category gate: keep it out rather than carry a post no ranking can ever show.
            return;
        }
        ActorFeatures actor = actor(content.actorId());
        PostFeatures post = new PostFeatures(content.id(), content.kind(), actor, content.sequence(),
                details.category(), details.form(), details.title(), prepared.place(),
                PostFeatures.sdgMask(details.sdgs()), PostFeatures.themeMask(details.themes()), prepared.terms(),
                // Past the days an int counts (year 5,881,580), a post has no end rather than one in the past.
                details.validUntil() == null ? PostFeatures.NO_END
                        : (int) Math.min(details.validUntil().toEpochDay(), PostFeatures.NO_END),
                content.writtenAt() == null ? 0 : (int) LocalDate.ofInstant(content.writtenAt(), zone).toEpochDay());
        byId.put(post.id(), post);
        buckets.add(post);
        actor.attach(post);
        mirrorCategories(actor);
        dictionary.add(post.terms());
    }

    private void mirrorCategories(ActorFeatures actor) {
        needCategoriesBySlot[actor.slot()] = actor.needCategories();
        offerCategoriesBySlot[actor.slot()] = actor.offerCategories();
    }

    /** The actor's features, made (with a fresh slot) on first mention. Under the write lock. */
    private ActorFeatures actor(String id) {
        ActorFeatures actor = actors.get(id);
        if (actor == null) {
            if (nextActorSlot == familyBySlot.length) {
                familyBySlot = Arrays.copyOf(familyBySlot, familyBySlot.length * 2);
                needCategoriesBySlot = Arrays.copyOf(needCategoriesBySlot, familyBySlot.length);
                offerCategoriesBySlot = Arrays.copyOf(offerCategoriesBySlot, familyBySlot.length);
            }
            actor = new ActorFeatures(id, nextActorSlot++);
            familyBySlot[actor.slot()] = -1;
            needCategoriesBySlot[actor.slot()] = 0;
            offerCategoriesBySlot[actor.slot()] = 0;
            actors.put(id, actor);
        }
        return actor;
    }

    private void unlink(PostFeatures post) {
        posts.get(post.kind()).remove(post.id());
        buckets.remove(post);
        dictionary.remove(post.terms());
        ActorFeatures actor = post.actor();
        actor.detach(post);
        mirrorCategories(actor);
        if (!actor.hasPosts() && !actor.isKnown()) {
            actors.remove(actor.id());
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** The post if it stands on {@code today}. */
    public Optional<PostFeatures> standingPost(PostKind kind, String id, LocalDate today) {
        return read(() -> Optional.ofNullable(posts.get(kind).get(id)).filter(p -> p.standsOn((int) today.toEpochDay())));
    }

    /**
     * The best {@code limit} candidates of the other kind for a standing post, best first, explained; empty if the
     * post does not stand. The fast path (see the class comment).
     */
    public Optional<List<Match>> matchesFor(PostKind kind, String id, RankingFilter filter, LocalDate today, int limit) {
        return read(() -> subject(kind, id, today).map(subject -> {
            ComplementarityModel.Ranking ranking = rankingFor(subject, today, dictionary.statistics(), filter);
            TopK top = new TopK(limit);
            Place within = filter.within() == null ? null : territories.place(filter.within());
            int day = ranking.today();
            // Blocks first: every block of the lists the gates allow, with one upper bound for all its posts.
            BlocksByBound blocks = new BlocksByBound();
            for (ResourceCategory category : candidateCategories(subject)) {
                if (filter.allowsCategory(category)) {
                    buckets.visitCandidates(subject.place(), kind.other(), category, (bucket, commonLevel, neighbourhood) -> {
                        double proximity = TerritorialProximity.valueAt(commonLevel);
                        for (int b = 0, count = bucket.blockCount(); b < count; b++) {
                            PostBlock block = bucket.block(b);
                            if (block.size() > 0 && block.latestValidUntil() >= day) {
                                blocks.add(block, category, proximity, neighbourhood, ranking.groupBound(category, block.formCodes(),
                                        proximity, block.sdgUnion(), block.fewestSdgs(), block.themeUnion(),
                                        block.fewestThemes(), block.latestFreshSince(), block.signatureUnion()));
                            }
                        }
                    });
                }
            }
            blocks.sortHighestFirst();
            // Then best first, blocks and candidates together: the highest bound left is either a block's, which is
            // then streamed, or a candidate's, which is then scored exactly. Streaming a block, over its flat arrays
            // only, bounds each of its candidates (text and reciprocity at their best) and queues those that can
            // still reach the top k. Two thresholds rise on the way: the top k's k-th exact score, and the floor,
            // the k-th best lower bound (text and reciprocity at 0) of the candidates queued, under which the final
            // top k cannot fall either. Not the floor with a filter that reads the post object, whose rejects must
            // not raise it. A block or a candidate under the threshold is dropped at once; the ranking ends when no
            // bound left reaches it. A candidate on top is first given a tighter text bound (from the terms it shares
            // with the subject) and put back: most then sink under the threshold without being scored.
            CandidateQueue queue = new CandidateQueue(256);
            KthLargest floor = new KthLargest(filter.readsPosts() ? 0 : limit);
            int rank = 0;
            int blockCount = blocks.size();
            while (rank < blockCount || !queue.isEmpty()) {
                double threshold = Math.max(top.threshold(), floor.value());
                if (rank < blockCount && (queue.isEmpty() || blocks.bound(blocks.entry(rank)) >= queue.highestBound())) {
                    int entry = blocks.entry(rank++);
                    if (blocks.bound(entry) >= threshold) {
                        stream(ranking, blocks.block(entry), blocks.category(entry), blocks.proximity(entry),
                                blocks.neighbourhood(entry), threshold, floor, queue);
                    }
                } else if (queue.highestBound() < threshold) {
                    // The queue's highest is under the threshold, which only rises: no candidate in it can enter.
                    queue.clear();
                } else if (!queue.isHighestRefined()) {
                    queue.refineHighest(ranking);
                } else {
                    PostFeatures candidate = queue.highestPost();
                    // Kind, category and territory gates hold by construction of the lists (checked when assertions
                    // are on).
                    assert ranking.admits(candidate) : candidate + " in a list for " + subject;
                    double score = filter.accepts(candidate, within) ? queue.scoreHighest(ranking, threshold) : -1;
                    queue.removeHighest();
                    if (score >= 0) {
                        top.offer(candidate, score, ranking.lastDescription());
                    }
                }
            }
            return explain(ranking, top);
        }));
    }

    /**
     * Queues the candidates of a block (of the ranking's lists) whose upper bound reaches {@code threshold}, raising
     * the floor with their lower bounds on the way. Reads the block's flat arrays and the actors' mirrored features
     * only, never a post object.
     */
    private void stream(ComplementarityModel.Ranking ranking, PostBlock block, ResourceCategory category, double proximity,
                        int neighbourhood, double threshold, KthLargest floor, CandidateQueue queue) {
        int day = ranking.today();
        int self = ranking.subject().actor().slot();
        ExcludedActors excluded = ranking.excluded();
        byte[] families = familyBySlot;
        int[] actorNeeds = needCategoriesBySlot;
        int[] actorOffers = offerCategoriesBySlot;
        PostFeatures[] posts = block.posts();
        byte[] forms = block.forms();
        int[] sdgs = block.sdgs();
        int[] themes = block.themes();
        int[] validUntil = block.validUntil();
        int[] freshSince = block.freshSince();
        int[] actors = block.actorSlots();
        long[] signatures = block.signatures();
        Place place = ranking.subject().place();
        for (int i = 0, n = block.size(); i < n; i++) {
            int actor = actors[i];
            // The gates the lists do not already guarantee; of a neighbours' list, only the posts it is there for.
            if (!PairGates.admitsListed(validUntil[i], actor, day, self, excluded) || (neighbourhood != CandidateBuckets.EVERY_POST
                    && !TerritorialProximity.neighboursThrough(place, posts[i].place(), neighbourhood))) {
                continue;
            }
            double upper = ranking.cheapBound(category, PostFeatures.formOfCode(forms[i]), proximity, sdgs[i], themes[i],
                    families[actor], freshSince[i], actorNeeds[actor], actorOffers[actor], 1);
            if (upper >= threshold) {
                floor.offer(ranking.lastLowerBound());
                threshold = Math.max(threshold, floor.value());
                // Tighter: the text bound from the term signatures, still without reading the post.
                double descriptionBound = ranking.descriptionBound(signatures, i * TermVector.SIGNATURE_WORDS);
                double bound = ranking.lastUpperBound(descriptionBound);
                if (bound >= threshold) {
                    queue.add(bound, posts[i], ranking, descriptionBound);
                }
            }
        }
    }

    /**
     * The same answer as {@link #matchesFor}, by brute force: every open post of the other kind through the gates and
     * scored in full. The reference for tests and the benchmark baseline; not for serving.
     */
    public Optional<List<Match>> matchesByExhaustiveScan(PostKind kind, String id, RankingFilter filter, LocalDate today,
                                                         int limit) {
        return read(() -> subject(kind, id, today).map(subject -> {
            ComplementarityModel.Ranking ranking = rankingFor(subject, today, dictionary.statistics(), filter);
            Place within = filter.within() == null ? null : territories.place(filter.within());
            TopK top = new TopK(limit);
            for (PostFeatures candidate : posts.get(kind.other()).values()) {
                if (filter.accepts(candidate, within) && ranking.admits(candidate)) {
                    top.offer(candidate, ranking.score(candidate), ranking.lastDescription());
                }
            }
            return explain(ranking, top);
        }));
    }

    /** The partners of an actor ({@link PartnerRanking}); empty if the index knows neither the actor nor any post of it. */
    public Optional<List<Partner>> partnersOf(String actorId, RankingFilter filter, LocalDate today, int limit,
                                              int pairsPerPartner) {
        return read(() -> Optional.ofNullable(actors.get(actorId)).map(actor -> new PartnerRanking(this, actor, filter,
                today, dictionary.statistics()).best(limit, pairsPerPartner)));
    }

    /**
     * How {@code otherActorId} stands as a partner of {@code actorId} on {@code today}: the partner score over every
     * pair between them, both directions, with the best {@code pairsPerPartner} pairs explained, as
     * {@link #partnersOf} would list it through {@code filter} (score 0 and no pair when no pair passes the gates);
     * empty if the index knows either actor not at all.
     */
    public Optional<Partner> partnership(String actorId, String otherActorId, LocalDate today, int pairsPerPartner,
                                         RankingFilter filter) {
        return read(() -> {
            ActorFeatures actor = actors.get(actorId);
            ActorFeatures other = actors.get(otherActorId);
            if (actor == null || other == null) {
                return Optional.empty();
            }
            return Optional.of(new PartnerRanking(this, actor, filter, today, dictionary.statistics())
                    .with(other, pairsPerPartner));
        });
    }

    /**
     * The same answer as {@link #partnersOf}, by scoring in full every admitted pair of the actor's posts. The
     * reference for tests and the benchmark baseline; not for serving.
     */
    public Optional<List<Partner>> partnersByScoringEveryPair(String actorId, RankingFilter filter, LocalDate today,
                                                              int limit, int pairsPerPartner) {
        return read(() -> Optional.ofNullable(actors.get(actorId)).map(actor -> new PartnerRanking(this, actor, filter,
                today, dictionary.statistics()).bestByScoringEveryPair(limit, pairsPerPartner)));
    }

    public Statistics statistics() {
        return read(() -> new Statistics(posts.get(PostKind.NEED).size(), posts.get(PostKind.OFFER).size(), actors.size(),
                dictionary.vocabularySize(), territories.size()));
    }

    /**
     * Calls {@code visitor} for every candidate of the ranking's subject that passes the gates and the filter, visiting
     * only the inverted lists of the categories the gate allows, nearest territories first. Under the read lock
     * already taken by the caller.
     */
    void forEachAdmitted(ComplementarityModel.Ranking ranking, RankingFilter filter, CandidateVisitor visitor) {
        PostFeatures subject = ranking.subject();
        Place within = filter.within() == null ? null : territories.place(filter.within());
        for (ResourceCategory category : candidateCategories(subject)) {
            if (filter.allowsCategory(category)) {
                buckets.visitCandidates(subject.place(), subject.kind().other(), category, (bucket, commonLevel, neighbourhood) -> {
                    for (int b = 0, count = bucket.blockCount(); b < count; b++) {
                        PostBlock block = bucket.block(b);
                        for (int i = 0, n = block.size(); i < n; i++) {
                            PostFeatures candidate = block.post(i);
                            if ((neighbourhood == CandidateBuckets.EVERY_POST
                                    || TerritorialProximity.neighboursThrough(subject.place(), candidate.place(), neighbourhood))
                                    && filter.accepts(candidate, within) && ranking.admits(candidate)) {
                                visitor.visit(candidate);
                            }
                        }
                    }
                });
            }
        }
    }

    @FunctionalInterface
    interface CandidateVisitor {
        void visit(PostFeatures candidate);
    }

    /**
     * The candidates {@link #forEachAdmitted} visits, in the same lists, each with an upper and a lower bound of its
     * exact score taken from the blocks' flat arrays (the bounds of {@link #matchesFor}'s first pass), without scoring
     * it. Under the read lock already taken by the caller.
     */
    void forEachBounded(ComplementarityModel.Ranking ranking, RankingFilter filter, BoundedCandidateVisitor visitor) {
        PostFeatures subject = ranking.subject();
        Place within = filter.within() == null ? null : territories.place(filter.within());
        boolean readsPosts = filter.readsPosts();
        int day = ranking.today();
        int self = subject.actor().slot();
        ExcludedActors excluded = ranking.excluded();
        for (ResourceCategory category : candidateCategories(subject)) {
            if (filter.allowsCategory(category)) {
                buckets.visitCandidates(subject.place(), subject.kind().other(), category, (bucket, commonLevel, neighbourhood) -> {
                    double proximity = TerritorialProximity.valueAt(commonLevel);
                    byte[] families = familyBySlot;
                    int[] actorNeeds = needCategoriesBySlot;
                    int[] actorOffers = offerCategoriesBySlot;
                    for (int b = 0, count = bucket.blockCount(); b < count; b++) {
                        PostBlock block = bucket.block(b);
                        PostFeatures[] posts = block.posts();
                        byte[] forms = block.forms();
                        int[] sdgs = block.sdgs();
                        int[] themes = block.themes();
                        int[] validUntil = block.validUntil();
                        int[] freshSince = block.freshSince();
                        int[] actors = block.actorSlots();
                        long[] signatures = block.signatures();
                        for (int i = 0, n = block.size(); i < n; i++) {
                            int actor = actors[i];
                            // The gates the lists do not already guarantee; of a neighbours' list, only its own posts.
                            if (!PairGates.admitsListed(validUntil[i], actor, day, self, excluded)
                                    || (neighbourhood != CandidateBuckets.EVERY_POST && !TerritorialProximity
                                    .neighboursThrough(subject.place(), posts[i].place(), neighbourhood))) {
                                continue;
                            }
                            PostFeatures candidate = posts[i];
                            // The post object is read only for a filter that needs it (or with assertions on).
                            if (readsPosts && !filter.accepts(candidate, within)) {
                                continue;
                            }
                            assert ranking.admits(candidate) : candidate + " in a list for " + subject;
                            ranking.cheapBound(category, PostFeatures.formOfCode(forms[i]), proximity, sdgs[i],
                                    themes[i], families[actor], freshSince[i], actorNeeds[actor], actorOffers[actor], 1);
                            double lower = ranking.lastLowerBound();
                            double upper = ranking.lastUpperBound(
                                    ranking.descriptionBound(signatures, i * TermVector.SIGNATURE_WORDS));
                            visitor.visit(candidate, actor, upper, lower);
                        }
                    }
                });
            }
        }
    }

    @FunctionalInterface
    interface BoundedCandidateVisitor {
        void visit(PostFeatures candidate, int actorSlot, double upperBound, double lowerBound);
    }

    /**
     * The model's ranking for a subject, with the actors set aside for the subject's actor resolved to slots once
     * (an excluded actor the index does not know yet has no post to propose), unless the filter keeps them. Under
     * the read lock.
     */
    ComplementarityModel.Ranking rankingFor(PostFeatures subject, LocalDate today, TermStatistics statistics,
                                            RankingFilter filter) {
        return model.rankingFor(subject, today, statistics,
                filter.keepSetAside() ? ExcludedActors.NONE : excludedFor(subject.actor()));
    }

    private ExcludedActors excludedFor(ActorFeatures actor) {
        Set<String> ids = exclusions.excludedPartnersOf(actor.id());
        if (ids.isEmpty()) {
            return ExcludedActors.NONE;
        }
        // An actor set aside for itself means nothing: its own posts are never proposed to it anyway.
        return ExcludedActors.ofSlots(ids.stream().map(actors::get).filter(Objects::nonNull).filter(other -> other != actor)
                .mapToInt(ActorFeatures::slot).toArray());
    }

    private Optional<PostFeatures> subject(PostKind kind, String id, LocalDate today) {
        return Optional.ofNullable(posts.get(kind).get(id)).filter(p -> p.standsOn((int) today.toEpochDay()));
    }

    private static List<ResourceCategory> candidateCategories(PostFeatures subject) {
        return subject.kind() == PostKind.NEED
                ? CategoryCompatibility.offersAnswering(subject.category())
                : CategoryCompatibility.needsAnsweredBy(subject.category());
    }

    private static List<Match> explain(ComplementarityModel.Ranking ranking, TopK top) {
        List<Match> matches = new ArrayList<>();
        for (TopK.Scored scored : top.best()) {
            matches.add(ranking.explain(scored.post(), scored.description()));
        }
        return matches;
    }

    // ------------------------------------------------------------------------------------------------ locking

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Visible for the benchmark: how many posts of each kind are held (expired ones included until purged). */
    public int size(PostKind kind) {
        return read(() -> posts.get(kind).size());
    }

    /** Visible for tests and the benchmark: the ids of the held posts of a kind. */
    public List<String> ids(PostKind kind) {
        return read(() -> {
            List<String> ids = new ArrayList<>(posts.get(kind).keySet());
            ids.sort(null);
            return ids;
        });
    }
}
