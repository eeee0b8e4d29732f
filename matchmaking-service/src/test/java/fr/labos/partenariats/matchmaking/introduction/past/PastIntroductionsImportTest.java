package fr.labos.partenariats.matchmaking.introduction.past;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A lab brings its past introductions from its spreadsheet, on real infrastructure (PostgreSQL event store, Kafka,
 * MongoDB's wire protocol) with real tokens: they are recorded with their own dates, reach the timelines and the
 * dashboards' months through the relay, keep in their history who recorded them and when; the same file sent again
 * records nothing more; a file with one bad line, or a line out of the facilitator's territories, writes nothing.
 */
class PastIntroductionsImportTest {

    private static final ZoneId PARIS = LabCalendar.ZONE;
    /** The columns of a lab's spreadsheet of past introductions, as the import reads them. */
    private static final String HEADER = "acteur;partenaire;proposée le;acceptée le;déclinée le;déclinée par;"
            + "raison du refus;rencontre le;suite;suite le;forme;catégorie;fin du partenariat le;note";
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static InMemoryMongo mongo;
    private static ProfileEventPublisher profiles;
    private static RunningMatchmaking service;
    private static EventStoreRows store;

    @BeforeAll
    static void start() {
        String profileTopic = SharedKafka.newTopic("it.past.profile.events");
        String topic = SharedKafka.newTopic("it.past.matchmaking.events");
        mongo = InMemoryMongo.start();
        profiles = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
        Instant registered = Instant.parse("2025-01-06T10:00:00Z");
        profiles.publish("past-a", 0, new ActorRegisteredEvent("past-a", "Tremplin Insertion", ActorType.ASSOCIATION,
                "38185", Set.of(), Set.of(), "Insertion", registered));
        profiles.publish("past-b", 0, new ActorRegisteredEvent("past-b", "Fonds Alpes Solidarités", ActorType.FOUNDATION,
                "38151", Set.of(), Set.of(), "Mécénat", registered));
        profiles.publish("past-c", 0, new ActorRegisteredEvent("past-c", "Ville d'Échirolles", ActorType.MUNICIPALITY,
                "38151", Set.of(), Set.of(), "Commune", registered));
        profiles.publish("past-savoie", 0, new ActorRegisteredEvent("past-savoie", "Mobilité Savoie",
                ActorType.ASSOCIATION, "73065", Set.of(), Set.of(), "Savoie", registered));
        profiles.publish("past-chambery", 0, new ActorRegisteredEvent("past-chambery", "Ville de Chambéry",
                ActorType.MUNICIPALITY, "73065", Set.of(), Set.of(), "Commune", registered));
        // Two actors of one name, in two towns: a file that names them by it must say which.
        profiles.publish("past-ml-grenoble", 0, new ActorRegisteredEvent("past-ml-grenoble", "Mission locale",
                ActorType.ASSOCIATION, "38185", Set.of(), Set.of(), "Jeunes", registered));
        profiles.publish("past-ml-voiron", 0, new ActorRegisteredEvent("past-ml-voiron", "Mission locale",
                ActorType.ASSOCIATION, "38563", Set.of(), Set.of(), "Jeunes", registered));
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), profileTopic, "it-past",
                "lab.relay.topic=" + topic, "matchmaking.introduction-views.topic=" + topic,
                "matchmaking.introduction-views.group-id=it-past", "matchmaking.dashboard.refresh=100ms");
        store = new EventStoreRows(service.databaseUrl());
        await().atMost(ofSeconds(60)).until(() -> List.of("past-a", "past-b", "past-c", "past-savoie", "past-chambery",
                        "past-ml-grenoble", "past-ml-voiron")
                .stream().allMatch(id -> service.get("/api/actors/" + id + "/introductions").statusCode() == 200));
    }

    @AfterAll
    static void stop() {
        service.close();
        profiles.close();
        mongo.close();
    }

    private static String day(LocalDate day) {
        return day.format(FRENCH);
    }

    private static HttpResponse<String> send(String token, String csv) {
        return service.postBytes("/api/introductions/past", token, "text/csv",
                ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLabsPastIntroductionsAreRecordedWithTheirDatesAndReachItsDashboardsMonths() {
        LocalDate today = LocalDate.now(PARIS);
        LocalDate eightMonthsAgo = today.minusMonths(8);
        LocalDate fiveMonthsAgo = today.minusMonths(5);
        LocalDate threeMonthsAgo = today.minusMonths(3);
        LocalDate threeDaysAgo = today.minusDays(3);
        String csv = String.join("\r\n",
                "acteur;partenaire;proposée le;acceptée le;déclinée le;déclinée par;raison du refus;rencontre le;"
                        + "suite;suite le;forme;catégorie;fin du partenariat le;note",
                "past-a;past-b;%s;%s;;;;%s;partenariat conclu;%s;apport de ressources;Financement;%s;Forum des associations"
                        .formatted(day(eightMonthsAgo), day(eightMonthsAgo.plusDays(7)), day(eightMonthsAgo.plusDays(30)),
                                day(eightMonthsAgo.plusMonths(2)), day(eightMonthsAgo.plusMonths(6))),
                "past-a;past-c;%s;;%s;partenaire;pas maintenant;;;;;;;".formatted(day(fiveMonthsAgo),
                        day(fiveMonthsAgo.plusDays(4))),
                "past-b;past-c;%s;;;;;;;;;;;Sans réponse".formatted(threeMonthsAgo),
                "past-c;past-a;%s;;;;;;;;;;;Proposée au dernier comité".formatted(day(threeDaysAgo)), "");
        long deadlinesBefore = store.pendingDeadlines();
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38");

        HttpResponse<String> imported = send(facilitator.sign(), csv);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = RunningMatchmaking.parse(imported.body());
        assertThat(report.path("recorded").asInt()).isEqualTo(4);
        List<String> ids = new ArrayList<>();
        report.path("lines").forEach(line -> ids.add(line.path("introductionId").asText()));
        assertThat(report.path("lines").findValuesAsText("line")).containsExactly("2", "3", "4", "5");
        assertThat(report.path("lines").get(0).path("actorName").asText()).isEqualTo("Tremplin Insertion");
        assertThat(report.path("lines").get(0).path("partnerName").asText()).isEqualTo("Fonds Alpes Solidarités");
        assertThat(report.path("lines").findValuesAsText("label")).containsOnly("reprise");
        assertThat(store.eventTypes(ids.get(0))).containsExactly("IntroductionProposedEvent",
                "IntroductionAcceptedEvent", "IntroductionAcceptedEvent", "MeetingScheduledEvent", "MeetingHeldEvent",
                "OutcomeRecordedEvent", "OutcomeRecordedEvent");
        // The category as the console names it (« Financement »), as the sentences do (« un financement ») or by code.
        assertThat(RunningMatchmaking.parse(store.payloads(ids.get(0)).get(5)).path("category").asText()).isEqualTo("FUNDING");
        assertThat(store.eventTypes(ids.get(1))).containsExactly("IntroductionProposedEvent", "IntroductionDeclinedEvent");
        assertThat(store.eventTypes(ids.get(2))).as("unanswered past its answer period")
                .containsExactly("IntroductionProposedEvent", "IntroductionExpiredEvent");
        assertThat(store.eventTypes(ids.get(3))).as("still within its answer period")
                .containsExactly("IntroductionProposedEvent");
        assertThat(store.pendingDeadlines()).as("the open one waits for its answers").isEqualTo(deadlinesBefore + 1);

        await().atMost(ofSeconds(30)).untilAsserted(() -> {
            assertThat(service.getJson("/api/introductions/" + ids.get(2)).path("status").asText()).isEqualTo("expired");
            assertThat(service.getJson("/api/introductions/" + ids.get(1)).path("status").asText()).isEqualTo("declined");
            JsonNode months = service.getJson("/api/dashboard/periods?granularity=month");
            // Every month of the axis has its row, zeros included: the months of these proposals have proposals.
            List<String> proposing = new ArrayList<>();
            months.path("rows").forEach(row -> {
                if (row.path("counts").path("proposed").asInt() > 0) proposing.add(row.path("key").asText());
            });
            assertThat(proposing).contains(YearMonth.from(eightMonthsAgo).toString(),
                    YearMonth.from(fiveMonthsAgo).toString(), YearMonth.from(threeMonthsAgo).toString());
        });
        JsonNode inbox = service.getJson("/api/actors/past-a/introductions");
        assertThat(inbox.path("introductions").findValuesAsText("id")).contains(ids.get(0), ids.get(1), ids.get(3));

        // Its history says when it was recorded and by whom; its payload, when it happened.
        JsonNode proposal = service.getJson("/api/introductions/" + ids.get(0) + "/history").path("steps").get(0);
        assertThat(proposal.path("who").path("subject").asText()).isEqualTo(facilitator.subject());
        assertThat(proposal.path("who").path("actingFor").isNull() || proposal.path("who").path("actingFor").isMissingNode())
                .as("a facilitator bringing the lab's records acts for neither side").isTrue();
        assertThat(LocalDate.ofInstant(Instant.parse(proposal.path("when").asText()), PARIS)).isEqualTo(today);
        assertThat(LocalDate.ofInstant(Instant.parse(proposal.path("grounds").path("proposedAt").asText()), PARIS))
                .isEqualTo(eightMonthsAgo);
        assertThat(service.getJson("/api/introductions/" + ids.get(0) + "/verification").path("holds").asBoolean())
                .isTrue();

        // Sent again (an import interrupted, a double click): nothing more is written.
        long events = store.events();
        HttpResponse<String> again = send(facilitator.sign(), csv);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(RunningMatchmaking.parse(again.body()).path("recorded").asInt()).isZero();
        assertThat(RunningMatchmaking.parse(again.body()).path("alreadyRecorded").asInt()).isEqualTo(4);
        assertThat(store.events()).isEqualTo(events);
    }

    @Test
    void aSpreadsheetNamesItsActorsByTheirNamesAsALabWritesThem() {
        LocalDate sevenMonthsAgo = LocalDate.now(PARIS).minusMonths(7).minusDays(3);
        LocalDate sixMonthsAgo = LocalDate.now(PARIS).minusMonths(6).minusDays(3);
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        long events = store.events();

        // Case, accents and apostrophes as a person types them; the side that declined by its name. (The first one
        // came to nothing: carried on, it would hold its pair, and the other tests' lines could not wait beside it.)
        HttpResponse<String> imported = send(facilitator, String.join("\r\n", HEADER,
                "tremplin insertion;VILLE D’ECHIROLLES;%s;%s;;;;;pas de suite;%s;;;;".formatted(day(sevenMonthsAgo),
                        day(sevenMonthsAgo.plusDays(3)), day(sevenMonthsAgo.plusDays(20))),
                "Fonds Alpes  Solidarités;Tremplin Insertion;%s;;%s;Tremplin insertion;pas maintenant;;;;;;;"
                        .formatted(day(sixMonthsAgo), day(sixMonthsAgo.plusDays(2)))));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode lines = RunningMatchmaking.parse(imported.body()).path("lines");
        assertThat(lines.findValuesAsText("actorId")).containsExactly("past-a", "past-b");
        assertThat(lines.findValuesAsText("partnerId")).containsExactly("past-c", "past-a");
        assertThat(lines.get(0).path("partnerName").asText()).isEqualTo("Ville d'Échirolles");
        String declined = lines.get(1).path("introductionId").asText();
        assertThat(store.eventTypes(declined)).containsExactly("IntroductionProposedEvent", "IntroductionDeclinedEvent");
        assertThat(RunningMatchmaking.parse(store.payloads(declined).get(1)).path("actorId").asText())
                .as("declined by the side named « Tremplin insertion »").isEqualTo("past-a");

        // The same introductions, now named by their ids (the first with its two actors the other way round), in a
        // longer file (as after an import cut short): the same ones, recorded already; only the new line is recorded.
        HttpResponse<String> byIds = send(facilitator, String.join("\r\n", HEADER,
                "past-c;past-a;%s;%s;;;;;pas de suite;%s;;;;".formatted(day(sevenMonthsAgo),
                        day(sevenMonthsAgo.plusDays(3)), day(sevenMonthsAgo.plusDays(20))),
                "past-b;past-a;%s;;%s;acteur;pas maintenant;;;;;;;".formatted(day(sixMonthsAgo),
                        day(sixMonthsAgo.plusDays(2))),
                "past-c;past-b;%s;;%s;partenaire;pas pertinent;;;;;;;".formatted(day(sixMonthsAgo),
                        day(sixMonthsAgo.plusDays(1)))));
        assertThat(byIds.statusCode()).as(byIds.body()).isEqualTo(200);
        assertThat(RunningMatchmaking.parse(byIds.body()).path("alreadyRecorded").asInt()).isEqualTo(2);
        assertThat(RunningMatchmaking.parse(byIds.body()).path("recorded").asInt()).isEqualTo(1);
        assertThat(RunningMatchmaking.parse(byIds.body()).path("lines").findValuesAsText("result"))
                .containsExactly("ALREADY_RECORDED", "ALREADY_RECORDED", "RECORDED");
        assertThat(store.events()).as("an acceptance on both sides and its outcome, two proposals declined").isEqualTo(events + 4 + 2 + 2);

        // A name two actors share, and one no actor has: the file says which ids to choose from, and writes nothing.
        long before = store.events();
        HttpResponse<String> ambiguous = send(facilitator, String.join("\r\n", HEADER,
                "Mission Locale;Tremplin Insertion;%s;;;;;;;;;;;".formatted(day(sixMonthsAgo.plusDays(10))),
                "Tremplin Insertion;Régie de quartier;%s;;;;;;;;;;;".formatted(day(sixMonthsAgo.plusDays(10)))));
        assertThat(ambiguous.statusCode()).as(ambiguous.body()).isEqualTo(400);
        JsonNode errors = RunningMatchmaking.parse(ambiguous.body()).path("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("ligne 2, acteur", "ligne 3, partenaire");
        assertThat(errors.get(0).path("message").asText()).contains("2 acteurs", "past-ml-grenoble", "past-ml-voiron");
        assertThat(errors.get(1).path("message").asText()).contains("Régie de quartier");
        assertThat(store.events()).as("nothing of the file is written").isEqualTo(before);
    }

    /**
     * French Excel's plain « CSV (séparateur : point-virgule) » is Windows-1252, the format a lab's spreadsheet is most
     * often saved in: its accented names find their actors and its notes keep their letters.
     */
    @Test
    void aSpreadsheetSavedInWindows1252IsReadWithItsAccents() {
        LocalDate tenMonthsAgo = LocalDate.now(PARIS).minusMonths(10);
        byte[] windows1252 = String.join("\r\n", HEADER,
                        "Fonds Alpes Solidarités;Ville d'Échirolles;%s;;%s;partenaire;pas maintenant;;;;;;;Réunion à Échirolles"
                                .formatted(day(tenMonthsAgo), day(tenMonthsAgo.plusDays(2))))
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        HttpResponse<String> imported = service.postBytes("/api/introductions/past",
                TestTokens.facilitator("DEPARTEMENT:38").sign(), "text/csv", windows1252);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode line = RunningMatchmaking.parse(imported.body()).path("lines").get(0);
        assertThat(line.path("actorId").asText()).isEqualTo("past-b");
        assertThat(line.path("partnerId").asText()).isEqualTo("past-c");
        String id = line.path("introductionId").asText();
        assertThat(store.eventTypes(id)).containsExactly("IntroductionProposedEvent", "IntroductionDeclinedEvent");
        assertThat(RunningMatchmaking.parse(store.payloads(id).get(0)).path("note").asText())
                .isEqualTo("Réunion à Échirolles");
    }

    @Test
    void aRecentLineLeftUnansweredHoldsItsPairAndOneThatWouldWaitBesideAnotherIsRefused() {
        LocalDate today = LocalDate.now(PARIS);
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        HttpResponse<String> waiting = send(facilitator, String.join("\n", HEADER,
                "past-b;past-c;%s;;;;;;;;;;;Proposée au comité".formatted(day(today.minusDays(2)))));
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);
        String held = RunningMatchmaking.parse(waiting.body()).path("lines").get(0).path("introductionId").asText();
        long events = store.events();

        // Another introduction of the same two actors waiting for its answers: refused, as a proposal made today is.
        HttpResponse<String> besideIt = send(facilitator, String.join("\n", HEADER,
                "past-c;past-b;%s;;;;;;;;;;;".formatted(day(today.minusDays(1)))));
        assertThat(besideIt.statusCode()).as(besideIt.body()).isEqualTo(400);
        JsonNode errors = RunningMatchmaking.parse(besideIt.body()).path("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("ligne 2, proposée le");
        assertThat(errors.get(0).path("message").asText()).contains("est déjà en cours").contains(held);

        // Two lines of one file that would both wait for the same pair: the second is refused, nothing is recorded.
        HttpResponse<String> twice = send(facilitator, String.join("\n", HEADER,
                "past-ml-grenoble;past-ml-voiron;%s;;;;;;;;;;;".formatted(day(today.minusDays(5))),
                "past-ml-voiron;past-ml-grenoble;%s;;;;;;;;;;;".formatted(day(today.minusDays(4)))));
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
        JsonNode twiceErrors = RunningMatchmaking.parse(twice.body()).path("errors");
        assertThat(twiceErrors.findValuesAsText("field")).containsExactly("ligne 3, proposée le");
        assertThat(twiceErrors.get(0).path("message").asText()).contains("déjà à la ligne 2");
        assertThat(store.events()).as("nothing of the refused files is written").isEqualTo(events);

        // An answered line waits for nothing and holds no pair: recorded beside the introduction in progress.
        HttpResponse<String> answered = send(facilitator, String.join("\n", HEADER,
                "past-c;past-b;%s;%s;;;;;;;;;;".formatted(day(today.minusDays(9)), day(today.minusDays(8)))));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(RunningMatchmaking.parse(answered.body()).path("recorded").asInt()).isEqualTo(1);

        // The waiting line withdrawn since, and the pair introduced again: the first file sent again (to finish an
        // import cut short) reports its line as recorded already, instead of refusing the file for a pair that line
        // no longer holds.
        String firstFile = String.join("\n", HEADER,
                "past-b;past-c;%s;;;;;;;;;;;Proposée au comité".formatted(day(today.minusDays(2))));
        HttpResponse<String> withdrawn = service.post("/api/introductions/" + held + "/withdraw",
                TestTokens.admin().sign(), "{}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(204);
        HttpResponse<String> again = send(facilitator, String.join("\n", HEADER,
                "past-c;past-b;%s;;;;;;;;;;;".formatted(day(today.minusDays(1)))));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        HttpResponse<String> resent = send(facilitator, firstFile);
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        assertThat(RunningMatchmaking.parse(resent.body()).path("lines").findValuesAsText("result"))
                .containsExactly("ALREADY_RECORDED");
    }

    /**
     * A line accepted long ago and carried on since (no outcome closed it) holds its pair once recorded: a line of the
     * same two actors that would wait for its answers, before it in the file or after it, is a problem of the file, and
     * nothing of it is recorded (else the first would be recorded and the second refused for a pair it holds).
     */
    @Test
    void aLineThatWouldWaitBesideOneAcceptedAndCarriedOnIsAProblemOfTheFile() {
        LocalDate today = LocalDate.now(PARIS);
        LocalDate nineMonthsAgo = today.minusMonths(9);
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        long events = store.events();

        HttpResponse<String> refused = send(facilitator, String.join("\n", HEADER,
                "past-ml-grenoble;past-b;%s;;;;;;;;;;;".formatted(day(today.minusDays(3))),
                "past-b;past-ml-grenoble;%s;%s;;;;;;;;;;".formatted(day(nineMonthsAgo), day(nineMonthsAgo.plusDays(5)))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode errors = RunningMatchmaking.parse(refused.body()).path("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("ligne 2, proposée le");
        assertThat(errors.get(0).path("message").asText()).isEqualTo("« Mission locale » et « Fonds Alpes Solidarités » "
                + "ont à la ligne 3 une mise en relation acceptée, toujours en cours : notez-en la suite, ou retirez "
                + "cette ligne");
        assertThat(store.events()).as("nothing of the file is written").isEqualTo(events);
    }

    @Test
    void aFileWithABadLineOrALineOutOfReachWritesNothingAndSaysWhereAndWhy() {
        LocalDate today = LocalDate.now(PARIS);
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        long events = store.events();

        HttpResponse<String> refused = send(facilitator, String.join("\n", HEADER,
                "past-a;past-b;%s;;;;;;;;;;;".formatted(day(today.minusMonths(2))),
                "past-a;past-c;31/02/2025;;;;;;;;;;;",
                "past-a;inconnu;%s;;;;;;;;;;;".formatted(day(today.minusMonths(2))),
                "past-b;past-c;%s;%s;;;;;;;;;%s;".formatted(day(today.minusMonths(6)), day(today.minusMonths(6)),
                        day(today.minusMonths(1))),
                "past-c;past-b;%s;;;;;;;;;;;".formatted(day(today.plusDays(2))),
                "past-b;past-a;%s;%s;%s;acteur;concurrent;;;;;;;".formatted(day(today.minusMonths(4)),
                        day(today.minusMonths(4)), day(today.minusMonths(4))),
                "past-a;past-b;%s;;;;;;;;;;;".formatted(today.minusMonths(2)),
                "past-c;past-a;%s;%s;;partenaire;;;;;;;;".formatted(day(today.minusMonths(7)),
                        day(today.minusMonths(7)))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = RunningMatchmaking.parse(refused.body());
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("ligne 3, proposée le",
                "ligne 4, partenaire", "ligne 5, fin du partenariat le", "ligne 6, proposée le", "ligne 7, déclinée le",
                "ligne 8, proposée le", "ligne 9, déclinée le");
        assertThat(problem.path("errors").get(5).path("message").asText()).contains("déjà à la ligne 2");
        assertThat(store.events()).as("nothing of the file is written").isEqualTo(events);

        HttpResponse<String> outOfReach = send(facilitator, String.join("\n", HEADER,
                "past-a;past-b;%s;;;;;;;;;;;".formatted(day(today.minusMonths(1))),
                "past-savoie;past-chambery;%s;;;;;;;;;;;".formatted(day(today.minusMonths(1)))));
        assertThat(outOfReach.statusCode()).as(outOfReach.body()).isEqualTo(403);
        assertThat(RunningMatchmaking.parse(outOfReach.body()).path("detail").asText()).contains("ligne 3")
                .contains("Mobilité Savoie").doesNotContain("ligne 2");
        // Between an actor of Isère and one of Savoie, the facilitator of Isère records that they were introduced and
        // the answer of the actor of Isère, not one of the actor of Savoie: both sides' acceptance opens each one's
        // contact person to the other's members.
        HttpResponse<String> answerOutOfReach = send(facilitator, String.join("\n", HEADER,
                "past-a;past-savoie;%s;;;;;;;;;;;".formatted(day(today.minusMonths(5))),
                "past-a;past-savoie;%s;%s;;;;;;;;;;".formatted(day(today.minusMonths(4)), day(today.minusMonths(4))),
                "past-savoie;past-a;%s;;%s;partenaire;pas maintenant;;;;;;;".formatted(day(today.minusMonths(3)),
                        day(today.minusMonths(3))),
                "past-a;past-savoie;%s;;%s;partenaire;pas maintenant;;;;;;;".formatted(day(today.minusMonths(2)),
                        day(today.minusMonths(2)))));
        assertThat(answerOutOfReach.statusCode()).as(answerOutOfReach.body()).isEqualTo(403);
        assertThat(RunningMatchmaking.parse(answerOutOfReach.body()).path("detail").asText())
                .contains("ligne 3 : « Mobilité Savoie » n'est pas dans les territoires que vous animez : sa réponse "
                        + "(acceptation)")
                .contains("ligne 5 : « Mobilité Savoie » n'est pas dans les territoires que vous animez : sa réponse "
                        + "(refus)")
                .doesNotContain("ligne 2").doesNotContain("ligne 4");
        assertThat(send(TestTokens.member("past-a").sign(), String.join("\n", HEADER,
                "past-a;past-b;%s;;;;;;;;;;;".formatted(day(today.minusMonths(1))))).statusCode()).isEqualTo(403);
        // A Mac's plain « CSV » (Mac Roman) reads « é » as « Ž » in Windows-1252: refused at its first line that has
        // one, the header's « proposée le ».
        HttpResponse<String> notUtf8 = service.postBytes("/api/introductions/past", facilitator, "text/csv",
                (HEADER + "\npast-a;past-b;01/02/2026;;;;;;;;;;;Réunion à Échirolles")
                        .getBytes(java.nio.charset.Charset.forName("x-MacRoman")));
        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(RunningMatchmaking.parse(notUtf8.body()).path("errors").findValuesAsText("message"))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("(« Ž » (ligne 1), sans doute une lettre accentuée)");
        assertThat(store.events()).as("nothing written by any refused file").isEqualTo(events);
    }

    /**
     * What the API refuses, a file is refused too, naming the line and the column, and nothing is written: a note of
     * 600,000 backslashes (an event over the largest record the broker takes once written as JSON, which held back
     * every event after it), a year typed « 0205 ». Whatever a cell holds, the answer quotes at most its start.
     */
    @Test
    void anOverlongNoteOrAnAbsurdYearIsRefusedByLineAndColumnAndTheAnswerQuotesNoWholeCell() {
        LocalDate today = LocalDate.now(PARIS);
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        SoftAssertions softly = new SoftAssertions();
        long events = store.events();

        // Lines the file's own reading takes: only the introduction's rules refuse them.
        HttpResponse<String> refused = send(facilitator, String.join("\n", HEADER,
                "past-a;past-b;%s;%s;;;;;;;;;;%s".formatted(day(today.minusMonths(3)), day(today.minusMonths(3)),
                        "\\".repeat(600_000)),
                "past-b;past-c;15/09/0205;;;;;;;;;;;"));

        softly.assertThat(refused.statusCode()).as(refused.body().substring(0, Math.min(2000, refused.body().length())))
                .isEqualTo(400);
        JsonNode errors = RunningMatchmaking.parse(refused.body()).path("errors");
        softly.assertThat(errors.findValuesAsText("field")).containsExactly("ligne 2, note", "ligne 3, proposée le");
        softly.assertThat(errors.path(0).path("message").asText()).contains("au plus 2000 caractères", "600000");
        softly.assertThat(errors.path(1).path("message").asText()).contains("2000", "0205-09-15");
        softly.assertThat(store.events()).as("nothing of the file is written").isEqualTo(events);

        // Cells quoted back: an actor, a date, a value, a name two actors share (its spaces, which names are compared
        // without, making it long).
        long before = store.events();
        String huge = "x".repeat(100_000);
        HttpResponse<String> quoted = send(facilitator, String.join("\n", HEADER,
                "past-a;%s;%s;;;;;;;;;;;".formatted(huge, day(today.minusMonths(2))),
                "past-a;past-c;%s;;;;;;;;;;;".formatted(huge),
                "past-c;past-b;%s;%s;;;;;%s;;;;;".formatted(day(today.minusMonths(2)), day(today.minusMonths(2)), huge),
                "Mission%slocale;past-a;%s;;;;;;;;;;;".formatted(" ".repeat(100_000), day(today.minusMonths(2)))));

        softly.assertThat(quoted.statusCode()).isEqualTo(400);
        softly.assertThat(quoted.body().length()).as("no cell sent back whole").isLessThan(5_000);
        JsonNode cells = RunningMatchmaking.parse(quoted.body()).path("errors");
        softly.assertThat(cells.findValuesAsText("field")).containsExactly("ligne 2, partenaire", "ligne 3, proposée le",
                "ligne 4, suite", "ligne 5, acteur");
        for (int i = 0; i < 3; i++) {
            softly.assertThat(cells.path(i).path("message").asText()).as(cells.path(i).path("field").asText())
                    .contains("x".repeat(80) + "…").doesNotContain("x".repeat(81));
        }
        softly.assertThat(cells.path(3).path("message").asText()).as("ligne 5")
                .contains("2 acteurs", "past-ml-grenoble").hasSizeLessThan(300);
        softly.assertThat(store.events()).as("nothing of the file is written").isEqualTo(before);
        softly.assertAll();
    }
}
