package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.CategoryCompatibility;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityModel;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityWeights;
import fr.labos.partenariats.matchmaking.engine.model.Components;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.instancio.junit.Given;
import org.instancio.junit.GivenProvider;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static fr.labos.partenariats.matchmaking.support.IndexFixture.PARIS;
import static fr.labos.partenariats.matchmaking.support.IndexFixture.TERRITORIES;
import static fr.labos.partenariats.matchmaking.support.IndexFixture.TEXT;
import static fr.labos.partenariats.matchmaking.support.IndexFixture.TODAY;
import static fr.labos.partenariats.matchmaking.support.Posts.AUVERGNE_RHONE_ALPES;
import static fr.labos.partenariats.matchmaking.support.Posts.ECHIROLLES;
import static fr.labos.partenariats.matchmaking.support.Posts.FRANCE;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE_ALPES_METROPOLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.LYON;
import static fr.labos.partenariats.matchmaking.support.Posts.RENNES;
import static fr.labos.partenariats.matchmaking.support.Posts.RHONE;
import static fr.labos.partenariats.matchmaking.support.Posts.SAINT_DENIS_REUNION;
import static fr.labos.partenariats.matchmaking.support.Posts.VOIRON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the model and of the index over random territories of actors and posts, built the way the projection
 * builds the index: registrations, updates, withdrawals, in some order.
 *
 * <p>Each property is a repeated test whose cases are drawn by the generators below ({@link GivenProvider}s) from
 * Instancio's seeded random source. A failing repetition reports its seed; annotating the method with
 * {@code @org.instancio.junit.Seed(<seed>)} replays that very case.
 */
@ExtendWith(InstancioExtension.class)
class RankingProperties {

    private static final TerritoryDirectory DIRECTORY = TerritoryDirectory.official();
    private static final List<TerritoryRef> TERRITORIES_USED = List.of(GRENOBLE, ECHIROLLES, VOIRON, LYON, RENNES, ISERE,
            RHONE, GRENOBLE_ALPES_METROPOLE, AUVERGNE_RHONE_ALPES, FRANCE, SAINT_DENIS_REUNION, TerritoryRef.commune("99999"));
    /** Grenoble and the territories holding it, farthest first: each step is nearer. */
    private static final List<TerritoryRef> TOWARDS_GRENOBLE = List.of(FRANCE, AUVERGNE_RHONE_ALPES, ISERE,
            GRENOBLE_ALPES_METROPOLE, GRENOBLE);
    private static final List<String> WORDS = List.of("mobilité", "insertion", "jeunes", "emploi", "jardins", "vélos",
            "formation", "santé", "logement", "culture", "numérique", "alimentation", "solidaire", "les", "des", "pour");

    // ------------------------------------------------------------------------------------------------ scenarios

    /** One change of the projection, as the index hears of it. */
    sealed interface Change permits ActorChange, PostChange, Closing {
    }

    record ActorChange(String id, String name, ActorType type) implements Change {
    }

    record PostChange(PostKind kind, String id, String actorId, PostDetails details, int writtenDaysAgo) implements Change {
    }

    record Closing(PostKind kind, String id) implements Change {
    }

    /** The changes in the order they happened. */
    record Scenario(List<Change> changes) {

        /** What stands at the end: the last content of every post not closed since, and every actor. */
        Map<String, PostChange> standingPosts() {
            Map<String, PostChange> standing = new LinkedHashMap<>();
            for (Change change : changes) {
                if (change instanceof PostChange post) {
                    standing.put(post.id(), post);
                } else if (change instanceof Closing closing) {
                    standing.remove(closing.id());
                }
            }
            return standing;
        }

        Set<String> closedIds() {
            Set<String> closed = new HashSet<>();
            for (Change change : changes) {
                if (change instanceof Closing closing) {
                    closed.add(closing.id());
                } else if (change instanceof PostChange post) {
                    closed.remove(post.id());
                }
            }
            return closed;
        }

        List<ActorChange> actors() {
            return changes.stream().filter(ActorChange.class::isInstance).map(ActorChange.class::cast).toList();
        }
    }

    /** Scenarios over the whole vocabulary: up to 10 needs and 10 offers, every category, territory and date. */
    static final class Scenarios implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            org.instancio.Random random = context.random();
            return scenario(random, posts(random, PostKind.NEED, 0, 10, () -> details(random)),
                    posts(random, PostKind.OFFER, 0, 10, () -> details(random)));
        }
    }

    /**
     * Many offers in few lists: national and régional funding mostly, so that lists grow past
     * {@link PostBucket#SPLIT_AT} and are split into blocks by themes, which are then bounded, skipped, and recounted
     * as posts are updated or withdrawn; and neighbours (Grenoble, Échirolles, Voiron), whose lists, crowded too,
     * also hold posts the rankings must not take from them.
     */
    static final class CrowdedScenarios implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            org.instancio.Random random = context.random();
            Supplier<PostDetails> crowded = () -> new PostDetails(
                    random.intRange(1, 5) <= 4 ? ResourceCategory.FUNDING : ResourceCategory.SKILLS,
                    random.intRange(1, 10) == 1 ? null : random.oneOf(PartnershipForm.values()),
                    "Titre",
                    text(random, 10),
                    setOf(random, 2, () -> random.oneOf(Theme.HEALTH_SOCIAL, Theme.MOBILITY, Theme.CULTURE, Theme.FOOD)),
                    setOf(random, 3, () -> Sdg.of(random.intRange(1, 6))),
                    random.oneOf(FRANCE, FRANCE, FRANCE, AUVERGNE_RHONE_ALPES, ISERE, GRENOBLE, ECHIROLLES, VOIRON),
                    validUntil(random, -1, 6, 3));
            return scenario(random, posts(random, PostKind.NEED, 1, 6, crowded),
                    posts(random, PostKind.OFFER, 150, 260, crowded));
        }
    }

    private static Scenario scenario(org.instancio.Random random, List<PostChange> needs, List<PostChange> offers) {
        List<Change> changes = new ArrayList<>();
        int actorCount = random.intRange(1, 5);
        for (int i = 0; i < actorCount; i++) {
            changes.add(new ActorChange("actor-" + i, "Acteur " + i, random.oneOf(ActorType.values())));
        }
        // One more actor id, whose profile never arrives.
        int owners = actorCount + 1;
        Random shuffler = new Random(random.longRange(0, 1L << 48));
        List<PostChange> posts = new ArrayList<>(owned(needs, owners, shuffler));
        posts.addAll(owned(offers, owners, shuffler));
        changes.addAll(posts);
        // Then some updates (another post's content under this id) and some withdrawals, in random order.
        List<Change> later = new ArrayList<>();
        for (PostChange post : posts) {
            int fate = shuffler.nextInt(6);
            if (fate == 0) {
                later.add(new Closing(post.kind(), post.id()));
            } else if (fate == 1) {
                PostChange other = posts.get(shuffler.nextInt(posts.size()));
                later.add(new PostChange(post.kind(), post.id(), post.actorId(), other.details(), shuffler.nextInt(3)));
            }
        }
        Collections.shuffle(later, shuffler);
        changes.addAll(later);
        return new Scenario(changes);
    }

    /** Posts of one kind, owned by "actor-0" for now ({@link #owned} deals them out). */
    private static List<PostChange> posts(org.instancio.Random random, PostKind kind, int fewest, int most,
                                          Supplier<PostDetails> details) {
        int count = random.intRange(fewest, most);
        List<PostChange> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            posts.add(new PostChange(kind, kind.name().toLowerCase() + "-" + i, "actor-0", details.get(),
                    random.intRange(0, 800)));
        }
        return posts;
    }

    /** The posts dealt out among actors 0 to {@code owners - 1} (the last one's profile never arrives). */
    private static List<PostChange> owned(List<PostChange> posts, int owners, Random random) {
        return posts.stream().map(post -> new PostChange(post.kind(), post.id(), "actor-" + random.nextInt(owners),
                post.details(), post.writtenDaysAgo())).toList();
    }

    private static PostDetails details(org.instancio.Random random) {
        return new PostDetails(
                random.oneOf(ResourceCategory.values()),
                random.oneOf(PartnershipForm.values()),
                "Titre",
                text(random, 10),
                setOf(random, 4, () -> random.oneOf(Theme.values())),
                setOf(random, 6, () -> Sdg.of(random.intRange(1, 17))),
                random.oneOf(TERRITORIES_USED),
                validUntil(random, -3, 3, 3));
    }

    /** Up to {@code most} words of the vocabulary, stop words included. */
    private static String text(org.instancio.Random random, int most) {
        List<String> words = new ArrayList<>();
        for (int i = random.intRange(0, most); i > 0; i--) {
            words.add(random.oneOf(WORDS));
        }
        return String.join(" ", words);
    }

    /** A set of up to {@code most} draws (fewer when a draw repeats). */
    private static <T> Set<T> setOf(org.instancio.Random random, int most, Supplier<T> draw) {
        Set<T> set = new HashSet<>();
        for (int i = random.intRange(0, most); i > 0; i--) {
            set.add(draw.get());
        }
        return set;
    }

    /** Today plus {@code lowest} to {@code highest} days; from {@code noEndFrom} days on, no end date at all. */
    private static LocalDate validUntil(org.instancio.Random random, int lowest, int highest, int noEndFrom) {
        int days = random.intRange(lowest, highest);
        return days >= noEndFrom ? null : TODAY.plusDays(days);
    }

    static final class Filters implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            return filter(context.random());
        }
    }

    private static RankingFilter filter(org.instancio.Random random) {
        TerritoryRef within = random.trueOrFalse() ? null : random.oneOf(GRENOBLE, ISERE, AUVERGNE_RHONE_ALPES, FRANCE, RENNES);
        TerritoryLevel level = random.intRange(1, 10) <= 7 ? null : random.oneOf(TerritoryLevel.values());
        Set<ActorType> types = setOf(random, 3, () -> random.oneOf(ActorType.values()));
        Set<ResourceCategory> categories = setOf(random, 4, () -> random.oneOf(ResourceCategory.values()));
        return new RankingFilter(within, level, types, categories);
    }

    /** Without a filter reading the posts, the floor is on and whole blocks are skipped on it. */
    static final class MostlyNoFilter implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            org.instancio.Random random = context.random();
            return random.intRange(1, 4) <= 3 ? RankingFilter.none() : filter(random);
        }
    }

    static final class Limits implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            return context.random().intRange(1, 12);
        }
    }

    static final class PairsPerPartner implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            return context.random().intRange(0, 4);
        }
    }

    static final class Steps implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            return context.random().intRange(0, TOWARDS_GRENOBLE.size() - 2);
        }
    }

    static final class Sdgs implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            return context.random().oneOf(Sdg.values());
        }
    }

    /** A {@link Random} seeded from the case's seed, for shuffling. */
    static final class Randoms implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            return new Random(context.random().longRange(0, 1L << 48));
        }
    }

    // ------------------------------------------------------------------------------------------------ properties

    @RepeatedTest(200)
    void everyResultPassesTheGatesAndScoresWithinZeroAndOne(@Given(Scenarios.class) Scenario scenario) {
        MatchingIndex index = build(scenario.changes());
        Map<String, PostChange> standing = scenario.standingPosts();
        Set<String> closed = scenario.closedIds();
        for (PostChange subject : standing.values()) {
            for (Match match : matches(index, subject.kind(), subject.id(), RankingFilter.none(), 100)) {
                Components c = match.components();
                assertThat(List.of(match.score(), c.category(), c.territory(), c.purpose(), c.description(),
                        c.crossFamily(), c.reciprocity(), c.freshness())).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
                PostChange need = standing.get(match.need().id());
                PostChange offer = standing.get(match.offer().id());
                assertThat(need).as("a standing need").isNotNull();
                assertThat(offer).as("a standing offer").isNotNull();
                assertThat(closed).doesNotContain(need.id(), offer.id());
                assertThat(need.details().isExpiredOn(TODAY) || offer.details().isExpiredOn(TODAY)).as("expired").isFalse();
                assertThat(need.actorId()).isNotEqualTo(offer.actorId());
                assertThat(CategoryCompatibility.answers(offer.details().category(), need.details().category())).isTrue();
                assertThat(nestedOrNeighbours(need.details().territory(), offer.details().territory()))
                        .as("%s and %s are nested or in one département", need.details().territory(),
                                offer.details().territory()).isTrue();
            }
        }
    }

    @RepeatedTest(200)
    void theFastPathAgreesExactlyWithBruteForce(@Given(Scenarios.class) Scenario scenario, @Given(Filters.class) RankingFilter filter,
                                               @Given(Limits.class) int limit) {
        MatchingIndex index = build(scenario.changes());
        for (PostChange subject : scenario.standingPosts().values()) {
            List<Match> fast = index.matchesFor(subject.kind(), subject.id(), filter, TODAY, limit).orElse(List.of());
            List<Match> brute = index.matchesByExhaustiveScan(subject.kind(), subject.id(), filter, TODAY, limit).orElse(List.of());
            assertThat(fast).as("%s with %s", subject.id(), filter).isEqualTo(brute);
            for (Match match : fast) {
                PostChange candidate = scenario.standingPosts().get(subject.kind() == PostKind.NEED ? match.offer().id() : match.need().id());
                assertThat(accepted(filter, candidate, scenario)).as("%s passes %s", candidate, filter).isTrue();
            }
        }
    }

    @RepeatedTest(40)
    void theFastPathAgreesExactlyWithBruteForceOnListsSplitIntoBlocks(@Given(CrowdedScenarios.class) Scenario scenario,
                                                                      @Given(MostlyNoFilter.class) RankingFilter filter,
                                                                      @Given(Limits.class) int limit) {
        MatchingIndex index = build(scenario.changes());
        for (PostChange subject : scenario.standingPosts().values()) {
            if (subject.kind() == PostKind.NEED) {
                List<Match> fast = index.matchesFor(PostKind.NEED, subject.id(), filter, TODAY, limit).orElse(List.of());
                List<Match> brute = index.matchesByExhaustiveScan(PostKind.NEED, subject.id(), filter, TODAY, limit)
                        .orElse(List.of());
                assertThat(fast).as("%s with %s", subject.id(), filter).isEqualTo(brute);
            }
        }
    }

    @RepeatedTest(200)
    void partnersAgreeExactlyWithScoringEveryPair(@Given(Scenarios.class) Scenario scenario,
                                                  @Given(Filters.class) RankingFilter filter, @Given(Limits.class) int limit,
                                                  @Given(PairsPerPartner.class) int pairs) {
        assertPartnersAgree(build(scenario.changes()), scenario, filter, limit, pairs);
    }

    /**
     * Lists split into blocks, and many partners with pairs of close scores: the partners whose best pair is just
     * under another's must still be found, and ties broken by id.
     */
    @RepeatedTest(40)
    void partnersAgreeExactlyWithScoringEveryPairOnListsSplitIntoBlocks(@Given(CrowdedScenarios.class) Scenario scenario,
                                                                       @Given(MostlyNoFilter.class) RankingFilter filter,
                                                                       @Given(Limits.class) int limit,
                                                                       @Given(PairsPerPartner.class) int pairs) {
        assertPartnersAgree(build(scenario.changes()), scenario, filter, limit, pairs);
    }

    private static void assertPartnersAgree(MatchingIndex index, Scenario scenario, RankingFilter filter, int limit,
                                            int pairs) {
        Set<String> actorIds = new TreeSet<>();
        scenario.actors().forEach(actor -> actorIds.add(actor.id()));
        scenario.standingPosts().values().forEach(post -> actorIds.add(post.actorId()));
        for (String actorId : actorIds) {
            Optional<List<Partner>> bounded = index.partnersOf(actorId, filter, TODAY, limit, pairs);
            Optional<List<Partner>> everyPair = index.partnersByScoringEveryPair(actorId, filter, TODAY, limit, pairs);
            assertThat(bounded).as("partners of %s with %s, top %d", actorId, filter, limit).isEqualTo(everyPair);
        }
    }

    /** Pairs of actors set aside: no path proposes them, and the fast paths still agree with the references. */
    @RepeatedTest(100)
    void setAsidePairsAreNeverProposedAndTheFastPathsStillAgree(@Given(Scenarios.class) Scenario scenario,
                                                                @Given(Exclusions.class) Map<String, Set<String>> aside,
                                                                @Given(Limits.class) int limit) {
        MatchingIndex index = build(scenario.changes(), actor -> aside.getOrDefault(actor, Set.of()));
        for (PostChange subject : scenario.standingPosts().values()) {
            List<Match> fast = matches(index, subject.kind(), subject.id(), RankingFilter.none(), limit);
            assertThat(fast).isEqualTo(index.matchesByExhaustiveScan(subject.kind(), subject.id(), RankingFilter.none(),
                    TODAY, limit).orElse(List.of()));
            for (Match match : fast) {
                assertThat(aside.getOrDefault(match.needActor().id(), Set.of())).doesNotContain(match.offerActor().id());
            }
        }
        assertPartnersAgree(index, scenario, RankingFilter.none(), limit, 3);
    }

    /**
     * Asked to keep the set-aside pairs (to mark them), every path answers as if nothing were set aside: the fast path,
     * the reference scan and the partner rankings, exactly.
     */
    @RepeatedTest(60)
    void keepingSetAsidePairsGivesTheRankingsOfNoExclusionOnEveryPath(@Given(Scenarios.class) Scenario scenario,
                                                                     @Given(Exclusions.class) Map<String, Set<String>> aside,
                                                                     @Given(Limits.class) int limit) {
        MatchingIndex withExclusions = build(scenario.changes(), actor -> aside.getOrDefault(actor, Set.of()));
        MatchingIndex without = build(scenario.changes());
        RankingFilter keep = RankingFilter.none().keepingSetAside(true);
        for (PostChange subject : scenario.standingPosts().values()) {
            List<Match> expected = matches(without, subject.kind(), subject.id(), RankingFilter.none(), limit);
            assertThat(readable(matches(withExclusions, subject.kind(), subject.id(), keep, limit)))
                    .isEqualTo(readable(expected));
            assertThat(readable(withExclusions.matchesByExhaustiveScan(subject.kind(), subject.id(), keep, TODAY, limit)
                    .orElse(List.of()))).isEqualTo(readable(expected));
        }
        Set<String> actorIds = new TreeSet<>();
        scenario.standingPosts().values().forEach(post -> actorIds.add(post.actorId()));
        for (String actorId : actorIds) {
            List<String> expected = partnerIds(without.partnersOf(actorId, RankingFilter.none(), TODAY, limit, 3));
            assertThat(partnerIds(withExclusions.partnersOf(actorId, keep, TODAY, limit, 3))).isEqualTo(expected);
            assertThat(partnerIds(withExclusions.partnersByScoringEveryPair(actorId, keep, TODAY, limit, 3)))
                    .isEqualTo(expected);
        }
    }

    private static List<String> partnerIds(Optional<List<Partner>> partners) {
        return partners.orElse(List.of()).stream().map(p -> p.actor().id() + "@" + p.score()).toList();
    }

    /** Some pairs among the scenarios' actors, both ways. */
    static final class Exclusions implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            org.instancio.Random random = context.random();
            Map<String, Set<String>> aside = new HashMap<>();
            for (int i = random.intRange(0, 4); i > 0; i--) {
                String a = "actor-" + random.intRange(0, 5);
                String b = "actor-" + random.intRange(0, 5);
                aside.computeIfAbsent(a, x -> new HashSet<>()).add(b);
                aside.computeIfAbsent(b, x -> new HashSet<>()).add(a);
            }
            return aside;
        }
    }

    @RepeatedTest(150)
    void theSameStateGivesTheSameRankingsWhateverTheHistoryAndOrder(@Given(Scenarios.class) Scenario scenario,
                                                                    @Given(Randoms.class) Random random) {
        MatchingIndex lived = build(scenario.changes());
        // The state alone, in another order: every actor, then every standing post once, shuffled.
        List<Change> state = new ArrayList<>(scenario.actors());
        List<Change> standing = new ArrayList<>(scenario.standingPosts().values());
        Collections.shuffle(standing, random);
        state.addAll(standing);
        MatchingIndex rebuilt = build(state);

        for (PostChange subject : scenario.standingPosts().values()) {
            assertThat(readable(matches(rebuilt, subject.kind(), subject.id(), RankingFilter.none(), 10)))
                    .isEqualTo(readable(matches(lived, subject.kind(), subject.id(), RankingFilter.none(), 10)));
        }
    }

    @RepeatedTest(150)
    void aPairScoresTheSameFromEitherSide(@Given(Scenarios.class) Scenario scenario) {
        MatchingIndex index = build(scenario.changes());
        for (PostChange need : scenario.standingPosts().values()) {
            if (need.kind() != PostKind.NEED) {
                continue;
            }
            for (Match match : matches(index, PostKind.NEED, need.id(), RankingFilter.none(), 100)) {
                Optional<Match> seenFromTheOffer = matches(index, PostKind.OFFER, match.offer().id(), RankingFilter.none(), 100)
                        .stream().filter(m -> m.need().id().equals(need.id())).findFirst();
                assertThat(seenFromTheOffer).get().isEqualTo(match);
            }
        }
    }

    @RepeatedTest(150)
    void aNearerTerritoryNeverLowersTheScore(@Given(Scenarios.class) Scenario scenario, @Given(Pairs.class) Pair pair,
                                            @Given(Steps.class) int farthest) {
        TerritoryRef far = TOWARDS_GRENOBLE.get(farthest);
        TerritoryRef near = TOWARDS_GRENOBLE.get(farthest + 1);

        double before = pairScore(scenario, pair.need().in(GRENOBLE), pair.offer().in(far), List.of());
        double after = pairScore(scenario, pair.need().in(GRENOBLE), pair.offer().in(near), List.of());

        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    /** Neighbours in one EPCI (Échirolles) are nearer than neighbours in one département only (Voiron). */
    @RepeatedTest(150)
    void aNeighbourInTheSameEpciNeverScoresBelowOneInTheSameDepartementOnly(@Given(Scenarios.class) Scenario scenario,
                                                                            @Given(Pairs.class) Pair pair) {
        double departement = pairScore(scenario, pair.need().in(GRENOBLE), pair.offer().in(VOIRON), List.of());
        double epci = pairScore(scenario, pair.need().in(GRENOBLE), pair.offer().in(ECHIROLLES), List.of());

        assertThat(epci).isGreaterThanOrEqualTo(departement);
    }

    @RepeatedTest(150)
    void moreSharedSdgsNeverLowerTheScore(@Given(Scenarios.class) Scenario scenario, @Given(Pairs.class) Pair pair,
                                         @Given(Sdgs.class) Sdg extra) {
        Pair sharing = pair.needHas(extra).offerHas(extra);

        double before = pairScore(scenario, pair.need(), pair.offer(), List.of());
        double after = pairScore(scenario, sharing.need(), sharing.offer(), List.of());

        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @RepeatedTest(150)
    void reciprocityNeverLowersTheScore(@Given(Scenarios.class) Scenario scenario, @Given(Pairs.class) Pair pair) {
        // The offering actor needs funding; the needing actor offers funding (reciprocal) or skills (not: skills never
        // answer funding). Same texts, same places: only reciprocity differs between the two worlds.
        PostDetails theirNeed = new PostDetails(ResourceCategory.FUNDING, PartnershipForm.RESOURCES, "Titre", "emploi",
                Set.of(), Set.of(), GRENOBLE, null);
        List<PostChange> reciprocal = List.of(
                new PostChange(PostKind.NEED, "their-need", Pair.OFFERER, theirNeed, 0),
                new PostChange(PostKind.OFFER, "our-offer", Pair.NEEDER, withCategory(theirNeed, ResourceCategory.FUNDING), 0));
        List<PostChange> oneWay = List.of(
                new PostChange(PostKind.NEED, "their-need", Pair.OFFERER, theirNeed, 0),
                new PostChange(PostKind.OFFER, "our-offer", Pair.NEEDER, withCategory(theirNeed, ResourceCategory.SKILLS), 0));

        double without = pairScore(scenario, pair.need(), pair.offer(), oneWay);
        double with = pairScore(scenario, pair.need(), pair.offer(), reciprocal);

        assertThat(with).isGreaterThanOrEqualTo(without);
    }

    // ------------------------------------------------------------------------------------------------ a pair under test

    /** A need of actor "needer" and an offer of actor "offerer" that pass every gate, added to a random scenario. */
    record Pair(Details need, Details offer) {
        static final String NEEDER = "needer";
        static final String OFFERER = "offerer";

        Pair needHas(Sdg sdg) {
            return new Pair(need.with(sdg), offer);
        }

        Pair offerHas(Sdg sdg) {
            return new Pair(need, offer.with(sdg));
        }
    }

    /** Post content that can be moved or given one more SDG, all else kept. */
    record Details(ResourceCategory category, String text, Set<Sdg> sdgs, Set<Theme> themes, TerritoryRef territory) {
        Details in(TerritoryRef place) {
            return new Details(category, text, sdgs, themes, place);
        }

        Details with(Sdg sdg) {
            Set<Sdg> more = new TreeSet<>(sdgs);
            more.add(sdg);
            return new Details(category, text, more, themes, territory);
        }

        PostDetails build() {
            return new PostDetails(category, PartnershipForm.RESOURCES, "Titre", text, themes, sdgs, territory, null);
        }
    }

    static final class Pairs implements GivenProvider {
        @Override
        public Object provide(ElementContext context) {
            org.instancio.Random random = context.random();
            ResourceCategory category = random.oneOf(ResourceCategory.values());
            Details need = new Details(category, text(random, 8), setOf(random, 5, () -> random.oneOf(Sdg.values())),
                    setOf(random, 3, () -> random.oneOf(Theme.values())), GRENOBLE);
            // The offer answers with the need's own category, so the pair passes the category gate.
            return new Pair(need, new Details(category, text(random, 8), setOf(random, 5, () -> random.oneOf(Sdg.values())),
                    setOf(random, 3, () -> random.oneOf(Theme.values())), ISERE));
        }
    }

    private static double pairScore(Scenario scenario, Details need, Details offer, List<PostChange> extra) {
        List<Change> changes = new ArrayList<>(scenario.changes());
        changes.add(new ActorChange(Pair.NEEDER, "Demandeur", ActorType.ASSOCIATION));
        changes.add(new ActorChange(Pair.OFFERER, "Offreur", ActorType.COMPANY));
        changes.add(new PostChange(PostKind.NEED, "the-need", Pair.NEEDER, need.build(), 0));
        changes.add(new PostChange(PostKind.OFFER, "the-offer", Pair.OFFERER, offer.build(), 0));
        changes.addAll(extra);
        MatchingIndex index = build(changes);
        return index.matchesByExhaustiveScan(PostKind.NEED, "the-need", RankingFilter.none(), TODAY, 1000).orElseThrow()
                .stream().filter(m -> m.offer().id().equals("the-offer")).findFirst()
                .orElseThrow(() -> new AssertionError("the pair passes every gate, yet was not proposed"))
                .score();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static MatchingIndex build(List<Change> changes) {
        return build(changes, PairExclusions.NONE);
    }

    private static MatchingIndex build(List<Change> changes, PairExclusions exclusions) {
        MatchingIndex index = new MatchingIndex(new ComplementarityModel(ComplementarityWeights.defaults()), TERRITORIES,
                TEXT, PARIS, exclusions);
        Map<String, Long> sequences = new HashMap<>();
        for (Change change : changes) {
            if (change instanceof ActorChange actor) {
                index.putActor(actor.id(), actor.name(), actor.type(), sequences.merge(actor.id(), 0L, (a, b) -> a + 1));
            } else if (change instanceof PostChange post) {
                index.put(new MatchingIndex.PostContent(post.kind(), post.id(), post.actorId(), post.details(),
                        sequences.merge(post.id(), 0L, (a, b) -> a + 1),
                        TODAY.minusDays(post.writtenDaysAgo()).atStartOfDay(PARIS).toInstant()));
            } else if (change instanceof Closing closing) {
                index.remove(closing.kind(), closing.id(), sequences.merge(closing.id(), 0L, (a, b) -> a + 1));
            }
        }
        index.markReady();
        return index;
    }

    /** What a user reads of a ranking, free of the index's own objects: ids, exact scores, components, sentences. */
    record Readable(String need, String offer, double score, Components components, String sentence) {
    }

    private static List<Readable> readable(List<Match> matches) {
        return matches.stream().map(m -> new Readable(m.need().id(), m.offer().id(), m.score(), m.components(), m.sentence())).toList();
    }

    private static List<Match> matches(MatchingIndex index, PostKind kind, String id, RankingFilter filter, int limit) {
        return index.matchesFor(kind, id, filter, TODAY, limit).orElse(List.of());
    }

    /** The territorial gate, restated from the official directory rather than from the index's places. */
    private static boolean nestedOrNeighbours(TerritoryRef a, TerritoryRef b) {
        return a.equals(b) || a.level() == TerritoryLevel.NATIONAL || b.level() == TerritoryLevel.NATIONAL
                || DIRECTORY.contains(a, b) || DIRECTORY.contains(b, a)
                || DIRECTORY.codes(TerritoryLevel.DEPARTEMENT).stream()
                .map(code -> new TerritoryRef(code, TerritoryLevel.DEPARTEMENT))
                .anyMatch(departement -> DIRECTORY.contains(departement, a) && DIRECTORY.contains(departement, b));
    }

    private static boolean accepted(RankingFilter filter, PostChange candidate, Scenario scenario) {
        TerritoryRef territory = candidate.details().territory();
        if (filter.within() != null && !(filter.within().equals(territory)
                || filter.within().level() == TerritoryLevel.NATIONAL || DIRECTORY.contains(filter.within(), territory))) {
            return false;
        }
        if (filter.scopeLevel() != null && territory.level() != filter.scopeLevel()) {
            return false;
        }
        if (!filter.actorTypes().isEmpty()) {
            ActorType type = scenario.actors().stream().filter(a -> a.id().equals(candidate.actorId()))
                    .map(ActorChange::type).findFirst().orElse(null);
            if (type == null || !filter.actorTypes().contains(type)) {
                return false;
            }
        }
        return filter.categories().isEmpty() || filter.categories().contains(candidate.details().category());
    }

    private static PostDetails withCategory(PostDetails details, ResourceCategory category) {
        return new PostDetails(category, details.form(), details.title(), details.description(), details.themes(),
                details.sdgs(), details.territory(), details.validUntil());
    }
}
