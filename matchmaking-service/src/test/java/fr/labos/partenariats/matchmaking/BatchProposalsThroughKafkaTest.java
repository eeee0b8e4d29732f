package fr.labos.partenariats.matchmaking;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.Posts;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.Refusals;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventJson;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/introductions/batch} through the real components: profile events on a real broker, the engine,
 * the event store on PostgreSQL, the relay to the introductions topic and the introduced pairs read back from it.
 */
class BatchProposalsThroughKafkaTest {

    private static final String ISERE_38 = "{\"territory\": {\"code\": \"38\", \"level\": \"DEPARTEMENT\"}, \"partnersPerActor\": 2}";

    private static InMemoryMongo mongo;
    private static ProfileEventPublisher profile;
    private static String introductionTopic;
    private static RunningMatchmaking service;
    private static EventStoreRows store;

    @BeforeAll
    static void anIsereTerritoryWithTwoNeedersFourFundersAndASavoyard() {
        String profileTopic = SharedKafka.newTopic("it.batch.profile.events");
        introductionTopic = SharedKafka.newTopic("it.batch.matchmaking.events");
        mongo = InMemoryMongo.start();
        profile = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
        actor("a-wimoov", "38185");
        need("a-wimoov", funding().title("Financer deux conseillers mobilité").in(GRENOBLE));
        actor("b-mobilite", "38185");
        need("b-mobilite", funding().title("Financer un garage solidaire").in(ISERE));
        for (String funder : List.of("f1", "f2", "f3", "f4")) {
            actor(funder, "38185");
            offer(funder, funding().title("Mobilité inclusive " + funder).in(ISERE));
        }
        // Home in Savoie: never the subject of an Isère batch.
        actor("s-savoie", "73065");
        need("s-savoie", funding().title("Financer la mobilité en Savoie").in(Posts.AUVERGNE_RHONE_ALPES));
        // The CC Cœur de Chartreuse lies across the border: Saint-Laurent-du-Pont (Isère, no post yet), Les Échelles
        // (Savoie).
        actor("c-chartreuse-isere", "38412");
        actor("c-chartreuse-savoie", "73105");
        need("c-chartreuse-savoie", funding().title("Financer un transport à la demande").in(Posts.AUVERGNE_RHONE_ALPES));

        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), profileTopic,
                "it-batch-" + System.nanoTime(), "lab.relay.topic=" + introductionTopic,
                "matchmaking.introductions.topic=" + introductionTopic);
        store = new EventStoreRows(service.databaseUrl());
        await().atMost(ofSeconds(60)).ignoreExceptions().until(() ->
                service.getJson("/api/actors/a-wimoov/partners").size() == 4
                        && service.getJson("/api/actors/s-savoie/partners").size() == 4
                        && service.getJson("/api/actors/f4/partners").size() == 4
                        // The batch reads the territory's actors from the projection, which another consumer than
                        // the index's writes: wait for all nine there too.
                        && mongo.template().findAll(ActorEntry.class).size() == 9);
    }

    @AfterAll
    static void stop() {
        service.close();
        profile.close();
        mongo.close();
    }

    @Test
    void aFacilitatorsBatchProposesTheTopPartnersOfItsActorsOnceAndSkipsTheRestSayingWhy() {
        List<String> wimoovTop2 = service.getJson("/api/actors/a-wimoov/partners?limit=2").findValuesAsText("actorId");
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();

        HttpResponse<String> first = batch(facilitator, ISERE_38);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode report = RunningMatchmaking.parse(first.body());
        assertThat(report.get("actors").asInt()).isEqualTo(7);
        List<JsonNode> proposals = new ArrayList<>();
        report.get("introductions").forEach(proposals::add);
        assertThat(report.get("proposed").asInt()).isEqualTo(proposals.size()).isPositive();

        // The first actor in id order gets exactly its top 2; no pair twice; no Savoyard subject.
        assertThat(proposals.stream().filter(p -> p.get("actorId").asText().equals("a-wimoov"))
                .map(p -> p.get("partnerId").asText())).containsExactlyElementsOf(wimoovTop2);
        Set<Set<String>> pairs = new HashSet<>();
        for (JsonNode proposal : proposals) {
            assertThat(pairs.add(Set.of(proposal.get("actorId").asText(), proposal.get("partnerId").asText()))).isTrue();
            assertThat(proposal.get("actorId").asText()).isNotEqualTo("s-savoie");
        }
        assertThat(proposals.stream().filter(p -> p.get("actorId").asText().equals("f1")).count()).isLessThanOrEqualTo(2);

        // Each is a MATCHER proposal on the topic, with the frozen score, components, sentence and model version.
        List<IntroductionProposedEvent> relayed = await().atMost(ofSeconds(30)).until(
                () -> proposedOnTopic(), events -> events.size() == proposals.size());
        for (IntroductionProposedEvent event : relayed) {
            assertThat(event.source()).isEqualTo(IntroductionSource.MATCHER);
            assertThat(event.pairs()).isNotEmpty();
            assertThat(event.match().modelVersion()).isNotBlank();
            assertThat(event.match().score()).isBetween(0.0, 1.0);
            assertThat(event.match().components()).containsKeys("category", "territory", "reciprocity");
            assertThat(event.match().sentence()).isNotBlank();
            assertThat(event.proposedBy().role()).isEqualTo("FACILITATOR");
        }

        // Run again at once: nothing new, everything skipped, and no new event in the store (so none to relay).
        long eventsAfterTheFirst = store.events();
        JsonNode second = RunningMatchmaking.parse(batch(facilitator, ISERE_38).body());
        assertThat(second.get("proposed").asInt()).isZero();
        assertThat(second.get("skipped").findValues("count").stream().mapToInt(JsonNode::asInt).sum()).isPositive();

        // Once the proposals came back from the topic, the pairs are set aside as open introductions.
        await().atMost(ofSeconds(30)).until(() -> service.getJson("/api/actors/a-wimoov/partners?limit=10")
                .findValuesAsText("actorId").stream().noneMatch(wimoovTop2::contains));
        JsonNode third = RunningMatchmaking.parse(batch(facilitator, ISERE_38).body());
        assertThat(third.get("proposed").asInt()).isZero();
        assertThat(third.get("skipped").findValuesAsText("reason")).contains("OPEN_INTRODUCTION");
        assertThat(store.events()).as("events after two batches that proposed nothing").isEqualTo(eventsAfterTheFirst);
    }

    @Test
    void onlyAFacilitatorOfTheTerritoryOrAnAdminMayAskAndARefusalProposesNothing() {
        String onlyFacilitators = "Seuls les animateurs et les administrateurs demandent un lot de propositions de mise"
                + " en relation.";
        assertThat(refused(403, ProblemTypes.FORBIDDEN, () -> batch(TestTokens.facilitator("DEPARTEMENT:73").sign(),
                ISERE_38)).path("detail").asText())
                .isEqualTo("Le territoire « Isère » n'est pas dans les territoires que vous animez.");
        assertThat(refused(403, ProblemTypes.FORBIDDEN, () -> batch(TestTokens.member("a-wimoov").sign(), ISERE_38))
                .path("detail").asText()).isEqualTo(onlyFacilitators);
        assertThat(refused(403, ProblemTypes.FORBIDDEN, () -> batch(TestTokens.viewer().sign(), ISERE_38))
                .path("detail").asText()).isEqualTo(onlyFacilitators);

        JsonNode unknown = refused(400, ProblemTypes.INVALID_INPUT, () -> batch(TestTokens.admin().sign(),
                "{\"territory\": {\"code\": \"99\", \"level\": \"DEPARTEMENT\"}}")).path("errors");
        assertThat(unknown).hasSize(1);
        assertThat(unknown.get(0).path("field").asText()).isEqualTo("territory");
        assertThat(unknown.get(0).path("message").asText())
                .isEqualTo("« 99 » n'est pas un territoire de niveau DEPARTEMENT du référentiel officiel");
        // A territory half written is told what it lacks (it was « « 38 » n'est pas un territoire de niveau null »).
        JsonNode noLevel = refused(400, ProblemTypes.INVALID_INPUT, () -> batch(TestTokens.admin().sign(),
                "{\"territory\": {\"code\": \"38\"}}")).path("errors");
        assertThat(noLevel.findValuesAsText("field")).containsExactly("territory.level");
        assertThat(noLevel.get(0).path("message").asText()).isEqualTo("le territoire du lot doit avoir son niveau "
                + "(« level » : COMMUNE, EPCI, DEPARTEMENT, REGION ou NATIONAL)");
        JsonNode noCode = refused(400, ProblemTypes.INVALID_INPUT, () -> batch(TestTokens.admin().sign(),
                "{\"territory\": {\"level\": \"DEPARTEMENT\"}}")).path("errors");
        assertThat(noCode.findValuesAsText("field")).containsExactly("territory.code");
        assertThat(noCode.get(0).path("message").asText()).startsWith("le territoire du lot doit avoir son code");
        JsonNode none = refused(400, ProblemTypes.INVALID_INPUT, () -> batch(TestTokens.admin().sign(),
                "{\"territory\": {\"code\": \"38\", \"level\": \"DEPARTEMENT\"}, \"partnersPerActor\": 0}"))
                .path("errors");
        assertThat(none).hasSize(1);
        assertThat(none.get(0).path("field").asText()).isEqualTo("partnersPerActor");
    }

    /**
     * An intercommunality across a border lies in each of its départements, so a facilitator of Isère may ask for it;
     * the batch proposes for its actors on the Isère side only: an introduction made for a Savoyard and a partner
     * outside Isère is one that facilitator could then neither read nor withdraw.
     */
    @Test
    void aBatchForAnIntercommunalityAcrossTheBorderProposesForTheFacilitatorsSideOnly() {
        HttpResponse<String> response = batch(TestTokens.facilitator("DEPARTEMENT:38").sign(),
                "{\"territory\": {\"code\": \"200040111\", \"level\": \"EPCI\"}, \"partnersPerActor\": 2}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = RunningMatchmaking.parse(response.body());
        assertThat(report.get("actors").asInt()).as("Saint-Laurent-du-Pont's actor, not Les Échelles'").isEqualTo(1);
        assertThat(report.get("introductions").findValuesAsText("actorId")).doesNotContain("c-chartreuse-savoie");
        assertThat(report.get("actorsWithoutPartner").asInt()).as("the Isère one has no post yet").isEqualTo(1);
    }

    private static HttpResponse<String> batch(String token, String body) {
        return service.post("/api/introductions/batch", token, body);
    }

    /** A refused batch: the problem document expected, and no proposal written. Returns the problem. */
    private static JsonNode refused(int status, ProblemTypes type, Supplier<HttpResponse<String>> request) {
        return Refusals.refusedWritingNothing(store, status, type.slug(), request);
    }

    /** Every introduction proposal on the topic, read from its beginning. */
    private static List<IntroductionProposedEvent> proposedOnTopic() {
        List<IntroductionProposedEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "batch-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(introductionTopic));
            Instant until = Instant.now().plusSeconds(3);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    var type = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals("IntroductionProposedEvent")) {
                        events.add(read(record.value()));
                    }
                }
            }
        }
        return events;
    }

    private static IntroductionProposedEvent read(String json) {
        try {
            return EventJson.mapper().readValue(json, IntroductionProposedEvent.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Posts funding() {
        return post(ResourceCategory.FUNDING).description("Mobilité solidaire et inclusive").sdgs(8, 10)
                .themes(Theme.MOBILITY);
    }

    private static void actor(String id, String home) {
        profile.publish(id, 0, new ActorRegisteredEvent(id, "Acteur " + id, ActorType.ASSOCIATION, home, Set.of(),
                Set.of(), "", Instant.now()));
    }

    private static void need(String actorId, Posts details) {
        profile.publish(actorId + "-need", 0, new NeedRegisteredEvent(actorId + "-need", actorId, details.build(), Instant.now()));
    }

    private static void offer(String actorId, Posts details) {
        profile.publish(actorId + "-offer", 0, new OfferRegisteredEvent(actorId + "-offer", actorId, details.build(), Instant.now()));
    }
}
