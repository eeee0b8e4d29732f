package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.matchmaking.support.IndexFixture;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.labos.partenariats.matchmaking.support.IndexFixture.TODAY;
import static fr.labos.partenariats.matchmaking.support.Posts.AUVERGNE_RHONE_ALPES;
import static fr.labos.partenariats.matchmaking.support.Posts.ECHIROLLES;
import static fr.labos.partenariats.matchmaking.support.Posts.FRANCE;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE_ALPES_METROPOLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static fr.labos.partenariats.schema.common.ResourceCategory.FUNDING;
import static fr.labos.partenariats.schema.common.ResourceCategory.POOLING;
import static fr.labos.partenariats.schema.common.ResourceCategory.PREMISES;
import static fr.labos.partenariats.schema.common.ResourceCategory.SKILLS;
import static fr.labos.partenariats.schema.common.ResourceCategory.VOLUNTEERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The index as the projection drives it: event by event, with filters and partner rankings on top. */
class MatchingIndexTest {

    private final IndexFixture lab = new IndexFixture();

    @Test
    void aWithdrawnOrFulfilledPostLeavesEveryRankingAtOnce() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        lab.need("n", "seeker", post(FUNDING));
        lab.need("n2", "seeker", post(FUNDING));
        lab.offer("o1", "giver", post(FUNDING));
        lab.offer("o2", "giver", post(FUNDING));

        lab.close(PostKind.OFFER, "o1");
        lab.close(PostKind.NEED, "n2");

        assertThat(lab.offersFor("n")).extracting(m -> m.offer().id()).containsExactly("o2");
        assertThat(lab.needsFor("o2")).extracting(m -> m.need().id()).containsExactly("n");
        assertThat(lab.index().matchesFor(PostKind.OFFER, "o1", RankingFilter.none(), TODAY, 10)).isEmpty();
    }

    @Test
    void anUpdatedPostIsRankedOnItsNewContent() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Entreprise Alpes", ActorType.COMPANY);
        lab.need("n", "seeker", post(SKILLS).in(GRENOBLE));
        lab.offer("o", "giver", post(SKILLS).in(GRENOBLE));
        assertThat(lab.offersFor("n")).extracting(m -> m.components().territory()).containsExactly(1.0);

        lab.offer("o", "giver", post(SKILLS).in(ISERE));
        assertThat(lab.offersFor("n")).extracting(m -> m.components().territory()).containsExactly(0.7);

        lab.offer("o", "giver", post(FUNDING).in(ISERE));
        assertThat(lab.offersFor("n")).isEmpty();
    }

    @Test
    void anOlderEventThanTheOneHeldChangesNothing() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        lab.need("n", "seeker", post(SKILLS));
        lab.put(PostKind.OFFER, "o", "giver", post(SKILLS).title("Nouveau").build(), TODAY);
        lab.put(PostKind.OFFER, "o", "giver", post(SKILLS).title("Plus récent").build(), TODAY);

        // A redelivered registration (sequence 0) after the update (sequence 1), and a stale withdrawal.
        lab.index().put(new MatchingIndex.PostContent(PostKind.OFFER, "o", "giver", post(SKILLS).title("Ancien").build(), 0,
                TODAY.atStartOfDay(IndexFixture.PARIS).toInstant()));
        lab.index().remove(PostKind.OFFER, "o", 0);

        assertThat(lab.offersFor("n")).extracting(m -> m.offer().title()).containsExactly("Plus récent");
    }

    @Test
    void anActorsProfileArrivingLaterChangesItsPostsRankingsWithoutTouchingThem() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        lab.need("n", "seeker", post(PREMISES));
        lab.offer("o", "commune", post(PREMISES));
        assertThat(lab.offersFor("n").get(0).components().crossFamily()).isZero();

        lab.actor("commune", "Ville d'Échirolles", ActorType.MUNICIPALITY);

        Match match = lab.offersFor("n").get(0);
        assertThat(match.components().crossFamily()).isEqualTo(1.0);
        assertThat(match.offerActor().name()).isEqualTo("Ville d'Échirolles");
    }

    @Test
    void aPostExpiresAtMidnightAfterItsLastDayAndThePurgeFreesIt() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        lab.need("n", "seeker", post(FUNDING));
        lab.offer("o", "giver", post(FUNDING).validUntil(TODAY));

        assertThat(lab.offersFor("n")).hasSize(1);
        lab.on(TODAY.plusDays(1));
        assertThat(lab.offersFor("n")).as("excluded at query time, before any purge").isEmpty();
        assertThat(lab.index().statistics().offers()).isEqualTo(1);

        assertThat(lab.index().purgeExpired(TODAY.plusDays(1))).isEqualTo(1);
        assertThat(lab.index().statistics().offers()).isZero();
    }

    /** A day past what an int counts (year 5,881,580 on) is no end, not a day before 1970: the post stands. */
    @Test
    void aPostValidBeyondTheDaysAnIntCountsStands() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        lab.need("n", "seeker", post(FUNDING));
        lab.offer("o", "giver", post(FUNDING).validUntil(LocalDate.of(6_000_000, 1, 1)));

        assertThat(lab.offersFor("n")).hasSize(1);
        assertThat(lab.index().purgeExpired(TODAY.plusDays(1))).isZero();
    }

    @Test
    void filtersRestrictCandidatesByTerritoryScopeActorTypeAndCategory() {
        lab.actor("seeker", "Uriopss", ActorType.NETWORK_HEAD)
                .actor("company", "Entreprise Alpes", ActorType.COMPANY)
                .actor("foundation", "Fondation Dauphiné", ActorType.FOUNDATION)
                .actor("commune", "Ville d'Échirolles", ActorType.MUNICIPALITY);
        lab.need("n", "seeker", post(PREMISES).in(ISERE));
        lab.offer("grenoble", "company", post(PREMISES).in(GRENOBLE));
        lab.offer("echirolles", "commune", post(PREMISES).in(ECHIROLLES));
        lab.offer("metropole", "foundation", post(POOLING).in(GRENOBLE_ALPES_METROPOLE));
        lab.offer("region", "foundation", post(PREMISES).in(AUVERGNE_RHONE_ALPES));
        lab.offer("france", "company", post(POOLING).in(FRANCE));

        assertThat(ids(RankingFilter.none().within(GRENOBLE_ALPES_METROPOLE)))
                .containsExactlyInAnyOrder("grenoble", "echirolles", "metropole");
        assertThat(ids(RankingFilter.none().within(GRENOBLE))).containsExactly("grenoble");
        assertThat(ids(RankingFilter.none().scopedAt(TerritoryLevel.COMMUNE))).containsExactlyInAnyOrder("grenoble", "echirolles");
        assertThat(ids(RankingFilter.none().actorTypes(Set.of(ActorType.FOUNDATION, ActorType.MUNICIPALITY))))
                .containsExactlyInAnyOrder("echirolles", "metropole", "region");
        assertThat(ids(RankingFilter.none().categories(Set.of(POOLING)))).containsExactlyInAnyOrder("metropole", "france");
        assertThat(ids(RankingFilter.none().categories(Set.of(POOLING)).actorTypes(Set.of(ActorType.COMPANY))))
                .containsExactly("france");
        // A filter never opens a gate: funding offers do not answer a need for premises.
        assertThat(ids(RankingFilter.none().categories(Set.of(FUNDING)))).isEmpty();
    }

    @Test
    void partnersAggregateThePairsOfBothDirectionsAndSayWhenTheAllianceIsReciprocal() {
        lab.actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION)
                .actor("fondation", "Fondation Dauphiné", ActorType.FOUNDATION)
                .actor("alyl", "Alyl Sécurité", ActorType.COMPANY);
        lab.need("w-funding", "wimoov", post(FUNDING).title("Financer la plateforme").sdgs(8, 10));
        lab.need("w-skills", "wimoov", post(SKILLS).title("Former nos conseillers"));
        lab.offer("w-volunteers", "wimoov", post(VOLUNTEERS).title("Bénévoles pour vos chantiers"));
        lab.offer("f-funding", "fondation", post(FUNDING).title("Mécénat financier").sdgs(8, 10));
        lab.offer("a-skills", "alyl", post(SKILLS).title("Formateurs sécurité"));
        lab.need("a-volunteers", "alyl", post(VOLUNTEERS).title("Encadrer nos chantiers"));

        List<Partner> partners = lab.partnersOf("wimoov");

        Map<String, Partner> byId = partners.stream().collect(Collectors.toMap(p -> p.actor().id(), p -> p));
        assertThat(byId).containsOnlyKeys("fondation", "alyl");
        Partner alyl = byId.get("alyl");
        Partner fondation = byId.get("fondation");
        // Each direction's best pair, scored as the matches endpoints score it.
        double alylOffers = score(lab.offersFor("w-skills"), "a-skills");
        double alylNeeds = score(lab.needsFor("w-volunteers"), "a-volunteers");
        double fondationOffers = score(lab.offersFor("w-funding"), "f-funding");
        assertThat(alyl.reciprocal()).isTrue();
        assertThat(alyl.pairCount()).isEqualTo(2);
        assertThat(alyl.score()).isCloseTo(1 - (1 - alylOffers) * (1 - alylNeeds), within(1e-12));
        assertThat(fondation.reciprocal()).isFalse();
        assertThat(fondation.pairCount()).isEqualTo(1);
        assertThat(fondation.score()).isCloseTo(fondationOffers, within(1e-12));
        assertThat(partners).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(alyl.pairs()).extracting(m -> m.need().id() + "/" + m.offer().id())
                .containsExactlyInAnyOrder("w-skills/a-skills", "a-volunteers/w-volunteers");
        assertThat(alyl.sentence()).isEqualTo("Alyl Sécurité : 2 paires besoin/offre ; "
                + "Alyl Sécurité offre des compétences que Wimoov Isère recherche (« Former nos conseillers ») ; "
                + "réciproque : Wimoov Isère offre des bénévoles qu'Alyl Sécurité recherche (« Encadrer nos chantiers »).");
    }

    @Test
    void partnersOfEqualScoreAreCutByIdAsWhenEveryPairIsScored() {
        // Twelve foundations making the same offer, none sharing a word with the need and none able to be reciprocal:
        // the bounds of every partner equal its exact score, and all twelve tie.
        lab.actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION);
        lab.need("w-funding", "wimoov", post(FUNDING).title("Plateforme").in(GRENOBLE).sdgs(8));
        for (int i = 12; i >= 1; i--) {
            String id = String.format("fondation-%02d", i);
            lab.actor(id, "Fondation " + i, ActorType.FOUNDATION);
            lab.offer(id + "-funding", id, post(FUNDING).title("Mécénat").in(ISERE).sdgs(8));
        }

        List<Partner> partners = lab.index().partnersOf("wimoov", RankingFilter.none(), TODAY, 5, 1).orElseThrow();

        assertThat(partners).extracting(p -> p.actor().id())
                .containsExactly("fondation-01", "fondation-02", "fondation-03", "fondation-04", "fondation-05");
        assertThat(partners).extracting(Partner::score).containsOnly(partners.get(0).score());
        assertThat(partners).isEqualTo(lab.index().partnersByScoringEveryPair("wimoov", RankingFilter.none(), TODAY, 5, 1)
                .orElseThrow());
    }

    @Test
    void partnersFollowTheFiltersAndAnUnknownActorHasNone() {
        lab.actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION)
                .actor("fondation", "Fondation Dauphiné", ActorType.FOUNDATION)
                .actor("alyl", "Alyl Sécurité", ActorType.COMPANY);
        lab.need("w-funding", "wimoov", post(FUNDING).in(GRENOBLE));
        lab.need("w-skills", "wimoov", post(SKILLS).in(GRENOBLE));
        lab.offer("f-funding", "fondation", post(FUNDING).in(FRANCE));
        lab.offer("a-skills", "alyl", post(SKILLS).in(GRENOBLE));

        assertThat(lab.partnersOf("wimoov", RankingFilter.none().actorTypes(Set.of(ActorType.COMPANY))))
                .extracting(p -> p.actor().id()).containsExactly("alyl");
        assertThat(lab.partnersOf("wimoov", RankingFilter.none().within(ISERE)))
                .extracting(p -> p.actor().id()).containsExactly("alyl");
        assertThat(lab.partnersOf("wimoov", RankingFilter.none().categories(Set.of(ResourceCategory.FUNDING))))
                .extracting(p -> p.actor().id()).containsExactly("fondation");
        assertThat(lab.index().partnersOf("nobody", RankingFilter.none(), TODAY, 10, 3)).isEmpty();
    }

    @Test
    void loadingInBulkGivesTheSameRankingsAsEventByEvent() {
        lab.actor("a", "Association A", ActorType.ASSOCIATION).actor("b", "Entreprise B", ActorType.COMPANY);
        List<MatchingIndex.PostContent> posts = List.of(
                content(PostKind.NEED, "n1", "a", post(SKILLS).description("mobilité solidaire et insertion")),
                content(PostKind.NEED, "n2", "b", post(FUNDING).in(ISERE).description("jardins partagés")),
                content(PostKind.OFFER, "o1", "b", post(SKILLS).in(ISERE).description("insertion par la mobilité")),
                content(PostKind.OFFER, "o2", "b", post(VOLUNTEERS).in(FRANCE).description("bénévoles mobilité")),
                content(PostKind.OFFER, "o3", "a", post(FUNDING).in(GRENOBLE).description("jardins")));
        posts.forEach(lab.index()::put);
        IndexFixture bulk = new IndexFixture();
        bulk.actor("a", "Association A", ActorType.ASSOCIATION).actor("b", "Entreprise B", ActorType.COMPANY);
        bulk.index().putAll(posts);

        for (String need : List.of("n1", "n2")) {
            assertThat(bulk.offersFor(need)).extracting(Match::sentence, Match::score)
                    .isEqualTo(lab.offersFor(need).stream().map(m -> org.assertj.core.groups.Tuple.tuple(m.sentence(), m.score())).toList());
        }
    }

    private List<String> ids(RankingFilter filter) {
        return lab.offersFor("n", filter, 100).stream().map(m -> m.offer().id()).toList();
    }

    private static double score(List<Match> matches, String candidateId) {
        return matches.stream().filter(m -> m.offer().id().equals(candidateId) || m.need().id().equals(candidateId))
                .findFirst().orElseThrow().score();
    }

    private static MatchingIndex.PostContent content(PostKind kind, String id, String actorId,
                                                     fr.labos.partenariats.matchmaking.support.Posts details) {
        return new MatchingIndex.PostContent(kind, id, actorId, details.build(), 0, TODAY.atStartOfDay(IndexFixture.PARIS).toInstant());
    }
}
