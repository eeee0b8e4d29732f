package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static fr.labos.partenariats.deploy.Answers.json;
import static fr.labos.partenariats.deploy.Answers.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * « Mes rencontres express », the sessions page of an organisation's members, in a real headless Chromium on the
 * signed-in lab: the facilitator of Isère publishes the plan of a session where Tremplin Insertion takes part, and an
 * admin plans one in La Réunion it is registered at too, not published yet; Tremplin's member finds both from the
 * navigation, its organisation's meetings (round, time, table, the partner's name, as the API's schedule seats them,
 * and no other organisation's), the session's local time, and downloads its calendar. A member whose organisation
 * takes part in no session is told so. Before the overseas plan is published, the member says on the page whom Tremplin
 * wishes to meet: the wish reaches the session (as its admin reads it) and is shown made after a reload; unticked and
 * saved, it is taken back (the session no longer has it, the page shows it so), then made again. The overseas plan,
 * published while the page is open, appears there without a reload, and the wishes with it, no longer to change.
 * axe-core runs on each page, at 1280 and 390 px.
 */
@ExtendWith(SignedInLab.Resolver.class)
class ConsoleMemberSessionsJourneyTest {

    private static final String MEMBER = "member-tremplin";
    private static final String PLAN = """
            {"title": "%s", "territory": {"code": "%s", "level": "DEPARTEMENT"}, "place": "%s", "date": "%s",
             "startsAt": "14:00", "rounds": 3, "minutesPerRound": 10, "tables": 3}""";

    /** What {@code GET /api/me/sessions} tells the member of whom the engine finds complementary to its actor. */
    private static JsonNode complementaryTo(SignedInLab lab, String sessionId, String actorId) {
        for (JsonNode session : json(expect(lab.send("GET", lab.matchmaking.resolve("/api/me/sessions"), MEMBER, null), 200))) {
            if (!session.path("id").asText().equals(sessionId)) continue;
            for (JsonNode own : session.path("actors")) {
                if (own.path("actorId").asText().equals(actorId)) return own.path("complementary");
            }
        }
        throw new AssertionError(actorId + " not at session " + sessionId);
    }

    @Test
    void aMemberFindsItsOrganisationsMeetingsAtEachSessionAndDownloadsItsCalendar(SignedInLab lab) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String tremplin = lab.actor("tremplin-insertion");
        List<String> participants = DemoSession.PARTICIPANTS.subList(0, 6).stream().map(lab::actor).toList();
        assertThat(participants).contains(tremplin);
        // The demo actors reach matchmaking-service through Kafka: the scheduler weighs only actors it knows.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> participants.stream()
                .allMatch(actor -> lab.send("GET", lab.matchmaking.resolve("/api/actors/" + actor + "/partners?limit=1"),
                        DemoSession.FACILITATOR, null).statusCode() == 200));

        String title = "Rencontres express de Voiron " + suffix;
        LocalDate date = LocalDate.now(LabCalendar.ZONE).plusDays(10);
        String published = plan(lab, DemoSession.FACILITATOR, PLAN.formatted(title, "38", "Salle des fêtes, Voiron", date));
        for (String actor : participants) {
            register(lab, DemoSession.FACILITATOR, published, actor);
        }
        expect(lab.send("POST", lab.matchmaking.resolve("/api/sessions/" + published + "/schedule/generate"),
                DemoSession.FACILITATOR, null), 200);
        expect(lab.send("POST", lab.matchmaking.resolve("/api/sessions/" + published + "/schedule/publish"),
                DemoSession.FACILITATOR, null), 204);
        // The plan as the member itself may read it: Tremplin's meetings, and the others'.
        JsonNode schedule = json(expect(lab.send("GET", lab.matchmaking.resolve("/api/sessions/" + published + "/schedule"),
                MEMBER, null), 200));
        List<JsonNode> ours = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode round : schedule.path("rounds")) {
            for (JsonNode meeting : round.path("tables")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) meeting).put("round", round.path("round").asInt());
                boolean tremplinSits = tremplin.equals(meeting.path("actor").path("actorId").asText())
                        || tremplin.equals(meeting.path("partner").path("actorId").asText());
                (tremplinSits ? ours : others).add(meeting);
            }
        }
        assertThat(ours).as("Tremplin's meetings").isNotEmpty();
        assertThat(others).as("the other organisations' meetings, which the page leaves out").isNotEmpty();

        // A session overseas, planned and registered by an admin, whose plan is not published yet.
        String overseasTitle = "Rencontres express de Saint-Denis " + suffix;
        String pending = plan(lab, "admin", PLAN.formatted(overseasTitle, "974", "Saint-Denis, Maison de la vie associative",
                date.plusDays(20)));
        // Besides a demo organisation, one registered just now whose offer of funding answers Tremplin's need: the engine
        // finds it complementary to Tremplin (no other test of the lab introduced the two, which would set the pair aside).
        String funder = lab.isereNewcomer("member-mobilite", "Fonds pour l'insertion " + suffix);
        lab.create("/api/actors/" + funder + "/offers", "member-mobilite", AuthorizationMatrixTest.OFFER);
        register(lab, "admin", pending, tremplin);
        register(lab, "admin", pending, participants.get(1));
        register(lab, "admin", pending, funder);
        String wished = participants.get(1);
        String notWished = funder;
        await("the funder's offer in the engine").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> complementaryTo(lab, pending, tremplin).findValuesAsText("actorId").contains(funder));
        JsonNode pendingOverview = json(expect(lab.send("GET", lab.matchmaking.resolve("/api/sessions/" + pending), "admin", null), 200));
        String tremplinName = nameIn(pendingOverview, tremplin);
        String wishedName = nameIn(pendingOverview, wished);
        // Tremplin's form of wishes at that session (it may be in other sessions of the lab, each with a form of its own).
        String tremplinsWishes = "section[data-session='" + pending + "'] form[data-souhaits='" + tremplin + "']";

        try (ConsoleBrowser browser = ConsoleBrowser.open("membre-rencontres-express", 1280)) {
            browser.signIn(lab, MEMBER);
            browser.awaitReady("organisation");
            browser.driver.findElement(By.cssSelector("nav a[data-nav=mes-rencontres]")).click();
            browser.awaitReady("mes-rencontres");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Mes rencontres express");
            assertThat(browser.driver.findElement(By.cssSelector("nav a[data-nav=mes-rencontres]")).getAttribute("aria-current"))
                    .isEqualTo("page");

            // Read again from the start if a live event redraws the page meanwhile (the sessions just planned and
            // registered may still be on their way to it).
            browser.reading(() -> {
                WebElement session = browser.await(By.cssSelector("section[data-session='" + published + "']"));
                assertThat(session.findElement(By.tagName("h2")).getText()).isEqualTo(title);
                // The day in French and the start as the facilitators' pages write it, then the place.
                assertThat(session.findElement(By.cssSelector("[data-quand]")).getText())
                        .isEqualTo(frenchDay(date) + " à 14:00 — Salle des fêtes, Voiron");
                assertThat(session.getText()).contains("plan publié").contains("Rencontres de Tremplin");
                List<WebElement> rows = session.findElements(By.cssSelector("tbody tr"));
                assertThat(rows).as("Tremplin's meetings only").hasSize(ours.size());
                for (JsonNode meeting : ours) {
                    int round = meeting.path("round").asInt();
                    int table = meeting.path("table").asInt();
                    JsonNode partner = tremplin.equals(meeting.path("actor").path("actorId").asText())
                            ? meeting.path("partner") : meeting.path("actor");
                    WebElement row = session.findElement(By.cssSelector("tr[data-rencontre='" + round + "-" + table + "']"));
                    List<String> cells = row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
                    String start = "%02d:%02d".formatted(14, (round - 1) * 10);
                    String end = "%02d:%02d".formatted(14, round * 10);
                    assertThat(cells).containsExactly("Tour " + round, start + "–" + end, "Table " + table,
                            partner.path("name").asText());
                }
                assertThat(session.findElements(By.cssSelector("caption"))).singleElement()
                        .extracting(WebElement::getText).asString().contains(ours.size() + " rencontre");
                assertThat(session.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText))
                        .containsExactly("Tour", "Horaire", "Table", "Organisation rencontrée");

                // The session overseas: its local time, said whose; no meeting nor calendar before the plan is published.
                WebElement overseas = browser.driver.findElement(By.cssSelector("section[data-session='" + pending + "']"));
                assertThat(overseas.findElement(By.cssSelector("[data-quand]")).getText())
                        .isEqualTo(frenchDay(date.plusDays(20)) + " à 14:00 (heure de La Réunion) — Saint-Denis, Maison de la vie associative");
                assertThat(overseas.getText()).contains("Le plan de table n’est pas encore publié");
                assertThat(overseas.findElements(By.cssSelector("table, [data-cle^='calendrier']"))).isEmpty();
                // Its wishes may still change: a form of its own, the other participants as boxes, none ticked yet.
                WebElement wishes = overseas.findElement(By.cssSelector("form[data-souhaits='" + tremplin + "']"));
                assertThat(wishes.findElement(By.cssSelector("fieldset legend")).getText())
                        .isEqualTo("Organisations que " + tremplinName + " souhaite rencontrer");
                assertThat(wishes.getText()).contains("Vos souhaits ne sont vus que par l’équipe d’animation");
                assertThat(wishes.findElements(By.cssSelector("input[type=checkbox]"))).extracting(box -> box.getAttribute("value"))
                        .containsExactlyInAnyOrder(wished, notWished);
                assertThat(wishes.findElements(By.cssSelector("input:checked"))).isEmpty();
                // Under each organisation the engine finds complementary to Tremplin, its score and sentence, as the API
                // gives them to the member; under no other.
                JsonNode complementary = complementaryTo(lab, pending, tremplin);
                assertThat(complementary.findValuesAsText("actorId")).as("the funder complements Tremplin").contains(funder);
                assertThat(wishes.findElements(By.cssSelector("[data-complementarite]"))).extracting(WebElement::getText)
                        .containsExactlyInAnyOrderElementsOf(StreamSupport.stream(complementary.spliterator(), false)
                                .map(c -> "Complémentarité " + Math.round(c.path("score").asDouble() * 100) + "\u202F% : "
                                        + c.path("sentence").asText()).toList());
                for (JsonNode c : complementary) {
                    assertThat(wishes.findElement(By.cssSelector("input[value='" + c.path("actorId").asText() + "']"))
                            .getAttribute("aria-describedby")).as("the sentence describes its box")
                            .isEqualTo(wishes.findElement(By.cssSelector("[data-complementarite='"
                                    + c.path("actorId").asText() + "']")).getAttribute("id"));
                }
                // The published session's wishes no longer change: no form there.
                assertThat(session.findElements(By.cssSelector("form[data-souhaits]"))).isEmpty();
                assertThat(session.findElement(By.cssSelector("[data-souhaits]")).getText())
                        .contains(tremplinName + " n’a exprimé aucun souhait de rencontre pour cette session.");
            });
            browser.shot("mes-rencontres");
            browser.checkAtDesktopAndPhoneWidths("the member's sessions");
            WebElement session = browser.await(By.cssSelector("section[data-session='" + published + "']"));

            // The calendar, through the page's button: the file the API writes for Tremplin, one event per meeting.
            WebElement download = session.findElement(By.cssSelector("[data-cle='calendrier-" + published + "-" + tremplin + "']"));
            assertThat(download.getText()).startsWith("Télécharger le calendrier");
            String ics = new String(browser.savedBy(download::click), StandardCharsets.UTF_8);
            assertThat(ics).startsWith("BEGIN:VCALENDAR");
            // One event per round: its meetings, and a round without one cancelled (a re-plan may take one away).
            int events = ics.split("BEGIN:VEVENT", -1).length - 1;
            int cancelled = ics.split("STATUS:CANCELLED", -1).length - 1;
            assertThat(events - cancelled).as("the events that are meetings").isEqualTo(ours.size());
            assertThat(session.findElements(By.cssSelector("[role=alert]"))).as("no refusal").isEmpty();
            browser.settled().until(d -> d.findElement(By.id("annonces")).getText().equals("Calendrier téléchargé."));

            // Tremplin wishes to meet one of the two others: ticked and saved on the page, the wish reaches the session.
            By wishedBox = By.cssSelector("[data-cle='souhait-" + pending + "-" + tremplin + "-" + wished + "']");
            By notWishedBox = By.cssSelector("[data-cle='souhait-" + pending + "-" + tremplin + "-" + notWished + "']");
            browser.driver.findElement(wishedBox).click();
            // Clicked twice at once, as an impatient double click: sent once (sent twice, the wish would be refused).
            WebElement save = browser.driver.findElement(By.cssSelector(tremplinsWishes + " button[type=submit]"));
            assertThat(save.getText()).startsWith("Enregistrer mes souhaits");
            browser.script("arguments[0].click(); arguments[0].click();", save);
            browser.settled().until(d -> d.findElement(By.id("annonces")).getText()
                    .equals("Souhait enregistré pour " + tremplinName + "."));
            JsonNode sessionWishes = json(expect(lab.send("GET", lab.matchmaking.resolve("/api/sessions/" + pending), "admin", null), 200))
                    .path("wishes");
            assertThat(sessionWishes).extracting(w -> w.path("actorId").asText() + "→" + w.path("wishedActorId").asText())
                    .containsExactly(tremplin + "→" + wished);
            // Shown made, as the API now gives it (ticked, and open to untick, to take it back).
            browser.settled().until(d -> d.findElement(wishedBox).isSelected()
                    && d.findElement(wishedBox).findElement(By.xpath("..")).getText().equals(wishedName + " (souhait enregistré)"));
            assertThat(browser.driver.findElements(By.cssSelector("section[data-session='" + pending + "'] [role=alert]")))
                    .as("no refusal").isEmpty();
            // A box ticked, not saved yet, stays ticked when a live event draws the page anew: here a wish the admin
            // expresses between the two others, of which the page shows nothing.
            browser.driver.findElement(notWishedBox).click();
            browser.script("window.__formulaire = document.querySelector(arguments[0]);", tremplinsWishes);
            expect(lab.send("POST", lab.matchmaking.resolve("/api/sessions/" + pending + "/wishes"), "admin",
                    "{\"actorId\": \"%s\", \"wishedActorId\": \"%s\"}".formatted(notWished, wished)), 204);
            browser.settled().until(d -> Boolean.FALSE.equals(browser.script("return window.__formulaire.isConnected;")));
            assertThat(browser.driver.findElement(notWishedBox).isSelected()).as("still ticked after the redraw").isTrue();
            // This session's boxes only: Tremplin may be in other sessions of the lab, with wishes of its own there.
            By tickedHere = By.cssSelector("section[data-session='" + pending + "'] [data-souhaits] input:checked");
            assertThat(browser.driver.findElements(tickedHere))
                    .extracting(box -> box.getAttribute("value")).containsExactlyInAnyOrder(wished, notWished);

            // Reloaded, the page shows the wish made: ticked, and open to untick (to take it back); the other box,
            // never saved, open again.
            browser.driver.navigate().refresh();
            browser.awaitReady("mes-rencontres");
            browser.reading(() -> {
                WebElement made = browser.await(wishedBox);
                assertThat(made.isSelected()).isTrue();
                assertThat(made.isEnabled()).isTrue();
                assertThat(made.findElement(By.xpath("..")).getText()).isEqualTo(wishedName + " (souhait enregistré)");
                assertThat(browser.driver.findElement(notWishedBox).isSelected()).isFalse();
                assertThat(browser.driver.findElement(notWishedBox).isEnabled()).isTrue();
            });
            browser.shot("souhait-enregistre");
            browser.checkAtDesktopAndPhoneWidths("the member's sessions, a wish made");

            // Ticked by mistake: unticked and saved, the wish is taken back; the session no longer has it (the admin's
            // wish between the two others stays), and the page shows it no longer made.
            browser.driver.findElement(wishedBox).click();
            browser.driver.findElement(By.cssSelector(tremplinsWishes + " button[type=submit]")).click();
            browser.settled().until(d -> d.findElement(By.id("annonces")).getText()
                    .equals("Souhait retiré pour " + tremplinName + "."));
            assertThat(json(expect(lab.send("GET", lab.matchmaking.resolve("/api/sessions/" + pending), "admin", null), 200))
                    .path("wishes")).extracting(w -> w.path("actorId").asText() + "→" + w.path("wishedActorId").asText())
                    .containsExactly(notWished + "→" + wished);
            browser.settled().until(d -> !d.findElement(wishedBox).isSelected()
                    && d.findElement(wishedBox).findElement(By.xpath("..")).getText().equals(wishedName));
            assertThat(browser.driver.findElements(By.cssSelector("section[data-session='" + pending + "'] [role=alert]")))
                    .as("no refusal").isEmpty();
            browser.shot("souhait-retire");
            browser.checkAtDesktopAndPhoneWidths("the member's sessions, a wish taken back");
            // Reloaded, still not made: the page said what the session holds.
            browser.driver.navigate().refresh();
            browser.awaitReady("mes-rencontres");
            browser.reading(() -> assertThat(browser.await(wishedBox).isSelected()).isFalse());
            // Wished again: made anew.
            browser.driver.findElement(wishedBox).click();
            browser.driver.findElement(By.cssSelector(tremplinsWishes + " button[type=submit]")).click();
            browser.settled().until(d -> d.findElement(By.id("annonces")).getText()
                    .equals("Souhait enregistré pour " + tremplinName + "."));
            browser.settled().until(d -> d.findElement(wishedBox).isSelected()
                    && d.findElement(wishedBox).findElement(By.xpath("..")).getText().equals(wishedName + " (souhait enregistré)"));
            assertThat(json(expect(lab.send("GET", lab.matchmaking.resolve("/api/sessions/" + pending), "admin", null), 200))
                    .path("wishes")).extracting(w -> w.path("actorId").asText() + "→" + w.path("wishedActorId").asText())
                    .containsExactlyInAnyOrder(notWished + "→" + wished, tremplin + "→" + wished);

            // The admin publishes the plan overseas meanwhile: the open page shows it as it comes, without a reload.
            browser.script("window.__memePage = 'oui';");
            expect(lab.send("POST", lab.matchmaking.resolve("/api/sessions/" + pending + "/schedule/generate"), "admin", null), 200);
            expect(lab.send("POST", lab.matchmaking.resolve("/api/sessions/" + pending + "/schedule/publish"), "admin", null), 204);
            By overseasCalendar = By.cssSelector("section[data-session='" + pending + "'] [data-cle='calendrier-" + pending + "-" + tremplin + "']");
            browser.settled().until(d -> !d.findElements(overseasCalendar).isEmpty());
            // Read as the page shows it, again if a live update drew the section anew meanwhile.
            String overseas = browser.settled().until(d -> d.findElement(By.cssSelector("section[data-session='" + pending
                    + "']")).getText());
            assertThat(overseas).contains("plan publié").doesNotContain("pas encore publié");
            // The wishes, no longer to change: read only.
            By closedWishes = By.cssSelector("section[data-session='" + pending + "'] [data-souhaits]");
            browser.settled().until(d -> d.findElement(closedWishes).findElements(By.cssSelector("li[data-souhaite]")).stream()
                    .map(WebElement::getText).toList().equals(List.of(wishedName)));
            assertThat(browser.driver.findElement(closedWishes).findElements(By.cssSelector("form, input"))).isEmpty();
            assertThat(browser.script("return window.__memePage;")).as("no reload").isEqualTo("oui");

            // Registered at another session, then withdrawn from it before its plan is published: its card goes
            // without a reload (the withdrawal is told once the session no longer counts Tremplin: without its id).
            String withdrawnFrom = plan(lab, "admin", PLAN.formatted("Rencontres express de Vienne " + suffix, "38",
                    "Vienne, salle des fêtes", date.plusDays(3)));
            register(lab, "admin", withdrawnFrom, tremplin);
            By itsCard = By.cssSelector("section[data-session='" + withdrawnFrom + "']");
            browser.settled().until(d -> !d.findElements(itsCard).isEmpty());
            expect(lab.send("DELETE", lab.matchmaking.resolve("/api/sessions/" + withdrawnFrom + "/participants/" + tremplin),
                    "admin", null), 204);
            browser.settled().until(d -> d.findElements(itsCard).isEmpty());
            assertThat(browser.script("return window.__memePage;")).as("no reload").isEqualTo("oui");
        }
    }

    @Test
    void aMemberWhoseOrganisationTakesPartInNoSessionIsToldSo(SignedInLab lab) throws Exception {
        lab.leaveEveryOrganisation("member-newcomer");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        lab.create("/api/actors", "member-newcomer", AuthorizationMatrixTest.ISERE_ACTOR.formatted(
                "Association sans rencontre " + suffix, "sans-rencontre-" + suffix + "@matrice.example.org"));
        try (ConsoleBrowser browser = ConsoleBrowser.open("membre-sans-rencontre", 1280)) {
            browser.signIn(lab, "member-newcomer");
            browser.awaitReady("organisation");
            browser.driver.findElement(By.cssSelector("nav a[data-nav=mes-rencontres]")).click();
            browser.awaitReady("mes-rencontres");
            assertThat(browser.await(By.id("aucune-session")).getText())
                    .startsWith("Votre organisation n’est inscrite à aucune session de rencontres express pour l’instant.");
            assertThat(browser.driver.findElements(By.cssSelector("section[data-session]"))).isEmpty();
            browser.shot("aucune-rencontre");
            browser.checkAtDesktopAndPhoneWidths("the member's sessions, none");
        } finally {
            lab.leaveEveryOrganisation("member-newcomer");
        }
    }

    /** A participant's name, as the session's overview gives it. */
    private static String nameIn(JsonNode overview, String actorId) {
        for (JsonNode participant : overview.path("participants")) {
            if (participant.path("actorId").asText().equals(actorId)) return participant.path("name").asText();
        }
        throw new AssertionError(actorId + " is no participant of " + overview);
    }

    /** « 15 décembre 2026 », « 1er janvier 2027 »: a day as the console writes it. */
    private static String frenchDay(LocalDate day) {
        return LabCalendar.inFrench(day);
    }

    /** axe-core at 1280 px and at 390 px, nothing to scroll sideways on a phone, no placeholder of a missing value. */
    private static String plan(SignedInLab lab, String account, String body) throws IOException {
        return json(expect(lab.send("POST", lab.matchmaking.resolve("/api/sessions"), account, body), 201)).path("id").asText();
    }

    private static void register(SignedInLab lab, String account, String sessionId, String actorId) {
        expect(lab.send("POST", lab.matchmaking.resolve("/api/sessions/" + sessionId + "/participants"), account,
                "{\"actorId\": \"%s\"}".formatted(actorId)), 204);
    }
}
