package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static fr.labos.partenariats.deploy.Answers.json;
import static fr.labos.partenariats.deploy.Answers.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The facilitator's speed-meeting journey in a real headless Chromium, on the real sessions API: the facilitator of
 * Isère plans a session, registers participants and a wish (and takes back one added by mistake), generates the
 * schedule, registers a latecomer (the board says the plan leaves them out) and generates it again, swaps two meetings with the keyboard and two by drag and drop, locks one, downloads the CSV, publishes,
 * goes live, checks a participant in and starts the first round; the reception desk (another device) then marks a
 * participant absent, and the open live page shows the rounds to come re-planned without that participant, without a
 * reload; a table is then lost and the rounds to come do without it. Every action is done with the keyboard (but the
 * drag and drop); every page passes axe-core and fits 1280 and 390 px. The live delay (from the
 * API's answer to the change shown) is measured and written to {@code target/console-session-measures.txt}.
 */
@ExtendWith(SignedInLab.Resolver.class)
class ConsoleSessionJourneyTest {

    private static final String FACILITATOR = DemoSession.FACILITATOR;
    private static final String TITLE = "Rencontres express du Grésivaudan";
    private static final int ROUNDS = 4;
    private static final int TABLES = 5;

    @Test
    void aFacilitatorPreparesRunsAndFollowsASessionLive(SignedInLab lab) throws Exception {
        List<String> participants = DemoSession.PARTICIPANTS.subList(0, 10).stream().map(lab::actor).toList();
        // The demo actors reach matchmaking-service through Kafka: the scheduler weighs only actors it knows.
        String cancelled = lab.actor(DemoSession.PARTICIPANTS.get(10)); // registered, then withdrawn on the page
        String latecomer = lab.actor(DemoSession.PARTICIPANTS.get(11)); // registered once the plan exists
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> Stream.concat(
                participants.stream(), Stream.of(cancelled, latecomer))
                .allMatch(actor -> lab.send("GET", lab.matchmaking.resolve("/api/actors/" + actor + "/partners?limit=1"),
                        FACILITATOR, null).statusCode() == 200));
        try (ConsoleBrowser browser = ConsoleBrowser.open("animateur-session", 1280)) {
            browser.signIn(lab, FACILITATOR);
            browser.go(lab, "#/sessions", "sessions");
            browser.shot("sessions");
            checkPage(browser, "sessions", "the sessions page");

            // Plan a session through the form, with the keyboard.
            WebElement form = browser.driver.findElement(By.cssSelector("form[aria-labelledby=titre-prevoir]"));
            form.findElement(By.name("title")).sendKeys(TITLE);
            form.findElement(By.name("place")).sendKeys("Maison de l'économie, Crolles");
            browser.script("arguments[0].value = arguments[1];", form.findElement(By.name("date")),
                    LocalDate.now(LabCalendar.ZONE).plusDays(14).toString());
            replace(form.findElement(By.name("rounds")), ROUNDS);
            replace(form.findElement(By.name("tables")), TABLES);
            form.findElement(By.cssSelector("button[type=submit]")).sendKeys(Keys.ENTER);
            browser.settled().until(d -> browser.script("return location.hash;").toString()
                    .matches("#/sessions/[0-9a-f-]{36}") && "sessions".equals(browser.readyPage())
                    && TITLE.equals(browser.driver.findElement(By.tagName("h1")).getText()));
            String sessionId = browser.script("return location.hash;").toString().substring("#/sessions/".length());
            String session = "/api/sessions/" + sessionId;
            browser.shot("session-prevue");

            // Two participants registered on the page, the eight others from another device: the page follows, and a
            // wish being chosen meanwhile keeps what was chosen through each of those drawings.
            for (String actor : participants.subList(0, 2)) {
                choose(browser, "inscrire", "inscrire-acteur", actor);
                browser.await(By.cssSelector("li[data-participant='" + actor + "']"));
            }
            browser.settled().until(d -> {
                new Select(d.findElement(By.cssSelector("[data-cle=souhait-acteur]"))).selectByValue(participants.get(1));
                new Select(d.findElement(By.cssSelector("[data-cle=souhait-cible]"))).selectByValue(participants.get(0));
                return true;
            });
            for (String actor : participants.subList(2, participants.size())) {
                expect(lab.send("POST", lab.matchmaking.resolve(session + "/participants"), FACILITATOR,
                        "{\"actorId\": \"%s\"}".formatted(actor)), 204);
            }
            browser.settled().until(d -> d.findElements(By.cssSelector("li[data-participant]")).size()
                    == participants.size());
            assertThat(browser.script("return [...document.querySelectorAll('[data-cle^=souhait-]')].map(list => list.value);"))
                    .as("the wish being chosen, after eight participants were registered elsewhere")
                    .isEqualTo(List.of(participants.get(1), participants.get(0)));
            choose(browser, "souhait", "souhait-acteur", participants.get(0), "souhait-cible", participants.get(5));
            browser.await(By.cssSelector("[data-souhaits='1']"));
            JsonNode overview = json(lab.send("GET", lab.matchmaking.resolve(session), FACILITATOR, null));
            assertThat(overview.path("wishes").get(0).path("actorId").asText()).isEqualTo(participants.get(0));
            assertThat(overview.path("wishes").get(0).path("wishedActorId").asText()).isEqualTo(participants.get(5));
            // A wish added by mistake is taken back with its own « Retirer »; the focus goes to the wish now at its place.
            choose(browser, "souhait", "souhait-acteur", participants.get(1), "souhait-cible", participants.get(2));
            browser.await(By.cssSelector("[data-souhaits='2']"));
            browser.driver.findElement(By.cssSelector("[data-cle='retirer-souhait-" + participants.get(1) + "-"
                    + participants.get(2) + "']")).sendKeys(Keys.ENTER);
            browser.await(By.cssSelector("[data-souhaits='1']"));
            assertThat(browser.driver.findElements(By.cssSelector("li[data-souhait]")))
                    .extracting(wish -> wish.getAttribute("data-souhait"))
                    .containsExactly(participants.get(0) + "-" + participants.get(5));
            browser.settled().until(d -> ("retirer-souhait-" + participants.get(0) + "-" + participants.get(5))
                    .equals(browser.script("return document.activeElement.dataset.cle;")));
            assertThat(json(lab.send("GET", lab.matchmaking.resolve(session), FACILITATOR, null)).path("wishes"))
                    .extracting(wish -> wish.path("actorId").asText() + "→" + wish.path("wishedActorId").asText())
                    .containsExactly(participants.get(0) + "→" + participants.get(5));
            // One more registered on the page, then withdrawn with its own button before the plan exists.
            choose(browser, "inscrire", "inscrire-acteur", cancelled);
            browser.await(By.cssSelector("li[data-participant='" + cancelled + "']"));
            browser.driver.findElement(By.cssSelector("[data-cle='retirer-" + cancelled + "']")).sendKeys(Keys.ENTER);
            browser.settled().until(d ->
                    d.findElements(By.cssSelector("li[data-participant='" + cancelled + "']")).isEmpty());
            assertThat(json(lab.send("GET", lab.matchmaking.resolve(session), FACILITATOR, null)).path("participants")
                    .findValuesAsText("actorId")).doesNotContain(cancelled).hasSize(participants.size());
            shotOf(browser, "#titre-participants", "participants-inscrits");
            checkPage(browser, "sessions", "the session board before its schedule");

            // Generate: the grid shows every meeting of the API's schedule with its reason and weight.
            browser.driver.findElement(By.cssSelector("[data-cle=generer]")).sendKeys(Keys.ENTER);
            browser.await(By.cssSelector("[data-objectif]"));
            assertThat(browser.driver.findElements(By.cssSelector("[data-depuis-plan]"))).as("nothing changed yet").isEmpty();
            // A latecomer registered once the plan exists is seated nowhere: the board says so until it is generated again.
            String latecomerName = browser.script("return [...document.querySelectorAll('[data-cle=inscrire-acteur] option')]"
                    + ".find(option => option.value === arguments[0]).textContent;", latecomer).toString();
            choose(browser, "inscrire", "inscrire-acteur", latecomer);
            WebElement sincePlan = browser.await(By.cssSelector("[data-depuis-plan]"));
            assertThat(sincePlan.getAttribute("role")).isEqualTo("status");
            assertThat(sincePlan.getText()).isEqualTo("Depuis la génération du plan : 1 participant inscrit (" + latecomerName
                    + "), sans rencontre dans le plan. Générez le plan à nouveau pour en tenir compte.");
            shotOf(browser, "[data-depuis-plan]", "inscrit-apres-le-plan");
            checkPage(browser, "sessions", "the session board with a participant registered since its plan");
            browser.driver.findElement(By.cssSelector("[data-cle=generer]")).sendKeys(Keys.ENTER);
            browser.settled().until(d -> d.findElements(By.cssSelector("[data-depuis-plan]")).isEmpty());
            assertThat(json(lab.send("GET", lab.matchmaking.resolve(session), FACILITATOR, null)).path("sinceSchedule")
                    .path("registered")).isEmpty();
            JsonNode generated = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
            assertThat(browser.driver.findElements(By.cssSelector("button.rencontre"))).hasSize(meetings(generated).size());
            // Pairs that met at an earlier session of the run are set aside: a round may leave a table free.
            assertThat(browser.driver.findElements(By.cssSelector("td[data-case]"))).hasSize(ROUNDS * TABLES);
            assertThat(meetings(generated)).hasSizeGreaterThanOrEqualTo(ROUNDS * 2);
            JsonNode wished = meetings(generated).stream().filter(m -> Set.of(m.path("actor").path("actorId").asText(),
                    m.path("partner").path("actorId").asText()).equals(Set.of(participants.get(0), participants.get(5))))
                    .findFirst().orElseThrow();
            assertThat(cell(browser, wished.path("round").asInt(), wished.path("table").asInt()).getText())
                    .contains("souhait").contains("poids");
            shotOf(browser, "#titre-plan", "plan-genere");
            checkPage(browser, "sessions", "the generated schedule");

            // Swap two meetings of round 1 with the keyboard: Entrée picks one up, Entrée on the other swaps them.
            int[] one = tablesOf(generated, 1);
            String first = pairAt(generated, 1, one[0]);
            String second = pairAt(generated, 1, one[1]);
            meetingButton(browser, 1, one[0]).sendKeys(Keys.ENTER);
            browser.settled().until(d -> "true".equals(meetingButton(browser, 1, one[0]).getAttribute("aria-pressed")));
            shotOf(browser, "#titre-plan", "rencontre-choisie");
            meetingButton(browser, 1, one[1]).sendKeys(Keys.ENTER);
            browser.settled().until(d -> second.equals(pairOnPage(browser, 1, one[0])));
            assertThat(pairOnPage(browser, 1, one[1])).isEqualTo(first);
            JsonNode swapped = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
            assertThat(pairAt(swapped, 1, one[0])).isEqualTo(second);
            assertThat(pairAt(swapped, 1, one[1])).isEqualTo(first);
            shotOf(browser, "#titre-plan", "rencontres-echangees-au-clavier");

            // And two of round 2 by drag and drop (the page's own drag events, as a mouse would fire them).
            int[] two = tablesOf(swapped, 2);
            String dragged = pairAt(swapped, 2, two[0]);
            String dropped = pairAt(swapped, 2, two[1]);
            browser.script("""
                    const data = new DataTransfer();
                    const fire = (element, type) => element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
                    fire(arguments[0], 'dragstart');
                    fire(arguments[1], 'dragover');
                    fire(arguments[1], 'drop');""", meetingButton(browser, 2, two[0]), cell(browser, 2, two[1]));
            browser.settled().until(d -> dropped.equals(pairOnPage(browser, 2, two[0])));
            JsonNode draggedSchedule = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
            assertThat(pairAt(draggedSchedule, 2, two[0])).isEqualTo(dropped);
            assertThat(pairAt(draggedSchedule, 2, two[1])).isEqualTo(dragged);

            // Lock a meeting of round 3 with its button.
            int lockedTable = tablesOf(draggedSchedule, 3)[0];
            By lockButton = By.cssSelector("[data-cle='verrou-3-" + lockedTable + "']");
            browser.driver.findElement(lockButton).sendKeys(Keys.ENTER);
            browser.settled().until(d -> "true".equals(d.findElement(lockButton).getAttribute("aria-pressed")));
            JsonNode locked = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
            assertThat(at(locked, 3, lockedTable).path("locked").asBoolean()).isTrue();
            shotOf(browser, "#titre-plan", "rencontre-verrouillee");

            // Another device locks a meeting of round 2 while this page does not hear of it (its live stream closed):
            // a hand change made here on the grid as it was is refused, and the page reads the grid again, which
            // shows the other device's lock, instead of leaving the next try to be refused the same way.
            browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import(new URL('js/live.js', document.baseURI).href).then(live => { live.close(); done('closed'); });""");
            int elsewhere = tablesOf(locked, 2)[0];
            HttpResponse<String> otherDevice = lab.send("POST", lab.matchmaking.resolve(session + "/schedule/adjustments"),
                    FACILITATOR, "{\"action\": \"LOCK\", \"meeting\": {\"round\": 2, \"table\": " + elsewhere
                            + "}, \"basedOnVersion\": " + locked.path("version").asInt() + "}");
            assertThat(otherDevice.statusCode()).as(otherDevice.body()).isEqualTo(200);
            By otherLock = By.cssSelector("[data-cle='verrou-2-" + elsewhere + "']");
            assertThat(browser.driver.findElement(otherLock).getAttribute("aria-pressed")).isNotEqualTo("true");
            browser.driver.findElement(lockButton).sendKeys(Keys.ENTER); // unlock, on the grid as it was
            browser.settled().until(d -> "true".equals(d.findElement(otherLock).getAttribute("aria-pressed")));
            assertThat(browser.driver.findElement(lockButton).getAttribute("aria-pressed")).as("refused: still locked")
                    .isEqualTo("true");
            locked = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
            assertThat(at(locked, 3, lockedTable).path("locked").asBoolean()).isTrue();
            HttpResponse<String> unlocked = lab.send("POST", lab.matchmaking.resolve(session + "/schedule/adjustments"),
                    FACILITATOR, "{\"action\": \"UNLOCK\", \"meeting\": {\"round\": 2, \"table\": " + elsewhere
                            + "}, \"basedOnVersion\": " + locked.path("version").asInt() + "}");
            assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
            browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import(new URL('js/live.js', document.baseURI).href).then(live => live.whenReady()).then(() => done('open'));""");
            browser.settled().until(d -> !"true".equals(d.findElement(otherLock).getAttribute("aria-pressed")));
            locked = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));

            // The CSV, through the page's button: the bytes the API answers, for French Excel.
            byte[] csv = browser.savedBy(() -> browser.driver.findElement(By.cssSelector("[data-cle=csv]")).sendKeys(Keys.ENTER));
            assertThat(Arrays.copyOf(csv, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
            assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().count()).isEqualTo(1 + meetings(locked).size());

            // Another device changes the plan again while this page does not hear of it: « Publier le plan » on the
            // plan as it was drawn is refused, publishing nothing, and the page reads the plan again, so that what is
            // published is what the facilitator looked at.
            browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import(new URL('js/live.js', document.baseURI).href).then(live => { live.close(); done('closed'); });""");
            HttpResponse<String> beforePublishing = lab.send("POST", lab.matchmaking.resolve(session + "/schedule/adjustments"),
                    FACILITATOR, "{\"action\": \"LOCK\", \"meeting\": {\"round\": 2, \"table\": " + elsewhere
                            + "}, \"basedOnVersion\": " + locked.path("version").asInt() + "}");
            assertThat(beforePublishing.statusCode()).as(beforePublishing.body()).isEqualTo(200);
            browser.driver.findElement(By.cssSelector("[data-cle=publier]")).sendKeys(Keys.ENTER);
            browser.settled().until(d -> "true".equals(d.findElement(otherLock).getAttribute("aria-pressed"))
                    && d.findElement(By.tagName("main")).getText().contains("Le planning a changé entre-temps"));
            assertThat(json(lab.send("GET", lab.matchmaking.resolve(session), FACILITATOR, null)).path("published").asBoolean())
                    .as("nothing published unseen").isFalse();
            browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import(new URL('js/live.js', document.baseURI).href).then(live => live.whenReady()).then(() => done('open'));""");
            locked = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));

            // Publish, the plan as it now is (the stream opened again may redraw the page under the click).
            browser.reading(() -> browser.driver.findElement(By.cssSelector("[data-cle=publier]")).sendKeys(Keys.ENTER));
            browser.settled().until(d -> d.findElements(By.cssSelector("[data-cle=publier]")).isEmpty()
                    && d.findElement(By.tagName("main")).getText().contains("plan publié"));
            assertThat(json(lab.send("GET", lab.matchmaking.resolve(session), FACILITATOR, null)).path("published").asBoolean()).isTrue();
            assertThat(browser.script("return document.activeElement === document.body ? null : document.activeElement.textContent;"))
                    .as("the focus on what the button did, not lost on the page's body").asString().contains("plan publié");
            browser.shot("plan-publie");
            checkPage(browser, "sessions", "the published schedule");

            // Live mode: a participant checks in, the first round starts with its timer.
            browser.driver.findElement(By.linkText("Mode direct")).sendKeys(Keys.ENTER);
            browser.settled().until(d -> browser.script("return location.hash;").toString().endsWith("/direct")
                    && "sessions".equals(browser.readyPage()) && d.findElement(By.tagName("h1")).getText().startsWith("En direct"));
            browser.script("window.__memePage = 'oui';");
            String arriving = participants.get(0);
            browser.driver.findElement(By.cssSelector("[data-cle='arrive-" + arriving + "']")).sendKeys(Keys.ENTER);
            browser.await(By.cssSelector("li[data-participant='" + arriving + "'][data-presence=CHECKED_IN]"));
            // The focus stays on the participant's line, not on its first button — « Absent » now, which one more
            // Entrée at the desk would send.
            assertThat((Object) browser.settled().until(d -> browser.script("const focused = document.activeElement;"
                    + " return focused === document.body ? null : focused.tagName + ' ' + (focused.dataset.participant || focused.dataset.cle);")))
                    .as("the element focused after « Arrivé »").isEqualTo("LI " + arriving);
            shotOf(browser, "#titre-accueil", "accueil");
            // The others of round 1 are neither checked in nor absent: the facilitator is told who before starting it,
            // since their meetings would be recorded as held; the page names exactly them, and starts the round anyway.
            JsonNode published = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
            List<String> notPointed = meetings(published).stream().filter(m -> m.path("round").asInt() == 1)
                    .flatMap(m -> Stream.of(m.path("actor"), m.path("partner")))
                    .filter(actor -> !actor.path("actorId").asText().equals(arriving))
                    .map(actor -> actor.path("name").asText()).distinct().toList();
            assertThat(notPointed).isNotEmpty().allSatisfy(name -> assertThat(name).isNotBlank());
            browser.driver.findElement(By.cssSelector("[data-cle='lancer-1']")).sendKeys(Keys.ENTER);
            By warning = By.cssSelector("[data-tour='1'] [data-non-pointes]");
            browser.await(warning);
            String counted = browser.settled().until(d -> d.findElement(warning).getAttribute("data-non-pointes"));
            String said = browser.settled().until(d -> d.findElement(warning).getText());
            assertThat(counted).isEqualTo(Integer.toString(notPointed.size()));
            assertThat(said).contains(notPointed).contains(notPointed.size() == 1
                    ? "Sa rencontre de ce tour sera comptée comme tenue"
                    : "Leurs rencontres de ce tour seront comptées comme tenues");
            assertThat(browser.script("return document.activeElement.dataset.cle;")).isEqualTo("lancer-annuler-1");
            assertThat(json(lab.send("GET", lab.matchmaking.resolve(session), FACILITATOR, null)).path("roundsStarted").asInt())
                    .as("nothing started while the facilitator reads").isZero();
            shotOf(browser, "#titre-tours", "tour-1-non-pointes");
            browser.driver.findElement(By.cssSelector("[data-cle='lancer-confirmer-1']")).sendKeys(Keys.ENTER);
            browser.await(By.cssSelector("[data-tour='1'][data-etat='en cours']"));
            browser.settled().until(d -> "1".equals(browser.script(
                    "return document.activeElement.closest('[data-tour]')?.dataset.tour ?? null;")));
            assertThat(browser.script("return document.activeElement.tagName;")).as("the round's heading, not the page's body")
                    .isEqualTo("H3");
            browser.settled().until(d -> d.findElement(By.cssSelector(".minuteur")).getText().startsWith("Tour 1 — "));
            shotOf(browser, "#titre-tours", "tour-1-lance");
            checkPage(browser, "sessions", "the live mode");

            // The reception desk marks a participant absent: the open page re-plans the rounds to come, no reload.
            // Someone seated in a round to come (not the one who checked in) does not come after all.
            String absent = meetings(json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null))).stream()
                    .filter(m -> m.path("round").asInt() > 1).flatMap(m -> Stream.of(
                            m.path("actor").path("actorId").asText(), m.path("partner").path("actorId").asText()))
                    .filter(actor -> !actor.equals(arriving)).findFirst().orElseThrow();
            assertThat(onPageIn(browser, "à venir")).as("before the absence").contains(absent);
            // A keyboard user is on that participant's « Absent » button when the desk's absence takes it away.
            browser.script("document.querySelector(`[data-cle='absent-${arguments[0]}']`).focus();", absent);
            List<Long> delays = new ArrayList<>();
            watch(browser, """
                    const absent = arguments[0];
                    const upcoming = [...document.querySelectorAll('[data-etat="à venir"] [data-rencontre]')];
                    return upcoming.length > 0 && upcoming.every(li => !li.dataset.rencontre.split(' ').includes(absent))
                      && !!document.querySelector(`li[data-participant="${absent}"][data-presence="ABSENT"]`);""", absent);
            expect(lab.send("POST", lab.matchmaking.resolve(session + "/absences"), FACILITATOR,
                    "{\"actorId\": \"%s\"}".formatted(absent)), 204);
            long committed = System.currentTimeMillis();
            delays.add(seen(browser) - committed);
            long eventToPage = seen(browser) - replanAt(lab, sessionId).toEpochMilli();
            assertThat(onPageIn(browser, "à venir")).as("the rounds to come, re-planned").doesNotContain(absent).isNotEmpty();
            assertThat(browser.script("return document.activeElement.tagName + ' ' + document.activeElement.dataset.participant;"))
                    .as("the focus stays on the participant's line itself, not on a button left there (« En retard »), "
                            + "which a keystroke meant for « Absent » would press").isEqualTo("LI " + absent);
            JsonNode replanned = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
            for (JsonNode m : meetings(replanned)) {
                if (m.path("round").asInt() > 1) {
                    assertThat(List.of(m.path("actor").path("actorId").asText(), m.path("partner").path("actorId").asText()))
                            .doesNotContain(absent);
                }
            }
            assertThat(onPageIn(browser, "en cours")).as("the round under way keeps its meetings")
                    .containsExactlyInAnyOrderElementsOf(pairsOfRound(replanned, 1));
            assertThat(browser.script("return window.__memePage;")).as("no reload").isEqualTo("oui");
            assertThat(browser.script("return performance.getEntriesByType('navigation').length;")).isEqualTo(1L);
            shotOf(browser, "#titre-tours", "absence-tours-replanifies");
            checkPage(browser, "sessions", "the live mode after the re-plan");

            // More live samples: a meeting of round 4 locked and unlocked from another device, six times.
            JsonNode meeting = at(replanned, 4, meetings(replanned).stream().filter(m -> m.path("round").asInt() == 4)
                    .findFirst().orElseThrow().path("table").asInt());
            int table = meeting.path("table").asInt();
            for (int i = 0; i < 6; i++) {
                boolean lock = i % 2 == 0;
                watch(browser, """
                        const li = [...document.querySelectorAll('[data-tour="4"] li')].find(l => l.textContent.startsWith('Table ' + arguments[0] + ' :'));
                        return !!li && li.textContent.includes('(verrouillée)') === arguments[1];""", table, lock);
                expect(lab.send("POST", lab.matchmaking.resolve(session + "/schedule/adjustments"), FACILITATOR,
                        "{\"action\": \"%s\", \"meeting\": {\"round\": 4, \"table\": %d}}".formatted(lock ? "LOCK" : "UNLOCK", table)), 200);
                long answered = System.currentTimeMillis();
                delays.add(seen(browser) - answered);
            }
            assertThat(browser.script("return window.__memePage;")).isEqualTo("oui");

            // A table of round 1 is taken back by the venue: the rounds to come do without it, round 1 keeps it.
            int lostTable = tablesOf(json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null)), 1)[0];
            new Select(browser.driver.findElement(By.cssSelector("[data-cle=table-perdue]"))).selectByValue(Integer.toString(lostTable));
            browser.driver.findElement(By.cssSelector("[data-cle=retirer-table]")).sendKeys(Keys.ENTER);
            browser.settled().until(d -> d.findElement(By.tagName("main")).getText().contains("(retirée : " + lostTable + ")"));
            browser.settled().until(d -> Boolean.TRUE.equals(browser.script("""
                    return [...document.querySelectorAll('[data-etat="à venir"] li')].every(li => !li.textContent.startsWith('Table ' + arguments[0] + ' :'));""",
                    lostTable)));
            assertThat(browser.script("return [...document.querySelectorAll('[data-etat=\"en cours\"] li')]"
                    + ".some(li => li.textContent.startsWith('Table ' + arguments[0] + ' :'));", lostTable)).isEqualTo(true);
            JsonNode withoutTable = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
            assertThat(meetings(withoutTable).stream().filter(m -> m.path("round").asInt() > 1).map(m -> m.path("table").asInt()))
                    .isNotEmpty().doesNotContain(lostTable);
            shotOf(browser, "#titre-tours", "table-retiree");
            checkPage(browser, "sessions", "the live mode after a table lost");

            // The list of the facilitator's sessions says where this one stands.
            browser.go(lab, "#/sessions", "sessions");
            assertThat(browser.await(By.cssSelector("[data-session='" + sessionId + "']")).getText())
                    .contains("en cours (tour 1 sur " + ROUNDS + ")");
            checkPage(browser, "sessions", "the sessions page with a session under way");

            String report = "session live update (ms, API's answer → change shown on the open live page, 1 absence re-planned + 6 locks): "
                    + summary(delays) + "\n"
                    + "session live update of the absence measured from the re-plan event's own timestamp (ms): " + eventToPage + "\n";
            System.out.println(report);
            Files.writeString(Path.of("target", "console-session-measures.txt"), report);
            assertThat(delays).hasSize(7);
        }
    }

    /** A screenshot with that part of the page at the top of the window. */
    private static void shotOf(ConsoleBrowser browser, String selector, String name) {
        browser.script("document.querySelector(arguments[0]).scrollIntoView();", selector);
        browser.shot(name);
        browser.script("window.scrollTo(0, 0);");
    }

    /** Checks the page at 1280 px (axe-core), then at 390 px (axe-core, nothing to scroll sideways, a screenshot). */
    /** The checks of every page at both widths, and the page still the one shown (a resize redraws nothing else). */
    private static void checkPage(ConsoleBrowser browser, String page, String what) {
        browser.checkAtDesktopAndPhoneWidths(what);
        assertThat(browser.readyPage()).isEqualTo(page);
    }

    /** Records in the page when the condition first holds (checked on every change of the page's content). */
    private static void watch(ConsoleBrowser browser, String condition, Object... arguments) {
        browser.script("""
                window.__vu = null;
                const check = new Function(arguments[0]);
                const args = Array.from(arguments).slice(1);
                window.__dejaVu = check.apply(null, args);
                const observer = new MutationObserver(() => {
                  if (check.apply(null, args)) { window.__vu = Date.now(); observer.disconnect(); }
                });
                observer.observe(document.getElementById('contenu'), { childList: true, subtree: true, characterData: true, attributes: true });
                """, concat(condition, arguments));
        assertThat(browser.script("return window.__dejaVu;")).as("the change is not shown before it is made").isEqualTo(false);
    }

    private static Object[] concat(String first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static long seen(ConsoleBrowser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> browser.script("return window.__vu;") != null);
        return ((Number) browser.script("return window.__vu;")).longValue();
    }

    /**
     * When the re-plan's event was committed, from the live stream's recent events: awaited, since the page may show
     * the re-plan (read from the event store after the absence) before the event went through the broker.
     */
    private static Instant replanAt(SignedInLab lab, String sessionId) {
        return await("the re-plan's notification").atMost(Duration.ofSeconds(30)).until(() -> {
            Instant at = null;
            for (JsonNode n : json(lab.send("GET", lab.matchmaking.resolve("/api/live"), FACILITATOR, null))) {
                if (n.path("aggregateId").asText().equals(sessionId) && n.path("type").asText().equals("ScheduleAdjustedEvent")) {
                    at = Instant.parse(n.path("at").asText());
                }
            }
            return at;
        }, Objects::nonNull);
    }

    /** The pairs ("a b", ids) shown in the live page's rounds of that state. */
    private static List<String> onPageIn(ConsoleBrowser browser, String state) {
        List<?> pairs = (List<?>) browser.script("return [...document.querySelectorAll(`[data-etat=\"${arguments[0]}\"] [data-rencontre]`)]"
                + ".map(li => li.dataset.rencontre);", state);
        return pairs.stream().map(Object::toString).flatMap(p -> Arrays.stream(p.split(" "))).toList();
    }

    private static List<String> pairsOfRound(JsonNode schedule, int round) {
        List<String> actors = new ArrayList<>();
        meetings(schedule).stream().filter(m -> m.path("round").asInt() == round).forEach(m -> {
            actors.add(m.path("actor").path("actorId").asText());
            actors.add(m.path("partner").path("actorId").asText());
        });
        return actors;
    }

    private static WebElement cell(ConsoleBrowser browser, int round, int table) {
        return browser.driver.findElement(By.cssSelector("td[data-case='" + round + "-" + table + "']"));
    }

    private static WebElement meetingButton(ConsoleBrowser browser, int round, int table) {
        return browser.driver.findElement(By.cssSelector("button.rencontre[data-cle='case-" + round + "-" + table + "']"));
    }

    private static String pairOnPage(ConsoleBrowser browser, int round, int table) {
        return sorted(meetingButton(browser, round, table).getAttribute("data-rencontre"));
    }

    /** The tables of a round's meetings, in order (at least two). */
    private static int[] tablesOf(JsonNode schedule, int round) {
        int[] tables = meetings(schedule).stream().filter(m -> m.path("round").asInt() == round)
                .mapToInt(m -> m.path("table").asInt()).sorted().toArray();
        assertThat(tables).as("meetings of round " + round).hasSizeGreaterThanOrEqualTo(2);
        return tables;
    }

    private static String pairAt(JsonNode schedule, int round, int table) {
        JsonNode m = at(schedule, round, table);
        return sorted(m.path("actor").path("actorId").asText() + " " + m.path("partner").path("actorId").asText());
    }

    private static String sorted(String pair) {
        List<String> ids = new ArrayList<>(List.of(pair.split(" ")));
        Collections.sort(ids);
        return String.join(" ", ids);
    }

    private static JsonNode at(JsonNode schedule, int round, int table) {
        return meetings(schedule).stream().filter(m -> m.path("round").asInt() == round && m.path("table").asInt() == table)
                .findFirst().orElseThrow(() -> new AssertionError("no meeting at round " + round + ", table " + table));
    }

    private static List<JsonNode> meetings(JsonNode schedule) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode round : schedule.path("rounds")) {
            for (JsonNode table : round.path("tables")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) table).put("round", round.path("round").asInt());
                all.add(table);
            }
        }
        return all;
    }

    private static void replace(WebElement input, int value) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Integer.toString(value));
    }

    private static String summary(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return "median " + sorted.get(sorted.size() / 2) + ", min " + sorted.get(0) + ", max " + sorted.get(sorted.size() - 1)
                + " " + values;
    }

    /**
     * Chooses values in the board's lists ({@code data-cle} and value, in pairs) and submits with the button
     * {@code submitKey}. The board is drawn again at every event of the session (a participant registered elsewhere, a
     * wish): the new lists keep the choice, but a list element found a moment ago may be gone, so the whole choice is
     * made again on the new drawing, and sent only while the lists hold what was chosen.
     */
    private static void choose(ConsoleBrowser browser, String submitKey, String... keysAndValues) {
        browser.settled().until(driver -> {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                new Select(driver.findElement(By.cssSelector("[data-cle=" + keysAndValues[i] + "]")))
                        .selectByValue(keysAndValues[i + 1]);
            }
            for (int i = 0; i < keysAndValues.length; i += 2) {
                String chosen = new Select(driver.findElement(By.cssSelector("[data-cle=" + keysAndValues[i] + "]")))
                        .getFirstSelectedOption().getAttribute("value");
                if (!keysAndValues[i + 1].equals(chosen)) {
                    return false;
                }
            }
            driver.findElement(By.cssSelector("[data-cle=" + submitKey + "]")).sendKeys(Keys.ENTER);
            return true;
        });
    }
}
