package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static fr.labos.partenariats.deploy.Answers.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An introduction answered in a real headless Chromium, on the demo territory with sign-in on: a member asks for an
 * introduction to a partner the matcher proposes, the partner's member finds it in its inbox and accepts, the first
 * member accepts too, and both then see the other's contact person and the introduction's history, verified intact;
 * another one is declined with a reason; another one is withdrawn by the facilitator who proposed it.
 */
@ExtendWith(SignedInLab.Resolver.class)
class ConsoleIntroductionJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DESKTOP = 1280;
    /** The lab's zone, whose day the service checks an outcome's day against. */
    private static final ZoneId LAB_TIME_ZONE = LabCalendar.ZONE;
    /** The demo actors that have a demo member account, with that account. */
    private static final List<List<String>> MEMBERS = List.of(
            List.of("mobilite-solidaire", "member-mobilite"),
            List.of("fonds-assureur", "member-fonds"),
            List.of("tremplin-insertion", "member-tremplin"));

    @Test
    void bothMembersAcceptAndThenSeeEachOthersContact(SignedInLab lab) {
        String[] pair = askablePair(lab);
        String asker = pair[0];
        String partner = pair[2];
        String introduction;
        try (ConsoleBrowser browser = ConsoleBrowser.open("mise-en-relation-1-demande", DESKTOP)) {
            browser.signIn(lab, pair[1]);
            browser.go(lab, "#/partenaires/" + asker, "partenaires");
            WebElement card = browser.await(By.cssSelector("[data-partenaire='" + partner + "']"));
            card.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Demander une mise en relation')]")).click();
            WebElement ask = browser.await(By.cssSelector("[data-partenaire='" + partner + "'] form"));
            ask.findElement(By.name("note")).sendKeys("Bonjour, vos ressources répondent à notre besoin.");
            ask.findElement(By.cssSelector("button[type=submit]")).click();
            introduction = browser.await(By.cssSelector("[data-partenaire] .succes[data-introduction]")).getAttribute("data-introduction");
            browser.shot("mise-en-relation-demandee");
        }
        awaitInInbox(lab, partner, pair[3], introduction);

        // The partner's member: the introduction waits for its answer; it accepts.
        try (ConsoleBrowser browser = ConsoleBrowser.open("mise-en-relation-2-partenaire-accepte", DESKTOP)) {
            browser.signIn(lab, pair[3]);
            browser.go(lab, "#/mises-en-relation/" + partner, "mises-en-relation");
            WebElement card = browser.await(By.cssSelector("li[data-introduction='" + introduction + "']"));
            assertThat(card.findElement(By.cssSelector("[data-statut]")).getAttribute("data-statut")).isEqualTo("proposed");
            // The asker's note, signed by its organisation: the partner does not know its people by name.
            assertThat(card.getText()).contains("Message de " + actorName(lab, asker)
                    + " : Bonjour, vos ressources répondent à notre besoin.");
            browser.shot("boite-de-reception-en-attente");
            browser.assertAccessible("the partner's inbox");
            card.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Accepter')]")).click();
            // Its answer is recorded: no button left to answer, still waiting for the asker.
            browser.await(By.xpath("//li[@data-introduction='" + introduction + "' and not(.//button[starts-with(normalize-space(), 'Accepter')])]"));
            assertThat(acceptedBy(lab, introduction)).containsExactly(partner);
            browser.shot("acceptee-par-le-partenaire");
        }

        // The asker's member accepts too: the partner's contact person appears.
        try (ConsoleBrowser browser = ConsoleBrowser.open("mise-en-relation-3-demandeur-accepte", DESKTOP)) {
            browser.signIn(lab, pair[1]);
            browser.go(lab, "#/mises-en-relation/" + asker, "mises-en-relation");
            WebElement card = browser.await(By.cssSelector("li[data-introduction='" + introduction + "']"));
            assertThat(card.getText()).as("the reader's own note").contains("Votre message : Bonjour, vos ressources");
            browser.shot("boite-de-reception-du-demandeur");
            browser.assertAccessible("the asker's inbox");
            card.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Accepter')]")).click();
            WebElement contact = browser.await(By.cssSelector("li[data-introduction='" + introduction + "'] [data-contact='" + partner + "']"));
            assertThat(contact.getText()).isEqualTo(contactLine(lab, partner, pair[1]));
            assertThat(browser.driver.findElement(By.cssSelector("li[data-introduction='" + introduction + "'] [data-statut]"))
                    .getAttribute("data-statut")).isEqualTo("accepted");
            browser.shot("contact-du-partenaire");
            browser.assertAccessible("the inbox with the partner's contact");
        }

        // The partner's member sees the asker's contact person.
        try (ConsoleBrowser browser = ConsoleBrowser.open("mise-en-relation-4-contact-du-demandeur", DESKTOP)) {
            browser.signIn(lab, pair[3]);
            browser.go(lab, "#/mises-en-relation/" + partner, "mises-en-relation");
            WebElement contact = browser.await(By.cssSelector("li[data-introduction='" + introduction + "'] [data-contact='" + asker + "']"));
            assertThat(contact.getText()).isEqualTo(contactLine(lab, asker, pair[3]));
            browser.shot("contact-du-demandeur");

            // The history of the introduction, step by step, and the check that it was not altered.
            String card = "li[data-introduction='" + introduction + "']";
            browser.driver.findElement(By.cssSelector(card + " details.historique summary")).click();
            JsonNode history = json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + introduction + "/history"),
                    pair[3], null).body()).path("steps");
            assertThat(history).as("proposed, then accepted by each side").hasSize(3);
            // Read as the page shows it, again if the page drew the card anew meanwhile (an event of it arrived).
            List<String> shown = browser.settled().until(driver -> {
                List<String> texts = driver.findElements(By.cssSelector(card + " ol.historique li[data-etape]")).stream()
                        .map(WebElement::getText).toList();
                return texts.size() == history.size() ? texts : null;
            });
            for (int step = 0; step < shown.size(); step++) {
                JsonNode who = history.get(step).path("who");
                // The reader (the partner's member) answered for the partner: that step is shown as theirs.
                String actor = who.path("actingFor").asText();
                assertThat(shown.get(step)).as("step %d", step)
                        .startsWith(history.get(step).path("label").asText())
                        .contains(actor.equals(partner) ? "par vous" : "par " + who.path("subject").asText())
                        .contains("pour " + actorName(lab, actor))
                        .contains("empreinte " + history.get(step).path("hash").asText().substring(0, 16));
            }
            // A card is drawn anew when its introduction changes (an event of it may still be on its way through the
            // live stream): a button found just before that is gone; found again, then.
            By verify = By.xpath("//li[@data-introduction='" + introduction
                    + "']//button[normalize-space()='Vérifier l’intégrité']");
            browser.settled().until(driver -> {
                driver.findElement(verify).click();
                return true;
            });
            String verdict = browser.settled().until(driver -> driver.findElements(By.cssSelector(card + " [data-intact='true']"))
                    .stream().map(WebElement::getText).findFirst().orElse(null));
            JsonNode verification = json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + introduction
                    + "/verification"), pair[3], null).body());
            assertThat(verification.path("holds").asBoolean()).isTrue();
            assertThat(verdict).isEqualTo("Intègre : " + verification.path("explanation").asText());
            browser.shot("historique-verifie");
            browser.assertAccessible("the introduction's history and its verification");

            // The partner's member starts writing down what came of it while the asker's member records the meeting
            // they held (the card is drawn anew, « rencontrée »): the form goes over to the new card as it was, the
            // member types on and records it; recorded, the form is blank again.
            String outcome = card + " form[data-form='outcome']";
            LocalDate before = LocalDate.now(LAB_TIME_ZONE);
            WebElement form = browser.driver.findElement(By.cssSelector(outcome));
            assertThat(LocalDate.parse(form.findElement(By.name("day")).getAttribute("value")))
                    .as("the outcome's day, today in the lab's zone (the service refuses one before the proposal's day there)")
                    .isBetween(before, LocalDate.now(LAB_TIME_ZONE));
            new Select(form.findElement(By.name("outcome"))).selectByValue("PARTNERSHIP_FORMED");
            new Select(form.findElement(By.name("form"))).selectByValue("CO_PRODUCTION");
            new Select(form.findElement(By.name("category"))).selectByValue("SKILLS");
            form.findElement(By.name("note")).sendKeys("Convention en préparation");
            browser.script("document.querySelector(arguments[0]).__drawnFirst = true;", card);
            URI meetings = lab.matchmaking.resolve("/api/introductions/" + introduction + "/meetings");
            String meeting = json(lab.send("POST", meetings, pair[1], """
                    {"startsAt": "%s", "place": "Maison des associations", "actingFor": "%s"}"""
                    .formatted(Instant.now().minus(Duration.ofHours(2)), asker)).body()).path("id").asText();
            assertThat(lab.send("POST", lab.matchmaking.resolve("/api/introductions/" + introduction + "/meetings/"
                    + meeting + "/held"), pair[1], "{\"actingFor\": \"%s\"}".formatted(asker)).statusCode()).isEqualTo(204);
            browser.settled().until(driver -> "met".equals(browser.script(
                    "return document.querySelector(arguments[0] + ' [data-statut]')?.dataset.statut;", card)));
            assertThat(browser.script("return document.querySelector(arguments[0]).__drawnFirst === true;", card))
                    .as("the card, drawn anew").isEqualTo(false);
            form = browser.driver.findElement(By.cssSelector(outcome));
            assertThat(new Select(form.findElement(By.name("outcome"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("PARTNERSHIP_FORMED");
            assertThat(new Select(form.findElement(By.name("form"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("CO_PRODUCTION");
            assertThat(new Select(form.findElement(By.name("category"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("SKILLS");
            assertThat(form.findElement(By.name("note")).getAttribute("value")).isEqualTo("Convention en préparation");
            assertThat(focusedField(browser)).as("the focus stays in the note being typed").isEqualTo("note");
            browser.driver.switchTo().activeElement().sendKeys(" avec la collectivité");
            // Sent first without its category: refused, the form says why; sent again with it, recorded, and the
            // refusal goes with it.
            browser.script("document.querySelector(arguments[0] + ' select[name=category]').value = '';", outcome);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.settled().until(driver -> !problemShown(browser, outcome).isEmpty());
            form = browser.driver.findElement(By.cssSelector(outcome));
            new Select(form.findElement(By.name("category"))).selectByValue("SKILLS");
            // Its answer lost on the way back (the network, a proxy's timeout): recorded, but the page cannot know.
            // Sent again as it was, it is found in the history and not recorded twice (an outcome is for ever).
            browser.loseTheAnswerOfTheNextPost("/outcomes");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.settled().until(driver -> driver.findElement(By.cssSelector(outcome)).getText()
                    .contains("Service injoignable"));
            browser.driver.findElement(By.cssSelector(outcome + " button[type=submit]")).click();
            // Recorded, or refused: then the form says why, and so does the failure.
            Awaitility.await("the partnership recorded").atMost(Duration.ofSeconds(30)).until(() -> "partnership".equals(json(lab.send("GET",
                    lab.matchmaking.resolve("/api/introductions/" + introduction), pair[3], null).body()).path("status").asText())
                    || !problemShown(browser, outcome).isEmpty());
            assertThat(problemShown(browser, outcome)).as("the outcome form's problem").isEmpty();
            assertThat(json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + introduction + "/history"),
                    pair[3], null).body()).path("steps").toString()).contains("Convention en préparation avec la collectivité");
            browser.settled().until(driver -> "".equals(browser.script(
                    "return document.querySelector(arguments[0] + ' input[name=note]').value;", outcome)));
            assertThat(json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + introduction), pair[3], null)
                    .body()).path("steps").findValuesAsText("type")).as("the outcome recorded once, its answer lost")
                    .containsOnlyOnce("OutcomeRecordedEvent");
            browser.settled().until(driver -> "".equals(browser.script(
                    "return document.querySelector(arguments[0] + ' input[name=note]').value;", outcome)));
            assertThat(new Select(browser.driver.findElement(By.cssSelector(outcome + " select[name=outcome]")))
                    .getFirstSelectedOption().getAttribute("value")).as("blank again").isEqualTo("FOLLOW_UP_PLANNED");

            // A second outcome from the same form, which the card drawn anew took over: it says the steps this page
            // showed, its own outcome among them, and is recorded — not refused as one recorded meanwhile elsewhere.
            browser.driver.findElement(By.cssSelector(outcome + " input[name=note]")).sendKeys("Point d'étape à l'automne");
            browser.driver.findElement(By.cssSelector(outcome + " button[type=submit]")).click();
            Awaitility.await("the follow-up recorded").atMost(Duration.ofSeconds(30)).until(() -> json(lab.send("GET",
                    lab.matchmaking.resolve("/api/introductions/" + introduction), pair[3], null).body())
                    .path("steps").findValuesAsText("type").stream().filter("OutcomeRecordedEvent"::equals).count() == 2
                    || !problemShown(browser, outcome).isEmpty());
            assertThat(problemShown(browser, outcome)).as("the outcome form's problem").isEmpty();

            // While the partner's member writes another, the asker's member records one from its own page: the card is
            // drawn anew, the form goes over to it as it was — and, sent, is refused as written before that outcome
            // was seen (the same partnership is not counted twice); sent again, now that the card shows it, recorded.
            // (Once the page is done with its own: the card it drew after it is the step it saw.)
            long afterItsOwn = lastStep(lab, introduction, pair[3]);
            browser.settled().until(driver -> String.valueOf(afterItsOwn).equals(browser.script(
                    "return document.querySelector(arguments[0]).dataset.seen;", outcome)));
            browser.driver.findElement(By.cssSelector(outcome + " input[name=note]")).sendKeys("Comité de pilotage");
            assertThat(lab.send("POST", lab.matchmaking.resolve("/api/introductions/" + introduction + "/outcomes"),
                    pair[1], "{\"actingFor\": \"%s\", \"outcome\": \"FOLLOW_UP_PLANNED\", \"day\": \"%s\"}"
                            .formatted(asker, LocalDate.now(LAB_TIME_ZONE))).statusCode()).isEqualTo(204);
            browser.settled().until(driver -> browser.script(
                    "return document.querySelector(arguments[0]).dataset.sequence;", card).toString()
                    .equals(String.valueOf(lastStep(lab, introduction, pair[3]))));
            browser.driver.findElement(By.cssSelector(outcome + " button[type=submit]")).click();
            browser.settled().until(driver -> problemShown(browser, outcome).contains("Une suite a été enregistrée"));
            browser.driver.findElement(By.cssSelector(outcome + " button[type=submit]")).click();
            Awaitility.await("the reader's outcome recorded, once told").atMost(Duration.ofSeconds(30)).until(() -> json(lab.send("GET",
                    lab.matchmaking.resolve("/api/introductions/" + introduction), pair[3], null).body())
                    .path("steps").findValuesAsText("type").stream().filter("OutcomeRecordedEvent"::equals).count() == 4);
        }
    }

    /**
     * Declining takes a moment (a reason, a sentence): what the member types stays, with the focus, while the live
     * stream brings other news — another introduction arriving in the inbox leaves the card alone, and the partner
     * accepting this very one (its card is drawn anew) hands the open form, as it was, to the new card.
     */
    @Test
    void aMemberDeclinesWithAReason(SignedInLab lab) {
        // Introduced by the facilitator of Isère: Tremplin and an association of Isère that Mobilité solidaire's member
        // has just registered (a pair no other test of the lab introduced before, whatever their order).
        String tremplin = lab.actor("tremplin-insertion");
        String mobilite = lab.actor("mobilite-solidaire");
        String partner = lab.isereNewcomer("member-mobilite", "Association partenaire");
        String introduction = id(lab.send("POST", lab.matchmaking.resolve("/api/introductions"), "facilitator-isere", """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR", "note": "Je vous propose d'en parler."}"""
                .formatted(partner, tremplin)).body());
        awaitInInbox(lab, tremplin, "member-tremplin", introduction);
        // A newcomer of Isère, whom the facilitator will introduce to Tremplin while Tremplin's member is declining.
        String newcomer = lab.isereNewcomer("member-mobilite", "Association nouvelle venue");
        String cardOf = "li[data-introduction='" + introduction + "']";
        try (ConsoleBrowser browser = ConsoleBrowser.open("mise-en-relation-declinee", DESKTOP)) {
            browser.signIn(lab, "member-tremplin");
            browser.go(lab, "#/mises-en-relation/" + tremplin, "mises-en-relation");
            WebElement card = browser.await(By.cssSelector(cardOf));
            card.findElement(By.xpath(".//button[normalize-space()='Décliner']")).click();
            WebElement form = card.findElement(By.tagName("form"));
            assertThat(focusedField(browser)).as("the reason gets the focus").isEqualTo("reason");
            new Select(form.findElement(By.name("reason"))).selectByValue("NOT_NOW");
            form.findElement(By.name("text")).sendKeys("Nous reprendrons contact à l'automne.");
            browser.script("arguments[0].__drawnFirst = true;", card);

            // The facilitator introduces two other organisations to each other: Tremplin's member hears of it without
            // its id (it may not read it), and the inbox, where it cannot be, reads nothing for it.
            // Counted once the page is quiet: no reading for longer than the page waits between two readings of a
            // series (8 s; a reading of its own still planned would be counted below).
            long inboxReads = Readings.settled("the inbox page quiet", Duration.ofSeconds(9), Duration.ofSeconds(60),
                    () -> inboxReads(browser, tremplin));
            String elsewhere = id(lab.send("POST", lab.matchmaking.resolve("/api/introductions"), "facilitator-isere", """
                    {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(newcomer, mobilite)).body());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lab.send("GET", lab.matchmaking.resolve("/api/live"),
                    "facilitator-isere", null).body().contains(elsewhere));
            assertThat(lab.send("GET", lab.matchmaking.resolve("/api/live"), "member-tremplin", null).body())
                    .doesNotContain(elsewhere);
            // The stream tells the page as the service reads the event (listed above); a page that cared would read at
            // once (then again until its line shows the step).
            Awaitility.await("no reading of the inbox for an introduction it may not read")
                    .during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                    .until(() -> inboxReads(browser, tremplin) == inboxReads);

            // Another introduction arrives: the card being answered is not drawn again.
            String arriving = id(lab.send("POST", lab.matchmaking.resolve("/api/introductions"), "facilitator-isere", """
                    {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(newcomer, tremplin)).body());
            browser.await(By.cssSelector("li[data-introduction='" + arriving + "']"));
            assertThat(inboxReads(browser, tremplin)).as("the inbox read again for an introduction of its own").isGreaterThan(inboxReads);
            assertThat(browser.script("return document.querySelector(arguments[0]).__drawnFirst === true;", cardOf))
                    .as("the card being answered, after another introduction arrived").isEqualTo(true);
            assertDeclineFormAsTyped(browser, cardOf, "Nous reprendrons contact à l'automne.");

            // The partner accepts this introduction: its card is drawn anew, with the form as it was.
            assertThat(lab.send("POST", lab.matchmaking.resolve("/api/introductions/" + introduction + "/accept"),
                    "member-mobilite", "{\"actingFor\": \"%s\"}".formatted(partner)).statusCode()).isEqualTo(204);
            browser.settled().until(driver -> Boolean.FALSE.equals(browser.script(
                    "const card = document.querySelector(arguments[0]); return card !== null && card.__drawnFirst === true;", cardOf)));
            assertDeclineFormAsTyped(browser, cardOf, "Nous reprendrons contact à l'automne.");
            // The member goes on typing where they were.
            browser.driver.switchTo().activeElement().sendKeys(" Merci !");
            browser.shot("refus-avec-raison");
            browser.assertAccessible("the decline form");
            browser.driver.findElement(By.cssSelector(cardOf + " form[data-form='decline'] button[type=submit]")).click();
            browser.await(By.cssSelector(cardOf + " [data-statut='declined']"));
            // What is announced is the answer (not that a form went), once the page has read its own event again too
            // (it reads again when the event comes through the stream); the keyboard stays on the card.
            Awaitility.await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(browser.script("return document.getElementById('annonces').textContent;"))
                            .isEqualTo("Mise en relation déclinée."));
            assertThat(browser.script("return document.activeElement.closest('li[data-introduction]')?.dataset.introduction;"))
                    .as("the focus on the declined introduction's card").isEqualTo(introduction);
            browser.shot("mise-en-relation-declinee");
        }
        JsonNode view = json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + introduction), "member-tremplin", null).body());
        assertThat(view.path("status").asText()).isEqualTo("declined");
        assertThat(view.path("steps").toString()).contains("NOT_NOW").contains("Nous reprendrons contact à l'automne. Merci !");
    }

    /**
     * Whoever proposed an introduction may withdraw it while it waits for its answers: a member of one of its sides, who
     * did not propose it, is not offered to; the facilitator who introduced the two organisations finds « Retirer la
     * mise en relation » on its card, which asks for a confirmation (Échap closes it) with an optional reason. A reason
     * the API refuses (too long) is said by the field, with the API's words; a side accepting meanwhile leaves the
     * confirmation as it was; confirmed, the card says « retirée » and its last step, and its history the step taken.
     */
    @Test
    void theFacilitatorWhoProposedAnIntroductionWithdrawsIt(SignedInLab lab) {
        // Introduced by the facilitator of Isère: Tremplin and an association of Isère registered just now (a pair no
        // other test of the lab introduced before, whatever their order).
        String tremplin = lab.actor("tremplin-insertion");
        String partner = lab.isereNewcomer("member-mobilite", "Association à qui l'on retire une proposition");
        String introduction = id(lab.send("POST", lab.matchmaking.resolve("/api/introductions"), "facilitator-isere", """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR", "note": "Une piste à explorer ensemble."}"""
                .formatted(partner, tremplin)).body());
        awaitInInbox(lab, tremplin, "member-tremplin", introduction);
        String cardOf = "li[data-introduction='" + introduction + "']";

        // Tremplin's member answers it, and may not withdraw it (the API would refuse: it did not propose it).
        try (ConsoleBrowser browser = ConsoleBrowser.open("mise-en-relation-retrait-1-membre", DESKTOP)) {
            browser.signIn(lab, "member-tremplin");
            browser.go(lab, "#/mises-en-relation/" + tremplin, "mises-en-relation");
            // The card has read the introduction (its note shows, signed by the facilitator who wrote it): it knows who
            // proposed it.
            browser.await(By.xpath("//li[@data-introduction='" + introduction
                    + "']//p[normalize-space()='Message de " + lab.nameOf("facilitator-isere")
                    + " (animation du labo) : Une piste à explorer ensemble.']"));
            WebElement card = browser.driver.findElement(By.cssSelector(cardOf));
            assertThat(card.findElements(By.xpath(".//button[starts-with(normalize-space(), 'Accepter')]"))).hasSize(1);
            assertThat(card.findElements(By.cssSelector("[data-action='retirer'], form[data-form='withdraw']")))
                    .as("no withdrawal offered to a side that did not propose it").isEmpty();
            // Who of the lab proposed it: its history names that facilitator as its own sign-in names it.
            card.findElement(By.cssSelector("details.historique summary")).click();
            String proposed = browser.settled().until(d -> d.findElements(By.cssSelector(cardOf + " ol.historique li[data-etape]"))
                    .stream().map(WebElement::getText).findFirst().orElse(null));
            assertThat(proposed).startsWith("Mise en relation proposée par l'équipe du labo (intermédiation) — ")
                    .contains("par " + lab.nameOf("facilitator-isere") + " (animation du labo)")
                    .doesNotContain(lab.subjectOf("facilitator-isere"));
            browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", cardOf + " ol.historique");
            browser.shot("proposee-par-le-facilitateur");
        }

        // The facilitator, on the inbox of the association it introduced.
        try (ConsoleBrowser browser = ConsoleBrowser.open("mise-en-relation-retrait-2-animateur", DESKTOP)) {
            browser.signIn(lab, "facilitator-isere");
            browser.go(lab, "#/mises-en-relation/" + partner, "mises-en-relation");
            By withdraw = By.cssSelector(cardOf + " button[data-action='retirer']");
            String confirmation = cardOf + " form[data-form='withdraw']";
            browser.await(withdraw).click();
            browser.await(By.cssSelector(confirmation));
            assertThat(focusedField(browser)).as("the reason gets the focus").isEqualTo("reason");
            browser.shot("confirmation-du-retrait");
            // Échap: closed, nothing sent, the focus back on the button that opened it.
            browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            assertThat(browser.driver.findElement(By.cssSelector(confirmation)).isDisplayed()).isFalse();
            assertThat(browser.script("return document.activeElement.dataset.action;")).isEqualTo("retirer");

            // A reason longer than the API takes: its refusal, by the field.
            String tooLong = "x".repeat(2001);
            JsonNode refusal = json(lab.send("POST", lab.matchmaking.resolve("/api/introductions/" + introduction + "/withdraw"),
                    "facilitator-isere", "{\"reason\": \"%s\"}".formatted(tooLong)).body());
            assertThat(refusal.path("errors").path(0).path("field").asText()).isEqualTo("reason");
            browser.driver.findElement(withdraw).click();
            browser.script("document.querySelector(arguments[0] + ' input[name=reason]').value = arguments[1];", confirmation, tooLong);
            browser.driver.findElement(By.cssSelector(confirmation + " button[type=submit]")).click();
            WebElement fieldError = browser.await(By.cssSelector(confirmation + " .erreur-champ"));
            assertThat(fieldError.getText()).isEqualTo(refusal.path("errors").path(0).path("message").asText());
            assertThat(browser.driver.findElement(By.cssSelector(confirmation + " input[name=reason]")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(problemShown(browser, confirmation)).startsWith(refusal.path("title").asText());
            assertThat(json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + introduction), "facilitator-isere",
                    null).body()).path("status").asText()).as("refused, nothing withdrawn").isEqualTo("proposed");

            // A reason it takes. Meanwhile Tremplin accepts (it may still be withdrawn): the card is drawn anew, with the
            // confirmation as it was, and the focus where the facilitator was typing.
            WebElement reason = browser.driver.findElement(By.cssSelector(confirmation + " input[name=reason]"));
            reason.clear();
            reason.sendKeys("Les deux organisations");
            browser.script("document.querySelector(arguments[0]).__drawnFirst = true;", cardOf);
            assertThat(lab.send("POST", lab.matchmaking.resolve("/api/introductions/" + introduction + "/accept"),
                    "member-tremplin", "{\"actingFor\": \"%s\"}".formatted(tremplin)).statusCode()).isEqualTo(204);
            browser.settled().until(driver -> Boolean.FALSE.equals(browser.script(
                    "const card = document.querySelector(arguments[0]); return card !== null && card.__drawnFirst === true;", cardOf)));
            assertThat(browser.driver.findElement(By.cssSelector(confirmation)).isDisplayed()).as("the confirmation still open").isTrue();
            assertThat(focusedField(browser)).as("the focus stays in the reason being typed").isEqualTo("reason");
            browser.driver.switchTo().activeElement().sendKeys(" travaillent déjà ensemble.");
            browser.assertAccessible("the withdrawal's confirmation");
            browser.driver.findElement(By.cssSelector(confirmation + " button[type=submit]")).click();
            browser.await(By.cssSelector(cardOf + " [data-statut='withdrawn']"));
            String shown = browser.settled().until(driver -> driver.findElement(By.cssSelector(cardOf)).getText());
            assertThat(shown).contains("retirée").contains("Dernière étape : retirée par qui l'avait proposée");
            assertThat(browser.driver.findElements(By.cssSelector(cardOf + " [data-action='retirer']"))).isEmpty();
            Awaitility.await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(browser.script("return document.getElementById('annonces').textContent;"))
                            .isEqualTo("Mise en relation retirée."));
            assertThat(browser.script("return document.activeElement.closest('li[data-introduction]')?.dataset.introduction;"))
                    .as("the focus on the withdrawn introduction's card").isEqualTo(introduction);
            browser.shot("mise-en-relation-retiree");

            // Its history: proposed, accepted by Tremplin, then withdrawn by the reader.
            browser.settled().until(driver -> {
                driver.findElement(By.cssSelector(cardOf + " details.historique summary")).click();
                return true;
            });
            List<String> steps = browser.settled().until(driver -> {
                List<String> texts = driver.findElements(By.cssSelector(cardOf + " ol.historique li[data-etape]")).stream()
                        .map(WebElement::getText).toList();
                return texts.size() == 3 ? texts : null;
            });
            assertThat(steps.get(2)).startsWith("Mise en relation retirée").contains("par vous");
            browser.assertAccessible("the withdrawn introduction");
        }
        JsonNode view = json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + introduction), "member-tremplin", null).body());
        assertThat(view.path("status").asText()).isEqualTo("withdrawn");
        assertThat(view.path("steps").toString()).contains("Les deux organisations travaillent déjà ensemble.");
    }

    /**
     * Someone of the lab whose name the lab no longer keeps (an admin erased it on request): the note it wrote is signed
     * with its role, and the history shows its pseudonym, never its name. Here the admin proposes, then has its own
     * name erased; its next visit names it again, as the other journeys expect.
     */
    @Test
    void aNoteOfSomeoneTheLabNoLongerNamesIsSignedWithItsRole(SignedInLab lab) {
        String tremplin = lab.actor("tremplin-insertion");
        String partner = lab.isereNewcomer("member-mobilite", "Association proposée par l'administration");
        String admin = lab.subjectOf("admin");
        expect(lab.send("GET", lab.profile.resolve("/api/me/actors"), "admin", null), 200);
        String introduction = id(expect(lab.send("POST", lab.matchmaking.resolve("/api/introductions"), "admin", """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR", "note": "Deux projets voisins."}"""
                .formatted(partner, tremplin)), 201).body());
        awaitInInbox(lab, tremplin, "member-tremplin", introduction);
        String cardOf = "li[data-introduction='" + introduction + "']";
        try {
            expect(lab.send("DELETE", lab.profile.resolve("/api/lab-team/" + admin), "admin", null), 204);
            assertThat(json(lab.send("GET", lab.profile.resolve("/api/lab-team"), "member-tremplin", null).body())
                    .findValuesAsText("subject")).as("erased").doesNotContain(admin);
            try (ConsoleBrowser browser = ConsoleBrowser.open("mise-en-relation-nom-efface", DESKTOP)) {
                browser.signIn(lab, "member-tremplin");
                browser.go(lab, "#/mises-en-relation/" + tremplin, "mises-en-relation");
                browser.await(By.xpath("//li[@data-introduction='" + introduction
                        + "']//p[normalize-space()='Message (administration) : Deux projets voisins.']"));
                browser.driver.findElement(By.cssSelector(cardOf + " details.historique summary")).click();
                String proposed = browser.settled().until(d -> d.findElements(By.cssSelector(cardOf + " ol.historique li[data-etape]"))
                        .stream().map(WebElement::getText).findFirst().orElse(null));
                assertThat(proposed).contains("par " + admin + " (administration)").doesNotContain(lab.nameOf("admin"));
                browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", cardOf + " ol.historique");
                browser.shot("message-signe-par-le-role");
            }
        } finally {
            expect(lab.send("GET", lab.profile.resolve("/api/me/actors"), "admin", null), 200);
        }
        assertThat(json(lab.send("GET", lab.profile.resolve("/api/lab-team"), "member-tremplin", null).body())
                .findValuesAsText("name")).as("named again at its next visit").contains(lab.nameOf("admin"));
    }

    /**
     * Days in the console are the lab's (Europe/Paris, as the service's rules), whatever the browser's zone: today for
     * an outcome is the day in Paris, a plain day of the API is the day it names, a deadline is shown at Paris's hour;
     * the first of a month is written as French writes it.
     * Read in the console's own module, in a browser set to Martinique (four hours behind UTC, five or six behind
     * Paris), then to Paris.
     */
    @Test
    void anOrganisationOfManyIntroductionsReadsThemPageByPageAndAStageAtATime(SignedInLab lab) {
        // An association of Isère introduced by the facilitator to 26 organisations of the demo territory, two of
        // which the facilitator then withdraws: one more than the page shows at first.
        String busy = lab.isereNewcomer("member-mobilite", "Association aux nombreuses mises en relation");
        List<String> partners = lab.demoActors().stream().limit(26).toList();
        assertThat(partners).hasSize(26);
        List<String> introductions = partners.stream().map(partner -> id(expect(lab.send("POST",
                lab.matchmaking.resolve("/api/introductions"), "facilitator-isere", """
                        {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(partner, busy)), 201).body()))
                .toList();
        for (String withdrawn : introductions.subList(0, 2)) {
            expect(lab.send("POST", lab.matchmaking.resolve("/api/introductions/" + withdrawn + "/withdraw"),
                    "facilitator-isere", "{}"), 204);
        }
        // All 26 in the views, the two withdrawals too (each introduction's events come in order, not those of two).
        Awaitility.await("the inbox has them all").atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode inbox = json(lab.send("GET", lab.matchmaking.resolve("/api/actors/" + busy + "/introductions"),
                    "member-mobilite", null).body());
            return inbox.path("total").asInt() == 26 && inbox.path("byStatus").path("withdrawn").asInt() == 2;
        });

        try (ConsoleBrowser browser = ConsoleBrowser.open("mises-en-relation-nombreuses", DESKTOP)) {
            browser.signIn(lab, "member-mobilite");
            browser.go(lab, "#/mises-en-relation/" + busy, "mises-en-relation");
            By cards = By.cssSelector("li[data-introduction]");
            By count = By.cssSelector("[data-compte]");
            By more = By.cssSelector("button[data-action='suivantes']");
            assertThat(browser.driver.findElements(cards)).hasSize(25);
            assertThat(browser.driver.findElement(count).getText()).isEqualTo("25 mises en relation affichées sur 26.");
            assertThat(browser.driver.findElement(more).getText()).isEqualTo("Afficher la suivante");
            // Those waiting for an answer first, then the others by their latest step: the withdrawal made last, then
            // the one made first, beyond the first page.
            List<String> shown = browser.driver.findElements(cards).stream().map(card -> card.getAttribute("data-introduction")).toList();
            assertThat(shown.get(24)).isEqualTo(introductions.get(1));
            assertThat(shown).doesNotContain(introductions.get(0));
            browser.checkAtDesktopAndPhoneWidths("an inbox of more than a page");

            browser.driver.findElement(more).click();
            browser.settled().until(d -> d.findElements(cards).size() == 26);
            assertThat(browser.driver.findElement(count).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(more).isDisplayed()).isFalse();
            assertThat(browser.script("return document.activeElement.closest('li[data-introduction]')?.dataset.introduction;"))
                    .as("the focus on the card just shown").isEqualTo(introductions.get(0));

            // The stages, with how many at each, in the lifecycle's order; one chosen, only its cards.
            Select stage = new Select(browser.driver.findElement(By.cssSelector("select[data-filtre='statut']")));
            assertThat(stage.getOptions()).extracting(WebElement::getText)
                    .containsExactly("tous (26)", "proposée (24)", "retirée (2)");
            stage.selectByValue("withdrawn");
            browser.settled().until(d -> d.findElements(cards).size() == 2);
            assertThat(browser.driver.findElements(cards)).extracting(card -> card.getAttribute("data-introduction"))
                    .containsExactlyInAnyOrder(introductions.get(0), introductions.get(1));
            assertThat(browser.driver.findElement(more).isDisplayed()).isFalse();
            browser.assertAccessible("an inbox filtered by stage");
            browser.shot("filtre-retirees");
            stage.selectByValue("");
            browser.settled().until(d -> d.findElements(cards).size() == 25);
        }
    }

    @Test
    void daysAreTheLabsWhateverTheBrowsersZone(SignedInLab lab) {
        try (ConsoleBrowser browser = ConsoleBrowser.open("jours-du-labo", DESKTOP)) {
            browser.openInZone(lab, "America/Martinique");
            Object days = browser.overUi("""
                    [ui.labToday(new Date('2026-12-04T22:59:00Z')), ui.labToday(new Date('2026-12-04T23:30:00Z')),
                     ui.labToday(new Date('2026-07-14T21:59:00Z')), ui.labToday(new Date('2026-07-14T22:00:00Z')),
                     ui.labToday(new Date('2026-12-05T02:00:00Z')), ui.formatDate('2026-12-04'),
                     ui.formatDate('2026-12-05T02:00:00Z'), ui.formatDeadline('2026-12-11T17:00:00Z'),
                     ui.formatDeadline('2026-07-14T21:59:00Z'), ui.formatDate('2026-12-01'),
                     ui.formatDeadline('2026-12-01T10:00:00Z'), ui.formatDateTime('2026-12-01T14:00:00Z'),
                     ui.formatDate('2026-12-11')]""");
            assertThat(days).isEqualTo(List.of(
                    // Midnight in Paris: 23:00 UTC in winter, 22:00 in summer.
                    "2026-12-04", "2026-12-05", "2026-07-14", "2026-07-15",
                    // 22:00 on the 4th in Martinique, 03:00 on the 5th in Paris.
                    "2026-12-05",
                    // A plain day as written; an instant on the lab's calendar, as the rules count it (03:00 in Paris).
                    "4 décembre 2026", "5 décembre 2026",
                    // A deadline at the lab's hour, as the service's refusal will state it, and said to be Paris's.
                    "11 décembre 2026 à 18:00 (heure de Paris)", "14 juillet 2026 à 23:59 (heure de Paris)",
                    // The first of a month is an ordinal in French; the 11th is not (10:00 in Martinique, 14:00 UTC).
                    "1er décembre 2026", "1er décembre 2026 à 11:00 (heure de Paris)", "1er décembre 2026 à 10:00",
                    "11 décembre 2026"));

            // A reader in Paris is not told the obvious.
            browser.setZone("Europe/Paris");
            Object inParis = browser.overUi("ui.formatDeadline('2026-12-11T17:00:00Z')");
            assertThat(inParis).isEqualTo("11 décembre 2026 à 18:00");
        }
    }

    /** The introduction's last step, as its timeline says it. */
    private static long lastStep(SignedInLab lab, String introduction, String account) {
        long last = -1;
        for (JsonNode step : json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + introduction), account,
                null).body()).path("steps")) {
            last = Math.max(last, step.path("sequence").asLong());
        }
        return last;
    }

        private static String problemShown(ConsoleBrowser browser, String form) {
        Object text = browser.script("return document.querySelector(arguments[0] + ' .probleme-formulaire')?.textContent || '';", form);
        return text == null ? "" : text.toString().trim();
    }

    /** How many times the page read the actor's inbox since it was loaded. */
    private static long inboxReads(ConsoleBrowser browser, String actor) {
        return (Long) browser.script("performance.setResourceTimingBufferSize(10000); return performance.getEntriesByType('resource')"
                + ".filter(entry => entry.name.includes('/api/actors/' + arguments[0] + '/introductions')).length;", actor);
    }

    private static void assertDeclineFormAsTyped(ConsoleBrowser browser, String card, String text) {
        WebElement form = browser.driver.findElement(By.cssSelector(card + " form[data-form='decline']"));
        assertThat(form.isDisplayed()).as("the decline form is still open").isTrue();
        assertThat(new Select(form.findElement(By.name("reason"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("NOT_NOW");
        assertThat(form.findElement(By.name("text")).getAttribute("value")).isEqualTo(text);
        assertThat(focusedField(browser)).as("the focus stays in the text the member was typing").isEqualTo("text");
    }

    private static Object focusedField(ConsoleBrowser browser) {
        return browser.script("return document.activeElement.name;");
    }

    /**
     * An actor with a demo member (its id, the member's account) and a partner the matcher proposes to it on the page
     * (among its first ten) that has one too, not yet introduced: two demo actors, or, when the lab holds no such pair
     * any more (other tests, or the demo's history, introduced them), two associations of Isère registered here by two
     * demo members, with a need and an offer written for each other.
     */
    private static String[] askablePair(SignedInLab lab) {
        for (List<String> asker : MEMBERS) {
            JsonNode partners = partnersOf(lab, lab.actor(asker.get(0)), asker.get(1));
            for (List<String> partner : MEMBERS) {
                for (JsonNode proposed : partners) {
                    if (proposed.path("actorId").asText().equals(lab.actor(partner.get(0)))) {
                        return new String[]{lab.actor(asker.get(0)), asker.get(1), lab.actor(partner.get(0)), partner.get(1)};
                    }
                }
            }
        }
        String workshop = "atelier" + UUID.randomUUID().toString().substring(0, 8);
        String asker = lab.isereNewcomer("member-mobilite", "Association de l'" + workshop);
        String partner = lab.isereNewcomer("member-fonds", "Fondation de l'" + workshop);
        lab.create("/api/actors/" + asker + "/needs", "member-mobilite", """
                {"category": "FUNDING", "form": "RESOURCES", "title": "Financer l'%1$s vers l'emploi",
                 "description": "Un financeur pour l'%1$s, qui accompagne vingt personnes vers l'emploi",
                 "themes": ["EMPLOYMENT_INSERTION"], "sdgs": [8], "territory": {"code": "38", "level": "DEPARTEMENT"}}"""
                .formatted(workshop));
        lab.create("/api/actors/" + partner + "/offers", "member-fonds", """
                {"category": "FUNDING", "form": "RESOURCES", "title": "Subventions pour l'%1$s vers l'emploi",
                 "description": "Des subventions pour l'%1$s, qui accompagne vers l'emploi",
                 "themes": ["EMPLOYMENT_INSERTION"], "sdgs": [8], "territory": {"code": "38", "level": "DEPARTEMENT"}}"""
                .formatted(workshop));
        Awaitility.await("the partner proposed to the asker").atMost(Duration.ofSeconds(60)).until(() ->
                partnersOf(lab, asker, "member-mobilite").findValuesAsText("actorId").contains(partner));
        return new String[]{asker, "member-mobilite", partner, "member-fonds"};
    }

    /** The first ten partners the matcher proposes to the actor, as its partners page asks. */
    private static JsonNode partnersOf(SignedInLab lab, String actor, String account) {
        return json(lab.send("GET", lab.matchmaking.resolve("/api/actors/" + actor + "/partners?limit=10&pairs=3"),
                account, null).body());
    }

    private static void awaitInInbox(SignedInLab lab, String actor, String account, String introduction) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lab.send("GET",
                lab.matchmaking.resolve("/api/actors/" + actor + "/introductions"), account, null).body()).contains(introduction));
    }

    private static List<String> acceptedBy(SignedInLab lab, String introduction) {
        JsonNode view = json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + introduction), "admin", null).body());
        return JSON.convertValue(view.path("acceptedBy"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static String actorName(SignedInLab lab, String actor) {
        return json(lab.send("GET", lab.profile.resolve("/api/actors/" + actor), "admin", null).body())
                .path("profile").path("name").asText();
    }

    /** The contact line as the page writes it, from profile-service's answer to the reader. */
    private static String contactLine(SignedInLab lab, String actor, String reader) {
        JsonNode contact = json(lab.send("GET", lab.profile.resolve("/api/actors/" + actor + "/contact"), reader, null).body());
        assertThat(contact.path("email").asText()).isNotBlank();
        return contact.path("name").asText() + " — " + contact.path("email").asText()
                + (contact.path("phone").asText().isEmpty() ? "" : " — " + contact.path("phone").asText());
    }

    private static String id(String body) {
        return json(body).path("id").asText();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }
}
