package fr.labos.partenariats.matchmaking.introduction.view;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.IntroductionRecords;
import fr.labos.partenariats.matchmaking.support.IntroductionStories;
import fr.labos.partenariats.matchmaking.support.IntroductionStories.Told;
import fr.labos.partenariats.matchmaking.support.Posts;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.ProfileRecords;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.support.KafkaHeaders;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The introduction views and dashboards fed through a real Kafka broker into MongoDB's wire protocol
 * (mongo-java-server), from records built as the platform's relay builds them, by an instance that wrote none of
 * these events. The tests run in order on one topic: lifecycle, redelivery, dashboards, poison, rebuild.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntroductionViewsThroughKafkaTest {

    static final String A = "a-tremplin";      // association, Grenoble (Isère)
    static final String B = "a-chambery";      // commune, Chambéry (Savoie)
    static final String C = "a-imprimerie";    // company, Voiron (Isère)
    static final NeedOfferPair A_FROM_B = new NeedOfferPair("n-a", "o-b");
    static final NeedOfferPair A_FROM_C = new NeedOfferPair("n-a", "o-c");
    static final Instant MARCH_2 = Instant.parse("2026-03-02T09:00:00Z");

    private static String profileTopic;
    private static String topic;
    private static InMemoryMongo mongo;
    private static ProfileEventPublisher kafka;
    private static RunningMatchmaking service;
    private static IntroductionStories stories;

    @BeforeAll
    static void start() {
        profileTopic = SharedKafka.newTopic("it.views.profile.events");
        topic = SharedKafka.newTopic("it.views.matchmaking.events");
        mongo = InMemoryMongo.start();
        kafka = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
        Instant registered = Instant.parse("2026-01-05T10:00:00Z");
        kafka.publish(A, 0, new ActorRegisteredEvent(A, "Association Tremplin", ActorType.ASSOCIATION, "38185",
                Set.of(), Set.of(Sdg.of(8), Sdg.of(10)), "Insertion", registered));
        kafka.publish(B, 0, new ActorRegisteredEvent(B, "Ville de Chambéry", ActorType.MUNICIPALITY, "73065",
                Set.of(), Set.of(Sdg.of(8), Sdg.of(11)), "Commune", registered));
        kafka.publish(C, 0, new ActorRegisteredEvent(C, "Imprimerie du Voironnais", ActorType.COMPANY, "38563",
                Set.of(), Set.of(Sdg.of(5)), "Imprimerie", registered));
        kafka.publish("n-a", 0, new NeedRegisteredEvent("n-a", A, Posts.post(ResourceCategory.FUNDING).build(), registered));
        kafka.publish("o-b", 0, new OfferRegisteredEvent("o-b", B, Posts.post(ResourceCategory.FUNDING).build(), registered));
        kafka.publish("o-c", 0, new OfferRegisteredEvent("o-c", C, Posts.post(ResourceCategory.SKILLS).build(), registered));
        stories = new IntroductionStories()
                .fullLifecycle("i-full", A, B, A_FROM_B, MARCH_2)
                .waiting("i-wait", C, A, Instant.parse("2026-04-20T08:00:00Z"), Duration.ofDays(14))
                .declined("i-decl", A, C, A_FROM_C, Instant.parse("2026-03-03T08:00:00Z"))
                .expired("i-exp", B, C, A_FROM_C, Instant.parse("2026-03-05T08:00:00Z"))
                .withdrawn("i-wd", A, B, Instant.parse("2026-03-10T08:00:00Z"));
        service = startService();
    }

    private static RunningMatchmaking startService(String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "matchmaking.introduction-views.topic=" + topic,
                "matchmaking.introduction-views.group-id=it-views",
                "matchmaking.dashboard.refresh=100ms",
                "matchmaking.dashboard.dimensions-refresh=300ms",
                "matchmaking.dashboard.metrics-refresh=200ms"));
        properties.addAll(List.of(extra));
        return RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), profileTopic, "it-views-profile",
                properties.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        service.close();
        kafka.close();
        mongo.close();
    }

    @Test
    @Order(1)
    void theTimelineAndTheInboxShowAFullLifecycleWithWhoTookEachStep() {
        stories.events().forEach(told -> kafka.send(told.record(topic)));

        // The names are joined at query time from the profile projection, which another consumer writes: wait for both.
        await().atMost(ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = service.getJson("/api/introductions/i-full");
            assertThat(view.path("steps").size()).isEqualTo(7);
            assertThat(view.path("actor").path("name").asText()).isEqualTo("Association Tremplin");
            assertThat(view.path("partner").path("name").asText()).isEqualTo("Ville de Chambéry");
        });
        JsonNode full = service.getJson("/api/introductions/i-full");
        assertThat(full.path("status").asText()).isEqualTo("partnership");
        assertThat(full.path("statusLabel").asText()).isEqualTo("partenariat conclu");
        assertThat(full.path("actor").path("name").asText()).isEqualTo("Association Tremplin");
        assertThat(full.path("partner").path("name").asText()).isEqualTo("Ville de Chambéry");
        assertThat(full.path("match").path("score").asDouble()).isEqualTo(0.82);
        assertThat(full.path("milestones").path("partnershipOn").asText()).isEqualTo("2026-04-11");
        JsonNode steps = full.path("steps");
        assertThat(steps.get(0).path("subject").asText()).isEqualTo("sub-" + A);
        assertThat(steps.get(2).path("subject").asText()).isEqualTo("sub-" + B);
        assertThat(steps.get(2).path("actingFor").asText()).isEqualTo(B);
        assertThat(steps.get(2).path("what").asText()).isEqualTo("acceptée par les deux parties");
        assertThat(steps.get(6).path("outcome").asText()).isEqualTo("PARTNERSHIP_FORMED");
        assertThat(steps.get(6).path("text").asText()).isEqualTo("Convention signée");
        await().atMost(ofSeconds(30)).untilAsserted(() ->
                assertThat(service.getJson("/api/introductions/i-wd").path("status").asText()).isEqualTo("withdrawn"));
        JsonNode declined = service.getJson("/api/introductions/i-decl");
        assertThat(declined.path("steps").get(1).path("reason").asText()).isEqualTo("COMPETITOR");
        assertThat(declined.path("steps").get(1).path("text").asText()).isEqualTo("Nous sommes concurrents sur ce marché");

        JsonNode inbox = service.getJson("/api/actors/" + A + "/introductions");
        assertThat(ids(inbox)).as("waiting for A's answer first, then the latest step first")
                .containsExactly("i-wait", "i-full", "i-wd", "i-decl");
        assertThat(inbox.path("introductions").get(0).path("waitingForYourAnswer").asBoolean()).isTrue();
        assertThat(inbox.path("introductions").get(0).path("partner").path("name").asText()).isEqualTo("Imprimerie du Voironnais");
        assertThat(inbox.path("waitingForYourAnswer").asInt()).isEqualTo(1);
        assertThat(inbox.path("byStatus").path("declined").asInt()).isEqualTo(1);
        // What a card of the inbox shows and acts on, without reading each introduction again.
        JsonNode fullEntry = inbox.path("introductions").get(1);
        assertThat(fullEntry.path("sentence").asText()).isEqualTo("Le besoin de financement trouve une offre de subvention en Isère.");
        assertThat(fullEntry.path("note").asText()).isEqualTo("Rencontre souhaitée");
        assertThat(fullEntry.path("meetings")).hasSize(1);
        assertThat(fullEntry.path("meetings").get(0).path("meetingId").asText()).isEqualTo("i-full-m1");
        assertThat(fullEntry.path("meetings").get(0).path("location").asText()).isEqualTo("Maison des associations, Grenoble");
        assertThat(fullEntry.path("meetings").get(0).path("status").asText()).isEqualTo("held");
        assertThat(fullEntry.path("meetings").get(0).path("startsAt").asText())
                .isEqualTo(full.path("meetings").get(0).path("startsAt").asText()).isNotEmpty();
        assertThat(ids(service.getJson("/api/actors/" + A + "/introductions?status=partnership"))).containsExactly("i-full");
        assertThat(ids(service.getJson("/api/actors/" + A + "/introductions?status=proposed,declined")))
                .containsExactly("i-wait", "i-decl");
        assertThat(ids(service.getJson("/api/actors/" + B + "/introductions?status=expired"))).containsExactly("i-exp");
        // The stages A has introductions at, in the lifecycle's order, labelled for a filter to offer.
        assertThat(inbox.path("stages")).extracting(s -> s.path("status").asText() + "|" + s.path("label").asText()
                + "|" + s.path("count").asInt()).containsExactly("proposed|proposée|1", "declined|déclinée|1",
                "withdrawn|retirée|1", "partnership|partenariat conclu|1");
        assertThat(inbox.path("total").asInt()).isEqualTo(4);
        // Paged: the lines kept by the filter, in the inbox's order, from the offset on.
        JsonNode firstPage = service.getJson("/api/actors/" + A + "/introductions?limit=2");
        assertThat(ids(firstPage)).containsExactly("i-wait", "i-full");
        assertThat(firstPage.path("total").asInt()).isEqualTo(4);
        JsonNode secondPage = service.getJson("/api/actors/" + A + "/introductions?limit=2&offset=2");
        assertThat(ids(secondPage)).containsExactly("i-wd", "i-decl");
        assertThat(secondPage.path("offset").asInt()).isEqualTo(2);
        assertThat(secondPage.path("waitingForYourAnswer").asInt()).as("counted over all, not the page").isEqualTo(1);
        assertThat(ids(service.getJson("/api/actors/" + A + "/introductions?offset=4"))).isEmpty();
        JsonNode filteredPage = service.getJson("/api/actors/" + A + "/introductions?status=proposed,declined&limit=1&offset=1");
        assertThat(ids(filteredPage)).containsExactly("i-decl");
        assertThat(filteredPage.path("total").asInt()).isEqualTo(2);
        assertThat(filteredPage.path("byStatus").path("partnership").asInt()).as("whatever the filter").isEqualTo(1);
        assertThat(service.get("/api/actors/" + A + "/introductions?offset=-1").statusCode()).isEqualTo(400);

        HttpResponse<String> badStatus = service.get("/api/actors/" + A + "/introductions?status=lost");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // Every stage listed, the last one too: the service's own list is not cut as the client's value is.
        assertThat(badStatus.body()).contains("status").contains("follow-up").contains("partnership-ended");
        assertThat(service.get("/api/introductions/i-unknown").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void whoMayReadTheTimelineAndTheInbox() {
        String memberOfA = TestTokens.member(A).sign();
        String memberOfC = TestTokens.member(C).sign();
        String facilitatorIsere = TestTokens.facilitator("DEPARTEMENT:38").sign();
        String facilitatorSavoie = TestTokens.facilitator("DEPARTEMENT:73").sign();
        String viewer = TestTokens.viewer().sign();

        assertThat(service.get("/api/actors/" + A + "/introductions", memberOfA).statusCode()).isEqualTo(200);
        assertThat(service.get("/api/actors/" + A + "/introductions", memberOfC).statusCode()).isEqualTo(403);
        assertThat(service.get("/api/actors/" + A + "/introductions", facilitatorIsere).statusCode()).isEqualTo(200);
        assertThat(service.get("/api/actors/" + A + "/introductions", facilitatorSavoie).statusCode()).isEqualTo(403);
        assertThat(service.get("/api/actors/" + A + "/introductions", viewer).statusCode()).isEqualTo(403);
        assertThat(service.get("/api/actors/" + A + "/introductions", null).statusCode()).isEqualTo(401);

        assertThat(service.get("/api/introductions/i-full", memberOfA).statusCode()).isEqualTo(200);
        // To whoever may not read it, an introduction does not exist (its id may be derived from its two actors).
        assertThat(service.get("/api/introductions/i-full", memberOfC).statusCode()).isEqualTo(404);
        assertThat(service.get("/api/introductions/i-full", facilitatorSavoie).statusCode()).as("B is in Savoie").isEqualTo(200);
        assertThat(service.get("/api/introductions/i-decl", facilitatorSavoie).statusCode()).as("A and C are in Isère").isEqualTo(404);
        HttpResponse<String> refused = service.get("/api/introductions/i-full", viewer);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body().replace("i-full", "i-none")).as("the same problem as an unknown id's")
                .isEqualTo(service.get("/api/introductions/i-none", viewer).body());
    }

    @Test
    @Order(3)
    void aRedeliveryAppliesNothingTwiceAndOtherKindsOfEventsAreSkipped() {
        List<String> before = mongo.rawDocuments(IntroductionView.COLLECTION);
        double duplicates = events("duplicate");
        double skipped = events("skipped");
        double applied = events("applied");

        stories.events().forEach(told -> kafka.send(told.record(topic)));
        kafka.send(IntroductionRecords.record(topic, "s-1", 0, new SessionPlannedEvent("s-1", "Speed meeting de l'emploi",
                null, "Grenoble", LocalDate.of(2026, 5, 12), LocalTime.of(9, 0), 6, 7, 10, "sub-facilitator",
                Instant.now()), Instant.now(), IntroductionStories.facilitator("sub-facilitator")));
        ProducerRecord<String, String> treeHead = new ProducerRecord<>(topic, "tree-head", "{\"treeSize\":12,\"rootHash\":\"ab\"}");
        ProfileRecords.add(treeHead.headers(), EventHeaders.EVENT_TYPE, "IntroductionLogHeadPublishedEvent");
        kafka.send(treeHead);
        // A type of a newer release (written during a rolling upgrade): skipped too, but counted apart, by its type.
        ProducerRecord<String, String> later = new ProducerRecord<>(topic, "i-later", "{\"introductionId\":\"i-later\"}");
        ProfileRecords.add(later.headers(), EventHeaders.EVENT_TYPE, "IntroductionRenegotiatedEvent");
        kafka.send(later);

        await().atMost(ofSeconds(30)).untilAsserted(() -> {
            assertThat(events("duplicate")).isEqualTo(duplicates + stories.events().size());
            assertThat(events("skipped")).isEqualTo(skipped + 2);
            assertThat(service.context().getBean(MeterRegistry.class).find(IntroductionEventListener.EVENTS)
                    .tag("outcome", "unknown").tag("type", "IntroductionRenegotiatedEvent").counter())
                    .as("the newer release's type, counted apart").isNotNull()
                    .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
        });
        assertThat(events("applied")).isEqualTo(applied);
        assertThat(events("poison")).isZero();
        assertThat(mongo.rawDocuments(IntroductionView.COLLECTION)).as("not one byte rewritten").isEqualTo(before);
    }

    @Test
    @Order(4)
    void theDashboardsCountByStepTerritoryFamilyPairCategorySdgPeriodAndDelay() {
        await().atMost(ofSeconds(30)).untilAsserted(() ->
                assertThat(service.getJson("/api/dashboard/funnel").path("total").asInt()).isEqualTo(5));
        JsonNode funnel = service.getJson("/api/dashboard/funnel");
        assertThat(counts(funnel.path("steps"), "step", "count"))
                .containsExactly(entry("proposed", 5), entry("accepted", 1), entry("met", 1), entry("follow-up", 1), entry("partnership", 1));
        assertThat(funnel.path("steps").get(1).path("rateFromPrevious").asDouble()).isEqualTo(0.2);
        assertThat(funnel.path("steps").get(4).path("rateFromPrevious").asDouble()).isEqualTo(1.0);
        assertThat(funnel.path("byStatus").path("partnership").asInt()).isEqualTo(1);
        assertThat(funnel.path("byStatus").path("proposed").asInt()).isEqualTo(1);
        assertThat(funnel.path("counts").path("declined").asInt()).isEqualTo(1);
        assertThat(funnel.path("counts").path("expired").asInt()).isEqualTo(1);
        assertThat(funnel.path("counts").path("withdrawn").asInt()).isEqualTo(1);

        JsonNode territories = service.getJson("/api/dashboard/territories");
        assertThat(proposed(territories)).containsExactly(entry("38", 5), entry("73", 3));
        assertThat(territories.path("rows").get(0).path("label").asText()).isEqualTo("Isère");
        JsonNode savoie = service.getJson("/api/dashboard/territories?departement=73");
        assertThat(savoie.path("total").asInt()).isEqualTo(3);
        assertThat(proposed(savoie)).containsExactly(entry("73", 3));
        assertThat(proposed(service.getJson("/api/dashboard/territories?level=region"))).containsExactly(entry("84", 5));
        assertThat(proposed(service.getJson("/api/dashboard/family-pairs")))
                .containsExactly(entry("PEERS+PRIVATE", 2), entry("PEERS+PUBLIC", 2), entry("PUBLIC+PRIVATE", 1));
        assertThat(proposed(service.getJson("/api/dashboard/categories")))
                .containsExactly(entry("FUNDING", 3), entry("NONE", 2), entry("SKILLS", 2));
        JsonNode skills = service.getJson("/api/dashboard/categories?category=SKILLS");
        assertThat(skills.path("total").asInt()).isEqualTo(2);
        // Its own group only, not the other categories its introductions also rest on.
        assertThat(proposed(skills)).containsExactly(entry("SKILLS", 2));
        assertThat(service.getJson("/api/dashboard/funnel?family=PRIVATE").path("total").asInt()).isEqualTo(3);
        assertThat(proposed(service.getJson("/api/dashboard/sdgs")))
                .containsExactly(entry("05", 3), entry("08", 5), entry("10", 4), entry("11", 3));
        JsonNode months = service.getJson("/api/dashboard/periods?granularity=month");
        assertThat(proposed(months)).containsExactly(entry("2026-03", 4), entry("2026-04", 1));
        assertThat(months.path("rows").get(1).path("counts").path("partnership").asInt()).isEqualTo(1);
        assertThat(months.path("rows").get(1).path("label").asText()).isEqualTo("avril 2026");
        // The steps from 1 April: the proposal of 20 April, and the partnership of 11 April of one proposed in March.
        JsonNode fromApril = service.getJson("/api/dashboard/periods?granularity=week&from=2026-04-01");
        assertThat(fromApril.path("total").asInt()).isEqualTo(2);
        assertThat(fromApril.path("totalCounts").path("proposed").asInt()).isEqualTo(1);
        assertThat(fromApril.path("totalCounts").path("partnership").asInt()).isEqualTo(1);
        // Its first week began on Monday 30 March: counted from the 1st only, and said so.
        assertThat(fromApril.path("rows").get(0).path("key").asText()).isEqualTo("2026-W14");
        assertThat(fromApril.path("rows").get(0).path("label").asText())
                .isEqualTo("semaine du 30/03/2026 (à partir du 01/04/2026)");
        JsonNode toMidApril = service.getJson("/api/dashboard/periods?granularity=month&to=2026-04-15");
        assertThat(toMidApril.path("rows").findValuesAsText("label"))
                .containsExactly("mars 2026", "avril 2026 (jusqu'au 15/04/2026)");
        JsonNode delays = service.getJson("/api/dashboard/delays");
        assertThat(delays.path("proposalToAcceptance").path("medianDays").asDouble()).isEqualTo(2.0);
        assertThat(delays.path("meetingToPartnership").path("medianDays").asDouble()).isEqualTo(30.0);

        HttpResponse<String> badFilter = service.get("/api/dashboard/funnel?departement=999");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(service.get("/api/dashboard/funnel?from=demain").statusCode()).isEqualTo(400);
        // A period that ends before it starts is a mistake, not a period without introductions.
        HttpResponse<String> backwards = service.get("/api/dashboard/periods?granularity=month&from=2026-04-30"
                + "&to=2026-03-01");
        assertThat(backwards.statusCode()).as(backwards.body()).isEqualTo(400);
        JsonNode backwardsErrors = RunningMatchmaking.parse(backwards.body()).path("errors");
        assertThat(backwardsErrors.findValuesAsText("field")).containsExactly("from");
        assertThat(backwardsErrors.get(0).path("message").asText())
                .isEqualTo("la période commence après sa fin : from (2026-04-30) est postérieur à to (2026-03-01) ; "
                        + "from doit précéder to ou lui être égal");
        // Isère with Île-de-France: no territory row would hold what the funnel counts.
        HttpResponse<String> apart = service.get("/api/dashboard/territories?departement=38&region=11");
        assertThat(apart.statusCode()).as(apart.body()).isEqualTo(400);
        JsonNode apartErrors = RunningMatchmaking.parse(apart.body()).path("errors");
        assertThat(apartErrors.findValuesAsText("field")).containsExactly("region");
        assertThat(apartErrors.get(0).path("message").asText()).isEqualTo("le département 38 n'est pas dans la région 11 : "
                + "retirez l'un des deux filtres, ou choisissez la région du département");
        assertThat(service.get("/api/dashboard/territories?departement=38&region=84").statusCode()).isEqualTo(200);

        HttpResponse<String> asViewer = service.get("/api/dashboard/family-pairs", TestTokens.viewer().sign());
        assertThat(asViewer.statusCode()).isEqualTo(200);
        assertThat(asViewer.body()).doesNotContain("Tremplin").doesNotContain("sub-");

        MeterRegistry meters = service.context().getBean(MeterRegistry.class);
        await().atMost(ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.get("lab.introductions").tag("status", "partnership").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("lab.introductions.departement").tag("departement", "73").gauge().value()).isEqualTo(3.0);
            assertThat(meters.get("lab.introductions.family.pair").tag("pair", "PEERS+PRIVATE").gauge().value()).isEqualTo(2.0);
            // The funnel's rates above, as a lab's charts read them: 1 of 5 proposals accepted, its partnership 1 of 1.
            assertThat(meters.get("lab.introductions.conversion").tag("step", "accepted").gauge().value()).isEqualTo(0.2);
            assertThat(meters.get("lab.introductions.conversion").tag("step", "partnership").gauge().value()).isEqualTo(1.0);
            assertThat(meters.find("lab.introductions.conversion").tag("step", "proposed").gauge())
                    .as("the first step has no step before it").isNull();
        });
    }

    @Test
    @Order(5)
    void theCsvOpensInFrenchExcel() throws Exception {
        HttpResponse<byte[]> csv = service.getBytes("/api/dashboard/territories?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains(".csv");
        byte[] body = csv.body();
        assertThat(Arrays.copyOf(body, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);

        CSVFormat excel = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(new ByteArrayInputStream(body)).get(),
                StandardCharsets.UTF_8); CSVParser parser = excel.parse(reader)) {
            assertThat(parser.getHeaderNames()).startsWith("Département", "Libellé", "Proposées", "Acceptées");
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).extracting(r -> r.get("Libellé")).containsExactly("Isère", "Savoie", "");
            assertThat(records).extracting(r -> r.get("Département")).as("codes, in Excel's text form")
                    .containsExactly("=\"38\"", "=\"73\"", "Total (mises en relation distinctes)");
            assertThat(records.get(2).get("Proposées")).as("5 introductions, 3 of them in both").isEqualTo("5");
            assertThat(records.get(0).get("Proposées")).isEqualTo("5");
            assertThat(records.get(1).get("Partenariats conclus")).isEqualTo("1");
        }

        // Excel would open « 2026-03 » and « mars 2026 » as dates: written in its text form, quoted for the CSV.
        HttpResponse<byte[]> months = service.getBytes("/api/dashboard/periods?granularity=month&format=csv");
        assertThat(new String(months.body(), StandardCharsets.UTF_8))
                .contains("\r\n\"=\"\"2026-03\"\"\";\"=\"\"mars 2026\"\"\";4;")
                .contains("\r\n\"=\"\"2026-04\"\"\";\"=\"\"avril 2026\"\"\";1;");

        HttpResponse<byte[]> funnel = service.getBytes("/api/dashboard/funnel", "Accept", "text/csv");
        assertThat(funnel.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String text = new String(funnel.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFÉtape;").contains("Acceptées;1;20\r\n");
    }

    @Test
    @Order(6)
    void aRecordNoRetryCanReadIsParkedAndTheNextOnesFlow() {
        List<Told> story = poisonStory();
        kafka.send(story.get(0).record(topic));
        ProducerRecord<String, String> accepted = IntroductionRecords.record(topic, "i-poison", 1,
                new IntroductionAcceptedEvent("i-poison", C, false, Instant.now()), Instant.now(), null);
        long parkedAt = kafka.send(new ProducerRecord<>(topic, null, "i-poison", "{ not json", accepted.headers())).offset();
        Told declined = story.get(1);
        kafka.send(new Told(declined.introductionId(), 2, declined.event(), declined.at(), declined.principal()).record(topic));

        await().atMost(ofSeconds(30)).untilAsserted(() ->
                assertThat(service.getJson("/api/introductions/i-poison").path("status").asText()).isEqualTo("declined"));
        assertThat(service.getJson("/api/introductions/i-poison").path("steps").size()).isEqualTo(2);
        assertThat(events("poison")).isEqualTo(1);
        List<ConsumerRecord<String, String>> letters = deadLetters(topic + ".introduction-views.DLT", 1);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("i-poison");
            assertThat(letter.value()).isEqualTo("{ not json");
            assertThat(ByteBuffer.wrap(letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong()).isEqualTo(parkedAt);
        });
    }

    @Test
    @Order(7)
    void theViewsRebuiltFromOffsetZeroCountExactlyWhatTheyCounted() {
        await().atMost(ofSeconds(30)).untilAsserted(() ->
                assertThat(service.getJson("/api/dashboard/funnel").path("total").asInt()).isEqualTo(6));
        Map<String, String> before = dashboards();
        String timelineBefore = service.getJson("/api/introductions/i-full").toString();
        int introductionEvents = stories.events().size() + 2;
        service.close();

        service = startService("matchmaking.introduction-views.rebuild-from-topic=true");

        await().atMost(ofSeconds(60)).untilAsserted(() -> assertThat(events("applied"))
                .as("every event applied again from offset 0, once").isEqualTo(introductionEvents));
        await().atMost(ofSeconds(10)).untilAsserted(() ->
                assertThat(service.getJson("/api/dashboard/funnel").path("total").asInt()).isEqualTo(6));
        assertThat(events("duplicate")).as("the redeliveries of the first run").isEqualTo(stories.events().size());
        assertThat(dashboards()).isEqualTo(before);
        assertThat(service.getJson("/api/introductions/i-full").toString()).isEqualTo(timelineBefore);
    }

    private static Map<String, String> dashboards() {
        Map<String, String> dashboards = new LinkedHashMap<>();
        for (String path : List.of("funnel", "territories", "territories?level=region", "family-pairs", "categories",
                "sdgs", "periods?granularity=week", "periods?granularity=month", "delays", "funnel?departement=73")) {
            dashboards.put(path, service.getJson("/api/dashboard/" + path).toString());
        }
        return dashboards;
    }

    private static Map<String, Integer> proposed(JsonNode breakdown) {
        return counts(breakdown.path("rows"), "key", "counts.proposed");
    }

    private static Map<String, Integer> counts(JsonNode rows, String key, String value) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(row -> {
            JsonNode node = row;
            for (String field : value.split("\\.")) {
                node = node.path(field);
            }
            counts.put(row.path(key).asText(), node.asInt());
        });
        return counts;
    }

    private static Map.Entry<String, Integer> entry(String key, int value) {
        return Map.entry(key, value);
    }

    private static double events(String outcome) {
        return service.context().getBean(MeterRegistry.class)
                .find(IntroductionEventListener.EVENTS).tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static List<String> ids(JsonNode inbox) {
        List<String> ids = new ArrayList<>();
        inbox.path("introductions").forEach(entry -> ids.add(entry.path("id").asText()));
        return ids;
    }

    static List<ConsumerRecord<String, String>> deadLetters(String deadLetterTopic, int expected) {
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                return letters.size() >= expected;
            });
        }
        return letters;
    }

    static List<Told> poisonStory() {
        return new IntroductionStories().declined("i-poison", B, C, A_FROM_C, Instant.parse("2026-04-02T08:00:00Z")).events();
    }
}
