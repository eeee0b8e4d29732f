package fr.labos.partenariats.matchmaking.introduction.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.IntroductionStories;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The facilitators' follow-up list ({@code GET /api/introductions}) over introduction views fed through a real Kafka
 * broker into MongoDB's wire protocol: who reads which introductions, what is to follow up and in which order, filters
 * and pages. The stories are dated from today, as the service's clock is the real one: at noon in Paris, so that the
 * days a line counts (« il y a 120 jours ») are the same whatever the hour the test runs at and whichever clock change
 * lies between (a story dated by the hour, 22:15 UTC in December less 120 days, fell on the next Paris day in August).
 */
class FollowUpListTest {

    static final String TREMPLIN = "f-tremplin";    // association, Grenoble (Isère)
    static final String CHAMBERY = "f-chambery";    // commune, Chambéry (Savoie)
    static final String IMPRIMERIE = "f-imprimerie"; // company, Voiron (Isère)
    static final String ANNECY = "f-annecy";        // association, Annecy (Haute-Savoie)

    private static final ObjectMapper JSON = new ObjectMapper();
    private static InMemoryMongo mongo;
    private static ProfileEventPublisher kafka;
    private static RunningMatchmaking service;

    @BeforeAll
    static void start() {
        String profileTopic = SharedKafka.newTopic("it.follow-up.profile.events");
        String topic = SharedKafka.newTopic("it.follow-up.matchmaking.events");
        mongo = InMemoryMongo.start();
        kafka = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
        LocalDate today = LabCalendar.today(Clock.systemUTC());
        Instant now = LabCalendar.startOf(today).plus(ofHours(12));
        Instant registered = now.minus(ofDays(400));
        kafka.publish(TREMPLIN, 0, new ActorRegisteredEvent(TREMPLIN, "Association Tremplin", ActorType.ASSOCIATION,
                "38185", Set.of(), Set.of(), "Insertion", registered));
        kafka.publish(CHAMBERY, 0, new ActorRegisteredEvent(CHAMBERY, "Ville de Chambéry", ActorType.MUNICIPALITY,
                "73065", Set.of(), Set.of(), "Commune", registered));
        kafka.publish(IMPRIMERIE, 0, new ActorRegisteredEvent(IMPRIMERIE, "Imprimerie du Voironnais", ActorType.COMPANY,
                "38563", Set.of(), Set.of(), "Imprimerie", registered));
        kafka.publish(ANNECY, 0, new ActorRegisteredEvent(ANNECY, "Association d'Annecy", ActorType.ASSOCIATION,
                "74010", Set.of(), Set.of(), "Annecy", registered));
        IntroductionStories stories = new IntroductionStories()
                // Its answer due in 12 days: nothing to follow yet.
                .waiting("f-wait-later", IMPRIMERIE, TREMPLIN, now.minus(ofDays(2)), ofDays(14))
                // Due within three days: to follow, the sooner first.
                .waiting("f-wait-soon", TREMPLIN, CHAMBERY, now.minus(ofDays(12)), ofDays(14))
                .waiting("f-wait-sooner", CHAMBERY, IMPRIMERIE, now.minus(ofDays(13)), ofDays(14))
                // A facilitator called the printer yesterday about it: still to follow, and the line says so.
                .reminded("f-wait-sooner", IMPRIMERIE, now.minus(ofDays(1)))
                // Accepted 45 days ago, no meeting since; and accepted 10 days ago (not yet to follow).
                .accepted("f-accepted-quiet", TREMPLIN, IMPRIMERIE, now.minus(ofDays(50)), ofDays(5))
                .accepted("f-accepted-recent", CHAMBERY, TREMPLIN, now.minus(ofDays(11)), ofDays(1))
                // Accepted 60 days ago, a meeting planned yesterday for next week: nothing to follow.
                .accepted("f-accepted-planned", IMPRIMERIE, ANNECY, now.minus(ofDays(61)), ofDays(1))
                .planned("f-accepted-planned", now.minus(ofDays(1)), now.plus(ofDays(6)))
                // Met 120 days ago, no outcome since.
                .accepted("f-met-quiet", IMPRIMERIE, CHAMBERY, now.minus(ofDays(130)), ofDays(2))
                .met("f-met-quiet", now.minus(ofDays(120)))
                // A follow-up planned 200 days ago, nothing since.
                .accepted("f-follow-quiet", CHAMBERY, TREMPLIN, now.minus(ofDays(260)), ofDays(2))
                .met("f-follow-quiet", now.minus(ofDays(240)))
                .outcome("f-follow-quiet", Outcome.FOLLOW_UP_PLANNED, today.minusDays(200), now.minus(ofDays(200)))
                // Between Savoie and Haute-Savoie only: not the facilitator of Isère's.
                .waiting("f-savoie", CHAMBERY, ANNECY, now.minus(ofDays(13)), ofDays(14));
        stories.events().forEach(told -> kafka.send(told.record(topic)));
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), profileTopic, "it-follow-up-profile",
                "matchmaking.introduction-views.topic=" + topic, "matchmaking.introduction-views.group-id=it-follow-up",
                // A lab's own days for one rule: the follow-up planned 200 days ago is to follow on its 200th day.
                "lab.introductions.follow-up.follow-up-quiet-after-days=200",
                // Files of 8 lines at most: the lab's 9 introductions are one too many.
                "lab.introductions.follow-up.max-file-lines=8",
                // The backlog's gauge recomputed every second (every minute by default).
                "lab.introductions.follow-up.metrics-refresh=1s");
        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            JsonNode all = service.getJson("/api/introductions");
            assertThat(all.path("total").asInt()).isEqualTo(9);
            // The actors in the projection too (their names on every line): a facilitator's list is that of the
            // actors of its territories, which the projection knows.
            assertThat(all.path("introductions").findValues("actor")).hasSize(9)
                    .allSatisfy(actor -> assertThat(actor.path("name").isTextual()).as(actor.toString()).isTrue());
            assertThat(all.path("introductions").findValues("partner"))
                    .allSatisfy(actor -> assertThat(actor.path("name").isTextual()).as(actor.toString()).isTrue());
        });
    }

    @AfterAll
    static void stop() {
        service.close();
        kafka.close();
        mongo.close();
    }

    @Test
    void theFacilitatorOfIsereFollowsItsIntroductionsThoseToFollowUpFirstEachWithWhy() throws Exception {
        JsonNode list = read(service.get("/api/introductions", TestTokens.facilitator("DEPARTEMENT:38").sign()), 200);
        assertThat(ids(list)).as("answers due first, the sooner first; then the longest quiet; then the latest step")
                .containsExactly("f-wait-sooner", "f-wait-soon", "f-follow-quiet", "f-met-quiet", "f-accepted-quiet",
                        "f-accepted-planned", "f-wait-later", "f-accepted-recent");
        assertThat(list.path("toFollow").asInt()).isEqualTo(5);
        assertThat(list.path("total").asInt()).isEqualTo(8);
        assertThat(list.path("rules")).as("the rules, with this lab's days").extracting(
                rule -> rule.path("reason").asText() + " " + rule.path("days").asInt() + " " + rule.path("label").asText())
                .containsExactly("answer-due 3 une réponse attendue dans les 3 jours",
                        "no-meeting 30 une acceptation sans rencontre depuis 30 jours",
                        "no-outcome 90 une rencontre sans suite depuis 90 jours",
                        "follow-up-quiet 200 une suite prévue sans nouvelles depuis 200 jours");
        JsonNode sooner = list.path("introductions").get(0);
        assertThat(sooner.path("toFollow").path("reason").asText()).isEqualTo("answer-due");
        assertThat(sooner.path("toFollow").path("label").asText())
                .isEqualTo("sans réponse de Ville de Chambéry et Imprimerie du Voironnais, échéance demain");
        assertThat(sooner.path("actor").path("name").asText()).isEqualTo("Ville de Chambéry");
        assertThat(sooner.path("partner").path("name").asText()).isEqualTo("Imprimerie du Voironnais");
        assertThat(sooner.path("lastReminder").path("channel").asText()).isEqualTo("PHONE");
        assertThat(sooner.path("lastReminder").path("label").asText()).isEqualTo("par téléphone");
        assertThat(sooner.path("lastReminder").path("reminded").path("name").asText()).isEqualTo("Imprimerie du Voironnais");
        assertThat(list.path("introductions").get(1).path("lastReminder").isNull()).as("none noted").isTrue();
        assertThat(list.path("introductions").get(1).path("toFollow").path("label").asText())
                .isEqualTo("sans réponse de Association Tremplin et Ville de Chambéry, échéance dans 2 jours");
        assertThat(list.path("introductions").get(2).path("toFollow").path("label").asText())
                .isEqualTo("suite prévue, rien de nouveau depuis 200 jours");
        assertThat(list.path("introductions").get(3).path("toFollow").path("label").asText())
                .isEqualTo("rencontre tenue il y a 120 jours, aucune suite enregistrée");
        assertThat(list.path("introductions").get(4).path("toFollow").path("label").asText())
                .isEqualTo("acceptée il y a 45 jours, aucune rencontre prévue");
        assertThat(list.path("introductions").get(5).path("toFollow").isNull()).isTrue();
        // A line says its last step as the timeline does (the list reads only that one of the steps).
        JsonNode steps = service.getJson("/api/introductions/f-follow-quiet").path("steps");
        assertThat(list.path("introductions").get(2).path("lastStep").asText()).isNotEmpty()
                .isEqualTo(steps.get(steps.size() - 1).path("what").asText());
        assertThat(steps.size()).isGreaterThan(1);
        assertThat(list.path("stages")).extracting(s -> s.path("status").asText() + "=" + s.path("count").asInt())
                .containsExactly("proposed=3", "accepted=3", "met=1", "follow-up=1");
    }

    @Test
    void filtersAndPages() throws Exception {
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        JsonNode toFollow = read(service.get("/api/introductions?toFollow=true&limit=2&offset=1", facilitator), 200);
        assertThat(ids(toFollow)).containsExactly("f-wait-soon", "f-follow-quiet");
        assertThat(toFollow.path("total").asInt()).isEqualTo(5);
        // Pages across the end of those to follow: the others follow, the latest step first.
        assertThat(ids(read(service.get("/api/introductions?limit=3&offset=4", facilitator), 200)))
                .containsExactly("f-accepted-quiet", "f-accepted-planned", "f-wait-later");
        JsonNode last = read(service.get("/api/introductions?limit=5&offset=7", facilitator), 200);
        assertThat(ids(last)).containsExactly("f-accepted-recent");
        assertThat(last.path("total").asInt()).isEqualTo(8);
        JsonNode accepted = read(service.get("/api/introductions?status=accepted", facilitator), 200);
        assertThat(ids(accepted)).containsExactly("f-accepted-quiet", "f-accepted-planned", "f-accepted-recent");
        assertThat(accepted.path("stages").size()).as("the stages of all, whatever the filter").isEqualTo(4);
        assertThat(read(service.get("/api/introductions?status=lost", facilitator), 400).path("detail").asText())
                .contains("« lost » inconnue");
        read(service.get("/api/introductions?offset=-1", facilitator), 400);
        // Each rule reads the lines before a page: a page far beyond any lab's list is refused, not read through.
        assertThat(read(service.get("/api/introductions?offset=10001", facilitator), 400).path("errors").get(0)
                .path("field").asText()).isEqualTo("offset");
        assertThat(ids(read(service.get("/api/introductions?offset=10000", facilitator), 200))).isEmpty();
    }

    @Test
    void aRoundOfCallsLeavesOutThoseRemindedWithinTheDaysAsked() throws Exception {
        // The printer was called about "f-wait-sooner" yesterday: a week's round leaves it out, today's keeps it.
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        JsonNode week = read(service.get("/api/introductions?toFollow=true&notRemindedForDays=7", facilitator), 200);
        assertThat(ids(week)).containsExactly("f-wait-soon", "f-follow-quiet", "f-met-quiet", "f-accepted-quiet");
        assertThat(week.path("total").asInt()).isEqualTo(4);
        assertThat(week.path("toFollow").asInt()).as("the list's count of those to follow, whatever the filter").isEqualTo(5);
        assertThat(ids(read(service.get("/api/introductions?toFollow=true&notRemindedForDays=1", facilitator), 200)))
                .containsExactly("f-wait-sooner", "f-wait-soon", "f-follow-quiet", "f-met-quiet", "f-accepted-quiet");
        // An admin's list, read a page at a time by MongoDB: the same.
        String admin = TestTokens.admin().sign();
        JsonNode lab = read(service.get("/api/introductions?notRemindedForDays=2&limit=3&offset=1", admin), 200);
        assertThat(ids(lab)).containsExactly("f-wait-soon", "f-follow-quiet", "f-met-quiet");
        assertThat(lab.path("total").asInt()).isEqualTo(8);
        assertThat(lab.path("toFollow").asInt()).isEqualTo(6);
        assertThat(ids(read(service.get("/api/introductions?notRemindedForDays=2&limit=3&offset=5", admin), 200)))
                .containsExactly("f-accepted-planned", "f-wait-later", "f-accepted-recent");
        // The file keeps the same lines.
        String file = new String(service.getBytesAs("/api/introductions.csv?toFollow=true&notRemindedForDays=7",
                facilitator).body(), StandardCharsets.UTF_8);
        assertThat(file.lines().skip(1).map(line -> line.substring(line.lastIndexOf(';') + 1)))
                .containsExactly("f-wait-soon", "f-follow-quiet", "f-met-quiet", "f-accepted-quiet");
        // Days out of reason: a problem naming the parameter.
        for (String days : List.of("0", "366", "une")) {
            assertThat(read(service.get("/api/introductions?notRemindedForDays=" + days, facilitator), 400).toString())
                    .as(days).contains("notRemindedForDays");
        }
        read(service.get("/api/introductions.csv?notRemindedForDays=0", facilitator), 400);
    }

    @Test
    void aRegionsFacilitatorWorksThroughOneDepartementAtATimeWithinItsReach() throws Exception {
        String region = TestTokens.facilitator("REGION:84").sign();
        JsonNode whole = read(service.get("/api/introductions", region), 200);
        assertThat(whole.path("total").asInt()).as("the four actors are all of Auvergne-Rhône-Alpes").isEqualTo(9);
        assertThat(whole.path("territories").get(0).toString())
                .isEqualTo("{\"territory\":\"REGION:84\",\"name\":\"Auvergne-Rhône-Alpes\",\"level\":\"région\"}");
        assertThat(whole.path("territories").findValuesAsText("territory")).as("the région, then its départements by code")
                .containsExactly("REGION:84", "DEPARTEMENT:01", "DEPARTEMENT:03", "DEPARTEMENT:07", "DEPARTEMENT:15",
                        "DEPARTEMENT:26", "DEPARTEMENT:38", "DEPARTEMENT:42", "DEPARTEMENT:43", "DEPARTEMENT:63",
                        "DEPARTEMENT:69", "DEPARTEMENT:73", "DEPARTEMENT:74");
        assertThat(whole.path("territories").get(6).path("name").asText()).isEqualTo("Isère");
        // Savoie's: those with the Ville de Chambéry on one side, in the list's order; their counts are Savoie's.
        JsonNode savoie = read(service.get("/api/introductions?territory=DEPARTEMENT:73", region), 200);
        assertThat(ids(savoie)).containsExactly("f-savoie", "f-wait-sooner", "f-wait-soon", "f-follow-quiet", "f-met-quiet",
                "f-accepted-recent");
        assertThat(savoie.path("toFollow").asInt()).isEqualTo(5);
        assertThat(savoie.path("stages")).extracting(s -> s.path("status").asText() + "=" + s.path("count").asInt())
                .containsExactly("proposed=3", "accepted=1", "met=1", "follow-up=1");
        assertThat(ids(read(service.get("/api/introductions?territory=DEPARTEMENT:73&toFollow=true&notRemindedForDays=7"
                + "&limit=2", region), 200))).as("with the other filters").containsExactly("f-savoie", "f-wait-soon");
        // Narrowed, never widened: Isère's facilitator acts for no one in Savoie.
        JsonNode isere = read(service.get("/api/introductions?territory=DEPARTEMENT:73",
                TestTokens.facilitator("DEPARTEMENT:38").sign()), 200);
        assertThat(isere.path("total").asInt()).isZero();
        assertThat(isere.path("territories").findValuesAsText("territory")).containsExactly("DEPARTEMENT:38");
        // An admin narrows the lab's to a territory the same way.
        String admin = TestTokens.admin().sign();
        JsonNode hauteSavoie = read(service.get("/api/introductions?territory=DEPARTEMENT:74", admin), 200);
        assertThat(ids(hauteSavoie)).containsExactly("f-savoie", "f-accepted-planned");
        assertThat(hauteSavoie.path("toFollow").asInt()).isEqualTo(1);
        assertThat(hauteSavoie.path("territories").findValuesAsText("territory"))
                .contains("REGION:84", "REGION:93", "DEPARTEMENT:2A", "DEPARTEMENT:974").hasSizeGreaterThan(110)
                .as("Corsica's two départements where its one was, between 19 and 21")
                .containsSequence("DEPARTEMENT:19", "DEPARTEMENT:2A", "DEPARTEMENT:2B", "DEPARTEMENT:21");
        HttpResponse<byte[]> hauteSavoieFile = service.getBytesAs("/api/introductions.csv?territory=DEPARTEMENT:74", admin);
        assertThat(hauteSavoieFile.headers().firstValue("Content-Disposition")).as("named after its territory")
                .hasValueSatisfying(name -> assertThat(name).contains("suivi-mises-en-relation-departement-74-2"));
        String file = new String(hauteSavoieFile.body(), StandardCharsets.UTF_8);
        assertThat(file.lines().skip(1).map(line -> line.substring(line.lastIndexOf(';') + 1)))
                .containsExactly("f-savoie", "f-accepted-planned");
        for (String territory : List.of("COMMUNE:38185", "DEPARTEMENT:99", "Isère")) {
            assertThat(read(service.get("/api/introductions?territory=" + territory.replace("è", "%C3%A8"), region), 400)
                    .path("detail").asText()).as(territory).contains("ni un département ni une région");
        }
    }

    @Test
    void eachReaderFollowsOnlyWhatItMayReadAndMembersAndViewersNone() throws Exception {
        // An admin's list is the whole lab's, which MongoDB reads a page at a time: the same order and pages.
        String admin = TestTokens.admin().sign();
        JsonNode lab = read(service.get("/api/introductions?limit=500", admin), 200);
        assertThat(ids(lab)).containsExactly("f-savoie", "f-wait-sooner", "f-wait-soon", "f-follow-quiet", "f-met-quiet",
                "f-accepted-quiet", "f-accepted-planned", "f-wait-later", "f-accepted-recent");
        assertThat(lab.path("toFollow").asInt()).isEqualTo(6);
        assertThat(lab.path("total").asInt()).isEqualTo(9);
        assertThat(lab.path("introductions").get(3).path("toFollow").path("label").asText())
                .isEqualTo("suite prévue, rien de nouveau depuis 200 jours");
        assertThat(lab.path("stages")).extracting(s -> s.path("status").asText() + "=" + s.path("count").asInt())
                .containsExactly("proposed=4", "accepted=3", "met=1", "follow-up=1");
        assertThat(ids(read(service.get("/api/introductions?limit=2&offset=5", admin), 200)))
                .containsExactly("f-accepted-quiet", "f-accepted-planned");
        // A page past the end is empty; one past any lab's list is refused, naming the offset (not a 500: offset +
        // limit would be past Integer.MAX_VALUE).
        JsonNode farPast = read(service.get("/api/introductions?offset=10000&limit=500", admin), 200);
        assertThat(ids(farPast)).isEmpty();
        assertThat(farPast.path("total").asInt()).isEqualTo(9);
        assertThat(read(service.get("/api/introductions?offset=2147483647&limit=500", admin), 400).path("errors").get(0)
                .path("field").asText()).isEqualTo("offset");
        JsonNode acceptedToFollow = read(service.get("/api/introductions?status=accepted&toFollow=true", admin), 200);
        assertThat(ids(acceptedToFollow)).containsExactly("f-accepted-quiet");
        assertThat(acceptedToFollow.path("total").asInt()).isEqualTo(1);
        assertThat(ids(read(service.get("/api/introductions", TestTokens.facilitator("DEPARTEMENT:74").sign()), 200)))
                .containsExactly("f-savoie", "f-accepted-planned");
        assertThat(read(service.get("/api/introductions", TestTokens.member(TREMPLIN).sign()), 403).path("detail").asText())
                .contains("réservé à l'animation des territoires et à l'administration");
        read(service.get("/api/introductions", TestTokens.viewer().sign()), 403);
        assertThat(service.get("/api/introductions", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theListIsAFileForFrenchExcelTheLinesTheFiltersKeepInItsOrder() throws Exception {
        HttpResponse<byte[]> file = service.getBytesAs("/api/introductions.csv?toFollow=true",
                TestTokens.facilitator("DEPARTEMENT:38").sign());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("attachment").contains("suivi-mises-en-relation-"));
        String text = new String(file.body(), StandardCharsets.UTF_8);
        assertThat(text).as("a byte order mark, for Excel to read UTF-8").startsWith("\uFEFF");
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Organisation;Partenaire;Statut;À suivre;Dernière étape;"
                + "Date de la dernière étape;Dernière relance;Proposée le;Réponse attendue le;Identifiant");
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(1, 6)).extracting(line -> line.substring(line.lastIndexOf(';') + 1))
                .containsExactly("f-wait-sooner", "f-wait-soon", "f-follow-quiet", "f-met-quiet", "f-accepted-quiet");
        LocalDate today = LabCalendar.today(Clock.systemUTC());
        String yesterday = today.minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(lines.get(1)).startsWith("Ville de Chambéry;Imprimerie du Voironnais;proposée;"
                        + "sans réponse de Ville de Chambéry et Imprimerie du Voironnais, échéance demain;")
                .contains(";" + yesterday + " par téléphone (Imprimerie du Voironnais);");
        // Too many lines for a file: a problem saying how many, and how to keep fewer.
        HttpResponse<String> tooLong = service.get("/api/introductions.csv", TestTokens.admin().sign());
        assertThat(read(tooLong, 400).path("detail").asText()).contains("9").contains("8 au plus");
        read(service.get("/api/introductions.csv", TestTokens.member(TREMPLIN).sign()), 403);
    }

    @Test
    void theLabsBacklogIsAGaugeByRule() {
        // The lab's six to follow (as an admin's list counts them): three answers due (two of Isère, one of Savoie),
        // an acceptance with no meeting, a meeting with no outcome, a follow-up quiet for 200 days (this lab's days).
        await().atMost(ofSeconds(20)).untilAsserted(() -> assertThat(service.get("/actuator/prometheus").body())
                .containsPattern("lab_introductions_to_follow\\{[^}]*reason=\"answer-due\"[^}]*} 3\\.0\n")
                .containsPattern("lab_introductions_to_follow\\{[^}]*reason=\"no-meeting\"[^}]*} 1\\.0\n")
                .containsPattern("lab_introductions_to_follow\\{[^}]*reason=\"no-outcome\"[^}]*} 1\\.0\n")
                .containsPattern("lab_introductions_to_follow\\{[^}]*reason=\"follow-up-quiet\"[^}]*} 1\\.0\n"));
    }

    private static JsonNode read(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("introductions").forEach(entry -> ids.add(entry.path("id").asText()));
        return ids;
    }
}
