package fr.labos.partenariats.matchmaking.evaluation;

import fr.labos.partenariats.matchmaking.evaluation.LabelledPairs.Distractor;
import fr.labos.partenariats.matchmaking.evaluation.LabelledPairs.DistractorKind;
import fr.labos.partenariats.matchmaking.evaluation.LabelledPairs.Label;
import fr.labos.partenariats.matchmaking.evaluation.LabelledPairs.Query;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

class LabelledPairsTest {

    /**
     * Which offer categories can answer a need category: the table documented on the matcher's
     * CategoryCompatibility, restated here because the labels must make sense on their own, whatever the engine does.
     */
    private static final Map<ResourceCategory, Set<ResourceCategory>> ANSWERED_BY = new EnumMap<>(ResourceCategory.class);

    static {
        ANSWERED_BY.put(FUNDING, EnumSet.of(FUNDING));
        ANSWERED_BY.put(SKILLS, EnumSet.of(SKILLS, VOLUNTEERS));
        ANSWERED_BY.put(VOLUNTEERS, EnumSet.of(VOLUNTEERS, SKILLS));
        ANSWERED_BY.put(PREMISES, EnumSet.of(PREMISES, POOLING));
        ANSWERED_BY.put(EQUIPMENT, EnumSet.of(EQUIPMENT, POOLING));
        ANSWERED_BY.put(NETWORK, EnumSet.of(NETWORK, ADVOCACY));
        ANSWERED_BY.put(CO_PRODUCTION, EnumSet.of(CO_PRODUCTION, SKILLS, EXPERIMENTATION));
        ANSWERED_BY.put(ADVOCACY, EnumSet.of(ADVOCACY, NETWORK));
        ANSWERED_BY.put(POOLING, EnumSet.of(POOLING, PREMISES, EQUIPMENT));
        ANSWERED_BY.put(EXPERIMENTATION, EnumSet.of(EXPERIMENTATION, CO_PRODUCTION));
    }

    private static final TerritoryDirectory TERRITORIES = TerritoryDirectory.official();
    private static LabelledPairs set;

    @BeforeAll
    static void load() {
        set = LabelledPairs.load();
    }

    @Test
    void theSetHasAtLeastFortyQueriesAndOneHundredAndFiftyPosts() {
        assertThat(set.queries()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(set.needs().size() + set.offers().size()).isGreaterThanOrEqualTo(150);
        assertThat(set.referenceDate()).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void theRealAlliancesOfTheSourceAreAmongTheQueries() {
        Set<String> authors = new HashSet<>();
        set.queries().forEach(q -> authors.add(set.actor(set.need(q.needId()).orElseThrow().actorId()).orElseThrow().name()));
        Set<String> partners = new HashSet<>();
        set.queries().forEach(q -> q.relevant().forEach(l ->
                partners.add(set.actor(set.offer(l.offerId()).orElseThrow().actorId()).orElseThrow().name())));

        assertThat(authors).contains("Wimoov", "Union nationale des CPIE", "Alyl Sécurité", "Uriopss Île-de-France",
                "Confédération des MJC de France (CMJCF)", "FAGE — Fédération des associations générales étudiantes");
        assertThat(partners).contains("Macif", "Renault Group", "TotalEnergies", "AG2R La Mondiale — fonds d'innovation sociale",
                "Ville de Paris", "DRIEETS Île-de-France (ex-Direccte)", "Le RAMEAU", "Fondation pour la Nature et l'Homme (FNH)",
                "France Travail Isère", "Fondation Daniel et Nina Carasso", "Labo des partenariats de l'Isère (GAIA / France Active Isère)");
    }

    @Test
    void everyReferencedIdExistsAndIdsAreUnique() {
        Set<String> queried = new HashSet<>();
        for (Query query : set.queries()) {
            assertThat(set.need(query.needId())).as("need %s", query.needId()).isPresent();
            assertThat(queried.add(query.needId())).as("one query per need: %s", query.needId()).isTrue();
            query.relevant().forEach(l -> assertThat(set.offer(l.offerId())).as("offer %s", l.offerId()).isPresent());
            query.distractors().forEach(d -> assertThat(set.offer(d.offerId())).as("offer %s", d.offerId()).isPresent());
        }
        set.needs().forEach(n -> assertThat(set.actor(n.actorId())).as("author of %s", n.needId()).isPresent());
        set.offers().forEach(o -> assertThat(set.actor(o.actorId())).as("author of %s", o.offerId()).isPresent());
        Set<String> postIds = new HashSet<>();
        set.needs().forEach(n -> assertThat(postIds.add(n.needId())).isTrue());
        set.offers().forEach(o -> assertThat(postIds.add(o.offerId())).as("post id %s", o.offerId()).isTrue());
    }

    @Test
    void everyTerritoryIsAnOfficialOne() {
        set.actors().forEach(a -> assertThat(TERRITORIES.isKnown(TerritoryRef.commune(a.homeTerritory())))
                .as("home of %s: %s", a.actorId(), a.homeTerritory()).isTrue());
        set.needs().forEach(n -> assertThat(TERRITORIES.isKnown(n.details().territory())).as(n.needId()).isTrue());
        set.offers().forEach(o -> assertThat(TERRITORIES.isKnown(o.details().territory())).as(o.offerId()).isTrue());
    }

    @Test
    void everyQueryHasAnIdealOfferAndEveryJudgementSaysWhy() {
        for (Query query : set.queries()) {
            assertThat(query.why()).as("why of %s", query.needId()).isNotBlank();
            assertThat(query.relevant()).as("relevant offers of %s", query.needId()).isNotEmpty();
            assertThat(query.idealOfferIds()).as("ideal offers of %s", query.needId()).isNotEmpty();
            assertThat(query.distractors()).as("distractors of %s", query.needId()).isNotEmpty();
            query.relevant().forEach(l -> {
                assertThat(l.grade()).isBetween(1, 2);
                assertThat(l.why()).as("why %s for %s", l.offerId(), query.needId()).isNotBlank();
            });
            query.distractors().forEach(d -> assertThat(d.why()).as("why %s for %s", d.offerId(), query.needId()).isNotBlank());
            assertThat(Collections.disjoint(query.relevantOfferIds(), query.distractorOfferIds())).as(query.needId()).isTrue();
            assertThat(query.relevantOfferIds()).hasSize(query.relevant().size());
        }
    }

    @Test
    void everyQueryNeedIsOpenOnTheReferenceDate() {
        for (Query query : set.queries()) {
            assertThat(need(query).details().isExpiredOn(set.referenceDate())).as(query.needId()).isFalse();
        }
    }

    @Test
    void everyRelevantOfferIsOpenFromAnotherActorOfACompatibleCategoryAndReachesTheNeed() {
        for (Query query : set.queries()) {
            NeedRegisteredEvent need = need(query);
            for (Label label : query.relevant()) {
                OfferRegisteredEvent offer = offer(label.offerId());
                String pair = query.needId() + " ← " + label.offerId();
                assertThat(offer.details().isExpiredOn(set.referenceDate())).as("expired: %s", pair).isFalse();
                assertThat(offer.actorId()).as("same actor: %s", pair).isNotEqualTo(need.actorId());
                assertThat(ANSWERED_BY.get(need.details().category())).as("category: %s", pair).contains(offer.details().category());
                assertThat(reaches(offer.details(), need.details())).as("territory: %s", pair).isTrue();
            }
        }
    }

    @Test
    void everyDistractorIsWhatItsKindSays() {
        for (Query query : set.queries()) {
            PostDetails need = need(query).details();
            for (Distractor distractor : query.distractors()) {
                OfferRegisteredEvent offer = offer(distractor.offerId());
                PostDetails d = offer.details();
                boolean compatible = ANSWERED_BY.get(need.category()).contains(d.category());
                String pair = query.needId() + " ← " + distractor.offerId() + " (" + distractor.kind() + ")";
                switch (distractor.kind()) {
                    case EXPIRED -> assertThat(d.isExpiredOn(set.referenceDate())).as(pair).isTrue();
                    case SAME_ACTOR -> assertThat(offer.actorId()).as(pair).isEqualTo(need(query).actorId());
                    case WRONG_CATEGORY -> assertThat(compatible).as(pair).isFalse();
                    case OUT_OF_TERRITORY -> assertThat(compatible && !reaches(d, need)).as(pair).isTrue();
                    case OFF_PURPOSE -> assertThat(compatible && reaches(d, need) && Collections.disjoint(d.themes(), need.themes()))
                            .as(pair).isTrue();
                }
                if (distractor.kind() != DistractorKind.EXPIRED) {
                    assertThat(d.isExpiredOn(set.referenceDate())).as("only EXPIRED distractors are expired: %s", pair).isFalse();
                }
            }
        }
    }

    @Test
    void postsComeAfterTheirActorAndExpiredOnesWereValidWhenPosted() {
        Map<String, Instant> registered = new HashMap<>();
        for (Object event : set.eventsInOrder()) {
            if (event instanceof ActorRegisteredEvent actor) {
                registered.put(actor.actorId(), actor.registeredAt());
            } else if (event instanceof NeedRegisteredEvent need) {
                assertPostedAfterAuthor(registered, need.actorId(), need.registeredAt(), need.details(), need.needId());
            } else if (event instanceof OfferRegisteredEvent offer) {
                assertPostedAfterAuthor(registered, offer.actorId(), offer.registeredAt(), offer.details(), offer.offerId());
            }
        }
        assertThat(set.eventsInOrder()).hasSize(set.actors().size() + set.needs().size() + set.offers().size());
    }

    @Test
    void everyPostHasThemesAndSdgsAndAFrenchDescription() {
        List<PostDetails> posts = new ArrayList<>();
        set.needs().forEach(n -> posts.add(n.details()));
        set.offers().forEach(o -> posts.add(o.details()));
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.themes()).isNotEmpty();
            assertThat(p.sdgs()).isNotEmpty();
            assertThat(p.title()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(p.description()).hasSizeGreaterThan(60).endsWith(".");
        });
        long accented = posts.stream().filter(p -> p.description().matches("(?s).*[éèàêçô].*")).count();
        assertThat(accented).as("descriptions written in real French, accents included").isGreaterThan(posts.size() * 9L / 10);
        Set<Theme> covered = EnumSet.noneOf(Theme.class);
        posts.forEach(p -> covered.addAll(p.themes()));
        assertThat(covered).containsExactlyInAnyOrder(Theme.values());
    }

    @Test
    void anOracleRankingScoresPerfectlyAndADistractorsFirstRankingIsCaught() {
        EvaluationMetrics.Report oracle = EvaluationMetrics.evaluate(set.queries(), q -> q.relevant().stream()
                .sorted(Comparator.comparingInt(Label::grade).reversed()).map(Label::offerId).toList(), 10);
        EvaluationMetrics.Report gullible = EvaluationMetrics.evaluate(set.queries(), q -> {
            List<String> ranked = new ArrayList<>(q.distractorOfferIds());
            ranked.addAll(q.relevantOfferIds());
            return ranked;
        }, 10);

        assertThat(oracle.meanReciprocalRank()).isEqualTo(1.0);
        assertThat(oracle.ndcgAtK()).isCloseTo(1.0, within(1e-12));
        assertThat(oracle.recallAtK()).isEqualTo(1.0);
        assertThat(oracle.forbiddenProposed()).isZero();
        assertThat(gullible.meanReciprocalRank()).isLessThan(0.5);
        assertThat(gullible.forbiddenProposed()).isPositive();
    }

    /** A post's scope reaches a need when one encloses the other: a national offer reaches all, a département need accepts offers inside it. */
    private static boolean reaches(PostDetails offer, PostDetails need) {
        return TERRITORIES.contains(offer.territory(), need.territory()) || TERRITORIES.contains(need.territory(), offer.territory());
    }

    private static void assertPostedAfterAuthor(Map<String, Instant> registered, String actorId, Instant at, PostDetails details, String id) {
        assertThat(registered).as("author of %s registered first", id).containsKey(actorId);
        assertThat(at).as("%s posted after its author registered", id).isAfter(registered.get(actorId));
        if (details.validUntil() != null) {
            assertThat(details.validUntil()).as("%s valid when posted", id)
                    .isAfterOrEqualTo(LocalDate.ofInstant(at, LabCalendar.ZONE));
        }
    }

    private static NeedRegisteredEvent need(Query query) {
        return set.need(query.needId()).orElseThrow();
    }

    private static OfferRegisteredEvent offer(String offerId) {
        return set.offer(offerId).orElseThrow();
    }
}
