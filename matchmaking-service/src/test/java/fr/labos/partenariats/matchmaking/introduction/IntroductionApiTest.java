package fr.labos.partenariats.matchmaking.introduction;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.MatchmakingEvents;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
 * The introduction write API on real infrastructure (PostgreSQL event store, Kafka, MongoDB's wire protocol) with real
 * tokens: an actor's member asks for a partner the matcher proposes, both sides accept, a meeting is held, a
 * partnership formed; the events are in the store and on the topic with who did it. Intermediation by a facilitator,
 * membership learnt from profile events. Refusals of every kind are problems that write nothing.
 */
class IntroductionApiTest {

    private static final String RELAY_TOPIC = "it.introductions.matchmaking.events";
    private static InMemoryMongo mongo;
    private static ProfileEventPublisher publisher;
    private static RunningMatchmaking service;
    private static MatchmakingEvents relayed;
    private static EventStoreRows store;

    private static final String ASSOCIATION = "tremplin-" + UUID.randomUUID();
    private static final String FOUNDATION = "fonds-" + UUID.randomUUID();
    private static final String SAVOIE_ACTOR = "savoie-" + UUID.randomUUID();
    private static final String NEED = "need-" + UUID.randomUUID();
    private static final String OFFER = "offer-" + UUID.randomUUID();
    private static final String JOINED_MEMBER = "u-joined-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        String topic = SharedKafka.newTopic("it.introductions.profile.events");
        mongo = InMemoryMongo.start();
        publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        // Every test here introduces the same two actors: the pairs their introductions set aside (which would refuse
        // a second request for an open pair) follow a topic of their own, left empty; they are tested apart
        // (IntroducedPairsThroughKafkaTest).
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, "it-introductions",
                "lab.relay.topic=" + RELAY_TOPIC, "matchmaking.introductions.topic=" + RELAY_TOPIC + ".not-followed");
        relayed = new MatchmakingEvents(SharedKafka.bootstrapServers(), RELAY_TOPIC);
        store = new EventStoreRows(service.databaseUrl());
        Instant now = Instant.now();
        publisher.publish(ASSOCIATION, 0, new ActorRegisteredEvent(ASSOCIATION, "Tremplin Insertion", ActorType.ASSOCIATION,
                "38185", Set.of(), Set.of(), "Chantier d'insertion", now));
        publisher.publish(ASSOCIATION, 1, new ActorMemberJoinedEvent(ASSOCIATION, JOINED_MEMBER, now));
        publisher.publish(FOUNDATION, 0, new ActorRegisteredEvent(FOUNDATION, "Fonds Alpes Solidarités",
                ActorType.FOUNDATION, "38151", Set.of(), Set.of(), "Mécénat en Isère", now));
        publisher.publish(SAVOIE_ACTOR, 0, new ActorRegisteredEvent(SAVOIE_ACTOR, "Mobilité Savoie", ActorType.ASSOCIATION,
                "73065", Set.of(), Set.of(), "Savoie", now));
        publisher.publish(NEED, 0, new NeedRegisteredEvent(NEED, ASSOCIATION, post(ResourceCategory.FUNDING)
                .title("Financer l'accompagnement").sdgs(8, 10).in(GRENOBLE).build(), now));
        publisher.publish(OFFER, 0, new OfferRegisteredEvent(OFFER, FOUNDATION, post(ResourceCategory.FUNDING)
                .title("Soutien financier à l'insertion").sdgs(8, 10).in(ISERE).build(), now));
        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            assertThat(service.getJson("/api/needs/" + NEED + "/matches").findValuesAsText("offerId")).contains(OFFER);
            assertThat(service.getJson("/api/actors/" + SAVOIE_ACTOR + "/partners").isArray()).isTrue();
        });
    }

    @AfterAll
    static void stop() {
        relayed.close();
        service.close();
        publisher.close();
        mongo.close();
    }

    @Test
    void anActorAsksBothSidesAcceptTheyMeetAndFormAPartnership() {
        String member = TestTokens.member(ASSOCIATION).sign();
        TestTokens.Token partnerToken = TestTokens.member(FOUNDATION);
        String partnerMember = partnerToken.sign();

        String id = created(service.post("/api/introductions", member, """
                {"actorId": "%s", "partnerId": "%s", "note": "Nous aimerions vous présenter notre chantier."}"""
                .formatted(ASSOCIATION, FOUNDATION)));
        JsonNode proposed = RunningMatchmaking.parse(store.payloads(id).get(0));
        assertThat(proposed.path("source").asText()).isEqualTo("ACTOR_REQUEST");
        assertThat(proposed.path("pairs").get(0).path("needId").asText()).isEqualTo(NEED);
        assertThat(proposed.path("pairs").get(0).path("offerId").asText()).isEqualTo(OFFER);
        JsonNode match = service.getJson("/api/needs/" + NEED + "/matches").get(0);
        assertThat(proposed.path("match").path("score").asDouble())
                .as("the score of that moment, frozen").isCloseTo(match.path("score").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(proposed.path("match").path("sentence").asText()).isEqualTo(match.path("explanation").path("sentence").asText());
        assertThat(proposed.path("match").path("modelVersion").asText()).isEqualTo(match.path("explanation").path("modelVersion").asText());
        assertThat(proposed.path("proposedBy").path("role").asText()).isEqualTo("ACTOR_MEMBER");

        assertThat(service.post("/api/introductions/" + id + "/accept", member,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)).statusCode()).isEqualTo(204);
        assertThat(service.post("/api/introductions/" + id + "/accept", partnerMember,
                "{\"actingFor\": \"%s\"}".formatted(FOUNDATION)).statusCode()).isEqualTo(204);
        HttpResponse<String> meeting = service.post("/api/introductions/" + id + "/meetings", member, """
                {"startsAt": "%s", "place": "Tiers-lieu de Grenoble", "actingFor": "%s"}"""
                .formatted(Instant.now().minusSeconds(3600), ASSOCIATION));
        String meetingId = created(meeting);
        assertThat(meeting.headers().firstValue("Location")).hasValue("/api/introductions/" + id + "/meetings/" + meetingId);
        assertThat(service.post("/api/introductions/" + id + "/meetings/" + meetingId + "/held", partnerMember,
                "{\"actingFor\": \"%s\", \"note\": \"Très bon échange\"}".formatted(FOUNDATION)).statusCode()).isEqualTo(204);
        assertThat(service.post("/api/introductions/" + id + "/outcomes", member, """
                {"actingFor": "%s", "outcome": "PARTNERSHIP_FORMED", "day": "%s", "note": "Convention signée",
                 "form": "RESOURCES", "category": "FUNDING"}""".formatted(ASSOCIATION, today())).statusCode())
                .isEqualTo(204);

        assertThat(store.eventTypes(id)).containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent",
                "IntroductionAcceptedEvent", "MeetingScheduledEvent", "MeetingHeldEvent", "OutcomeRecordedEvent");
        await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(relayed.forKey(id)).hasSize(6));
        List<ConsumerRecord<String, String>> records = relayed.forKey(id);
        assertThat(records).extracting(r -> MatchmakingEvents.header(r, EventHeaders.AGGREGATE_SEQUENCE))
                .containsExactly("0", "1", "2", "3", "4", "5");
        ConsumerRecord<String, String> partnerAccepted = records.get(2);
        assertThat(MatchmakingEvents.header(partnerAccepted, EventHeaders.EVENT_TYPE)).endsWith("IntroductionAcceptedEvent");
        assertThat(MatchmakingEvents.header(partnerAccepted, PrincipalMetadata.ROLE_HEADER)).isEqualTo("ACTOR_MEMBER");
        assertThat(MatchmakingEvents.header(partnerAccepted, PrincipalMetadata.ACTING_FOR_HEADER)).isEqualTo(FOUNDATION);
        assertThat(MatchmakingEvents.header(partnerAccepted, PrincipalMetadata.SUBJECT_HEADER))
                .isEqualTo(partnerToken.subject());
    }

    @Test
    void aFacilitatorIntroducesTwoActorsOfItsTerritoryWithANote() {
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        String id = created(service.post("/api/introductions", facilitator, """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR",
                 "note": "Intermédiation : deux acteurs de la mobilité solidaire"}""".formatted(SAVOIE_ACTOR, ASSOCIATION)));
        JsonNode proposed = RunningMatchmaking.parse(store.payloads(id).get(0));
        assertThat(proposed.path("source").asText()).isEqualTo("FACILITATOR");
        assertThat(proposed.path("note").asText()).startsWith("Intermédiation");
        assertThat(proposed.path("proposedBy").path("role").asText()).isEqualTo("FACILITATOR");

        // A facilitator may record a meeting for neither side, once the introduction is accepted.
        String joined = TestTokens.member().subject(JOINED_MEMBER).sign();
        assertThat(service.post("/api/introductions/" + id + "/accept", joined,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)).statusCode())
                .as("a member known from ActorMemberJoinedEvent only").isEqualTo(204);
        assertThat(service.post("/api/introductions/" + id + "/accept", TestTokens.admin().sign(),
                "{\"actingFor\": \"%s\"}".formatted(SAVOIE_ACTOR)).statusCode()).isEqualTo(204);
        created(service.post("/api/introductions/" + id + "/meetings", facilitator,
                "{\"startsAt\": \"%s\", \"place\": \"Maison des associations\"}".formatted(Instant.now().plusSeconds(86400))));
        assertThat(store.eventTypes(id)).endsWith("MeetingScheduledEvent");
    }

    @Test
    void refusalsAreProblemsThatWriteNothing() {
        String member = TestTokens.member(ASSOCIATION).sign();
        String partnerMember = TestTokens.member(FOUNDATION).sign();
        String proposed = created(service.post("/api/introductions", member,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));
        assertThat(service.post("/api/introductions/" + proposed + "/accept", member,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)).statusCode()).isEqualTo(204);

        refused(409, "conflict", () -> service.post("/api/introductions", member, """
                {"actorId": "%s", "partnerId": "%s", "pairs": [{"needId": "%s", "offerId": "no-such-offer"}]}"""
                .formatted(ASSOCIATION, FOUNDATION, NEED)));
        refused(409, "conflict", () -> service.post("/api/introductions", member,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, SAVOIE_ACTOR)));
        refused(403, "forbidden", () -> service.post("/api/introductions", partnerMember,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));
        refused(403, "forbidden", () -> service.post("/api/introductions", TestTokens.viewer().sign(),
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));
        refused(403, "forbidden", () -> service.post("/api/introductions", member, """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(ASSOCIATION, FOUNDATION)));
        refused(403, "forbidden", () -> service.post("/api/introductions", TestTokens.facilitator("DEPARTEMENT:29").sign(), """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(ASSOCIATION, FOUNDATION)));
        refused(404, "not-found", () -> service.post("/api/introductions", member,
                "{\"actorId\": \"%s\", \"partnerId\": \"nobody\"}".formatted(ASSOCIATION)));
        refused(400, "invalid-input", () -> service.post("/api/introductions", member, """
                {"actorId": "%s", "partnerId": "%s", "source": "MATCHER"}""".formatted(ASSOCIATION, FOUNDATION)));
        refused(400, "invalid-input", () -> service.post("/api/introductions", member,
                "{\"partnerId\": \"%s\"}".formatted(FOUNDATION)));
        refused(400, "invalid-input", () -> service.post("/api/introductions", TestTokens.admin().sign(), """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(ASSOCIATION, ASSOCIATION)));
        refused(401, "unauthenticated", () -> service.post("/api/introductions", null,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));

        refused(404, "not-found", () -> service.post("/api/introductions/no-such-introduction/accept", member,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)));
        refused(409, "conflict", () -> service.post("/api/introductions/" + proposed + "/accept", member,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)));
        refused(403, "forbidden", () -> service.post("/api/introductions/" + proposed + "/accept", member,
                "{\"actingFor\": \"%s\"}".formatted(FOUNDATION)));
        refused(403, "forbidden", () -> service.post("/api/introductions/" + proposed + "/accept", TestTokens.admin().sign(),
                "{\"actingFor\": \"%s\"}".formatted(SAVOIE_ACTOR)));
        refused(400, "invalid-input", () -> service.post("/api/introductions/" + proposed + "/accept", member, "{}"));
        refused(400, "invalid-input", () -> service.post("/api/introductions/" + proposed + "/decline", partnerMember,
                "{\"actingFor\": \"%s\", \"text\": \"sans raison\"}".formatted(FOUNDATION)));
        refused(400, "invalid-input", () -> service.post("/api/introductions/" + proposed + "/decline", partnerMember,
                "{\"actingFor\": \"%s\", \"reason\": \"BORED\"}".formatted(FOUNDATION)));
        refused(403, "forbidden", () -> service.post("/api/introductions/" + proposed + "/withdraw", partnerMember, "{}"));
        refused(403, "forbidden", () -> service.post("/api/introductions/" + proposed + "/withdraw",
                TestTokens.viewer().sign(), "{}"));
        refused(409, "conflict", () -> service.post("/api/introductions/" + proposed + "/meetings", member,
                "{\"startsAt\": \"%s\", \"actingFor\": \"%s\"}".formatted(Instant.now(), ASSOCIATION)));
        refused(403, "forbidden", () -> service.post("/api/introductions/" + proposed + "/meetings", member,
                "{\"startsAt\": \"%s\"}".formatted(Instant.now())));
        refused(403, "forbidden", () -> service.post("/api/introductions/" + proposed + "/outcomes",
                TestTokens.facilitator("DEPARTEMENT:73").sign(),
                "{\"outcome\": \"NO_FIT\", \"day\": \"%s\"}".formatted(today())));
        refused(409, "conflict", () -> service.post("/api/introductions/" + proposed + "/outcomes", member,
                "{\"outcome\": \"NO_FIT\", \"day\": \"%s\", \"actingFor\": \"%s\"}".formatted(today(), ASSOCIATION)));
        refused(409, "conflict", () -> service.post("/api/introductions/" + proposed + "/meetings/none/held", member,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)));

        assertThat(store.eventTypes(proposed)).containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent");
    }

    @Test
    void aRefusalSpeaksFrenchByDefaultAndEnglishWhenAsked() {
        String member = TestTokens.member(ASSOCIATION).sign();
        String id = created(service.post("/api/introductions", member,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));
        String withdrawal = "{\"reason\": \"plus d'actualité\"}";
        assertThat(service.post("/api/introductions/" + id + "/withdraw", member, withdrawal).statusCode()).isEqualTo(204);

        HttpResponse<String> french = service.post("/api/introductions/" + id + "/accept", member,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION));
        HttpResponse<String> english = service.post("/api/introductions/" + id + "/accept", member,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION), "en");
        assertThat(RunningMatchmaking.parse(french.body()).path("detail").asText())
                .isEqualTo("La mise en relation « " + id + " » a été retirée par son auteur.");
        assertThat(RunningMatchmaking.parse(english.body()).path("detail").asText())
                .isEqualTo("Introduction \"" + id + "\" was withdrawn by its author.");
        assertThat(store.eventTypes(id)).containsExactly("IntroductionProposedEvent", "IntroductionWithdrawnEvent");
    }

    /** The answer is the problem expected, and the event store holds exactly as many events as before. */
    private static void refused(int status, String type, Supplier<HttpResponse<String>> request) {
        long before = store.events();
        HttpResponse<String> response = request.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(RunningMatchmaking.parse(response.body()).path("type").asText()).endsWith("/" + type);
        assertThat(store.events()).as("events after a refused request").isEqualTo(before);
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RunningMatchmaking.parse(response.body()).path("id").asText();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }
}
