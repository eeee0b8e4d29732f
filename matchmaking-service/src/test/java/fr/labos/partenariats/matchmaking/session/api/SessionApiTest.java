package fr.labos.partenariats.matchmaking.session.api;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.matchmaking.session.pairs.SessionPairs;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A speed-meeting session over HTTP on real infrastructure (PostgreSQL event store, Kafka, MongoDB's wire protocol)
 * with real tokens: a facilitator of Isère plans it, registers six actors, wishes are expressed, the schedule is
 * generated and published, one participant is absent (the rounds to come are re-planned), every round runs, the
 * session closes, and every meeting held became an introduction accepted by both sides. Refusals write nothing.
 */
class SessionApiTest {

    private static InMemoryMongo mongo;
    private static ProfileEventPublisher publisher;
    private static RunningMatchmaking service;
    private static EventStoreRows store;
    private static final List<String> ACTORS = new ArrayList<>();
    private static final String FACILITATOR = TestTokens.facilitator("DEPARTEMENT:38").sign();
    private static final String SAVOIE_FACILITATOR = TestTokens.facilitator("DEPARTEMENT:73").sign();

    @BeforeAll
    static void start() {
        String topic = SharedKafka.newTopic("it.sessions.profile.events");
        mongo = InMemoryMongo.start();
        publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, "it-sessions",
                "lab.relay.topic=it.sessions.matchmaking.events");
        store = new EventStoreRows(service.databaseUrl());
        Instant now = Instant.now();
        String[] names = {"Tremplin Insertion", "Fonds Alpes Solidarités", "Mobilité Grésivaudan", "Commune d'Échirolles",
                "Régie de quartier", "Atelier vélo"};
        for (String name : names) {
            String id = "actor-" + UUID.randomUUID();
            ACTORS.add(id);
            publisher.publish(id, 0, new ActorRegisteredEvent(id, name, ActorType.ASSOCIATION, "38185", Set.of(),
                    Set.of(), name, now));
        }
        String need = "need-" + UUID.randomUUID();
        String offer = "offer-" + UUID.randomUUID();
        publisher.publish(need, 0, new NeedRegisteredEvent(need, ACTORS.get(0), post(ResourceCategory.FUNDING)
                .title("Financer l'accompagnement").sdgs(8).in(GRENOBLE).build(), now));
        publisher.publish(offer, 0, new OfferRegisteredEvent(offer, ACTORS.get(1), post(ResourceCategory.FUNDING)
                .title("Soutien financier à l'insertion").sdgs(8).in(ISERE).build(), now));
        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            assertThat(service.getJson("/api/needs/" + need + "/matches").findValuesAsText("offerId")).contains(offer);
            for (String actor : ACTORS) {
                // Known to the index (the schedule's weights) and to the projection (a registration reads the
                // actor there): two consumers of the topic, each at its own pace.
                assertThat(service.get("/api/actors/" + actor + "/partners").statusCode()).isEqualTo(200);
                assertThat(service.get("/api/actors/" + actor + "/introductions").statusCode()).isEqualTo(200);
            }
        });
    }

    @AfterAll
    static void stop() {
        service.close();
        publisher.close();
        mongo.close();
    }

    @Test
    void aSessionRunsFromPlanToCloseAndEveryMeetingHeldIsAnIntroduction() throws Exception {
        String sessionId = plan(FACILITATOR, 3, 3);
        for (int i = 0; i < ACTORS.size(); i++) {
            String organisation = i >= 4 ? "Groupe Vélo" : null;
            assertThat(service.post("/api/sessions/" + sessionId + "/participants", FACILITATOR,
                    organisation == null ? "{\"actorId\": \"%s\"}".formatted(ACTORS.get(i))
                            : "{\"actorId\": \"%s\", \"organisation\": \"%s\"}".formatted(ACTORS.get(i), organisation))
                    .statusCode()).isEqualTo(204);
        }
        String member = TestTokens.member(ACTORS.get(2)).sign();
        assertThat(wish(member, sessionId, ACTORS.get(2), ACTORS.get(3)).statusCode()).isEqualTo(204);
        assertThat(wish(FACILITATOR, sessionId, ACTORS.get(3), ACTORS.get(2)).statusCode()).isEqualTo(204);

        HttpResponse<String> generated = service.post("/api/sessions/" + sessionId + "/schedule/generate",
                FACILITATOR, "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        JsonNode schedule = RunningMatchmaking.parse(service.get("/api/sessions/" + sessionId + "/schedule",
                FACILITATOR).body());
        assertThat(schedule.path("rounds")).hasSize(3);
        assertThat(schedule.path("objective").path("mutualWishesMet").asInt()).isEqualTo(1);
        assertThat(schedule.findValues("reason")).extracting(JsonNode::asText).contains("MUTUAL_WISH");
        assertThat(schedule.findValues("table")).isNotEmpty();

        JsonNode weights = RunningMatchmaking.parse(service.get("/api/sessions/" + sessionId + "/pair-weights",
                FACILITATOR).body());
        assertThat(weights.path("setAside")).hasSize(1);
        assertThat(weights.path("setAside").get(0).path("reason").asText()).isEqualTo("même organisation");
        assertThat(weights.path("weighed")).hasSize(15 - 1);
        JsonNode funded = find(weights.path("weighed"), ACTORS.get(0), ACTORS.get(1));
        assertThat(funded.path("complementarity").asDouble()).isPositive();

        HttpResponse<String> csv = service.get("/api/sessions/" + sessionId + "/schedule.csv", FACILITATOR);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFTour;Début;Fin;Table;");
        assertThat(service.get("/api/sessions/" + sessionId + "/print", FACILITATOR).body())
                .contains("<h1>Table 1</h1>").contains("Programme de Mobilité Grésivaudan");
        // The draft is the facilitators' until published: a participant's member reads the rounds, no meeting, and
        // gets no calendar (a 409 that says when it will).
        JsonNode draftSeenByMember = RunningMatchmaking.parse(service.get("/api/sessions/" + sessionId + "/schedule",
                member).body());
        assertThat(draftSeenByMember.path("published").asBoolean()).isFalse();
        assertThat(draftSeenByMember.path("rounds")).hasSize(3);
        assertThat(draftSeenByMember.findValues("tables")).allSatisfy(tables -> assertThat(tables).isEmpty());
        assertThat(draftSeenByMember.path("objective").isNull()).isTrue();
        String calendarOfMember = "/api/sessions/" + sessionId + "/participants/" + ACTORS.get(2) + "/calendar.ics";
        HttpResponse<String> draftIcs = service.get(calendarOfMember, member);
        assertThat(draftIcs.statusCode()).isEqualTo(409);
        assertThat(RunningMatchmaking.parse(draftIcs.body()).path("detail").asText())
                .isEqualTo("Le planning n'est pas encore publié : les rencontres de chacun seront visibles à sa publication.");

        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        HttpResponse<String> ics = service.get(calendarOfMember, member);
        assertThat(ics.statusCode()).isEqualTo(200);
        ICalendar calendar = Biweekly.parse(ics.body()).first();
        assertThat(calendar.getEvents()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getSummary().getValue()).startsWith("Rencontre avec "));
        for (int i = 0; i < 5; i++) {
            assertThat(service.post("/api/sessions/" + sessionId + "/check-ins", FACILITATOR,
                    "{\"actorId\": \"%s\"}".formatted(ACTORS.get(i))).statusCode()).isEqualTo(204);
        }
        String absent = ACTORS.get(5);
        assertThat(service.post("/api/sessions/" + sessionId + "/absences", FACILITATOR,
                "{\"actorId\": \"%s\"}".formatted(absent)).statusCode()).isEqualTo(204);
        for (int round = 1; round <= 3; round++) {
            HttpResponse<String> started = service.post("/api/sessions/" + sessionId + "/rounds/" + round + "/start",
                    FACILITATOR, "");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(204);
        }
        assertThat(service.post("/api/sessions/" + sessionId + "/close", FACILITATOR, "").statusCode())
                .isEqualTo(204);

        List<String> types = store.eventTypes(sessionId);
        assertThat(types).contains("ScheduleAdjustedEvent", "SessionClosedEvent");
        List<JsonNode> held = new ArrayList<>();
        List<String> payloads = store.payloads(sessionId);
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).equals("SessionMeetingHeldEvent")) held.add(RunningMatchmaking.parse(payloads.get(i)));
        }
        assertThat(held).isNotEmpty().noneMatch(h -> h.path("actorId").asText().equals(absent)
                || h.path("partnerActorId").asText().equals(absent));
        JsonNode session = RunningMatchmaking.parse(service.get("/api/sessions/" + sessionId + "/schedule",
                FACILITATOR).body());
        assertThat(session.path("closed").asBoolean()).isTrue();
        assertThat(session.findValues("held")).extracting(JsonNode::asBoolean).filteredOn(b -> b).hasSize(held.size());
        for (JsonNode meeting : held) {
            String introductionId = speedMeetingIntroduction(sessionId, meeting.path("actorId").asText(),
                    meeting.path("partnerActorId").asText());
            await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(store.eventTypes(introductionId))
                    .containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent",
                            "IntroductionAcceptedEvent", "MeetingScheduledEvent", "MeetingHeldEvent"));
            JsonNode proposed = RunningMatchmaking.parse(store.payloads(introductionId).get(0));
            assertThat(proposed.path("source").asText()).isEqualTo("SPEED_MEETING");
            assertThat(proposed.path("note").asText()).startsWith("Rencontre express « Rencontres de l'emploi »");
        }
    }

    @Test
    void refusalsAreProblemsThatWriteNothing() {
        long before = store.events();
        HttpResponse<String> elsewhere = service.post("/api/sessions", SAVOIE_FACILITATOR, planBody(3, 3));
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(service.post("/api/sessions", TestTokens.member(ACTORS.get(0)).sign(), planBody(3, 3))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> noRound = service.post("/api/sessions", FACILITATOR, planBody(0, 3));
        assertThat(noRound.statusCode()).as(noRound.body()).isEqualTo(400);
        assertThat(service.post("/api/sessions/" + UUID.randomUUID() + "/participants", FACILITATOR,
                "{\"actorId\": \"%s\"}".formatted(ACTORS.get(0))).statusCode()).isEqualTo(404);
        assertThat(store.events()).isEqualTo(before);

        String sessionId = plan(FACILITATOR, 2, 2);
        long planned = store.events();
        assertThat(service.post("/api/sessions/" + sessionId + "/participants", SAVOIE_FACILITATOR,
                "{\"actorId\": \"%s\"}".formatted(ACTORS.get(0))).statusCode()).isEqualTo(403);
        HttpResponse<String> tooEarly = service.post("/api/sessions/" + sessionId + "/schedule/generate", FACILITATOR,
                "");
        assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
        assertThat(tooEarly.body()).contains("au moins deux participants");
        assertThat(service.post("/api/sessions/" + sessionId + "/participants", FACILITATOR,
                "{\"actorId\": \"%s\"}".formatted(ACTORS.get(0))).statusCode()).isEqualTo(204);
        assertThat(wish(TestTokens.member(ACTORS.get(1)).sign(), sessionId, ACTORS.get(0), ACTORS.get(1)).statusCode())
                .isEqualTo(403);
        assertThat(service.get("/api/sessions/" + sessionId + "/pair-weights", TestTokens.member(ACTORS.get(0))
                .sign()).statusCode()).isEqualTo(403);
        assertThat(store.events()).isEqualTo(planned + 1);
    }

    /**
     * Numbers, dates and places no lab would plan: the grid, its views and its exports could not hold them (two billion
     * rounds or tables exhaust the memory, a date in the year 300,000,000 breaks the calendar). A 400 naming the field,
     * for an admin too, and nothing written.
     */
    @Test
    void aPlanNoLabWouldRunIsA400NamingItsFieldAndWritesNothing() {
        String admin = TestTokens.admin().sign();
        String nextWeek = LocalDate.now().plusDays(7).toString();
        long before = store.events();
        for (String[] refused : new String[][]{
                {"rounds", planJson("38", "DEPARTEMENT", nextWeek, 2_000_000_000, 12, 3)},
                {"tables", planJson("38", "DEPARTEMENT", nextWeek, 3, 12, 2_000_000_000)},
                {"minutesPerRound", planJson("38", "DEPARTEMENT", nextWeek, 3, 100_000, 3)},
                {"date", planJson("38", "DEPARTEMENT", "+300000000-01-01", 3, 12, 3)},
                {"date", planJson("38", "DEPARTEMENT", LocalDate.now().plusYears(3).toString(), 3, 12, 3)},
                {"territory", planJson("ZZ", "DEPARTEMENT", nextWeek, 3, 12, 3)}}) {
            for (String token : List.of(admin, FACILITATOR)) {
                HttpResponse<String> response = service.post("/api/sessions", token, refused[1]);
                assertThat(response.statusCode()).as(refused[0] + ": " + response.body()).isEqualTo(400);
                assertThat(response.body()).as(refused[0]).contains("\"field\":\"" + refused[0] + "\"");
            }
        }
        assertThat(store.events()).isEqualTo(before);
    }

    /**
     * A participant's calendar is seen by those who see the schedule, and only for a participant: a member of an actor
     * outside the session does not read its title, and an actor outside it has no calendar (404).
     */
    @Test
    void aCalendarIsAParticipantsOnlyAndSeenByThoseWhoSeeTheSchedule() {
        String sessionId = plan(FACILITATOR, 2, 2);
        register(sessionId, ACTORS.get(0), ACTORS.get(1));
        String calendar = "/api/sessions/" + sessionId + "/participants/%s/calendar.ics";

        HttpResponse<String> outsider = service.get(calendar.formatted(ACTORS.get(4)),
                TestTokens.member(ACTORS.get(4)).sign());
        assertThat(outsider.statusCode()).as(outsider.body()).isEqualTo(403);
        assertThat(outsider.body()).doesNotContain("Rencontres de l'emploi");

        HttpResponse<String> notRegistered = service.get(calendar.formatted(ACTORS.get(5)), FACILITATOR);
        assertThat(notRegistered.statusCode()).as(notRegistered.body()).isEqualTo(404);
        assertThat(notRegistered.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(notRegistered.body()).contains("n'est pas inscrit à la session");
    }

    /**
     * A wish is a participant's private preference, given to the facilitator to build the schedule. Four participants
     * meet each other over three rounds; A and D wished each other, A wished C alone, B wished A alone and C alone.
     * A's member sees every meeting, but why only for those resting on A's wishes (D's wish back included): nothing
     * of B's wishes, not even the one naming A, and so nothing of why A meets B or D meets C either. B's member sees
     * B's wishes and nothing of A's and D's mutual one. The facilitator sees every wish. A's calendar and printed
     * programme say what A's member sees, whoever downloads them; the introductions the meetings become keep no
     * one-sided wish, since both sides read them.
     */
    @Test
    void aParticipantsMemberIsToldOnlyOfItsOwnWishesAndWhetherTheyWereMutual() {
        List<String> actors = freshActors("Entreprise d'insertion des Alpes", "Banque alimentaire de l'Isère",
                "Maison de l'emploi de Grenoble", "Fablab de Grenoble");
        // A wish's sentence names its participants, wherever it is read (the plan writes their ids).
        String bWishedA = "Banque alimentaire de l'Isère a demandé à rencontrer Entreprise d'insertion des Alpes";
        String aWishedC = "Entreprise d'insertion des Alpes a demandé à rencontrer Maison de l'emploi de Grenoble";
        String a = actors.get(0);
        String b = actors.get(1);
        String c = actors.get(2);
        String d = actors.get(3);
        String memberOfA = TestTokens.member(a).sign();
        String memberOfB = TestTokens.member(b).sign();
        String sessionId = plan(FACILITATOR, 3, 2);
        register(sessionId, a, b, c, d);
        assertThat(wish(memberOfA, sessionId, a, d).statusCode()).isEqualTo(204);
        assertThat(wish(FACILITATOR, sessionId, d, a).statusCode()).isEqualTo(204);
        assertThat(wish(memberOfA, sessionId, a, c).statusCode()).isEqualTo(204);
        assertThat(wish(memberOfB, sessionId, b, a).statusCode()).isEqualTo(204);
        assertThat(wish(memberOfB, sessionId, b, c).statusCode()).isEqualTo(204);
        // A member wishes for its own actor only.
        assertThat(wish(memberOfA, sessionId, b, d).statusCode()).isEqualTo(403);
        HttpResponse<String> generated = service.post("/api/sessions/" + sessionId + "/schedule/generate",
                FACILITATOR, "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);

        // The facilitator reads every wish, and why every meeting was planned.
        JsonNode overview = overview(sessionId);
        assertThat(overview.path("wishes")).extracting(w -> w.path("actorId").asText() + "→"
                + w.path("wishedActorId").asText() + (w.path("mutual").asBoolean() ? " mutual" : "")).containsOnly(
                a + "→" + d + " mutual", d + "→" + a + " mutual", a + "→" + c, b + "→" + a, b + "→" + c);
        JsonNode run = schedule(sessionId, FACILITATOR);
        assertThat(meeting(run, a, d).path("reason").asText()).isEqualTo("MUTUAL_WISH");
        assertThat(meeting(run, a, c).path("reason").asText()).isEqualTo("WISH");
        assertThat(meeting(run, a, b).path("explanation").asText()).isEqualTo(bWishedA + ".");
        assertThat(meeting(run, b, c).path("reason").asText()).isEqualTo("WISH");
        assertThat(pairsOf(run)).hasSize(6);

        // A's member, once the schedule is published: the whole schedule, why only where A wished.
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        assertThat(service.get("/api/sessions/" + sessionId, memberOfA).statusCode()).isEqualTo(403);
        JsonNode seenByA = schedule(sessionId, memberOfA);
        assertThat(pairsOf(seenByA)).containsExactlyElementsOf(pairsOf(run));
        assertThat(seenByA.path("objective")).isEqualTo(run.path("objective"));
        assertThat(meeting(seenByA, a, d).path("reason").asText()).isEqualTo("MUTUAL_WISH");
        assertThat(meeting(seenByA, a, d).path("weight").isNumber()).isTrue();
        assertThat(meeting(seenByA, a, c).path("explanation").asText())
                .isEqualTo(aWishedC + ".");
        for (String[] untold : new String[][]{{a, b}, {b, c}, {b, d}, {c, d}}) {
            JsonNode table = meeting(seenByA, untold[0], untold[1]);
            assertThat(List.of(table.path("weight"), table.path("reason"), table.path("explanation")))
                    .as(table.toString()).allSatisfy(field -> assertThat(field.isNull() || field.isMissingNode())
                            .isTrue());
        }
        assertThat(seenByA.toString()).doesNotContain("Banque alimentaire de l'Isère a demandé");

        // B's member: B's two wishes, nothing of A's and D's.
        JsonNode seenByB = schedule(sessionId, memberOfB);
        assertThat(meeting(seenByB, a, b).path("reason").asText()).isEqualTo("WISH");
        assertThat(meeting(seenByB, b, c).path("reason").asText()).isEqualTo("WISH");
        assertThat(meeting(seenByB, a, d).path("reason").isNull()).isTrue();
        assertThat(seenByB.toString()).doesNotContain("Les deux participants");

        // A's calendar, downloaded by its member or by the facilitator who hands it out.
        for (String token : List.of(memberOfA, FACILITATOR)) {
            HttpResponse<String> ics = service.get("/api/sessions/" + sessionId + "/participants/" + a
                    + "/calendar.ics", token);
            assertThat(ics.statusCode()).isEqualTo(200);
            assertThat(Biweekly.parse(ics.body()).first().getEvents()).hasSize(3).extracting(e ->
                    e.getDescription().getValue()).containsOnly("Rencontres de l'emploi",
                    "Rencontres de l'emploi\nSouhait réciproque : Les deux participants ont demandé à se rencontrer.",
                    "Rencontres de l'emploi\nSouhait : " + aWishedC + ".");
        }
        // The printed programme of each, handed out at check-in; the CSV is the facilitator's and says every why.
        Document printed = Jsoup.parse(service.get("/api/sessions/" + sessionId + "/print", FACILITATOR).body());
        assertThat(programme(printed, "Entreprise d'insertion des Alpes"))
                .doesNotContain("Banque alimentaire de l'Isère a demandé")
                .contains(aWishedC);
        assertThat(programme(printed, "Banque alimentaire de l'Isère")).contains(bWishedA)
                .doesNotContain("Les deux participants");
        assertThat(programme(printed, "Maison de l'emploi de Grenoble")).doesNotContain("a demandé");
        assertThat(service.get("/api/sessions/" + sessionId + "/schedule.csv", FACILITATOR).body())
                .contains(bWishedA);

        // Held, each meeting is an introduction both sides read: a one-sided wish is kept as the pair's
        // complementarity, a mutual one as it is.
        for (String actor : actors) {
            assertThat(service.post("/api/sessions/" + sessionId + "/check-ins", FACILITATOR,
                    "{\"actorId\": \"%s\"}".formatted(actor)).statusCode()).isEqualTo(204);
        }
        for (int round = 1; round <= 3; round++) {
            assertThat(service.post("/api/sessions/" + sessionId + "/rounds/" + round + "/start", FACILITATOR, "")
                    .statusCode()).isEqualTo(204);
        }
        for (String[] pair : new String[][]{{a, b}, {a, c}, {b, c}, {a, d}}) {
            String introductionId = speedMeetingIntroduction(sessionId, pair[0], pair[1]);
            await().atMost(ofSeconds(30)).until(() -> !store.payloads(introductionId).isEmpty());
            JsonNode match = RunningMatchmaking.parse(store.payloads(introductionId).get(0)).path("match");
            if (pair[1].equals(d)) {
                assertThat(match.path("sentence").asText())
                        .isEqualTo("Les deux participants ont demandé à se rencontrer.");
            } else {
                assertThat(match.path("sentence").asText()).as(match.toString()).isNotBlank()
                        .doesNotContain("demandé");
                assertThat(match.path("score").asDouble()).isBetween(0.0, 1.0);
            }
        }
    }

    private static JsonNode schedule(String sessionId, String token) {
        HttpResponse<String> response = service.get("/api/sessions/" + sessionId + "/schedule", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningMatchmaking.parse(response.body());
    }

    /** The table of a schedule view that seats these two, in either order. */
    private static JsonNode meeting(JsonNode schedule, String x, String y) {
        for (JsonNode table : schedule.findParents("partner")) {
            if (Set.of(table.path("actor").path("actorId").asText(), table.path("partner").path("actorId").asText())
                    .equals(Set.of(x, y))) return table;
        }
        throw new AssertionError("no meeting of " + x + " and " + y + " in " + schedule);
    }

    /** The text of a participant's page of the printable schedule. */
    private static String programme(Document printed, String name) {
        return printed.select("section.participant-page").stream()
                .filter(page -> page.select("h1").text().equals("Programme de " + name))
                .findFirst().orElseThrow(() -> new AssertionError("no programme of " + name)).text();
    }

    /**
     * A member runs no session ({@code GET /api/sessions} is a 403), so {@code GET /api/me/sessions} lists those its
     * actors take part in, each with those actors only: every session listed shows its schedule to the same member, a
     * session of other actors is not listed, and a member of an actor at no session gets an empty list.
     */
    @Test
    void aMemberListsTheSessionsItsActorsTakePartInAndNoOther() {
        List<String> actors = freshActors("Ressourcerie du Drac", "Maison de l'emploi du Sud", "Café associatif");
        String ours = plan(FACILITATOR, 2, 2);
        register(ours, actors.get(0), actors.get(1));
        String theirs = plan(FACILITATOR, 2, 2);
        register(theirs, actors.get(1), actors.get(2));
        String member = TestTokens.member(actors.get(0)).sign();
        assertThat(service.get("/api/sessions", member).statusCode()).isEqualTo(403);

        HttpResponse<String> listed = service.get("/api/me/sessions", member);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode sessions = RunningMatchmaking.parse(listed.body());
        assertThat(sessions.findValuesAsText("id")).containsExactly(ours);
        JsonNode session = sessions.get(0);
        assertThat(session.path("title").asText()).isEqualTo("Rencontres de l'emploi");
        assertThat(session.path("place").asText()).isEqualTo("Maison des associations, Grenoble");
        assertThat(session.path("date").asText()).isEqualTo(LocalDate.now().plusDays(7).toString());
        assertThat(session.path("startsAt").asText()).startsWith("09:00");
        assertThat(session.path("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(session.path("published").asBoolean()).isFalse();
        // Its own actor, named; the other participant is named among the others (whom it may wish to meet); the
        // participant of the other session nowhere.
        assertThat(session.path("actors")).hasSize(1);
        assertThat(session.path("actors").get(0).path("actorId").asText()).isEqualTo(actors.get(0));
        assertThat(session.path("actors").get(0).path("name").asText()).isEqualTo("Ressourcerie du Drac");
        assertThat(session.path("otherParticipants").findValuesAsText("actorId")).containsExactly(actors.get(1));
        assertThat(listed.body()).doesNotContain(actors.get(2));
        assertThat(service.get("/api/sessions/" + ours + "/schedule", member).statusCode()).isEqualTo(200);

        // A member of actors at both sessions is told which of its actors takes part in each.
        JsonNode both = RunningMatchmaking.parse(service.get("/api/me/sessions",
                TestTokens.member(actors.get(0), actors.get(2)).sign()).body());
        assertThat(both.findValuesAsText("id")).containsExactlyInAnyOrder(ours, theirs);
        for (JsonNode listedSession : both) {
            assertThat(listedSession.path("actors").findValuesAsText("actorId")).containsExactly(
                    listedSession.path("id").asText().equals(ours) ? actors.get(0) : actors.get(2));
        }

        JsonNode none = RunningMatchmaking.parse(service.get("/api/me/sessions",
                TestTokens.member("actor-" + UUID.randomUUID()).sign()).body());
        assertThat(none).isEmpty();
        assertThat(RunningMatchmaking.parse(service.get("/api/me/sessions", TestTokens.viewer().sign()).body())).isEmpty();
        // A facilitator elsewhere acts for none of these participants: neither session is its.
        assertThat(RunningMatchmaking.parse(service.get("/api/me/sessions", SAVOIE_FACILITATOR).body())
                .findValuesAsText("id")).doesNotContain(ours, theirs);
        assertThat(service.get("/api/me/sessions", null).statusCode()).isEqualTo(401);
    }

    /**
     * What a member needs to wish for its actor, and no more: {@code GET /api/me/sessions} names the session's other
     * participants and gives its own actor's wishes, whoever expressed them; never another participant's, not even
     * one naming its actor, nor whether its own were returned. A and C wished each other (the facilitator expressed
     * C's), A wished nothing else, B wished A and C. Wishes may change until the plan is published, or the session
     * closed unpublished; the list says so as the command refuses them.
     */
    @Test
    void aMemberIsToldWhomItsActorsMayWishToMeetAndTheirOwnWishesOnly() {
        List<String> actors = freshActors("Jardin partagé de l'Abbaye", "Compagnons bâtisseurs de l'Isère",
                "Mission locale de Grenoble", "Épicerie solidaire de Fontaine");
        String a = actors.get(0);
        String b = actors.get(1);
        String c = actors.get(2);
        String d = actors.get(3);
        String memberOfA = TestTokens.member(a).sign();
        String memberOfB = TestTokens.member(b).sign();
        String sessionId = plan(FACILITATOR, 2, 2);
        register(sessionId, a, b, c, d);
        assertThat(wish(memberOfA, sessionId, a, c).statusCode()).isEqualTo(204);
        assertThat(wish(FACILITATOR, sessionId, c, a).statusCode()).isEqualTo(204);
        assertThat(wish(memberOfB, sessionId, b, a).statusCode()).isEqualTo(204);
        assertThat(wish(memberOfB, sessionId, b, c).statusCode()).isEqualTo(204);

        // A's member: the three others by name, A's wish, nothing of B's nor of C's wish back.
        JsonNode seenByA = mySession(memberOfA, sessionId);
        assertThat(seenByA.path("wishesOpen").asBoolean()).isTrue();
        // In French order: « Épicerie » among the E.
        assertThat(seenByA.path("otherParticipants")).extracting(p -> p.path("actorId").asText() + " "
                + p.path("name").asText()).containsExactly(b + " Compagnons bâtisseurs de l'Isère",
                d + " Épicerie solidaire de Fontaine", c + " Mission locale de Grenoble");
        for (JsonNode other : seenByA.path("otherParticipants")) {
            assertThat(other.fieldNames()).toIterable().as("a name, nothing else").containsExactlyInAnyOrder("actorId",
                    "name");
        }
        assertThat(seenByA.path("actors")).singleElement().satisfies(own -> {
            assertThat(own.path("actorId").asText()).isEqualTo(a);
            assertThat(own.path("wishedActorIds")).extracting(JsonNode::asText).containsExactly(c);
        });
        assertThat(seenByA.findValues("wishedActorIds")).as("A's wishes only").hasSize(1);
        assertThat(seenByA.toString()).doesNotContain("mutual").doesNotContain("réciproque");

        // B's member: B's two wishes, A named among the others and nothing of A's wish.
        JsonNode seenByB = mySession(memberOfB, sessionId);
        assertThat(seenByB.path("actors")).singleElement().satisfies(own ->
                assertThat(own.path("wishedActorIds")).extracting(JsonNode::asText).containsExactlyInAnyOrder(a, c));
        assertThat(seenByB.path("otherParticipants").findValuesAsText("actorId")).as("Épicerie, Jardin, Mission")
                .containsExactly(d, a, c);
        assertThat(seenByB.findValues("wishedActorIds")).hasSize(1);

        // A member of A and D: each its own wishes (D none), and the others are B and C.
        JsonNode seenByBoth = mySession(TestTokens.member(a, d).sign(), sessionId);
        assertThat(seenByBoth.path("actors")).extracting(own -> own.path("actorId").asText() + " "
                + own.path("wishedActorIds")).as("Épicerie, then Jardin").containsExactly(d + " []", a + " [\"" + c + "\"]");
        assertThat(seenByBoth.path("otherParticipants").findValuesAsText("actorId")).containsExactly(b, c);

        // Published, the plan closes the wishes: the list says so, as the command refuses one; A's stays listed.
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/generate", FACILITATOR, "").statusCode())
                .isEqualTo(200);
        assertThat(mySession(memberOfA, sessionId).path("wishesOpen").asBoolean()).as("generated, not published")
                .isTrue();
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        JsonNode published = mySession(memberOfA, sessionId);
        assertThat(published.path("wishesOpen").asBoolean()).isFalse();
        assertThat(published.path("actors").get(0).path("wishedActorIds")).extracting(JsonNode::asText)
                .containsExactly(c);
        assertThat(wish(memberOfA, sessionId, a, d).statusCode()).isEqualTo(409);

        // A session closed before its plan was published closes them too.
        String closed = plan(FACILITATOR, 2, 2);
        register(closed, a, b);
        assertThat(mySession(memberOfA, closed).path("wishesOpen").asBoolean()).isTrue();
        assertThat(service.post("/api/sessions/" + closed + "/close", FACILITATOR, "").statusCode()).isEqualTo(204);
        assertThat(mySession(memberOfA, closed).path("wishesOpen").asBoolean()).isFalse();
        assertThat(wish(memberOfA, closed, a, b).statusCode()).isEqualTo(409);
        // The member of an actor outside the session is refused first: it does not learn that the session closed.
        String memberOfC = TestTokens.member(c).sign();
        assertThat(wish(memberOfC, closed, c, a).statusCode()).isEqualTo(403);
        assertThat(withdrawWish(memberOfC, closed, c, a).statusCode()).isEqualTo(403);
    }

    /**
     * Before choosing whom to meet, a member is told which participants complement its actor, and how: the engine's
     * score and sentence, as the plan weighs the pair (A needs funding, B and D offer it, C posts nothing). A pair the
     * plan never seats (D declined A as a competitor) is not suggested; once the plan is published, nothing is.
     */
    @Test
    void aMemberIsToldWhichParticipantsComplementItsActorWhileWishesMayChange() {
        List<String> actors = freshActors("Recyclerie de Fontaine", "Fondation du Grésivaudan", "Théâtre de poche",
                "Fonds de soutien de Vizille");
        String a = actors.get(0);
        String b = actors.get(1);
        String c = actors.get(2);
        String d = actors.get(3);
        Instant now = Instant.now();
        String need = "need-" + UUID.randomUUID();
        publisher.publish(need, 0, new NeedRegisteredEvent(need, a, post(ResourceCategory.FUNDING)
                .title("Financer un atelier de réparation").sdgs(12).in(GRENOBLE).build(), now));
        for (String funder : List.of(b, d)) {
            String offer = "offer-" + UUID.randomUUID();
            publisher.publish(offer, 0, new OfferRegisteredEvent(offer, funder, post(ResourceCategory.FUNDING)
                    .title("Subvention aux projets d'économie circulaire").sdgs(12).in(ISERE).build(), now));
        }
        await().atMost(ofSeconds(60)).untilAsserted(() -> assertThat(
                service.getJson("/api/actors/" + a + "/partners").findValuesAsText("actorId")).contains(b, d));
        HttpResponse<String> proposed = service.post("/api/introductions", FACILITATOR,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\", \"source\": \"FACILITATOR\"}".formatted(a, d));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String introduction = RunningMatchmaking.parse(proposed.body()).path("id").asText();
        assertThat(service.post("/api/introductions/" + introduction + "/decline", TestTokens.member(d).sign(),
                "{\"actingFor\": \"%s\", \"reason\": \"COMPETITOR\"}".formatted(d)).statusCode()).isEqualTo(204);
        IntroducedPairs introduced = service.context().getBean(IntroducedPairs.class);
        await().atMost(ofSeconds(30)).until(() -> introduced.lasting().excludedPartnersOf(a).contains(d));

        String sessionId = plan(FACILITATOR, 2, 2);
        register(sessionId, a, b, c, d);
        String memberOfA = TestTokens.member(a).sign();
        JsonNode own = mySession(memberOfA, sessionId).path("actors").get(0);
        JsonNode weights = RunningMatchmaking.parse(service.get("/api/sessions/" + sessionId + "/pair-weights",
                FACILITATOR).body());
        JsonNode weighed = find(weights.path("weighed"), a, b);
        assertThat(own.path("complementary")).singleElement().satisfies(suggested -> {
            assertThat(suggested.path("actorId").asText()).isEqualTo(b);
            assertThat(suggested.path("score").asDouble()).isPositive()
                    .isEqualTo(weighed.path("complementarity").asDouble());
            assertThat(suggested.path("sentence").asText()).isEqualTo(weighed.path("explanation").asText())
                    .contains("Recyclerie de Fontaine").contains("Fondation du Grésivaudan");
        });
        assertThat(find(weights.path("setAside"), a, d).path("reason").asText()).isEqualTo(SessionPairs.INTRODUCED);
        // B's member is told of A the same way: the pair's complementarity, whichever side reads it.
        assertThat(mySession(TestTokens.member(b).sign(), sessionId).path("actors").get(0).path("complementary")
                .findValuesAsText("actorId")).containsExactly(a);

        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/generate", FACILITATOR, "").statusCode())
                .isEqualTo(200);
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        assertThat(mySession(memberOfA, sessionId).path("actors").get(0).path("complementary")).as("wishes closed")
                .isEmpty();
    }

    /** A session of {@code GET /api/me/sessions} as the member reads it. */
    private static JsonNode mySession(String token, String sessionId) {
        HttpResponse<String> listed = service.get("/api/me/sessions", token);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        for (JsonNode session : RunningMatchmaking.parse(listed.body())) {
            if (session.path("id").asText().equals(sessionId)) return session;
        }
        throw new AssertionError("session " + sessionId + " not listed in " + listed.body());
    }

    /**
     * A wish ticked by mistake is taken back by whom may express it (the facilitator, a member of the wishing
     * participant), until the plan is published. A and B wished each other, A wished C too; A takes back its wish to
     * meet B: B's stays, no longer mutual, and the plan generated then counts two one-sided wishes. A wishes B again:
     * mutual again. Refused — a member of another participant, a facilitator elsewhere, a wish never made, after
     * publication — it is a problem and writes nothing.
     */
    @Test
    void aWishTakenBackNoLongerCountsAndTheOtherSidesStays() {
        List<String> actors = freshActors("Recyclerie du Trièves", "Coopérative bois de Chartreuse",
                "Ressourcerie de Voiron", "Café associatif de Mens");
        String a = actors.get(0);
        String b = actors.get(1);
        String c = actors.get(2);
        String d = actors.get(3);
        String memberOfA = TestTokens.member(a).sign();
        String memberOfB = TestTokens.member(b).sign();
        String sessionId = plan(FACILITATOR, 3, 2);
        register(sessionId, a, b, c, d);
        assertThat(wish(memberOfA, sessionId, a, b).statusCode()).isEqualTo(204);
        assertThat(wish(memberOfB, sessionId, b, a).statusCode()).isEqualTo(204);
        assertThat(wish(memberOfA, sessionId, a, c).statusCode()).isEqualTo(204);

        long before = store.events();
        HttpResponse<String> otherMember = withdrawWish(memberOfB, sessionId, a, b);
        assertThat(otherMember.statusCode()).as(otherMember.body()).isEqualTo(403);
        assertThat(otherMember.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(withdrawWish(SAVOIE_FACILITATOR, sessionId, a, b).statusCode()).isEqualTo(403);
        HttpResponse<String> neverMade = withdrawWish(memberOfA, sessionId, a, d);
        assertThat(neverMade.statusCode()).as(neverMade.body()).isEqualTo(409);
        assertThat(neverMade.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        // Said with the names the member knows them by, not the session's ids.
        assertThat(RunningMatchmaking.parse(neverMade.body()).path("detail").asText())
                .isEqualTo("L'acteur « Recyclerie du Trièves » n'a pas souhaité rencontrer « Café associatif de Mens ».");
        assertThat(withdrawWish(FACILITATOR, UUID.randomUUID().toString(), a, b).statusCode()).isEqualTo(404);
        assertThat(store.events()).isEqualTo(before);

        assertThat(withdrawWish(memberOfA, sessionId, a, b).statusCode()).isEqualTo(204);
        assertThat(store.eventTypes(sessionId)).last().isEqualTo("MeetingWishWithdrawnEvent");
        assertThat(overview(sessionId).path("wishes")).extracting(w -> w.path("actorId").asText() + "→"
                + w.path("wishedActorId").asText() + (w.path("mutual").asBoolean() ? " mutual" : ""))
                .containsExactlyInAnyOrder(b + "→" + a, a + "→" + c);
        assertThat(mySession(memberOfA, sessionId).path("actors").get(0).path("wishedActorIds"))
                .extracting(JsonNode::asText).containsExactly(c);
        assertThat(mySession(memberOfB, sessionId).path("actors").get(0).path("wishedActorIds"))
                .extracting(JsonNode::asText).as("B's wish stays").containsExactly(a);
        HttpResponse<String> generated = service.post("/api/sessions/" + sessionId + "/schedule/generate",
                FACILITATOR, "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        JsonNode objective = RunningMatchmaking.parse(generated.body()).path("objective");
        assertThat(objective.path("mutualWishes").asInt()).isZero();
        assertThat(objective.path("oneSidedWishes").asInt()).isEqualTo(2);

        // The facilitator takes back A's other wish for it; A wishes B again: mutual again.
        assertThat(withdrawWish(FACILITATOR, sessionId, a, c).statusCode()).isEqualTo(204);
        assertThat(wish(memberOfA, sessionId, a, b).statusCode()).isEqualTo(204);
        assertThat(overview(sessionId).path("wishes")).extracting(w -> w.path("actorId").asText() + "→"
                + w.path("wishedActorId").asText() + (w.path("mutual").asBoolean() ? " mutual" : ""))
                .containsExactlyInAnyOrder(b + "→" + a + " mutual", a + "→" + b + " mutual");

        // Published, the plan closes the wishes: none is taken back any more.
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/generate", FACILITATOR, "").statusCode())
                .isEqualTo(200);
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        long published = store.events();
        HttpResponse<String> tooLate = withdrawWish(memberOfA, sessionId, a, b);
        assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
        assertThat(tooLate.body()).contains("est déjà publié");
        assertThat(store.events()).isEqualTo(published);
        assertThat(overview(sessionId).path("wishes")).hasSize(2);
    }

    @Test
    void aParticipantWithdrawnBeforePublicationLeavesItsWishesAndTheNextSchedule() {
        String sessionId = plan(FACILITATOR, 2, 2);
        register(sessionId, ACTORS.get(0), ACTORS.get(1), ACTORS.get(2), ACTORS.get(3));
        assertThat(wish(FACILITATOR, sessionId, ACTORS.get(0), ACTORS.get(3)).statusCode()).isEqualTo(204);
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/generate", FACILITATOR, "").statusCode())
                .isEqualTo(200);
        String withdrawn = "/api/sessions/" + sessionId + "/participants/" + ACTORS.get(3);

        // Refused, and nothing written: a facilitator of another département, the participant's own member, an
        // actor that is not registered.
        long before = store.events();
        assertThat(service.delete(withdrawn, SAVOIE_FACILITATOR).statusCode()).isEqualTo(403);
        assertThat(service.delete(withdrawn, TestTokens.member(ACTORS.get(3)).sign()).statusCode()).isEqualTo(403);
        HttpResponse<String> stranger = service.delete("/api/sessions/" + sessionId + "/participants/"
                + UUID.randomUUID(), FACILITATOR);
        assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(409);
        assertThat(stranger.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(stranger.body()).contains("n'est pas inscrit");
        assertThat(store.events()).isEqualTo(before);

        assertThat(service.delete(withdrawn, FACILITATOR).statusCode()).isEqualTo(204);
        assertThat(store.eventTypes(sessionId)).last().isEqualTo("ParticipantWithdrewEvent");
        // The schedule generated with it must be generated again before it is published, without it nor its wish.
        HttpResponse<String> outdated = service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "");
        assertThat(outdated.statusCode()).as(outdated.body()).isEqualTo(409);
        assertThat(outdated.body()).contains("générez le planning à nouveau");
        HttpResponse<String> again = service.post("/api/sessions/" + sessionId + "/schedule/generate", FACILITATOR, "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode schedule = RunningMatchmaking.parse(again.body());
        assertThat(pairsOf(schedule)).isNotEmpty().noneMatch(pair -> pair.contains(ACTORS.get(3)));
        assertThat(schedule.path("objective").path("oneSidedWishes").asInt()).isZero();
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);

        // Once published, a participant who cannot come is marked absent on the day instead.
        HttpResponse<String> late = service.delete("/api/sessions/" + sessionId + "/participants/" + ACTORS.get(2),
                FACILITATOR);
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    }

    /**
     * Registrations and wishes may change until publication while the plan stays as generated: the overview tells the
     * facilitator what the plan does not account for (a newcomer seated nowhere), until it is generated again.
     */
    @Test
    void theOverviewTellsWhoWasRegisteredSinceThePlanWasGenerated() {
        String sessionId = plan(FACILITATOR, 2, 2);
        register(sessionId, ACTORS.get(0), ACTORS.get(1), ACTORS.get(2));
        assertThat(overview(sessionId).path("sinceSchedule").isNull()).as("no plan yet").isTrue();
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/generate", FACILITATOR, "").statusCode())
                .isEqualTo(200);

        register(sessionId, ACTORS.get(3));
        assertThat(wish(FACILITATOR, sessionId, ACTORS.get(3), ACTORS.get(0)).statusCode()).isEqualTo(204);

        JsonNode since = overview(sessionId).path("sinceSchedule");
        assertThat(since.path("registered")).hasSize(1);
        assertThat(since.path("registered").get(0).path("actorId").asText()).isEqualTo(ACTORS.get(3));
        assertThat(since.path("registered").get(0).path("name").asText()).isEqualTo("Commune d'Échirolles");
        assertThat(since.path("withdrawn")).isEmpty();
        assertThat(since.path("wishesExpressed").asInt()).isEqualTo(1);
        assertThat(since.path("wishesWithdrawn").asInt()).isZero();

        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/generate", FACILITATOR, "").statusCode())
                .isEqualTo(200);
        since = overview(sessionId).path("sinceSchedule");
        assertThat(since.path("registered")).isEmpty();
        assertThat(since.path("wishesExpressed").asInt()).isZero();
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        assertThat(overview(sessionId).path("sinceSchedule").isNull()).as("published").isTrue();
    }

    /**
     * Each meeting held at a session becomes an introduction accepted in both participants' names: running the session
     * is not enough to register an actor, the principal must act for it. A facilitator of Isère registering an actor
     * of Paris at its own session is a 403 that writes nothing; an admin registers anyone.
     */
    @Test
    void aFacilitatorRegistersOnlyTheActorsOfItsTerritoriesAndAnAdminAnyone() {
        String paris = freshActorsIn("75056", "Association parisienne de l'emploi").get(0);
        String sessionId = plan(FACILITATOR, 2, 2);
        long planned = store.events();
        HttpResponse<String> outOfReach = service.post("/api/sessions/" + sessionId + "/participants", FACILITATOR,
                "{\"actorId\": \"%s\"}".formatted(paris));
        assertThat(outOfReach.statusCode()).as(outOfReach.body()).isEqualTo(403);
        assertThat(outOfReach.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(outOfReach.body()).contains("Association parisienne de l'emploi")
                .contains("n'est pas dans les territoires que vous animez");
        assertThat(store.events()).isEqualTo(planned);
        assertThat(store.eventTypes(sessionId)).containsExactly("SessionPlannedEvent");

        HttpResponse<String> byAdmin = service.post("/api/sessions/" + sessionId + "/participants",
                TestTokens.admin().sign(), "{\"actorId\": \"%s\"}".formatted(paris));
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(204);
        assertThat(store.eventTypes(sessionId)).containsExactly("SessionPlannedEvent", "ParticipantRegisteredEvent");

        // Registered by the admin, it stays: the facilitator asking again is told it is registered already (409),
        // not that it may not register it.
        HttpResponse<String> again = service.post("/api/sessions/" + sessionId + "/participants", FACILITATOR,
                "{\"actorId\": \"%s\"}".formatted(paris));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(store.eventTypes(sessionId)).containsExactly("SessionPlannedEvent", "ParticipantRegisteredEvent");
    }

    /**
     * The overview says when the round in progress started (the instant its RoundStartedEvent carries), for a console
     * reloaded mid-round to restore its timer: null before the first round, the later round's once it starts, null
     * again once the session is closed.
     */
    @Test
    void theOverviewSaysWhenTheRoundInProgressStarted() {
        List<String> actors = freshActors("Compagnons bâtisseurs Isère", "Fondation du Dauphiné");
        String sessionId = plan(FACILITATOR, 2, 1);
        register(sessionId, actors.get(0), actors.get(1));
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/generate", FACILITATOR, "").statusCode())
                .isEqualTo(200);
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        JsonNode notStarted = overview(sessionId);
        assertThat(notStarted.has("roundStartedAt")).as(notStarted.toString()).isTrue();
        assertThat(notStarted.path("roundStartedAt").isNull()).as(notStarted.toString()).isTrue();

        for (int round = 1; round <= 2; round++) {
            assertThat(service.post("/api/sessions/" + sessionId + "/rounds/" + round + "/start", FACILITATOR, "")
                    .statusCode()).isEqualTo(204);
            JsonNode started = overview(sessionId);
            assertThat(started.path("roundsStarted").asInt()).isEqualTo(round);
            assertThat(Instant.parse(started.path("roundStartedAt").asText())).as(started.toString())
                    .isEqualTo(roundStartedAt(sessionId, round));
        }
        assertThat(service.post("/api/sessions/" + sessionId + "/close", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        JsonNode closed = overview(sessionId);
        assertThat(closed.has("roundStartedAt")).isTrue();
        assertThat(closed.path("roundStartedAt").isNull()).as(closed.toString()).isTrue();
    }

    private static JsonNode overview(String sessionId) {
        HttpResponse<String> response = service.get("/api/sessions/" + sessionId, FACILITATOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningMatchmaking.parse(response.body());
    }

    /** The instant the session's RoundStartedEvent of this round carries, as written in the event store. */
    private static Instant roundStartedAt(String sessionId, int round) {
        List<String> types = store.eventTypes(sessionId);
        List<String> payloads = store.payloads(sessionId);
        for (int i = 0; i < types.size(); i++) {
            JsonNode payload = RunningMatchmaking.parse(payloads.get(i));
            if (types.get(i).equals("RoundStartedEvent") && payload.path("round").asInt() == round) {
                return Instant.parse(payload.path("startedAt").asText());
            }
        }
        throw new AssertionError("no RoundStartedEvent of round " + round + " in " + types);
    }

    // --------------------------------------------------------------------------------- importing a participant list

    @Test
    void aParticipantListImportedAsCsvRegistersEveryActorOnceAndAgainNobodyNew() {
        List<String> actors = freshActors("Maison de l'Emploi du Voironnais", "Épicerie solidaire");
        String sessionId = plan(FACILITATOR, 2, 2);
        // As French Excel saves « CSV UTF-8 »: a byte order mark, semicolons, CRLF; a blank line in the middle.
        String csv = "\uFEFFIdentifiant;Nom;Organisation\r\n"
                + ACTORS.get(0) + ";;Groupe Insertion\r\n"
                + ";MAISON DE L’EMPLOI DU VOIRONNAIS;\r\n"
                + "\r\n"
                + actors.get(1) + ";Épicerie solidaire;\r\n"
                + ACTORS.get(0) + ";;\r\n";
        HttpResponse<String> imported = importCsv(FACILITATOR, sessionId, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = RunningMatchmaking.parse(imported.body());
        assertThat(report.path("registered").asInt()).isEqualTo(3);
        assertThat(report.path("alreadyRegistered").asInt()).isZero();
        assertThat(report.path("duplicates").asInt()).isEqualTo(1);
        assertThat(report.path("lines").findValuesAsText("line")).containsExactly("2", "3", "5", "6");
        assertThat(report.path("lines").findValuesAsText("actorId"))
                .containsExactly(ACTORS.get(0), actors.get(0), actors.get(1), ACTORS.get(0));
        assertThat(report.path("lines").findValuesAsText("result"))
                .containsExactly("REGISTERED", "REGISTERED", "REGISTERED", "DUPLICATE");
        assertThat(report.path("lines").get(3).path("label").asText()).isEqualTo("déjà sur une ligne précédente du fichier");
        assertThat(store.eventTypes(sessionId)).containsExactly("SessionPlannedEvent", "ParticipantRegisteredEvent",
                "ParticipantRegisteredEvent", "ParticipantRegisteredEvent");
        assertThat(store.payloads(sessionId).get(1)).contains("\"organisation\":\"Groupe Insertion\"");

        // The same list again, comma-separated and without a byte order mark: nobody new, nothing written.
        long before = store.events();
        HttpResponse<String> again = importCsv(FACILITATOR, sessionId, ("identifiant,nom\n" + ACTORS.get(0) + ",\n"
                + actors.get(0) + ",\n").getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode second = RunningMatchmaking.parse(again.body());
        assertThat(second.path("registered").asInt()).isZero();
        assertThat(second.path("alreadyRegistered").asInt()).isEqualTo(2);
        assertThat(second.path("lines").findValuesAsText("label")).containsOnly("déjà inscrit à la session");
        assertThat(store.events()).isEqualTo(before);
    }

    @Test
    void aParticipantListWithABadLineRegistersNobodyAndNamesEachBadLine() {
        List<String> actors = freshActors("Recyclerie du Trièves", "Mission locale du Trièves",
                "Mission locale du Trièves");
        String sessionId = plan(FACILITATOR, 2, 2);
        long planned = store.events();
        String csv = "identifiant;nom\n"
                + actors.get(0) + ";\n"
                + "actor-inconnu;\n"
                + ";Association fantôme\n"
                + ";;\n"
                + ";mission locale du Trièves\n"
                + ACTORS.get(1) + ";\n";
        HttpResponse<String> refused = importCsv(FACILITATOR, sessionId, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = RunningMatchmaking.parse(refused.body());
        assertThat(problem.path("detail").asText()).startsWith("Aucun participant n'est inscrit : 3 lignes du fichier "
                + "sont refusées.");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("ligne 3", "ligne 4", "ligne 6");
        List<String> homonyms = actors.subList(1, 3).stream().sorted().toList();
        assertThat(problem.path("errors").findValuesAsText("message")).containsExactly(
                "aucun acteur n'a l'identifiant « actor-inconnu »",
                "aucun acteur ne s'appelle « Association fantôme »",
                "2 acteurs s'appellent « mission locale du Trièves » (" + homonyms.get(0) + ", " + homonyms.get(1)
                        + ") : écrivez l'identifiant de celui que vous voulez dire");
        assertThat(store.events()).isEqualTo(planned);

        // A Mac's plain « CSV » (Mac Roman: « è » is 0x8F, a byte Windows-1252 leaves undefined) is refused at its line.
        byte[] macRoman = ("identifiant;nom\n;Recyclerie du Trièves\n").getBytes(Charset.forName("x-MacRoman"));
        HttpResponse<String> notUtf8 = importCsv(FACILITATOR, sessionId, macRoman);
        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(RunningMatchmaking.parse(notUtf8.body()).path("detail").asText())
                .contains("le fichier n'est ni en UTF-8 ni en Windows-1252 (ligne 2)");
        HttpResponse<String> noColumn = importCsv(FACILITATOR, sessionId,
                "acteur_id;ville\nx;Grenoble\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noColumn.statusCode()).isEqualTo(400);
        assertThat(noColumn.body()).contains("« identifiant » ou « nom »");
        byte[] good = ("identifiant\n" + actors.get(0) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(importCsv(SAVOIE_FACILITATOR, sessionId, ("identifiant\n" + actors.get(0)).getBytes(
                StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        assertThat(importCsv(TestTokens.member(actors.get(0)).sign(), sessionId, ("identifiant\n" + actors.get(0))
                .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        assertThat(importCsv(FACILITATOR, UUID.randomUUID().toString(), good).statusCode()).isEqualTo(404);
        assertThat(store.events()).isEqualTo(planned);

        // French Excel's plain « CSV (séparateur : point-virgule) » is Windows-1252: its accented names are read right.
        String epicerie = freshActors("Épicerie solidaire de Mens-Trièves").get(0);
        byte[] windows1252 = ("identifiant;nom\r\n;Épicerie solidaire de Mens-Trièves\r\n")
                .getBytes(Charset.forName("windows-1252"));
        HttpResponse<String> excel = importCsv(FACILITATOR, sessionId, windows1252);
        assertThat(excel.statusCode()).as(excel.body()).isEqualTo(200);
        assertThat(RunningMatchmaking.parse(excel.body()).path("lines").findValuesAsText("actorId"))
                .containsExactly(epicerie);
        assertThat(store.eventTypes(sessionId)).containsExactly("SessionPlannedEvent", "ParticipantRegisteredEvent");
    }

    /**
     * The list as one registration: a line naming an actor outside the facilitator's territories is refused with the
     * file's other bad lines (400, nobody registered); the same list imported by an admin registers everyone.
     */
    @Test
    void aParticipantListNamingAnActorOutsideTheFacilitatorsTerritoriesRegistersNobody() {
        List<String> paris = freshActorsIn("75056", "Régie de quartier de Belleville");
        String sessionId = plan(FACILITATOR, 2, 2);
        long planned = store.events();
        byte[] csv = ("identifiant;nom\n" + ACTORS.get(0) + ";\n;régie de quartier de Belleville\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = importCsv(FACILITATOR, sessionId, csv);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = RunningMatchmaking.parse(refused.body());
        assertThat(problem.path("detail").asText()).startsWith("Aucun participant n'est inscrit : une ligne du "
                + "fichier est refusée.");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("ligne 3");
        assertThat(problem.path("errors").findValuesAsText("message")).containsExactly("« Régie de quartier de "
                + "Belleville » n'est pas dans les territoires que vous animez : seul un animateur de son territoire "
                + "ou un administrateur l'inscrit à une session");
        assertThat(store.events()).isEqualTo(planned);

        HttpResponse<String> byAdmin = importCsv(TestTokens.admin().sign(), sessionId, csv);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(RunningMatchmaking.parse(byAdmin.body()).path("lines").findValuesAsText("actorId"))
                .containsExactly(ACTORS.get(0), paris.get(0));
        long registered = store.events();

        // The same list imported again by the facilitator registers nobody new, and refuses nobody already there.
        HttpResponse<String> again = importCsv(FACILITATOR, sessionId, csv);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(RunningMatchmaking.parse(again.body()).path("lines").findValuesAsText("result"))
                .containsOnly("ALREADY_REGISTERED");
        assertThat(store.events()).isEqualTo(registered);
    }

    /**
     * An organisation is copied into the registration's event: a cell of any length would make an event too large to
     * reach the topic. The JSON API's bound holds for the file too, each cell over it named by its line and column.
     */
    @Test
    void aParticipantListWithACellTooLongRegistersNobodyAndNamesItsLineAndColumn() {
        String sessionId = plan(FACILITATOR, 2, 2);
        long planned = store.events();
        String csv = "identifiant;nom;organisation\n"
                + ACTORS.get(0) + ";;" + "Groupe ".repeat(100_000) + "\n"
                + ACTORS.get(1) + ";;Groupe Insertion\n";
        HttpResponse<String> refused = importCsv(FACILITATOR, sessionId, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = RunningMatchmaking.parse(refused.body());
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("ligne 2, organisation");
        assertThat(problem.path("errors").findValuesAsText("message")).containsExactly(
                "la colonne « organisation » compte au plus 200 caractères (ici 699999)");
        // An identifiant too long is named as such, not looked up.
        HttpResponse<String> longId = importCsv(FACILITATOR, sessionId, ("identifiant\n" + "x".repeat(101) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(RunningMatchmaking.parse(longId.body()).path("errors").findValuesAsText("field"))
                .containsExactly("ligne 2, identifiant");
        // The JSON API's bound, which the file's reuses.
        HttpResponse<String> json = service.post("/api/sessions/" + sessionId + "/participants", FACILITATOR,
                "{\"actorId\": \"%s\", \"organisation\": \"%s\"}".formatted(ACTORS.get(2), "x".repeat(201)));
        assertThat(json.statusCode()).as(json.body()).isEqualTo(400);
        assertThat(store.events()).isEqualTo(planned);
    }

    private static HttpResponse<String> importCsv(String token, String sessionId, byte[] csv) {
        return service.postBytes("/api/sessions/" + sessionId + "/participants/import", token, "text/csv", csv);
    }

    // ------------------------------------------------------------------------ earlier sessions, introductions joined

    @Test
    void aPairThatMetInAnEarlierSessionIsSetAsideUnlessAWishNamesIt() {
        List<String> actors = freshActors("Garage solidaire", "Auto-école sociale", "Covoiturage Belledonne");
        String first = plan(FACILITATOR, 1, 1);
        register(first, actors.get(0), actors.get(1));
        runEveryRound(first, 1, actors.get(0), actors.get(1));
        assertThat(store.eventTypes(first)).contains("SessionMeetingHeldEvent");

        String second = plan(FACILITATOR, 2, 1);
        register(second, actors.get(0), actors.get(1), actors.get(2));
        await().atMost(ofSeconds(30)).untilAsserted(() -> {
            JsonNode weights = RunningMatchmaking.parse(service.get("/api/sessions/" + second + "/pair-weights",
                    FACILITATOR).body());
            JsonNode setAside = find(weights.path("setAside"), actors.get(0), actors.get(1));
            assertThat(setAside.path("reason").asText()).isEqualTo(SessionPairs.MET_BEFORE);
        });
        JsonNode weights = RunningMatchmaking.parse(service.get("/api/sessions/" + second + "/pair-weights",
                FACILITATOR).body());
        assertThat(weights.path("weighed")).hasSize(2);
        HttpResponse<String> generated = service.post("/api/sessions/" + second + "/schedule/generate", FACILITATOR,
                "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        assertThat(pairsOf(RunningMatchmaking.parse(generated.body()))).doesNotContain(
                Set.of(actors.get(0), actors.get(1))).isNotEmpty();

        assertThat(wish(FACILITATOR, second, actors.get(1), actors.get(0)).statusCode()).isEqualTo(204);
        JsonNode wished = RunningMatchmaking.parse(service.get("/api/sessions/" + second + "/pair-weights",
                FACILITATOR).body());
        assertThat(wished.path("setAside")).isEmpty();
        assertThat(find(wished.path("weighed"), actors.get(0), actors.get(1)).path("wishBonus").asDouble())
                .isEqualTo(0.5);
    }

    @Test
    void aMeetingOfAPairWithAnIntroductionInProgressJoinsItInsteadOfOpeningAnother() {
        List<String> actors = freshActors("Ressourcerie de Vienne", "Fonds de dotation Rhône-Isère");
        HttpResponse<String> proposed = service.post("/api/introductions", FACILITATOR,
                "{\"actorId\": \"%s\", \"partnerId\": \"%s\", \"source\": \"FACILITATOR\", \"note\": \"À présenter\"}"
                        .formatted(actors.get(0), actors.get(1)));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String introductionId = RunningMatchmaking.parse(proposed.body()).path("id").asText();
        long deadlines = store.pendingDeadlines();
        IntroducedPairs introduced = service.context().getBean(IntroducedPairs.class);
        await().atMost(ofSeconds(30)).until(() ->
                introduced.inProgressBetween(actors.get(0), actors.get(1)).isPresent());

        String sessionId = plan(FACILITATOR, 1, 1);
        register(sessionId, actors.get(0), actors.get(1));
        runEveryRound(sessionId, 1, actors.get(0), actors.get(1));

        await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(store.eventTypes(introductionId))
                .containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent",
                        "IntroductionAcceptedEvent", "MeetingScheduledEvent", "MeetingHeldEvent"));
        List<String> payloads = store.payloads(introductionId);
        assertThat(RunningMatchmaking.parse(payloads.get(0)).path("source").asText()).isEqualTo("FACILITATOR");
        assertThat(RunningMatchmaking.parse(payloads.get(2)).path("bothSidesAccepted").asBoolean()).isTrue();
        assertThat(RunningMatchmaking.parse(payloads.get(3)).path("meetingId").asText())
                .isEqualTo("session-" + sessionId + "-tour-1");
        assertThat(RunningMatchmaking.parse(payloads.get(4)).path("note").asText())
                .startsWith("Rencontre express « Rencontres de l'emploi », tour 1, table 1");
        String wouldBeNew = speedMeetingIntroduction(sessionId, actors.get(0), actors.get(1));
        assertThat(store.eventTypes(wouldBeNew)).isEmpty();
        assertThat(store.pendingDeadlines()).as("the answer deadline went with the acceptances")
                .isEqualTo(deadlines - 1);
    }

    /**
     * An introduction proposed a moment before the meeting, not read back from the topic yet (here: the relay held),
     * is joined all the same: waiting for its answers, it holds its pair in the event store's database.
     */
    @Test
    void aMeetingJoinsAnIntroductionProposedJustBeforeEvenNotYetOnTheTopic() {
        List<String> actors = freshActors("Jardins de Cocagne Isère", "Caisse Solidaire du Dauphiné");
        TrackingEventProcessor relay = service.context().getBean(EventProcessingConfiguration.class)
                .eventProcessor("kafka-relay", TrackingEventProcessor.class).orElseThrow();
        relay.shutDown();
        String introductionId;
        String sessionId;
        try {
            HttpResponse<String> proposed = service.post("/api/introductions", FACILITATOR,
                    "{\"actorId\": \"%s\", \"partnerId\": \"%s\", \"source\": \"FACILITATOR\"}"
                            .formatted(actors.get(0), actors.get(1)));
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
            introductionId = RunningMatchmaking.parse(proposed.body()).path("id").asText();
            sessionId = plan(FACILITATOR, 1, 1);
            register(sessionId, actors.get(0), actors.get(1));
            runEveryRound(sessionId, 1, actors.get(0), actors.get(1));
            await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(store.eventTypes(introductionId))
                    .containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent",
                            "IntroductionAcceptedEvent", "MeetingScheduledEvent", "MeetingHeldEvent"));
            assertThat(service.context().getBean(IntroducedPairs.class)
                    .inProgressBetween(actors.get(0), actors.get(1))).as("not read back from the topic yet").isEmpty();
        } finally {
            relay.start();
        }
        String wouldBeNew = speedMeetingIntroduction(sessionId, actors.get(0), actors.get(1));
        assertThat(store.eventTypes(wouldBeNew)).isEmpty();
    }

    /**
     * The processor that makes meetings introductions read again from the start (its token reset, as an operator
     * would to replay it): a meeting whose introduction exists — closed since by its outcome, so not one to join —
     * makes no second one, the processor does not stop on it, and meetings held afterwards still become
     * introductions.
     */
    @Test
    void meetingsReadAgainFromTheStartMakeNoSecondIntroductionAndLaterMeetingsStillDo() {
        List<String> actors = freshActors("Atelier Vélo Solidaire", "Mutuelle des Alpes");
        String sessionId = plan(FACILITATOR, 1, 1);
        register(sessionId, actors.get(0), actors.get(1));
        runEveryRound(sessionId, 1, actors.get(0), actors.get(1));
        String introductionId = speedMeetingIntroduction(sessionId, actors.get(0), actors.get(1));
        await().atMost(ofSeconds(30)).until(() -> store.eventTypes(introductionId).size() == 5);
        assertThat(service.post("/api/introductions/" + introductionId + "/outcomes", TestTokens.member(actors.get(0)).sign(),
                "{\"actingFor\": \"%s\", \"outcome\": \"NO_FIT\", \"day\": \"%s\"}".formatted(actors.get(0),
                        fr.labos.partenariats.schema.common.LabCalendar.today(java.time.Clock.systemUTC()))).statusCode())
                .isEqualTo(204);

        TrackingEventProcessor processor = service.context().getBean(EventProcessingConfiguration.class)
                .eventProcessor("speed-meeting-introductions", TrackingEventProcessor.class).orElseThrow();
        long before = processor.processingStatus().get(0).getCurrentPosition().orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        // Read again from the start, up to where it was: every meeting held so far passed once more.
        await().atMost(ofSeconds(60)).until(() -> processor.processingStatus().values().stream()
                .anyMatch(status -> status.isErrorState() || status.getCurrentPosition().orElse(-1) >= before));

        List<String> later = freshActors("Recyclerie du Trièves", "Fondation Énergies Partagées");
        String laterSession = plan(FACILITATOR, 1, 1);
        register(laterSession, later.get(0), later.get(1));
        runEveryRound(laterSession, 1, later.get(0), later.get(1));
        String laterIntroduction = speedMeetingIntroduction(laterSession, later.get(0), later.get(1));
        await().atMost(ofSeconds(60)).untilAsserted(() -> assertThat(store.eventTypes(laterIntroduction))
                .containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent",
                        "IntroductionAcceptedEvent", "MeetingScheduledEvent", "MeetingHeldEvent"));
        assertThat(store.eventTypes(introductionId)).hasSize(6).last().isEqualTo("OutcomeRecordedEvent");
        assertThat(processor.processingStatus().values()).noneMatch(EventTrackerStatus::isErrorState);
    }

    // ------------------------------------------------------------------------ overseas

    /**
     * A session in La Réunion planned at 09:00 is at 09:00 there, whatever the service's own zone (Paris): 05:00 UTC
     * (La Réunion is on UTC+4 all year) in its participants' calendars, 09:00 on the printed schedule and in the CSV.
     * Read in Paris's zone, the calendars put it at 08:00 UTC in winter, 07:00 in summer.
     */
    @Test
    void aSessionOverseasIsAtItsTerritorysLocalTimeInEveryExport() {
        List<String> actors = freshActorsIn("97411", "Ti Kaz Solidarité", "Fondation Océan Indien");
        String facilitator = TestTokens.facilitator("DEPARTEMENT:974").sign();
        LocalDate date = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        HttpResponse<String> planned = service.post("/api/sessions", facilitator, """
                {"title": "Rencontres express de La Réunion", "territory": {"code": "97411", "level": "COMMUNE"},
                 "place": "Saint-Denis, Maison de la vie associative", "date": "%s", "startsAt": "09:00",
                 "rounds": 1, "minutesPerRound": 12, "tables": 1}""".formatted(date));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String sessionId = RunningMatchmaking.parse(planned.body()).path("id").asText();
        for (String actor : actors) {
            assertThat(service.post("/api/sessions/" + sessionId + "/participants", facilitator,
                    "{\"actorId\": \"%s\"}".formatted(actor)).statusCode()).isEqualTo(204);
        }
        HttpResponse<String> generated = service.post("/api/sessions/" + sessionId + "/schedule/generate",
                facilitator, "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        // The overview and the list say whose local time 09:00 is, for a reader in Paris to be told.
        assertThat(RunningMatchmaking.parse(service.get("/api/sessions/" + sessionId, facilitator).body())
                .path("timeZone").asText()).isEqualTo("Indian/Reunion");
        assertThat(RunningMatchmaking.parse(service.get("/api/sessions", facilitator).body()).findValuesAsText("timeZone"))
                .containsOnly("Indian/Reunion");

        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", facilitator, "").statusCode())
                .isEqualTo(204);
        HttpResponse<String> ics = service.get("/api/sessions/" + sessionId + "/participants/" + actors.get(0)
                + "/calendar.ics", TestTokens.member(actors.get(0)).sign());
        assertThat(ics.statusCode()).as(ics.body()).isEqualTo(200);
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(date);
        assertThat(ics.body()).contains("DTSTART:" + day + "T050000Z").contains("DTEND:" + day + "T051200Z");
        VEvent meeting = Biweekly.parse(ics.body()).first().getEvents().get(0);
        assertThat(meeting.getDateStart().getValue()).isEqualTo(Date.from(date.atTime(5, 0).toInstant(ZoneOffset.UTC)));
        assertThat(meeting.getDateEnd().getValue()).isEqualTo(Date.from(date.atTime(5, 12).toInstant(ZoneOffset.UTC)));

        HttpResponse<String> csv = service.get("/api/sessions/" + sessionId + "/schedule.csv", facilitator);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().skip(1).toList()).singleElement().asString().startsWith("1;09:00;09:12;1;");
        HttpResponse<String> print = service.get("/api/sessions/" + sessionId + "/print", facilitator);
        assertThat(print.statusCode()).isEqualTo(200);
        assertThat(print.body()).contains("<td>09:00–09:12</td>");
    }

    /** Actors of Grenoble published to the profile topic, once the service knows them. */
    private static List<String> freshActors(String... names) {
        return freshActorsIn("38185", names);
    }

    /** Actors of a commune published to the profile topic, once the service knows them. */
    private static List<String> freshActorsIn(String commune, String... names) {
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            String id = "actor-" + UUID.randomUUID();
            ids.add(id);
            publisher.publish(id, 0, new ActorRegisteredEvent(id, name, ActorType.ASSOCIATION, commune, Set.of(),
                    Set.of(), name, Instant.now()));
        }
        // The index (rankings) and the actors' entries (who may act for them, names for the imports) follow the topic
        // on consumers of their own: wait for both.
        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(service.get("/api/actors/" + id + "/partners").statusCode()).isEqualTo(200);
                assertThat(mongo.template().findById(id, ActorEntry.class)).as(id).isNotNull();
            }
        });
        return ids;
    }

    private static void register(String sessionId, String... actors) {
        for (String actor : actors) {
            assertThat(service.post("/api/sessions/" + sessionId + "/participants", FACILITATOR,
                    "{\"actorId\": \"%s\"}".formatted(actor)).statusCode()).isEqualTo(204);
        }
    }

    /** Generates, publishes, checks everyone in, runs every round and closes. */
    private static void runEveryRound(String sessionId, int rounds, String... present) {
        HttpResponse<String> generated = service.post("/api/sessions/" + sessionId + "/schedule/generate",
                FACILITATOR, "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        for (String actor : present) {
            assertThat(service.post("/api/sessions/" + sessionId + "/check-ins", FACILITATOR,
                    "{\"actorId\": \"%s\"}".formatted(actor)).statusCode()).isEqualTo(204);
        }
        for (int round = 1; round <= rounds; round++) {
            assertThat(service.post("/api/sessions/" + sessionId + "/rounds/" + round + "/start", FACILITATOR, "")
                    .statusCode()).isEqualTo(204);
        }
        assertThat(service.post("/api/sessions/" + sessionId + "/close", FACILITATOR, "").statusCode())
                .isEqualTo(204);
    }

    /** The pairs a schedule view seats. */
    private static List<Set<String>> pairsOf(JsonNode schedule) {
        List<Set<String>> pairs = new ArrayList<>();
        for (JsonNode table : schedule.findParents("partner")) {
            pairs.add(Set.of(table.path("actor").path("actorId").asText(),
                    table.path("partner").path("actorId").asText()));
        }
        return pairs;
    }

    private static String plan(String token, int rounds, int tables) {
        HttpResponse<String> response = service.post("/api/sessions", token, planBody(rounds, tables));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RunningMatchmaking.parse(response.body()).path("id").asText();
    }

    private static String planBody(int rounds, int tables) {
        return """
                {"title": "Rencontres de l'emploi", "territory": {"code": "38", "level": "DEPARTEMENT"},
                 "place": "Maison des associations, Grenoble", "date": "%s", "startsAt": "09:00",
                 "rounds": %d, "minutesPerRound": 12, "tables": %d}""".formatted(LocalDate.now().plusDays(7), rounds,
                tables);
    }

    private static String planJson(String code, String level, String date, long rounds, long minutesPerRound,
                                   long tables) {
        return """
                {"title": "Rencontres de l'emploi", "territory": {"code": "%s", "level": "%s"},
                 "place": "Maison des associations, Grenoble", "date": "%s", "startsAt": "09:00",
                 "rounds": %d, "minutesPerRound": %d, "tables": %d}""".formatted(code, level, date, rounds,
                minutesPerRound, tables);
    }

    private static HttpResponse<String> wish(String token, String sessionId, String actor, String wished) {
        return service.post("/api/sessions/" + sessionId + "/wishes", token,
                "{\"actorId\": \"%s\", \"wishedActorId\": \"%s\"}".formatted(actor, wished));
    }

    private static HttpResponse<String> withdrawWish(String token, String sessionId, String actor, String wished) {
        return service.delete("/api/sessions/" + sessionId + "/wishes/" + actor + "/" + wished, token);
    }

    private static JsonNode find(JsonNode pairs, String a, String b) {
        for (JsonNode pair : pairs) {
            String x = pair.path("actorId").asText();
            String y = pair.path("partnerActorId").asText();
            if (x.equals(a) && y.equals(b) || x.equals(b) && y.equals(a)) return pair;
        }
        throw new AssertionError("no pair " + a + " / " + b + " in " + pairs);
    }

    /** The id of the introduction a meeting of these two makes at this session, written out as the service derives it. */
    private static String speedMeetingIntroduction(String sessionId, String x, String y) {
        String a = x.compareTo(y) < 0 ? x : y;
        String b = a.equals(x) ? y : x;
        return UUID.nameUUIDFromBytes(("speed-meeting|" + sessionId + "|" + a + "|" + b)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
