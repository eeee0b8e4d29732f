package fr.labos.partenariats.matchmaking;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.Posts;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.platform.testing.RelayedRecords;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.matching.Proposer;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static fr.labos.partenariats.matchmaking.support.Posts.FRANCE;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Pairs set aside by their introductions, end to end: profile events and introduction events (as the relay writes
 * them) on a real broker, the rankings and partners read over HTTP. A pair declined as competitor before the service
 * started is left out from the first answer (the state is rebuilt from offset 0); open pairs leave and come back per
 * the rules; {@code includeIntroduced=true} shows them with the reason; a second instance answers alike.
 */
class IntroducedPairsThroughKafkaTest {

    /** Now, not a fixed date: the test topic keeps the broker's default retention, which drops old records. */
    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static InMemoryMongo mongo;
    private static ProfileEventPublisher profile;
    private static RelayedRecords introductions;
    private static String profileTopic;
    private static String introductionTopic;
    private static RunningMatchmaking service;

    @BeforeAll
    static void aTerritoryAndAnIntroductionDeclinedAsCompetitorBeforeTheStart() {
        profileTopic = SharedKafka.newTopic("it.introduced.profile.events");
        introductionTopic = SharedKafka.newTopic("it.introduced.matchmaking.events");
        mongo = InMemoryMongo.start();
        profile = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
        introductions = new RelayedRecords(SharedKafka.bootstrapServers(), introductionTopic);

        actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION);
        for (String funder : List.of("dauphine", "fdf", "banque", "mecene", "caisse", "rival")) {
            actor(funder, "Financeur " + funder, ActorType.FOUNDATION);
            profile.publish(funder + "-funding", 0, new OfferRegisteredEvent(funder + "-funding", funder,
                    funding().in(funder.equals("fdf") ? FRANCE : ISERE).build(), Instant.now()));
        }
        profile.publish("w-funding", 0, new NeedRegisteredEvent("w-funding", "wimoov", funding().in(GRENOBLE).build(),
                Instant.now()));

        propose("i-competitor", "wimoov", "dauphine");
        publish("i-competitor", 1, new IntroductionDeclinedEvent("i-competitor", "dauphine", DeclineReason.COMPETITOR,
                "Nous finançons déjà un concurrent", AT));
        propose("i-rival", "wimoov", "rival");
        publish("i-rival", 1, new IntroductionDeclinedEvent("i-rival", "rival", DeclineReason.COMPETITOR,
                "Nous finançons déjà un concurrent", AT));

        service = start(mongo);
        await().atMost(ofSeconds(60)).ignoreExceptions().until(() ->
                service.getJson("/api/actors/wimoov/partners?includeIntroduced=true").size() == 6);
    }

    @AfterAll
    static void stop() {
        service.close();
        introductions.close();
        profile.close();
        mongo.close();
    }

    @Test
    void aPairDeclinedAsCompetitorBeforeTheStartIsLeftOutEverywhereAndMarkedOnRequest() {
        assertThat(partnerIds("wimoov", "")).doesNotContain("dauphine").contains("banque");
        assertThat(partnerIds("dauphine", "")).doesNotContain("wimoov");
        assertThat(offerActors("w-funding", "")).doesNotContain("dauphine").contains("banque");
        assertThat(service.getJson("/api/offers/dauphine-funding/matches").findValuesAsText("actorId"))
                .doesNotContain("wimoov");

        JsonNode marked = partner("wimoov", "dauphine");
        assertThat(marked.at("/introduced/reason").asText()).isEqualTo("DECLINED_COMPETITOR");
        assertThat(marked.at("/introduced/label").asText()).isEqualTo("mise en relation refusée : concurrents");
        assertThat(marked.at("/introduced/introductionId").asText()).isEqualTo("i-competitor");
        JsonNode offer = match("w-funding", "dauphine");
        assertThat(offer.at("/introduced/reason").asText()).isEqualTo("DECLINED_COMPETITOR");
        // A pair not set aside carries no mark.
        assertThat(partner("wimoov", "banque").has("introduced")).isFalse();

        // Wimoov's member may not ask for that pair: it is told why (the actors by their names), and which introduction
        // says so. (Asked until the actors' entries, which say who may act for them, are read too: a 404 before.)
        String member = TestTokens.member("wimoov").sign();
        await().atMost(ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> asked = service.post("/api/introductions", member,
                    "{\"actorId\": \"wimoov\", \"partnerId\": \"dauphine\"}");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(409);
            assertThat(RunningMatchmaking.parse(asked.body()).path("detail").asText()).isEqualTo("« Wimoov Isère » et "
                    + "« Financeur dauphine » ne se voient pas proposer de nouvelle mise en relation : mise en relation refusée : "
                    + "concurrents (mise en relation « i-competitor »).");
        });
    }

    /**
     * The rankings leave out for good a pair declined as competitor, but a facilitator may introduce them again (its
     * judgement): on the matcher's grounds for them, the need/offer pair it names and the score of that moment, as
     * for any pair.
     */
    @Test
    void aFacilitatorIntroducesAgainAPairDeclinedAsCompetitorOnTheMatchersGrounds() {
        assertThat(partner("wimoov", "rival").at("/introduced/reason").asText()).isEqualTo("DECLINED_COMPETITOR");
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();

        HttpResponse<String> named = service.post("/api/introductions", facilitator, """
                {"actorId": "wimoov", "partnerId": "rival", "source": "FACILITATOR",
                 "pairs": [{"needId": "w-funding", "offerId": "rival-funding"}],
                 "note": "Les choses ont changé depuis leur refus"}""");

        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        String id = RunningMatchmaking.parse(named.body()).path("id").asText();
        JsonNode proposed = RunningMatchmaking.parse(new EventStoreRows(service.databaseUrl()).payloads(id).get(0));
        assertThat(proposed.path("pairs").findValuesAsText("offerId")).containsExactly("rival-funding");
        JsonNode pair = partner("wimoov", "rival").path("pairs").get(0);
        assertThat(pair.path("offerId").asText()).isEqualTo("rival-funding");
        assertThat(proposed.path("match").path("score").asDouble()).as("the score of that moment, frozen")
                .isPositive().isCloseTo(pair.path("score").asDouble(), within(0.0005));
        assertThat(proposed.path("match").path("modelVersion").asText())
                .isEqualTo(pair.path("explanation").path("modelVersion").asText());
    }

    @Test
    void anOpenIntroductionLeavesThePairOutUntilItExpires() {
        propose("i-open", "wimoov", "fdf");
        await().atMost(ofSeconds(20)).until(() -> !partnerIds("wimoov", "").contains("fdf"));
        assertThat(offerActors("w-funding", "")).doesNotContain("fdf");
        assertThat(partner("wimoov", "fdf").at("/introduced/reason").asText()).isEqualTo("OPEN_INTRODUCTION");
        // Nor may Wimoov's member ask for that pair again while it is open, and it is told why.
        HttpResponse<String> asked = service.post("/api/introductions", TestTokens.member("wimoov").sign(),
                "{\"actorId\": \"wimoov\", \"partnerId\": \"fdf\", \"note\": \"Encore ?\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(409);
        assertThat(RunningMatchmaking.parse(asked.body()).path("detail").asText()).isEqualTo("« Wimoov Isère » et « Financeur fdf » "
                + "ne se voient pas proposer de nouvelle mise en relation : mise en relation proposée, en attente de "
                + "réponse (mise en relation « i-open »).");
        // Nor may a facilitator, by hand: the introduction in progress is to be carried on, not repeated.
        HttpResponse<String> byHand = service.post("/api/introductions", TestTokens.admin().sign(),
                "{\"actorId\": \"fdf\", \"partnerId\": \"wimoov\", \"source\": \"FACILITATOR\"}");
        assertThat(byHand.statusCode()).as(byHand.body()).isEqualTo(409);
        assertThat(RunningMatchmaking.parse(byHand.body()).path("detail").asText()).isEqualTo("« Financeur fdf » et « Wimoov Isère » "
                + "ne se voient pas proposer de nouvelle mise en relation : mise en relation proposée, en attente de "
                + "réponse (mise en relation « i-open »).");

        publish("i-open", 1, new IntroductionAcceptedEvent("i-open", "wimoov", false, AT));
        publish("i-open", 2, new IntroductionExpiredEvent("i-open", AT));
        await().atMost(ofSeconds(20)).until(() -> partnerIds("wimoov", "").contains("fdf"));
        assertThat(offerActors("w-funding", "")).contains("fdf");
        assertThat(partner("wimoov", "fdf").has("introduced")).isFalse();
    }

    @Test
    void anAcceptedIntroductionStaysOutUntilAnOutcomeOfNoFit() {
        propose("i-accepted", "banque", "wimoov");
        publish("i-accepted", 1, new IntroductionAcceptedEvent("i-accepted", "banque", false, AT));
        publish("i-accepted", 2, new IntroductionAcceptedEvent("i-accepted", "wimoov", true, AT));
        await().atMost(ofSeconds(20)).until(() -> "INTRODUCED".equals(partner("wimoov", "banque").at("/introduced/reason").asText()));
        assertThat(partnerIds("wimoov", "")).doesNotContain("banque");

        publish("i-accepted", 3, new OutcomeRecordedEvent("i-accepted", Outcome.NO_FIT, LocalDate.now(),
                "Pas de piste commune", null, null, AT));
        await().atMost(ofSeconds(20)).until(() -> partnerIds("wimoov", "").contains("banque"));
    }

    @Test
    void aDeclineForNowOrAWithdrawalBringsThePairBack() {
        propose("i-not-now", "wimoov", "mecene");
        propose("i-withdrawn", "caisse", "wimoov");
        await().atMost(ofSeconds(20)).until(() -> !partnerIds("wimoov", "").contains("mecene")
                && !partnerIds("wimoov", "").contains("caisse"));

        // Ahead of the decline in its partition, records no relay writes (an operator's tool might): one without a
        // value, one whose header has none. They are passed over, and the decline behind them is read.
        ProducerRecord<String, String> decline = RelayedRecords.record(introductionTopic, "i-not-now", 1,
                new IntroductionDeclinedEvent("i-not-now", "mecene", DeclineReason.NOT_NOW, null, AT), AT,
                new RelayedRecords.Principal("u-facilitator", "FACILITATOR", null));
        introductions.send(new ProducerRecord<>(introductionTopic, null, "i-not-now", null, decline.headers()));
        ProducerRecord<String, String> headerWithoutValue = new ProducerRecord<>(introductionTopic, null, "i-not-now",
                decline.value(), new RecordHeaders(decline.headers().toArray()));
        headerWithoutValue.headers().remove(EventHeaders.AGGREGATE_ID).add(EventHeaders.AGGREGATE_ID, null);
        introductions.send(headerWithoutValue);
        publish("i-not-now", 1, new IntroductionDeclinedEvent("i-not-now", "mecene", DeclineReason.NOT_NOW, null, AT));
        publish("i-withdrawn", 1, new IntroductionWithdrawnEvent("i-withdrawn", "doublon", AT));
        await().atMost(ofSeconds(20)).until(() -> partnerIds("wimoov", "").containsAll(List.of("mecene", "caisse")));
    }

    /**
     * Which pairs an actor's introductions set aside, and why, is its business: a caller who may not read its
     * introductions (a viewer, another actor's member, a facilitator elsewhere) asking for them gets the ranking
     * without them, as if it had not asked; its member, the facilitators of its territory and admins see them marked.
     */
    @Test
    void thePairsSetAsideAreShownOnlyToThoseWhoMayReadTheActorsIntroductions() {
        String partners = "/api/actors/wimoov/partners";
        String matches = "/api/needs/w-funding/matches";
        for (String token : List.of(TestTokens.viewer().sign(), TestTokens.member("banque").sign(),
                TestTokens.facilitator("DEPARTEMENT:73").sign())) {
            for (String ranking : List.of(partners, matches)) {
                HttpResponse<String> asked = service.get(ranking + "?includeIntroduced=true", token);
                assertThat(asked.statusCode()).isEqualTo(200);
                assertThat(asked.body()).doesNotContain("dauphine", "introduced", "i-competitor");
                assertThat(RunningMatchmaking.parse(asked.body()))
                        .isEqualTo(RunningMatchmaking.parse(service.get(ranking, token).body()));
            }
        }
        // A facilitator's reach is read from the projection's actor entries, which may come a moment after the index.
        await().atMost(ofSeconds(20)).untilAsserted(() -> {
            for (String token : List.of(TestTokens.member("wimoov").sign(), TestTokens.facilitator("DEPARTEMENT:38").sign(),
                    TestTokens.admin().sign())) {
                for (String ranking : List.of(partners, matches)) {
                    assertThat(service.get(ranking + "?includeIntroduced=true", token).body())
                            .contains("dauphine", "DECLINED_COMPETITOR", "i-competitor");
                }
            }
        });
        // An offer's ranking is its actor's: Dauphine's member sees the pair its own introduction set aside, Wimoov's
        // member (the other side, ranked here as a candidate) gets the ranking without it.
        String offerMatches = "/api/offers/dauphine-funding/matches?includeIntroduced=true";
        await().atMost(ofSeconds(20)).untilAsserted(() -> assertThat(service.get(offerMatches,
                TestTokens.member("dauphine").sign()).body()).contains("wimoov", "DECLINED_COMPETITOR"));
        assertThat(service.get(offerMatches, TestTokens.member("wimoov").sign()).body()).doesNotContain("introduced");
    }

    @Test
    void includeIntroducedIsCheckedAndASecondInstanceAnswersAlike() throws Exception {
        assertThat(service.get("/api/actors/wimoov/partners?includeIntroduced=peut-etre").statusCode()).isEqualTo(400);

        try (InMemoryMongo otherMongo = InMemoryMongo.start(); RunningMatchmaking other = start(otherMongo)) {
            await().atMost(ofSeconds(60)).ignoreExceptions().until(() ->
                    other.getJson("/api/actors/wimoov/partners?includeIntroduced=true").size() == 6);
            for (String query : List.of("", "includeIntroduced=true")) {
                assertThat(other.getJson("/api/actors/wimoov/partners?" + query))
                        .isEqualTo(service.getJson("/api/actors/wimoov/partners?" + query));
            }
        }
    }

    private static RunningMatchmaking start(InMemoryMongo store) {
        return RunningMatchmaking.start(SharedKafka.bootstrapServers(), store.uri(), profileTopic,
                "it-introduced-" + System.nanoTime(), "matchmaking.introductions.topic=" + introductionTopic);
    }

    private static Posts funding() {
        return post(ResourceCategory.FUNDING).title("Mobilité inclusive")
                .description("Financer la mobilité solidaire").sdgs(8, 10).themes(Theme.MOBILITY);
    }

    private static void actor(String id, String name, ActorType type) {
        profile.publish(id, 0, new ActorRegisteredEvent(id, name, type, "38185", Set.of(), Set.of(), "", Instant.now()));
    }

    private static void propose(String id, String actor, String partner) {
        publish(id, 0, new IntroductionProposedEvent(id, IntroductionSource.FACILITATOR, actor, partner, List.of(), null,
                new Proposer("u-facilitator", "FACILITATOR"), null, AT, AT.plusSeconds(14 * 86_400), null));
    }

    private static void publish(String introductionId, long sequence, Object event) {
        introductions.publish(introductionId, sequence, event, AT.plusSeconds(sequence),
                new RelayedRecords.Principal("u-facilitator", "FACILITATOR", null));
    }

    private static List<String> partnerIds(String actorId, String query) {
        return service.getJson("/api/actors/" + actorId + "/partners?" + query).findValuesAsText("actorId");
    }

    private static List<String> offerActors(String needId, String query) {
        return service.getJson("/api/needs/" + needId + "/matches?" + query).findValuesAsText("actorId");
    }

    private static JsonNode partner(String actorId, String partnerId) {
        for (JsonNode partner : service.getJson("/api/actors/" + actorId + "/partners?includeIntroduced=true")) {
            if (partner.get("actorId").asText().equals(partnerId)) {
                return partner;
            }
        }
        throw new AssertionError(partnerId + " is not among the partners of " + actorId + ", even marked");
    }

    private static JsonNode match(String needId, String offerActorId) {
        for (JsonNode match : service.getJson("/api/needs/" + needId + "/matches?includeIntroduced=true")) {
            if (match.get("actorId").asText().equals(offerActorId)) {
                return match;
            }
        }
        throw new AssertionError(offerActorId + " offers nothing for " + needId + ", even marked");
    }
}
