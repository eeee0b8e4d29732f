package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.matchmaking.support.Posts;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.labos.partenariats.matchmaking.support.Posts.ECHIROLLES;
import static fr.labos.partenariats.matchmaking.support.Posts.FRANCE;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.LYON;
import static fr.labos.partenariats.matchmaking.support.Posts.RENNES;
import static fr.labos.partenariats.matchmaking.support.Posts.VOIRON;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static fr.labos.partenariats.schema.common.ResourceCategory.ADVOCACY;
import static fr.labos.partenariats.schema.common.ResourceCategory.CO_PRODUCTION;
import static fr.labos.partenariats.schema.common.ResourceCategory.EQUIPMENT;
import static fr.labos.partenariats.schema.common.ResourceCategory.EXPERIMENTATION;
import static fr.labos.partenariats.schema.common.ResourceCategory.FUNDING;
import static fr.labos.partenariats.schema.common.ResourceCategory.NETWORK;
import static fr.labos.partenariats.schema.common.ResourceCategory.POOLING;
import static fr.labos.partenariats.schema.common.ResourceCategory.PREMISES;
import static fr.labos.partenariats.schema.common.ResourceCategory.SKILLS;
import static fr.labos.partenariats.schema.common.ResourceCategory.VOLUNTEERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The first complementarity model on hand-made territories of actors, needs and offers. */
class ComplementarityModelTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final ComplementarityModel MODEL = new ComplementarityModel(ComplementarityWeights.defaults(),
            TerritoryDirectory.official(), new DescriptionSimilarity());

    private final Map<String, Actor> actors = new HashMap<>();
    private final List<Post> needs = new ArrayList<>();
    private final List<Post> offers = new ArrayList<>();

    @Test
    void theCategoryGateIsNeverCrossed() {
        // The table of CategoryCompatibility's documentation, written out again: need <- offers that may answer it.
        Map<ResourceCategory, Set<ResourceCategory>> answers = Map.of(
                FUNDING, Set.of(FUNDING),
                SKILLS, Set.of(SKILLS, VOLUNTEERS),
                VOLUNTEERS, Set.of(VOLUNTEERS, SKILLS),
                PREMISES, Set.of(PREMISES, POOLING),
                EQUIPMENT, Set.of(EQUIPMENT, POOLING),
                NETWORK, Set.of(NETWORK, ADVOCACY),
                CO_PRODUCTION, Set.of(CO_PRODUCTION, SKILLS, EXPERIMENTATION),
                ADVOCACY, Set.of(ADVOCACY, NETWORK),
                POOLING, Set.of(POOLING, PREMISES, EQUIPMENT),
                EXPERIMENTATION, Set.of(EXPERIMENTATION, CO_PRODUCTION));
        actor("giver", "Entreprise Alpes", ActorType.COMPANY);
        for (ResourceCategory category : ResourceCategory.values()) {
            offers.add(new Post("offer-" + category, "giver", post(category).build()));
        }
        actor("seeker", "Association Isère", ActorType.ASSOCIATION);

        for (ResourceCategory category : ResourceCategory.values()) {
            Post need = new Post("need-" + category, "seeker", post(category).build());
            assertThat(MODEL.offersFor(need, pool(), TODAY, 100))
                    .as("offers proposed for a %s need", category)
                    .extracting(m -> m.offer().details().category())
                    .containsExactlyInAnyOrderElementsOf(answers.get(category));
        }
    }

    @Test
    void fundingIsAnsweredByFundingOnlyWhateverTheFormOrTheScore() {
        actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        Post need = need("n", "seeker", post(FUNDING).sdgs(8, 10).themes(Theme.MOBILITY).description("mobilité solidaire"));
        offer("skills", "giver", post(SKILLS).sdgs(8, 10).themes(Theme.MOBILITY).description("mobilité solidaire"));
        offer("funding", "giver", post(FUNDING).form(PartnershipForm.POSITIONING).in(RENNES));

        assertThat(MODEL.offersFor(need, pool(), TODAY, 10)).extracting(m -> m.offer().id()).containsExactly("funding");
    }

    @Test
    void aNearerTerritoryRanksHigherAllElseEqual() {
        actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        Post need = need("n", "seeker", post(SKILLS).in(GRENOBLE));
        // Ids in reverse of the expected order, so that a tie broken by id could not pass for proximity.
        Map<String, PostDetails> byTerritory = Map.of(
                "o6-grenoble", post(SKILLS).in(GRENOBLE).build(),
                "o5-echirolles", post(SKILLS).in(ECHIROLLES).build(),
                "o4-voiron", post(SKILLS).in(VOIRON).build(),
                "o3-lyon", post(SKILLS).in(LYON).build(),
                "o2-france", post(SKILLS).in(FRANCE).build(),
                "o1-rennes", post(SKILLS).in(RENNES).build());
        byTerritory.forEach((id, details) -> {
            actor("actor-" + id, "Entreprise " + id, ActorType.COMPANY);
            offers.add(new Post(id, "actor-" + id, details));
        });

        List<Match> ranked = MODEL.offersFor(need, pool(), TODAY, 10);

        assertThat(ranked).extracting(m -> m.offer().id())
                .containsExactly("o6-grenoble", "o5-echirolles", "o4-voiron", "o3-lyon", "o2-france", "o1-rennes");
        assertThat(ranked).extracting(Match::score).doesNotHaveDuplicates();
    }

    @Test
    void anOfferCoveringTheNeedsDepartementIsAsNearAsThatDepartement() {
        actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        Post need = need("n", "seeker", post(FUNDING).in(GRENOBLE));
        offer("o", "giver", post(FUNDING).in(ISERE));

        Match match = MODEL.offersFor(need, pool(), TODAY, 1).get(0);

        assertThat(match.components().territory()).isEqualTo(0.7);
    }

    @Test
    void moreSharedSdgsRankHigher() {
        actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        Post need = need("n", "seeker", post(FUNDING).sdgs(1, 8, 10));
        offer("a-one", "giver-1", post(FUNDING).sdgs(8, 3, 5));
        offer("b-three", "giver-3", post(FUNDING).sdgs(1, 8, 10));
        offer("c-two", "giver-2", post(FUNDING).sdgs(8, 10, 5));
        for (int i = 1; i <= 3; i++) {
            actor("giver-" + i, "Fondation " + i, ActorType.FOUNDATION);
        }

        assertThat(MODEL.offersFor(need, pool(), TODAY, 10)).extracting(m -> m.offer().id())
                .containsExactly("b-three", "c-two", "a-one");
    }

    @Test
    void reciprocityRaisesTheScore() {
        actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION);
        actor("alyl", "Alyl Sécurité", ActorType.COMPANY);
        actor("other", "Entreprise Dauphiné", ActorType.COMPANY);
        Post need = need("n", "wimoov", post(SKILLS).title("Former nos conseillers"));
        offer("o-alyl", "alyl", post(SKILLS));
        offer("o-other", "other", post(SKILLS));
        // Alyl also needs volunteers, and Wimoov offers volunteers: the alliance goes both ways.
        need("n-alyl", "alyl", post(VOLUNTEERS));
        offer("o-wimoov", "wimoov", post(VOLUNTEERS));

        List<Match> ranked = MODEL.offersFor(need, pool(), TODAY, 10);

        assertThat(ranked).extracting(m -> m.offer().id()).containsExactly("o-alyl", "o-other");
        assertThat(ranked.get(0).components().reciprocity()).isEqualTo(1.0);
        assertThat(ranked.get(1).components().reciprocity()).isEqualTo(0.0);
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
        assertThat(ranked.get(0).sentence()).contains("réciprocité : Alyl Sécurité cherche aussi des bénévoles, ce que Wimoov Isère offre");
    }

    @Test
    void anExpiredOfferNeverAppears() {
        actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        Post need = need("n", "seeker", post(FUNDING).sdgs(8).in(GRENOBLE));
        offer("expired", "giver", post(FUNDING).sdgs(8).in(GRENOBLE).validUntil(TODAY.minusDays(1)));
        offer("last-day", "giver", post(FUNDING).in(RENNES).validUntil(TODAY));

        assertThat(MODEL.offersFor(need, pool(), TODAY, 10)).extracting(m -> m.offer().id()).containsExactly("last-day");
        Post expired = offers.get(0);
        assertThat(MODEL.needsFor(expired, pool(), TODAY, 10)).isEmpty();
    }

    @Test
    void anActorsOwnPostsNeverAppear() {
        actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION);
        actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        Post need = need("n", "wimoov", post(FUNDING).sdgs(8, 10).in(GRENOBLE).description("plateforme de mobilité"));
        Post own = offer("own", "wimoov", post(FUNDING).sdgs(8, 10).in(GRENOBLE).description("plateforme de mobilité"));
        offer("theirs", "giver", post(FUNDING).in(RENNES));

        assertThat(MODEL.offersFor(need, pool(), TODAY, 10)).extracting(m -> m.offer().id()).containsExactly("theirs");
        assertThat(MODEL.needsFor(own, pool(), TODAY, 10)).isEmpty();
    }

    @Test
    void theSentenceSaysInFrenchWhoNeedsWhatWhoOffersItWhereAndWhatTheyShare() {
        actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION);
        actor("fondation", "Fondation Dauphiné", ActorType.FOUNDATION);
        Post need = need("n", "wimoov", post(FUNDING).title("Plateforme de mobilité en Sud-Isère")
                .sdgs(1, 8, 10).themes(Theme.MOBILITY).in(GRENOBLE));
        offer("o", "fondation", post(FUNDING).sdgs(8, 10, 13).themes(Theme.FOOD).in(ISERE));

        Match match = MODEL.offersFor(need, pool(), TODAY, 1).get(0);

        assertThat(match.sentence()).isEqualTo("Wimoov Isère cherche un financement : « Plateforme de mobilité en Sud-Isère » ; "
                + "Fondation Dauphiné offre un financement dans tout le département (Isère) ; 2 ODD en commun (ODD 8, ODD 10) ; "
                + "alliance entre familles : association et fondation.");
        assertThat(match.modelVersion()).isEqualTo("complementarity-v1");
    }

    @Test
    void crossFamilyAlliancesRankAbovePeerAlliancesWhichStillAppear() {
        actor("fnh", "Fondation pour la Nature et l'Homme", ActorType.ASSOCIATION);
        actor("cpie", "Union nationale des CPIE", ActorType.NETWORK_HEAD);
        actor("commune", "Ville d'Échirolles", ActorType.MUNICIPALITY);
        Post need = need("n", "fnh", post(ADVOCACY));
        offer("a-peer", "cpie", post(ADVOCACY));
        offer("b-public", "commune", post(ADVOCACY));

        List<Match> ranked = MODEL.offersFor(need, pool(), TODAY, 10);

        assertThat(ranked).extracting(m -> m.offer().id()).containsExactly("b-public", "a-peer");
        assertThat(ranked.get(1).sentence()).contains("alliance entre pairs : association et tête de réseau");
    }

    @Test
    void closerDescriptionsRankHigher() {
        actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        actor("g1", "Entreprise 1", ActorType.COMPANY);
        actor("g2", "Entreprise 2", ActorType.COMPANY);
        Post need = need("n", "seeker", post(SKILLS).title("Conseil en mobilité")
                .description("Former les conseillers en mobilité solidaire pour l'insertion professionnelle"));
        offer("a-far", "g1", post(SKILLS).title("Jardins").description("Nous entretenons des jardins partagés"));
        offer("b-close", "g2", post(SKILLS).title("Mobilités")
                .description("Nos salariés forment des conseillers aux mobilités solidaires et à l'insertion"));

        List<Match> ranked = MODEL.offersFor(need, pool(), TODAY, 10);

        assertThat(ranked).extracting(m -> m.offer().id()).containsExactly("b-close", "a-far");
        assertThat(ranked.get(1).components().description()).isZero();
    }

    @Test
    void aPostWhoseActorHasNotArrivedStillRanksAsAnUnknownActor() {
        actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        Post need = need("n", "seeker", post(FUNDING));
        offer("o", "not-yet-projected", post(FUNDING));

        Match match = MODEL.offersFor(need, pool(), TODAY, 10).get(0);

        assertThat(match.offerActor().name()).isNull();
        assertThat(match.components().crossFamily()).isZero();
        assertThat(match.sentence()).contains("un acteur au profil encore inconnu offre un financement");
    }

    @Test
    void anOfferIsProposedTheNeedsItAnswersBestFirstWithinTheLimit() {
        actor("giver", "Alyl Sécurité", ActorType.COMPANY);
        Post offer = offer("o", "giver", post(SKILLS).in(GRENOBLE));
        for (String id : List.of("n1", "n2", "n3")) {
            actor("seeker-" + id, "Association " + id, ActorType.ASSOCIATION);
        }
        need("n1", "seeker-n1", post(CO_PRODUCTION).in(GRENOBLE));
        need("n2", "seeker-n2", post(SKILLS).in(GRENOBLE));
        need("n3", "seeker-n3", post(SKILLS).in(LYON));
        need("n4", "seeker-n1", post(FUNDING).in(GRENOBLE));

        assertThat(MODEL.needsFor(offer, pool(), TODAY, 2)).extracting(m -> m.need().id()).containsExactly("n2", "n1");
        assertThat(MODEL.needsFor(offer, pool(), TODAY, 10)).extracting(m -> m.need().id()).containsExactly("n2", "n1", "n3");
    }

    @Test
    void aCrossAnswerScoresBelowTheSameCategoryAndADistantFormBelowTheSameForm() {
        actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        actor("giver", "Alyl Sécurité", ActorType.COMPANY);
        Post need = need("n", "seeker", post(CO_PRODUCTION).form(PartnershipForm.CO_PRODUCTION));
        offer("same", "giver", post(CO_PRODUCTION).form(PartnershipForm.CO_PRODUCTION));
        offer("cross", "giver", post(SKILLS).form(PartnershipForm.CO_PRODUCTION));
        offer("related-form", "giver", post(CO_PRODUCTION).form(PartnershipForm.RESOURCES));

        Map<String, Double> category = MODEL.offersFor(need, pool(), TODAY, 10).stream()
                .collect(Collectors.toMap(m -> m.offer().id(), m -> m.components().category()));

        assertThat(category).containsEntry("same", 1.0).containsEntry("cross", 0.6).containsEntry("related-form", 0.8);
    }

    private void actor(String id, String name, ActorType type) {
        actors.put(id, new Actor(id, name, type));
    }

    private Post need(String id, String actorId, Posts details) {
        Post need = new Post(id, actorId, details.build());
        needs.add(need);
        return need;
    }

    private Post offer(String id, String actorId, Posts details) {
        Post offer = new Post(id, actorId, details.build());
        offers.add(offer);
        return offer;
    }

    private MatchingPool pool() {
        return new MatchingPool(actors, needs, offers);
    }
}
