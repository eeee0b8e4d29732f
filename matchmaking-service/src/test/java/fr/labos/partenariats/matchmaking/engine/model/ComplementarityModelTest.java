package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.matchmaking.support.IndexFixture;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import org.junit.jupiter.api.Test;

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
import static fr.labos.partenariats.matchmaking.support.Posts.LYON;
import static fr.labos.partenariats.matchmaking.support.Posts.RENNES;
import static fr.labos.partenariats.matchmaking.support.Posts.RHONE;
import static fr.labos.partenariats.matchmaking.support.Posts.SAINT_DENIS_REUNION;
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
import static org.assertj.core.api.Assertions.within;

/** The complementarity model (complementarity-v4) on hand-made territories of actors, needs and offers. */
class ComplementarityModelTest {

    private final IndexFixture lab = new IndexFixture();

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
        lab.actor("giver", "Entreprise Alpes", ActorType.COMPANY).actor("seeker", "Association Isère", ActorType.ASSOCIATION);
        for (ResourceCategory category : ResourceCategory.values()) {
            lab.offer("offer-" + category, "giver", post(category));
            lab.need("need-" + category, "seeker", post(category));
        }

        for (ResourceCategory category : ResourceCategory.values()) {
            assertThat(lab.offersFor("need-" + category))
                    .as("offers proposed for a %s need", category)
                    .extracting(m -> m.offer().category())
                    .containsExactlyInAnyOrderElementsOf(answers.get(category));
        }
    }

    @Test
    void fundingIsAnsweredByFundingOnlyWhateverTheFormOrTheScore() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        lab.need("n", "seeker", post(FUNDING).sdgs(8, 10).themes(Theme.MOBILITY).description("mobilité solidaire"));
        lab.offer("skills", "giver", post(SKILLS).sdgs(8, 10).themes(Theme.MOBILITY).description("mobilité solidaire"));
        lab.offer("funding", "giver", post(FUNDING).form(PartnershipForm.POSITIONING).in(FRANCE));

        assertThat(lab.offersFor("n")).extracting(m -> m.offer().id()).containsExactly("funding");
    }

    @Test
    void aCommuneNeedAcceptsOffersCoveringItAndThoseOfItsNeighboursInItsDepartement() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Entreprise Alpes", ActorType.COMPANY);
        lab.need("n", "seeker", post(SKILLS).in(GRENOBLE));
        lab.offer("grenoble", "giver", post(SKILLS).in(GRENOBLE));
        lab.offer("metropole", "giver", post(SKILLS).in(GRENOBLE_ALPES_METROPOLE));
        lab.offer("isere", "giver", post(SKILLS).in(ISERE));
        lab.offer("region", "giver", post(SKILLS).in(AUVERGNE_RHONE_ALPES));
        lab.offer("france", "giver", post(SKILLS).in(FRANCE));
        lab.offer("echirolles-next-door", "giver", post(SKILLS).in(ECHIROLLES));
        lab.offer("voiron", "giver", post(SKILLS).in(VOIRON));
        lab.offer("lyon", "giver", post(SKILLS).in(LYON));
        lab.offer("rhone", "giver", post(SKILLS).in(RHONE));
        lab.offer("rennes", "giver", post(SKILLS).in(RENNES));

        List<Match> matches = lab.offersFor("n");

        // Lyon, the Rhône and Rennes lie in other départements and cover not Grenoble.
        assertThat(matches).extracting(m -> m.offer().id()).containsExactlyInAnyOrder("grenoble", "metropole", "isere",
                "region", "france", "echirolles-next-door", "voiron");
        // Neighbours rank by the smallest territory holding both: Échirolles shares Grenoble's EPCI, Voiron only its
        // département.
        assertThat(matches).filteredOn(m -> m.offer().id().equals("echirolles-next-door"))
                .singleElement().satisfies(m -> {
                    assertThat(m.components().territory()).isEqualTo(0.85);
                    assertThat(m.sentence()).contains("à Échirolles",
                            "voisins dans la même intercommunalité (Grenoble-Alpes-Métropole)");
                });
        assertThat(matches).filteredOn(m -> m.offer().id().equals("voiron"))
                .singleElement().satisfies(m -> {
                    assertThat(m.components().territory()).isEqualTo(0.7);
                    assertThat(m.sentence()).contains("voisins dans le même département (Isère)");
                });
        assertThat(matches).filteredOn(m -> m.offer().id().equals("isere"))
                .singleElement().satisfies(m -> assertThat(m.sentence()).doesNotContain("voisins"));
    }

    /** Two arrondissements of Lyon share their commune: « même commune », as scored, not « même département (Lyon) ». */
    @Test
    void neighbouringArrondissementsAreSaidToShareTheirCommune() {
        lab.actor("seeker", "Wimoov Lyon", ActorType.ASSOCIATION).actor("giver", "Entreprise Presqu'île", ActorType.COMPANY);
        lab.need("n", "seeker", post(SKILLS).in(TerritoryRef.commune("69381")));
        lab.offer("lyon-2e", "giver", post(SKILLS).in(TerritoryRef.commune("69382")));

        assertThat(lab.offersFor("n")).singleElement().satisfies(m -> {
            assertThat(m.components().territory()).isEqualTo(1.0);
            assertThat(m.sentence()).contains("voisins dans la même commune (Lyon)").doesNotContain("département");
        });
    }

    @Test
    void aDepartementNeedAcceptsOffersInsideItOrCoveringIt() {
        lab.actor("seeker", "Uriopss", ActorType.NETWORK_HEAD).actor("giver", "Entreprise Alpes", ActorType.COMPANY);
        lab.need("n", "seeker", post(SKILLS).in(ISERE));
        lab.offer("grenoble", "giver", post(SKILLS).in(GRENOBLE));
        lab.offer("echirolles", "giver", post(SKILLS).in(ECHIROLLES));
        lab.offer("metropole", "giver", post(SKILLS).in(GRENOBLE_ALPES_METROPOLE));
        lab.offer("isere", "giver", post(SKILLS).in(ISERE));
        lab.offer("region", "giver", post(SKILLS).in(AUVERGNE_RHONE_ALPES));
        lab.offer("france", "giver", post(SKILLS).in(FRANCE));
        lab.offer("lyon", "giver", post(SKILLS).in(LYON));
        lab.offer("rhone", "giver", post(SKILLS).in(RHONE));

        List<Match> matches = lab.offersFor("n");

        assertThat(matches).extracting(m -> m.offer().id())
                .containsExactlyInAnyOrder("grenoble", "echirolles", "metropole", "isere", "region", "france");
        // Inside the département or the département itself: the département is the smallest territory holding both.
        assertThat(matches).filteredOn(m -> Set.of("grenoble", "echirolles", "metropole", "isere").contains(m.offer().id()))
                .allSatisfy(m -> assertThat(m.components().territory()).isEqualTo(0.7));
    }

    @Test
    void aNationalOfferReachesEveryTerritoryEvenOverseas() {
        lab.actor("giver", "Fondation de France", ActorType.FOUNDATION);
        String offer = lab.offer("national", "giver", post(FUNDING).in(FRANCE));
        for (TerritoryRef territory : List.of(GRENOBLE, RENNES, SAINT_DENIS_REUNION, ISERE, AUVERGNE_RHONE_ALPES, FRANCE)) {
            lab.actor("seeker-" + territory.code(), "Association " + territory.code(), ActorType.ASSOCIATION);
            lab.need("need-" + territory.code(), "seeker-" + territory.code(), post(FUNDING).in(territory));
        }

        assertThat(lab.needsFor(offer)).hasSize(6)
                .allSatisfy(m -> assertThat(m.components().territory()).isEqualTo(0.3));
    }

    @Test
    void aNearerTerritoryRanksHigherAllElseEqual() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        lab.need("n", "seeker", post(SKILLS).in(GRENOBLE));
        // Ids in reverse of the expected order, so that a tie broken by id could not pass for proximity.
        Map<String, TerritoryRef> byTerritory = Map.of(
                "o5-grenoble", GRENOBLE,
                "o4-metropole", GRENOBLE_ALPES_METROPOLE,
                "o3-isere", ISERE,
                "o2-region", AUVERGNE_RHONE_ALPES,
                "o1-france", FRANCE);
        byTerritory.forEach((id, territory) -> {
            lab.actor("actor-" + id, "Entreprise " + id, ActorType.COMPANY);
            lab.offer(id, "actor-" + id, post(SKILLS).in(territory));
        });

        List<Match> ranked = lab.offersFor("n");

        assertThat(ranked).extracting(m -> m.offer().id())
                .containsExactly("o5-grenoble", "o4-metropole", "o3-isere", "o2-region", "o1-france");
        assertThat(ranked).extracting(m -> m.components().territory()).containsExactly(1.0, 0.85, 0.7, 0.5, 0.3);
    }

    @Test
    void moreSharedSdgsRankHigher() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        for (int i = 1; i <= 3; i++) {
            lab.actor("giver-" + i, "Fondation " + i, ActorType.FOUNDATION);
        }
        lab.need("n", "seeker", post(FUNDING).sdgs(1, 8, 10));
        lab.offer("a-one", "giver-1", post(FUNDING).sdgs(8, 3, 5));
        lab.offer("b-three", "giver-3", post(FUNDING).sdgs(1, 8, 10));
        lab.offer("c-two", "giver-2", post(FUNDING).sdgs(8, 10, 5));

        assertThat(lab.offersFor("n")).extracting(m -> m.offer().id()).containsExactly("b-three", "c-two", "a-one");
    }

    @Test
    void reciprocityRaisesTheScoreAndIsReadOut() {
        lab.actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION)
                .actor("alyl", "Alyl Sécurité", ActorType.COMPANY)
                .actor("other", "Entreprise Dauphiné", ActorType.COMPANY);
        lab.need("n", "wimoov", post(SKILLS).title("Former nos conseillers"));
        lab.offer("o-alyl", "alyl", post(SKILLS));
        lab.offer("o-other", "other", post(SKILLS));
        // Alyl also needs volunteers, and Wimoov offers volunteers: the alliance goes both ways.
        lab.need("n-alyl", "alyl", post(VOLUNTEERS));
        lab.offer("o-wimoov", "wimoov", post(VOLUNTEERS).title("Bénévoles pour vos chantiers"));

        List<Match> ranked = lab.offersFor("n");

        assertThat(ranked).extracting(m -> m.offer().id()).containsExactly("o-alyl", "o-other");
        assertThat(ranked.get(0).components().reciprocity()).isEqualTo(1.0);
        assertThat(ranked.get(1).components().reciprocity()).isEqualTo(0.0);
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
        assertThat(ranked.get(0).reciprocal().need().id()).isEqualTo("n-alyl");
        assertThat(ranked.get(0).sentence())
                .endsWith("réciproque : Wimoov Isère offre des bénévoles (« Bénévoles pour vos chantiers ») qu'Alyl Sécurité recherche.");
    }

    @Test
    void aReciprocalPairMustItselfPassEveryGate() {
        lab.actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION).actor("alyl", "Alyl Sécurité", ActorType.COMPANY);
        lab.need("n", "wimoov", post(SKILLS).in(GRENOBLE));
        lab.offer("o-alyl", "alyl", post(SKILLS).in(ISERE));
        // Alyl needs volunteers in Rennes; Wimoov offers volunteers in Grenoble: the territory gate refuses that pair.
        lab.need("n-alyl", "alyl", post(VOLUNTEERS).in(RENNES));
        lab.offer("o-wimoov", "wimoov", post(VOLUNTEERS).in(GRENOBLE));
        // An expired need of Alyl that would pass the gates does not count either.
        lab.need("n-alyl-expired", "alyl", post(VOLUNTEERS).in(GRENOBLE).validUntil(TODAY.minusDays(1)));

        Match match = lab.offersFor("n").get(0);

        assertThat(match.components().reciprocity()).isZero();
        assertThat(match.reciprocal()).isNull();
        assertThat(match.sentence()).doesNotContain("réciproque");
    }

    @Test
    void anExpiredPostNeverAppearsAndHasNoMatches() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        lab.need("n", "seeker", post(FUNDING).sdgs(8).in(GRENOBLE));
        lab.offer("expired", "giver", post(FUNDING).sdgs(8).in(GRENOBLE).validUntil(TODAY.minusDays(1)));
        lab.offer("last-day", "giver", post(FUNDING).in(FRANCE).validUntil(TODAY));

        assertThat(lab.offersFor("n")).extracting(m -> m.offer().id()).containsExactly("last-day");
        assertThat(lab.index().matchesFor(PostKind.OFFER, "expired", RankingFilter.none(),
                TODAY, 10)).isEmpty();
    }

    @Test
    void anActorsOwnPostsNeverAppear() {
        lab.actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        lab.need("n", "wimoov", post(FUNDING).sdgs(8, 10).in(GRENOBLE).description("plateforme de mobilité"));
        lab.offer("own", "wimoov", post(FUNDING).sdgs(8, 10).in(GRENOBLE).description("plateforme de mobilité"));
        lab.offer("theirs", "giver", post(FUNDING).in(FRANCE));

        assertThat(lab.offersFor("n")).extracting(m -> m.offer().id()).containsExactly("theirs");
        assertThat(lab.needsFor("own")).isEmpty();
    }

    @Test
    void theSentenceSaysInFrenchWhoNeedsWhatWhoOffersWhatWhereAndWhatTheyShare() {
        lab.actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION).actor("fondation", "Fondation Dauphiné", ActorType.FOUNDATION);
        lab.need("n", "wimoov", post(FUNDING).title("Plateforme de mobilité en Sud-Isère")
                .sdgs(1, 8, 10).themes(Theme.MOBILITY).in(GRENOBLE));
        lab.offer("o", "fondation", post(FUNDING).title("Mécénat financier").sdgs(8, 10, 13).themes(Theme.FOOD).in(ISERE));

        Match match = lab.offersFor("n").get(0);

        assertThat(match.sentence()).isEqualTo("Wimoov Isère cherche un financement : « Plateforme de mobilité en Sud-Isère » ; "
                + "Fondation Dauphiné offre un financement dans tout le département (Isère) : « Mécénat financier » ; "
                + "2 ODD en commun (ODD 8, ODD 10) ; alliance entre familles : association et fondation.");
        assertThat(match.modelVersion()).isEqualTo("complementarity-v4");
    }

    @Test
    void crossFamilyAlliancesRankAbovePeerAlliancesWhichStillAppear() {
        lab.actor("fnh", "Fondation pour la Nature et l'Homme", ActorType.ASSOCIATION)
                .actor("cpie", "Union nationale des CPIE", ActorType.NETWORK_HEAD)
                .actor("commune", "Ville d'Échirolles", ActorType.MUNICIPALITY);
        lab.need("n", "fnh", post(ADVOCACY));
        lab.offer("a-peer", "cpie", post(ADVOCACY));
        lab.offer("b-public", "commune", post(ADVOCACY));

        List<Match> ranked = lab.offersFor("n");

        assertThat(ranked).extracting(m -> m.offer().id()).containsExactly("b-public", "a-peer");
        assertThat(ranked).extracting(m -> m.components().crossFamily()).containsExactly(1.0, 0.4);
        assertThat(ranked.get(1).sentence()).contains("alliance entre pairs : association et tête de réseau");
    }

    @Test
    void closerDescriptionsRankHigher() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION)
                .actor("g1", "Entreprise 1", ActorType.COMPANY).actor("g2", "Entreprise 2", ActorType.COMPANY);
        lab.need("n", "seeker", post(SKILLS).title("Conseil en mobilité")
                .description("Former les conseillers en mobilité solidaire pour l'insertion professionnelle"));
        lab.offer("a-far", "g1", post(SKILLS).title("Jardins").description("Nous entretenons des jardins partagés"));
        lab.offer("b-close", "g2", post(SKILLS).title("Mobilités")
                .description("Nos salariés forment des conseillers aux mobilités solidaires et à l'insertion"));

        List<Match> ranked = lab.offersFor("n");

        assertThat(ranked).extracting(m -> m.offer().id()).containsExactly("b-close", "a-far");
        assertThat(ranked.get(0).components().description()).isGreaterThan(0.3);
        assertThat(ranked.get(1).components().description()).isZero();
    }

    @Test
    void aSharedRareWordCountsMoreThanASharedCommonOne() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION)
                .actor("g1", "Entreprise 1", ActorType.COMPANY).actor("g2", "Entreprise 2", ActorType.COMPANY)
                .actor("filler", "Réseau", ActorType.NETWORK_HEAD);
        // « projet » is in every post of the corpus, « scooters » in two only.
        for (int i = 0; i < 8; i++) {
            lab.need("filler-" + i, "filler", post(ADVOCACY).title("Projet " + i).description("un projet de territoire"));
        }
        lab.need("n", "seeker", post(EQUIPMENT).title("Projet").description("scooters projet"));
        lab.offer("a-common", "g1", post(EQUIPMENT).title("Projet").description("projet atelier"));
        lab.offer("b-rare", "g2", post(EQUIPMENT).title("Atelier").description("scooters atelier"));

        Map<String, Double> description = lab.offersFor("n").stream()
                .collect(Collectors.toMap(m -> m.offer().id(), m -> m.components().description()));

        assertThat(description.get("b-rare")).isGreaterThan(description.get("a-common"));
    }

    @Test
    void aPostWhoseActorHasNotArrivedStillRanksAsAnUnknownActor() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION);
        lab.need("n", "seeker", post(FUNDING));
        lab.offer("o", "not-yet-projected", post(FUNDING));

        Match match = lab.offersFor("n").get(0);

        assertThat(match.offerActor().name()).isNull();
        assertThat(match.components().crossFamily()).isZero();
        assertThat(match.sentence()).contains("un acteur au profil encore inconnu offre un financement");
    }

    @Test
    void anOfferIsProposedTheNeedsItAnswersBestFirstWithinTheLimit() {
        lab.actor("giver", "Alyl Sécurité", ActorType.COMPANY);
        String offer = lab.offer("o", "giver", post(SKILLS).in(GRENOBLE));
        for (String id : List.of("n1", "n2", "n3")) {
            lab.actor("seeker-" + id, "Association " + id, ActorType.ASSOCIATION);
        }
        lab.need("n1", "seeker-n1", post(CO_PRODUCTION).in(GRENOBLE));
        lab.need("n2", "seeker-n2", post(SKILLS).in(GRENOBLE));
        lab.need("n3", "seeker-n3", post(SKILLS).in(ISERE));
        lab.need("n4", "seeker-n1", post(FUNDING).in(GRENOBLE));

        // n2: same category, same commune. n3: same category in the département (0.7) beats n1: a cross answer (0.6)
        // in the same commune, because category and territory weigh alike: 0.2 × 1 + 0.2 × 0.7 > 0.2 × 0.6 + 0.2 × 1.
        assertThat(lab.needsFor(offer, RankingFilter.none(), 2))
                .extracting(m -> m.need().id()).containsExactly("n2", "n3");
        assertThat(lab.needsFor(offer)).extracting(m -> m.need().id()).containsExactly("n2", "n3", "n1");
    }

    @Test
    void aCrossAnswerScoresBelowTheSameCategoryAndADistantFormBelowTheSameForm() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Alyl Sécurité", ActorType.COMPANY);
        lab.need("n", "seeker", post(CO_PRODUCTION).form(PartnershipForm.CO_PRODUCTION));
        lab.offer("same", "giver", post(CO_PRODUCTION).form(PartnershipForm.CO_PRODUCTION));
        lab.offer("cross", "giver", post(SKILLS).form(PartnershipForm.CO_PRODUCTION));
        lab.offer("related-form", "giver", post(CO_PRODUCTION).form(PartnershipForm.RESOURCES));

        Map<String, Double> category = lab.offersFor("n").stream()
                .collect(Collectors.toMap(m -> m.offer().id(), m -> m.components().category()));

        assertThat(category).containsEntry("same", 1.0).containsEntry("cross", 0.6).containsEntry("related-form", 0.8);
    }

    @Test
    void aFresherOfferRanksHigherAllElseEqual() {
        lab.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Fondation Dauphiné", ActorType.FOUNDATION);
        lab.need("n", "seeker", post(FUNDING));
        // "a-old" would win the tie on id: only freshness can put "b-new" first.
        lab.put(PostKind.OFFER, "a-old", "giver", post(FUNDING).build(), TODAY.minusDays(360));
        lab.put(PostKind.OFFER, "b-new", "giver", post(FUNDING).build(), TODAY);

        List<Match> ranked = lab.offersFor("n");

        assertThat(ranked).extracting(m -> m.offer().id()).containsExactly("b-new", "a-old");
        // The need is fresh (1); the old offer is two half-lives (2 × 180 days) old (0.25); the pair takes their mean.
        assertThat(ranked.get(0).components().freshness()).isEqualTo(1.0);
        assertThat(ranked.get(1).components().freshness()).isCloseTo((1 + 0.25) / 2, within(1e-12));
    }

    @Test
    void theScoreIsTheWeightedMeanOfTheComponents() {
        lab.actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION).actor("alyl", "Alyl Sécurité", ActorType.COMPANY);
        lab.need("n", "wimoov", post(CO_PRODUCTION).form(PartnershipForm.CO_PRODUCTION).title("Former des conducteurs").description("auto-école sociale")
                .sdgs(4, 8).themes(Theme.MOBILITY).in(GRENOBLE));
        lab.put(PostKind.OFFER, "o", "alyl", post(SKILLS).form(PartnershipForm.CO_PRODUCTION).title("Formateurs")
                .description("nos formateurs pour l'auto-école").sdgs(8).themes(Theme.MOBILITY, Theme.EMPLOYMENT_INSERTION)
                .in(ISERE).build(), TODAY.minusDays(90));
        lab.need("n-alyl", "alyl", post(VOLUNTEERS).in(ISERE));
        lab.offer("o-wimoov", "wimoov", post(VOLUNTEERS).in(GRENOBLE));

        Match match = lab.offersFor("n").get(0);
        Components c = match.components();
        ComplementarityWeights w = ComplementarityWeights.defaults();

        assertThat(c.category()).isEqualTo(0.6);                                 // SKILLS answers CO_PRODUCTION, same form
        assertThat(c.territory()).isEqualTo(0.7);                                 // Isère holds Grenoble
        assertThat(c.purpose()).isCloseTo(0.6 * (1 / 2.0) + 0.4 * (1 / 2.0), within(1e-12));
        assertThat(c.crossFamily()).isEqualTo(1.0);
        assertThat(c.reciprocity()).isEqualTo(1.0);
        assertThat(c.freshness()).isCloseTo((1 + Math.pow(0.5, 90 / 180.0)) / 2, within(1e-12));
        double mean = (w.category() * c.category() + w.territory() * c.territory() + w.purpose() * c.purpose()
                + w.description() * c.description() + w.crossFamily() * c.crossFamily() + w.reciprocity() * c.reciprocity()
                + w.freshness() * c.freshness()) / (w.category() + w.territory() + w.purpose() + w.description()
                + w.crossFamily() + w.reciprocity() + w.freshness());
        assertThat(match.score()).isCloseTo(mean, within(1e-12));
    }

    @Test
    void aZeroWeightSwitchesAComponentOffButKeepsTheGates() {
        IndexFixture withoutTerritory = new IndexFixture(ComplementarityWeights.defaults()
                .with(ComplementarityWeights.Component.TERRITORY, 0));
        withoutTerritory.actor("seeker", "Wimoov Isère", ActorType.ASSOCIATION).actor("giver", "Entreprise", ActorType.COMPANY);
        withoutTerritory.need("n", "seeker", post(SKILLS).in(GRENOBLE));
        withoutTerritory.offer("a-france", "giver", post(SKILLS).in(FRANCE));
        withoutTerritory.offer("b-grenoble", "giver", post(SKILLS).in(GRENOBLE));
        withoutTerritory.offer("c-lyon", "giver", post(SKILLS).in(LYON));

        List<Match> ranked = withoutTerritory.offersFor("n");

        assertThat(ranked).extracting(m -> m.offer().id()).containsExactly("a-france", "b-grenoble");
        assertThat(ranked.get(0).score()).isEqualTo(ranked.get(1).score());
    }
}
