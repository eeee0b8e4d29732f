package fr.labos.partenariats.matchmaking.introduction;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.MatchmakingEvents;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.Refusals;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.MemberRole;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.modelling.command.AbstractRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
    /** The columns of a lab's spreadsheet of past introductions (see PastIntroductionsImportTest). */
    private static final String PAST_HEADER = "acteur;partenaire;proposée le;acceptée le;déclinée le;déclinée par;"
            + "raison du refus;rencontre le;suite;suite le;forme;catégorie;fin du partenariat le;note";
    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
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
        publisher.publish(ASSOCIATION, 1, new ActorMemberJoinedEvent(ASSOCIATION, JOINED_MEMBER, MemberRole.MEMBER, now));
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
            // The index follows the topic on its own consumer; who may act for an actor is read from the projection's
            // actor entries, written by the other consumer: wait for both.
            assertThat(mongo.template().findAll(ActorEntry.class)).extracting(ActorEntry::id)
                    .contains(ASSOCIATION, FOUNDATION, SAVOIE_ACTOR);
            assertThat(mongo.template().findById(ASSOCIATION, ActorEntry.class).members()).contains(JOINED_MEMBER);
        });
    }

    /**
     * As the pairs the introductions set aside are kept off (above): those written down by the introductions themselves
     * (a partnership formed by one test would refuse the next one's request for the same two actors).
     */
    @BeforeEach
    void noPairSetAsideForGoodYet() {
        store.forgetPairsSetAsideForGood();
    }

    @AfterAll
    static void stop() {
        relayed.close();
        service.close();
        publisher.close();
        mongo.close();
    }

    @Test
    void aMemberWhoLeftItsActorNeitherAnswersForItNorWithdrawsWhatItAskedFor() {
        String actor = "regie-" + UUID.randomUUID();
        String need = "need-" + UUID.randomUUID();
        String leaving = "u-leaving-" + UUID.randomUUID();
        Instant now = Instant.now();
        publisher.publish(actor, 0, new ActorRegisteredEvent(actor, "Régie de quartier", ActorType.ASSOCIATION,
                "38185", Set.of(), Set.of(), "Régie de quartier", now));
        publisher.publish(actor, 1, new ActorMemberJoinedEvent(actor, leaving, MemberRole.MEMBER, now));
        publisher.publish(need, 0, new NeedRegisteredEvent(need, actor, post(ResourceCategory.FUNDING)
                .title("Financer nos chantiers").sdgs(8, 10).in(GRENOBLE).build(), now));
        String member = TestTokens.member().subject(leaving).sign();
        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            assertThat(service.getJson("/api/needs/" + need + "/matches").findValuesAsText("offerId")).contains(OFFER);
            ActorEntry entry = mongo.template().findById(actor, ActorEntry.class);
            assertThat(entry == null ? null : entry.members()).contains(leaving);
        });
        String id = created(service.post("/api/introductions", member,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(actor, FOUNDATION)));

        publisher.publish(actor, 2, new ActorMemberLeftEvent(actor, leaving, now.plusSeconds(60)));
        await().atMost(ofSeconds(30)).until(() ->
                !mongo.template().findById(actor, ActorEntry.class).members().contains(leaving));
        long events = store.eventTypes(id).size();

        // It acts for neither side any more: to it, as to any outsider, the introduction is one it cannot know of.
        HttpResponse<String> withdrawal = service.post("/api/introductions/" + id + "/withdraw", member, "{}");
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(404);
        assertThat(withdrawal.body()).contains("Aucune mise en relation");
        HttpResponse<String> answer = service.post("/api/introductions/" + id + "/accept", member,
                "{\"actingFor\": \"%s\"}".formatted(actor));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
        assertThat(store.eventTypes(id)).as("nothing written by the former member").hasSize((int) events);

        // The pair is free again for the other tests of this class.
        assertThat(service.post("/api/introductions/" + id + "/withdraw", TestTokens.admin().sign(), "{}").statusCode())
                .isEqualTo(204);
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

        // Each record carries its step's link in the introduction's chain: the hash the history serves, the previous
        // record's hash, its leaf in the tree, and the metadata hashed with it: whoever keeps the topic holds the
        // chain without the store, and recomputes every hash from its record alone.
        JsonNode steps = RunningMatchmaking.parse(service.get("/api/introductions/" + id + "/history",
                TestTokens.admin().sign()).body()).path("steps");
        assertThat(steps).hasSize(6);
        assertThat(steps).extracting(step -> step.path("label").asText())
                .as("each step in words, the proposal saying where it came from").containsExactly(
                        "Mise en relation proposée à la demande d'une organisation",
                        "Mise en relation acceptée par une partie", "Mise en relation acceptée par une partie",
                        "Rencontre planifiée", "Rencontre tenue", "Suite enregistrée");
        for (int step = 0; step < records.size(); step++) {
            ConsumerRecord<String, String> record = records.get(step);
            assertThat(MatchmakingEvents.header(record, EventHeaders.HISTORY_HASH)).as("hash of step %d", step)
                    .hasSize(64).isEqualTo(steps.get(step).path("hash").asText());
            assertThat(MatchmakingEvents.header(record, EventHeaders.HISTORY_PREVIOUS_HASH)).as("previous of step %d", step)
                    .isEqualTo(step == 0 ? null : MatchmakingEvents.header(records.get(step - 1), EventHeaders.HISTORY_HASH));
            assertThat(MatchmakingEvents.header(record, EventHeaders.HISTORY_LEAF_INDEX)).as("leaf of step %d", step)
                    .isEqualTo(steps.get(step).path("leafIndex").asText());
            CanonicalEvent fromTheRecord = CanonicalEvent.ofStored(
                    MatchmakingEvents.header(record, EventHeaders.EVENT_TYPE),
                    MatchmakingEvents.header(record, EventHeaders.EVENT_REVISION),
                    record.value().getBytes(StandardCharsets.UTF_8),
                    MatchmakingEvents.header(record, EventHeaders.HISTORY_METADATA).getBytes(StandardCharsets.UTF_8),
                    MatchmakingEvents.header(record, EventHeaders.TIMESTAMP),
                    MatchmakingEvents.header(record, EventHeaders.HISTORY_PREVIOUS_HASH));
            assertThat(fromTheRecord.hash()).as("hash of step %d recomputed from its record", step)
                    .isEqualTo(steps.get(step).path("hash").asText());
        }
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
        // Closed (« pas de suite »): in progress, it would hold the pair, which the other tests of this class introduce.
        assertThat(service.post("/api/introductions/" + id + "/outcomes", TestTokens.admin().sign(),
                "{\"outcome\": \"NO_FIT\", \"day\": \"%s\"}".formatted(today())).statusCode()).isEqualTo(204);
    }

    /**
     * A facilitator of one side (or an admin) notes that it reminded a side, or both; not the sides' members, nor a
     * facilitator elsewhere (for whom the introduction does not exist). A bad request, an actor that is not a side, an
     * introduction closed unaccepted: a problem that writes nothing.
     */
    @Test
    void aFacilitatorNotesTheRemindersItMadeAndOnlyItOrAnAdmin() {
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        String member = TestTokens.member(ASSOCIATION).sign();
        String id = created(service.post("/api/introductions", facilitator, """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(ASSOCIATION, SAVOIE_ACTOR)));
        String reminders = "/api/introductions/" + id + "/reminders";

        assertThat(service.post(reminders, facilitator, """
                {"remindedActorId": "%s", "channel": "PHONE", "note": "Réponse promise avant vendredi"}"""
                .formatted(SAVOIE_ACTOR)).statusCode()).isEqualTo(204);
        assertThat(service.post(reminders, TestTokens.admin().sign(), "{\"channel\": \"EMAIL\"}").statusCode())
                .isEqualTo(204);
        assertThat(store.eventTypes(id)).containsExactly("IntroductionProposedEvent",
                "IntroductionReminderRecordedEvent", "IntroductionReminderRecordedEvent");
        JsonNode first = RunningMatchmaking.parse(store.payloads(id).get(1));
        assertThat(first.path("remindedActorId").asText()).isEqualTo(SAVOIE_ACTOR);
        assertThat(first.path("channel").asText()).isEqualTo("PHONE");
        assertThat(RunningMatchmaking.parse(store.payloads(id).get(2)).path("remindedActorId").isNull())
                .as("both sides").isTrue();

        refused(403, "forbidden", () -> service.post(reminders, member, "{\"channel\": \"PHONE\"}"));
        refused(404, "not-found", () -> service.post(reminders, TestTokens.facilitator("DEPARTEMENT:69").sign(),
                "{\"channel\": \"PHONE\"}"));
        refused(404, "not-found", () -> service.post(reminders, TestTokens.viewer().sign(), "{\"channel\": \"PHONE\"}"));
        invalid("remindedActorId", "la relance s'adresse à l'un des deux acteurs, ou aux deux",
                () -> service.post(reminders, facilitator, "{\"remindedActorId\": \"%s\", \"channel\": \"PHONE\"}"
                        .formatted(FOUNDATION)));
        refused(400, "invalid-input", () -> service.post(reminders, facilitator, "{}"));
        refused(400, "invalid-input", () -> service.post(reminders, facilitator, "{\"channel\": \"PIGEON\"}"));

        String withdrawn = created(service.post("/api/introductions", facilitator, """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(FOUNDATION, SAVOIE_ACTOR)));
        assertThat(service.post("/api/introductions/" + withdrawn + "/withdraw", facilitator, "{}").statusCode()).isEqualTo(204);
        refused(409, "conflict", () -> service.post("/api/introductions/" + withdrawn + "/reminders", facilitator,
                "{\"channel\": \"PHONE\"}"));
        assertThat(store.eventTypes(withdrawn)).containsExactly("IntroductionProposedEvent", "IntroductionWithdrawnEvent");
    }

    /** A refusal raised as the introduction is created is a 409 for the caller, not a warning in the service's log. */
    @Test
    void aPairAlreadyWaitingIsRefusedWithoutAWarningInTheLog() {
        // Two actors of its own: the other tests' introductions hold pairs of the shared ones.
        String garage = "garage-" + UUID.randomUUID();
        String ressourcerie = "ressourcerie-" + UUID.randomUUID();
        Instant now = Instant.now();
        publisher.publish(garage, 0, new ActorRegisteredEvent(garage, "Garage solidaire", ActorType.ASSOCIATION,
                "38185", Set.of(), Set.of(), "Réparation de véhicules", now));
        publisher.publish(ressourcerie, 0, new ActorRegisteredEvent(ressourcerie, "Ressourcerie du Trièves",
                ActorType.ASSOCIATION, "38185", Set.of(), Set.of(), "Réemploi", now));
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        String proposal = """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR", "note": "Intermédiation : mobilité"}"""
                .formatted(garage, ressourcerie);
        await().atMost(ofSeconds(60)).until(() -> service.post("/api/introductions", facilitator, proposal)
                .statusCode() == 201);
        Logger axon = (Logger) LoggerFactory.getLogger(AbstractRepository.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        axon.addAppender(logged);
        try {
            refused(409, "conflict", () -> service.post("/api/introductions", facilitator, proposal));
        } finally {
            axon.detachAppender(logged);
        }
        assertThat(logged.list).isEmpty();
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
        // The rule's sentence whole, not cut as a client's input would be.
        invalid("source", "une mise en relation demandée ici vient d'une organisation (ACTOR_REQUEST) ou de "
                + "l'équipe du labo (FACILITATOR)", () -> service.post("/api/introductions", member, """
                {"actorId": "%s", "partnerId": "%s", "source": "MATCHER"}""".formatted(ASSOCIATION, FOUNDATION)));
        // A field the API does not know is refused and named, never dropped: "Source" is not "source" (dropped, the
        // facilitator's introduction would have been recorded as the actor's own request), "raison" not "reason".
        invalid("Source", "champ inconnu", () -> service.post("/api/introductions",
                TestTokens.facilitator("DEPARTEMENT:38").sign(), """
                {"actorId": "%s", "partnerId": "%s", "Source": "FACILITATOR"}""".formatted(FOUNDATION, ASSOCIATION)));
        invalid("raison", "champ inconnu", () -> service.post("/api/introductions/" + proposed + "/withdraw", member,
                "{\"raison\": \"projet abandonné\"}"));
        invalid("outcome", "champ donné deux fois", () -> service.post("/api/introductions/" + proposed + "/outcomes",
                member, "{\"outcome\": \"NO_FIT\", \"outcome\": \"PARTNERSHIP_FORMED\", \"day\": \"%s\"}"
                        .formatted(today())));
        refused(400, "invalid-input", () -> service.post("/api/introductions", member,
                "{\"partnerId\": \"%s\"}".formatted(FOUNDATION)));
        refused(400, "invalid-input", () -> service.post("/api/introductions", TestTokens.admin().sign(), """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(ASSOCIATION, ASSOCIATION)));
        // Asked by an actor, the same mistake is said as such, not as a pair the matcher does not propose (409).
        invalid("partnerId", "un acteur ne peut pas être présenté à lui-même", () -> service.post("/api/introductions",
                member, "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, ASSOCIATION)));
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
        // Whoever may not read the introduction is told there is none, on every operation.
        refused(404, "not-found", () -> service.post("/api/introductions/" + proposed + "/withdraw",
                TestTokens.viewer().sign(), "{}"));
        refused(404, "not-found", () -> service.post("/api/introductions/" + proposed + "/accept",
                TestTokens.facilitator("DEPARTEMENT:73").sign(), "{\"actingFor\": \"%s\"}".formatted(SAVOIE_ACTOR)));
        refused(409, "conflict", () -> service.post("/api/introductions/" + proposed + "/meetings", member,
                "{\"startsAt\": \"%s\", \"actingFor\": \"%s\"}".formatted(Instant.now(), ASSOCIATION)));
        refused(403, "forbidden", () -> service.post("/api/introductions/" + proposed + "/meetings", member,
                "{\"startsAt\": \"%s\"}".formatted(Instant.now())));
        refused(404, "not-found", () -> service.post("/api/introductions/" + proposed + "/outcomes",
                TestTokens.facilitator("DEPARTEMENT:73").sign(),
                "{\"outcome\": \"NO_FIT\", \"day\": \"%s\"}".formatted(today())));
        refused(409, "conflict", () -> service.post("/api/introductions/" + proposed + "/outcomes", member,
                "{\"outcome\": \"NO_FIT\", \"day\": \"%s\", \"actingFor\": \"%s\"}".formatted(today(), ASSOCIATION)));
        // Before both sides accepted, no meeting is held, scheduled or not: acceptance is checked first.
        refused(409, "conflict", "La mise en relation « " + proposed + " » n'a pas encore été acceptée par les deux parties.",
                () -> service.post("/api/introductions/" + proposed + "/meetings/none/held", member,
                        "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)));

        // The introduction still waits for the partner's answer: a second one of the same pair is refused, by a facilitator
        // as by the actor, and by the introduction itself (the pairs set aside follow no topic in this class).
        String alreadyOpen = "« %s » et « %s » ont déjà une mise en relation en cours (« %s ») : répondez-y ou retirez-la "
                + "si elle attend ses réponses, sinon menez-la jusqu'à son issue, avant d'en proposer une autre.";
        refused(409, "conflict", alreadyOpen.formatted("Fonds Alpes Solidarités", "Tremplin Insertion", proposed), () -> service.post(
                "/api/introductions", TestTokens.facilitator("DEPARTEMENT:38").sign(), """
                        {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(FOUNDATION, ASSOCIATION)));
        refused(409, "conflict", alreadyOpen.formatted("Tremplin Insertion", "Fonds Alpes Solidarités", proposed), () -> service.post(
                "/api/introductions", member, "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));

        assertThat(store.eventTypes(proposed)).containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent");
        // Withdrawn, it frees the pair for the other tests of this class.
        assertThat(service.post("/api/introductions/" + proposed + "/withdraw", member, "{}").statusCode()).isEqualTo(204);
    }

    @Test
    void anIntroductionExpiredUnansweredCanNoLongerBeAnsweredWithdrawnNorFollowed() {
        // An unanswered line of the lab's records, proposed two months ago (past the 14 days' answer period), is
        // recorded expired at once: an expired introduction without waiting for a deadline.
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38");
        String line = "%s;%s;%s;;;;;;;;;;;Restée sans réponse".formatted(ASSOCIATION, FOUNDATION,
                FRENCH_DAY.format(today().minusMonths(2)));
        HttpResponse<String> imported = service.postBytes("/api/introductions/past", facilitator.sign(), "text/csv",
                (PAST_HEADER + "\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String expired = RunningMatchmaking.parse(imported.body()).path("lines").get(0).path("introductionId").asText();
        assertThat(store.eventTypes(expired)).containsExactly("IntroductionProposedEvent", "IntroductionExpiredEvent");
        String member = TestTokens.member(ASSOCIATION).sign();
        String partnerMember = TestTokens.member(FOUNDATION).sign();
        String path = "/api/introductions/" + expired;
        String isExpired = "La mise en relation « " + expired + " » a expiré : les deux parties ne l'avaient pas "
                + "acceptée avant son échéance.";

        refused(409, "conflict", isExpired, () -> service.post(path + "/accept", member,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)));
        refused(409, "conflict", isExpired, () -> service.post(path + "/decline", partnerMember,
                "{\"actingFor\": \"%s\", \"reason\": \"NOT_NOW\"}".formatted(FOUNDATION)));
        refused(409, "conflict", isExpired, () -> service.post(path + "/withdraw", facilitator.sign(), "{}"));
        refused(409, "conflict", isExpired, () -> service.post(path + "/meetings", member,
                "{\"startsAt\": \"%s\", \"actingFor\": \"%s\"}".formatted(Instant.now().minusSeconds(3600), ASSOCIATION)));
        refused(409, "conflict", isExpired, () -> service.post(path + "/outcomes", member,
                "{\"outcome\": \"NO_FIT\", \"day\": \"%s\", \"actingFor\": \"%s\"}".formatted(today(), ASSOCIATION)));

        assertThat(store.eventTypes(expired)).containsExactly("IntroductionProposedEvent", "IntroductionExpiredEvent");
    }

    @Test
    void aDeclinedIntroductionCanNoLongerBeAcceptedWithdrawnNorMet() {
        String member = TestTokens.member(ASSOCIATION).sign();
        String partnerMember = TestTokens.member(FOUNDATION).sign();
        String declined = created(service.post("/api/introductions", member,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));
        String path = "/api/introductions/" + declined;
        assertThat(service.post(path + "/decline", partnerMember, """
                {"actingFor": "%s", "reason": "ALREADY_PARTNERS", "text": "Nous travaillons déjà ensemble"}"""
                .formatted(FOUNDATION)).statusCode()).isEqualTo(204);
        String isDeclined = "La mise en relation « " + declined + " » a été déclinée.";

        refused(409, "conflict", isDeclined, () -> service.post(path + "/accept", member,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)));
        refused(409, "conflict", isDeclined, () -> service.post(path + "/accept", partnerMember,
                "{\"actingFor\": \"%s\"}".formatted(FOUNDATION)));
        refused(409, "conflict", isDeclined, () -> service.post(path + "/withdraw", member, "{}"));
        refused(409, "conflict", isDeclined, () -> service.post(path + "/meetings", member,
                "{\"startsAt\": \"%s\", \"actingFor\": \"%s\"}".formatted(Instant.now().minusSeconds(3600), ASSOCIATION)));
        refused(409, "conflict", isDeclined, () -> service.post(path + "/outcomes", member,
                "{\"outcome\": \"NO_FIT\", \"day\": \"%s\", \"actingFor\": \"%s\"}".formatted(today(), ASSOCIATION)));

        assertThat(store.eventTypes(declined)).containsExactly("IntroductionProposedEvent", "IntroductionDeclinedEvent");
    }

    @Test
    void anAcceptedIntroductionsMeetingsAndOutcomesFollowTheRulesOrWriteNothing() {
        String member = TestTokens.member(ASSOCIATION).sign();
        String partnerMember = TestTokens.member(FOUNDATION).sign();
        String admin = TestTokens.admin().sign();
        String accepted = created(service.post("/api/introductions", member,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));
        String path = "/api/introductions/" + accepted;
        assertThat(service.post(path + "/accept", member, "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)).statusCode())
                .isEqualTo(204);
        assertThat(service.post(path + "/accept", partnerMember, "{\"actingFor\": \"%s\"}".formatted(FOUNDATION)).statusCode())
                .isEqualTo(204);

        // Accepted, it is in progress still: a second introduction of the pair is refused by the introduction itself,
        // as on an instance that has not read the acceptance back from the topic yet (the pairs set aside follow no
        // topic in this class).
        String inProgress = "« Tremplin Insertion » et « Fonds Alpes Solidarités » ont déjà une mise en relation en cours (« "
                + accepted + " ») : répondez-y ou retirez-la si elle attend ses réponses, sinon menez-la jusqu'à son issue, "
                + "avant d'en proposer une autre.";
        refused(409, "conflict", inProgress, () -> service.post("/api/introductions", member,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));

        // Once both sides accepted, its proposer can no longer withdraw it, nor can a side answer again.
        String isAccepted = "La mise en relation « " + accepted + " » a déjà été acceptée par les deux parties.";
        refused(409, "conflict", isAccepted, () -> service.post(path + "/withdraw", member,
                "{\"reason\": \"plus d'actualité\"}"));
        refused(409, "conflict", isAccepted, () -> service.post(path + "/decline", partnerMember,
                "{\"actingFor\": \"%s\", \"reason\": \"NOT_NOW\"}".formatted(FOUNDATION)));

        // A meeting is held once it is scheduled and has started, and only once; one never planned is not there (404).
        String neverScheduled = "rdv-jamais-planifie";
        refused(404, "not-found", "Aucun rendez-vous « " + neverScheduled + " » n'est planifié pour la mise en relation « "
                        + accepted + " ».", () -> service.post(path + "/meetings/" + neverScheduled + "/held", partnerMember,
                "{\"actingFor\": \"%s\"}".formatted(FOUNDATION)));
        String tomorrow = created(service.post(path + "/meetings", member, """
                {"meetingId": "rdv-demain", "startsAt": "%s", "place": "Tiers-lieu de Grenoble", "actingFor": "%s"}"""
                .formatted(Instant.now().plusSeconds(86400), ASSOCIATION)));
        String notYet = "Le rendez-vous « " + tomorrow + " » de la mise en relation « " + accepted
                + " » n'a pas encore commencé.";
        refused(409, "conflict", notYet, () -> service.post(path + "/meetings/" + tomorrow + "/held", partnerMember,
                "{\"actingFor\": \"%s\"}".formatted(FOUNDATION)));
        refused(409, "conflict", notYet, () -> service.post(path + "/meetings/" + tomorrow + "/missed", partnerMember,
                "{\"actingFor\": \"%s\", \"absentActorId\": \"%s\"}".formatted(FOUNDATION, ASSOCIATION)));
        String anHourAgo = created(service.post(path + "/meetings", member, """
                {"meetingId": "rdv-ce-matin", "startsAt": "%s", "place": "Maison des associations", "actingFor": "%s"}"""
                .formatted(Instant.now().minusSeconds(3600), ASSOCIATION)));
        invalid("absentActorId", "l'absent doit être l'un des deux acteurs", () -> service.post(
                path + "/meetings/" + anHourAgo + "/missed", admin, "{\"absentActorId\": \"%s\"}".formatted(SAVOIE_ACTOR)));
        refused(403, "forbidden", "L'acteur « Mobilité Savoie » n'est pas partie à la mise en relation « " + accepted
                + " ».", () -> service.post(path + "/meetings/" + anHourAgo + "/held", admin,
                "{\"actingFor\": \"%s\"}".formatted(SAVOIE_ACTOR)));
        assertThat(service.post(path + "/meetings/" + anHourAgo + "/held", partnerMember,
                "{\"actingFor\": \"%s\", \"note\": \"Premier échange\"}".formatted(FOUNDATION)).statusCode()).isEqualTo(204);
        String concluded = "Le rendez-vous « " + anHourAgo + " » de la mise en relation « " + accepted
                + " » a déjà eu lieu ou a été manqué.";
        refused(409, "conflict", concluded, () -> service.post(path + "/meetings/" + anHourAgo + "/held", member,
                "{\"actingFor\": \"%s\"}".formatted(ASSOCIATION)));
        refused(409, "conflict", concluded, () -> service.post(path + "/meetings/" + anHourAgo + "/missed", member,
                "{\"actingFor\": \"%s\", \"absentActorId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));

        // An outcome: no partnership ends that was never formed; none is dated in the future; a partnership formed
        // says its form.
        refused(409, "conflict", "Aucun partenariat en cours n'est issu de la mise en relation « " + accepted + " ».",
                () -> service.post(path + "/outcomes", member, """
                        {"actingFor": "%s", "outcome": "PARTNERSHIP_ENDED", "day": "%s"}""".formatted(ASSOCIATION, today())));
        LocalDate tomorrowInParis = today().plusDays(1);
        invalid("day", "une suite ne peut pas être datée dans le futur : " + tomorrowInParis, () -> service.post(
                path + "/outcomes", member, """
                        {"actingFor": "%s", "outcome": "FOLLOW_UP_PLANNED", "day": "%s"}""".formatted(ASSOCIATION,
                        tomorrowInParis)));
        invalid("form", "seul un partenariat conclu a une forme et une catégorie de ressource", () -> service.post(path + "/outcomes", member, """
                        {"actingFor": "%s", "outcome": "FOLLOW_UP_PLANNED", "day": "%s", "form": "RESOURCES"}"""
                        .formatted(ASSOCIATION, today())));
        // A meeting's id is a segment of its address: one with a space could never be marked held.
        invalid("meetingId", "identifiant de rendez-vous : lettres sans accent, chiffres, . _ - (100 au plus)", () -> service.post(path + "/meetings", member, """
                        {"meetingId": "rdv 2", "startsAt": "%s", "actingFor": "%s"}"""
                        .formatted(Instant.now().plusSeconds(86400), ASSOCIATION)));
        invalid("form", "un partenariat conclu dit sa forme et sa catégorie de ressource", () -> service.post(
                path + "/outcomes", member, """
                        {"actingFor": "%s", "outcome": "PARTNERSHIP_FORMED", "day": "%s", "category": "FUNDING"}"""
                        .formatted(ASSOCIATION, today())));

        assertThat(store.eventTypes(accepted)).containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent",
                "IntroductionAcceptedEvent", "MeetingScheduledEvent", "MeetingScheduledEvent", "MeetingHeldEvent");

        // Two pages showed it up to the meeting held (step 5): the first records a follow-up; the second, sending the
        // same, is told of it rather than record it twice.
        String followUp = """
                {"actingFor": "%s", "outcome": "FOLLOW_UP_PLANNED", "day": "%s", "lastStepSeen": 5}""".formatted(ASSOCIATION, today());
        assertThat(service.post(path + "/outcomes", member, followUp).statusCode()).isEqualTo(204);
        refused(409, "conflict", "Une suite a été enregistrée pour la mise en relation « " + accepted + " » depuis que "
                + "vous l'avez affichée (« " + Outcome.FOLLOW_UP_PLANNED.label() + " », le " + LabCalendar.inFrench(today())
                + ") : rechargez-la, et n'enregistrez la vôtre que si elle dit autre chose.",
                () -> service.post(path + "/outcomes", partnerMember, followUp.replace(ASSOCIATION, FOUNDATION)));
        invalid("lastStepSeen", "doit être supérieur ou égal à 0", () -> service.post(path + "/outcomes", member,
                followUp.replace("\"lastStepSeen\": 5", "\"lastStepSeen\": -1")));

        // « Pas de suite » closes it: the pair may be introduced again (withdrawn at once, for the other tests).
        assertThat(service.post(path + "/outcomes", member, """
                {"actingFor": "%s", "outcome": "NO_FIT", "day": "%s"}""".formatted(ASSOCIATION, today())).statusCode())
                .isEqualTo(204);
        String again = created(service.post("/api/introductions", member,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(ASSOCIATION, FOUNDATION)));
        assertThat(service.post("/api/introductions/" + again + "/withdraw", member, "{}").statusCode()).isEqualTo(204);
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
                .isEqualTo("La mise en relation « " + id + " » a été retirée.");
        assertThat(RunningMatchmaking.parse(english.body()).path("detail").asText())
                .isEqualTo("Introduction \"" + id + "\" was withdrawn.");
        assertThat(store.eventTypes(id)).containsExactly("IntroductionProposedEvent", "IntroductionWithdrawnEvent");
    }

    /** The answer is the problem expected, and the event store holds exactly as many events as before. */
    private static JsonNode refused(int status, String type, Supplier<HttpResponse<String>> request) {
        return Refusals.refusedWritingNothing(store, status, type, request);
    }

    /** The same, and the problem's detail says why in the words of matchmaking-problems.properties (French). */
    private static void refused(int status, String type, String detail, Supplier<HttpResponse<String>> request) {
        assertThat(refused(status, type, request).path("detail").asText()).isEqualTo(detail);
    }

    /** A 400 naming the one field the introduction's rules reject, as the request calls it, in the rules' words. */
    private static void invalid(String field, String message, Supplier<HttpResponse<String>> request) {
        JsonNode errors = refused(400, "invalid-input", request).path("errors");
        assertThat(errors).as(errors.toString()).hasSize(1);
        assertThat(errors.get(0).path("field").asText()).as("the request's field, as the client sent it").isEqualTo(field);
        assertThat(errors.get(0).path("message").asText()).isEqualTo(message);
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RunningMatchmaking.parse(response.body()).path("id").asText();
    }

    private static LocalDate today() {
        return LocalDate.now(LabCalendar.ZONE);
    }
}
