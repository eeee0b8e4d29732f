package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static fr.labos.partenariats.deploy.Answers.expect;
import static fr.labos.partenariats.deploy.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facilitators' follow-up list in a real headless Chromium, on the demo territory with sign-in on: introductions of
 * an association of Isère taken from the lab's past records (an answer due in two days, an acceptance 45 days ago with
 * no meeting, a meeting 120 days ago with no outcome) are listed with why to follow them, the due answer before the
 * others, by stage when one is chosen; an answer given meanwhile changes the line without a reload; a side's name
 * leads to its introductions.
 */
@ExtendWith(SignedInLab.Resolver.class)
class ConsoleFollowUpJourneyTest {

    private static final int DESKTOP = 1280;

    @Test
    void theFacilitatorSeesWhichIntroductionsToFollowUpAndWhy(SignedInLab lab) {
        String followed = lab.isereNewcomer("member-mobilite", "Association suivie de près");
        List<String> partners = lab.demoActors().subList(0, 3);
        LocalDate today = LabCalendar.today(Clock.systemUTC());
        String file = "acteur;partenaire;proposée le;acceptée le;rencontre le\n"
                + followed + ";" + partners.get(0) + ";" + today.minusDays(12) + ";;\n"
                + followed + ";" + partners.get(1) + ";" + today.minusDays(50) + ";" + today.minusDays(45) + ";\n"
                + followed + ";" + partners.get(2) + ";" + today.minusDays(130) + ";" + today.minusDays(125) + ";" + today.minusDays(120) + "\n";
        expect(lab.send("POST", lab.matchmaking.resolve("/api/introductions/past"), "facilitator-isere", file,
                "text/csv;charset=UTF-8"), 200);
        Awaitility.await("the three in the views").atMost(Duration.ofSeconds(60)).until(() -> json(lab.send("GET",
                lab.matchmaking.resolve("/api/actors/" + followed + "/introductions"), "member-mobilite", null))
                .path("introductions").size() == 3);
        String waiting = partnerName(lab, partners.get(0));

        try (ConsoleBrowser browser = ConsoleBrowser.open("suivi-des-mises-en-relation", DESKTOP)) {
            browser.signIn(lab, "facilitator-isere");
            browser.driver.findElement(By.cssSelector("nav a[data-nav=suivi]")).click();
            browser.awaitReady("suivi");
            assertThat(browser.driver.findElement(By.cssSelector("input[data-filtre='a-suivre']")).isSelected())
                    .as("those to follow only, at first").isTrue();
            assertThat(browser.driver.findElement(By.cssSelector("select[data-filtre='territoire']")).isDisplayed())
                    .as("no territory to choose for a facilitator of one département").isFalse();
            // The answer due first: its line comes before the association's two others (which the lab's other
            // introductions to follow may push to a later page). Proposed 12 days ago as the lab's records say, its
            // 14 days end at the first instant of the day after tomorrow: tomorrow is the last day to answer.
            List<String> rows = rowsOf(browser, "Association suivie de près");
            assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            assertThat(rows.get(0)).contains("sans réponse de Association suivie de près et " + waiting
                    + ", échéance demain");
            assertThat(browser.driver.findElement(By.cssSelector("[data-a-suivre]")).getText()).endsWith("à suivre.");
            // What « to follow » means here, with the lab's days, as the API says it.
            assertThat(browser.driver.findElement(By.cssSelector("[data-regles]")).getText())
                    .contains("une réponse attendue dans les 3 jours", "une suite prévue sans nouvelles depuis 180 jours");
            browser.checkAtDesktopAndPhoneWidths("the follow-up list");

            // One stage at a time: the acceptance with no meeting, then the meeting with no outcome.
            Select stage = new Select(browser.driver.findElement(By.cssSelector("select[data-filtre='statut']")));
            stage.selectByValue("accepted");
            browser.settled().until(d -> rowsOf(browser, "Association suivie de près").size() == 1
                    && rowsOf(browser, "Association suivie de près").get(0).contains("acceptée il y a 45 jours, aucune rencontre prévue"));
            stage.selectByValue("met");
            browser.settled().until(d -> rowsOf(browser, "Association suivie de près").size() == 1
                    && rowsOf(browser, "Association suivie de près").get(0).contains("rencontre tenue il y a 120 jours, aucune suite enregistrée"));
            stage.selectByValue("");
            browser.settled().until(d -> !rowsOf(browser, "Association suivie de près").isEmpty()
                    && rowsOf(browser, "Association suivie de près").get(0).contains("sans réponse de"));

            // The association answers the one due: the line says who is still silent, without a reload.
            browser.script("window.__memePage = 'oui';");
            String due = json(lab.send("GET", lab.matchmaking.resolve("/api/actors/" + followed + "/introductions?status=proposed"),
                    "member-mobilite", null)).path("introductions").get(0).path("id").asText();
            expect(lab.send("POST", lab.matchmaking.resolve("/api/introductions/" + due + "/accept"), "member-mobilite",
                    "{\"actingFor\": \"%s\"}".formatted(followed)), 204);
            By dueRow = By.cssSelector("tr[data-introduction='" + due + "']");
            browser.settled().until(d -> d.findElement(dueRow).getText().contains("sans réponse de " + waiting + ", échéance"));
            assertThat(browser.script("return window.__memePage;")).as("no reload").isEqualTo("oui");

            // The facilitator calls the silent partner and notes it on the line, for the next one to look.
            WebElement reminder = browser.driver.findElement(dueRow).findElement(By.cssSelector("details[data-noter-relance]"));
            reminder.findElement(By.tagName("summary")).click();
            new Select(reminder.findElement(By.name("remindedActorId"))).selectByValue(partners.get(0));
            assertThat(new Select(reminder.findElement(By.name("channel"))).getFirstSelectedOption().getText())
                    .isEqualTo("Par téléphone");
            reminder.findElement(By.name("note")).sendKeys("Réponse promise pour vendredi");
            // Its answer lost on the way back: noted, but the page cannot know; sent again as it was, it is found in
            // the history and not noted twice.
            browser.loseTheAnswerOfTheNextPost("/reminders");
            reminder.findElement(By.cssSelector("button[type=submit]")).click();
            browser.settled().until(d -> d.findElement(dueRow).getText().contains("Service injoignable"));
            browser.reading(() -> browser.driver.findElement(dueRow)
                    .findElement(By.cssSelector("form[data-form='relance'] button[type=submit]")).click());
            browser.settled().until(d -> d.findElement(dueRow).getText().contains("Relancée le ")
                    && d.findElement(dueRow).getText().contains(" par téléphone (" + waiting + ")"));
            assertThat(browser.driver.findElement(By.id("annonces")).getText()).isEqualTo("Relance notée.");
            assertThat(browser.driver.switchTo().activeElement().getText()).as("the focus back on its line")
                    .startsWith("Noter une relance");
            assertThat(json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + due), "member-mobilite", null))
                    .path("steps").findValuesAsText("text")).as("in the introduction's history, once")
                    .containsOnlyOnce("Réponse promise pour vendredi");

            // The list as a file for French Excel, through the page's button: the same lines, the reminder said, under
            // the name the API gives it (its day: a facilitator keeps one file per round of calls).
            ConsoleBrowser.SavedFile list = browser.fileSavedBy(By.cssSelector("button[data-action='telecharger-suivi']"));
            assertThat(list.name()).isEqualTo("suivi-mises-en-relation-" + today + ".csv");
            String saved = new String(list.bytes(), StandardCharsets.UTF_8);
            assertThat(saved).startsWith("\uFEFFOrganisation;Partenaire;Statut;À suivre;");
            assertThat(saved.lines()).anySatisfy(line -> assertThat(line).endsWith(";" + due)
                    .contains("Association suivie de près").contains(" par téléphone (" + waiting + ")"));
            browser.shot("suivi");

            // The next round of calls skips whom this one reached: the line leaves the list, and comes back without the filter.
            Select remindedLately = new Select(browser.driver.findElement(By.cssSelector("select[data-filtre='relances']")));
            assertThat(remindedLately.getOptions()).extracting(WebElement::getText).containsExactly("Relancées ou non",
                    "Sans relance depuis 7 jours", "Sans relance depuis 14 jours", "Sans relance depuis 30 jours");
            remindedLately.selectByValue("7");
            browser.settled().until(d -> d.findElements(dueRow).isEmpty());
            // The summary says how many lines are left, as the API counts them.
            int left = json(expect(lab.send("GET", lab.matchmaking.resolve(
                    "/api/introductions?toFollow=true&notRemindedForDays=7"), "facilitator-isere", null), 200))
                    .path("total").asInt();
            assertThat(browser.driver.findElement(By.cssSelector("p[data-a-suivre]")).getText())
                    .endsWith(" ; " + left + (left > 1 ? " lignes répondent" : " ligne répond") + " à ces critères.");
            remindedLately.selectByValue("");
            browser.settled().until(d -> !d.findElements(dueRow).isEmpty());

            // A side's name leads to its introductions, where the facilitator acts for it.
            // Found and clicked again if the list drew the line anew in between (the reminder's events still arriving).
            browser.reading(() -> browser.driver.findElement(dueRow).findElement(By.linkText("Association suivie de près")).click());
            browser.awaitReady("mises-en-relation");
            assertThat(browser.driver.getCurrentUrl()).endsWith("#/mises-en-relation/" + followed);
            // There, the introduction's history says the reminder: how, and to whom.
            browser.driver.findElement(By.cssSelector("li[data-introduction='" + due + "'] summary[data-action=historique]")).click();
            WebElement step = browser.await(By.xpath("//li[@data-introduction='" + due
                    + "']//ol[contains(@class,'historique')]/li[strong[normalize-space()=\"Relance de l'animation\"]]"));
            assertThat(step.getText()).startsWith("Relance de l'animation — par téléphone, auprès de " + waiting + " — ");
            // The association's answer is signed with its member's name (the facilitator reads its list of members),
            // never with the pseudonym the history records.
            assertThat(browser.driver.findElements(By.xpath("//li[@data-introduction='" + due
                    + "']//ol[contains(@class,'historique')]/li")))
                    .extracting(WebElement::getText)
                    .anySatisfy(text -> assertThat(text).contains("par " + lab.nameOf("member-mobilite") + " (")
                            .contains("pour Association suivie de près"))
                    .noneSatisfy(text -> assertThat(text).contains(lab.subjectOf("member-mobilite")));
        }
    }

    @Test
    void anAdminWorksThroughTheLabOneTerritoryAtATime(SignedInLab lab) {
        // An introduction of Isère accepted 45 days ago, with no meeting since: one to follow, whatever ran before.
        String followed = lab.isereNewcomer("member-mobilite", "Association suivie par l'administration");
        LocalDate today = LabCalendar.today(Clock.systemUTC());
        expect(lab.send("POST", lab.matchmaking.resolve("/api/introductions/past"), "facilitator-isere",
                "acteur;partenaire;proposée le;acceptée le;rencontre le\n" + followed + ";" + lab.demoActors().get(3) + ";"
                        + today.minusDays(50) + ";" + today.minusDays(45) + ";\n", "text/csv;charset=UTF-8"), 200);
        Awaitility.await("in the views").atMost(Duration.ofSeconds(60)).until(() -> json(lab.send("GET",
                lab.matchmaking.resolve("/api/actors/" + followed + "/introductions"), "member-mobilite", null))
                .path("introductions").size() == 1);
        try (ConsoleBrowser browser = ConsoleBrowser.open("suivi-par-territoire", DESKTOP)) {
            browser.signIn(lab, "admin");
            browser.driver.findElement(By.cssSelector("nav a[data-nav=suivi]")).click();
            browser.awaitReady("suivi");
            Select territory = new Select(browser.await(By.cssSelector("select[data-filtre='territoire']")));
            assertThat(territory.getFirstSelectedOption().getText()).isEqualTo("Tout le labo");
            assertThat(territory.getOptions()).extracting(WebElement::getText)
                    .contains("Auvergne-Rhône-Alpes (région)", "Isère (38)", "Corse-du-Sud (2A)");
            assertThat(browser.driver.findElements(By.cssSelector("select[data-filtre='territoire'] optgroup")))
                    .extracting(group -> group.getAttribute("label")).containsExactly("Régions", "Départements");
            By lines = By.cssSelector("tr[data-introduction]");
            browser.settled().until(d -> !d.findElements(lines).isEmpty());
            // The demo territory is Isère: none of its introductions is Corsica's.
            territory.selectByValue("DEPARTEMENT:2A");
            browser.settled().until(d -> d.findElements(lines).isEmpty()
                    && d.findElement(By.cssSelector("p[data-a-suivre]")).getText().equals("Aucune mise en relation à suivre."));
            territory.selectByValue("DEPARTEMENT:38");
            JsonNode isere = json(expect(lab.send("GET", lab.matchmaking.resolve("/api/introductions?territory=DEPARTEMENT:38"),
                    "admin", null), 200));
            int toFollow = isere.path("toFollow").asInt();
            assertThat(toFollow).as("Isère's to follow, the one above among them").isPositive();
            String summary = toFollow + (toFollow > 1 ? " mises en relation à suivre." : " mise en relation à suivre.");
            browser.settled().until(d -> d.findElements(lines).size() == Math.min(50, toFollow)
                    && d.findElement(By.cssSelector("p[data-a-suivre]")).getText().equals(summary));
            browser.shot("suivi-isere");
            // Its file holds the lines shown (Isère's to follow), and is named after Isère and the day.
            ConsoleBrowser.SavedFile file = browser.fileSavedBy(By.cssSelector("button[data-action='telecharger-suivi']"));
            assertThat(file.name()).isEqualTo("suivi-mises-en-relation-departement-38-" + today + ".csv");
            assertThat(new String(file.bytes(), StandardCharsets.UTF_8).lines().skip(1).count())
                    .isEqualTo(toFollow);
            browser.checkAtDesktopAndPhoneWidths("the follow-up list narrowed to a territory");

            // The admin notes a reminder on the accepted one while, elsewhere, a side records that nothing came of it:
            // the line is no longer to follow, but stays with the note being typed, said to have changed.
            new Select(browser.driver.findElement(By.cssSelector("select[data-filtre='statut']"))).selectByValue("accepted");
            String accepted = json(lab.send("GET", lab.matchmaking.resolve("/api/actors/" + followed + "/introductions"),
                    "member-mobilite", null)).path("introductions").get(0).path("id").asText();
            By line = By.cssSelector("tr[data-introduction='" + accepted + "']");
            // Opened once the list is drawn for that stage (a line found just before a redraw is found again).
            browser.settled().until(d -> {
                WebElement details = d.findElement(line).findElement(By.cssSelector("details[data-noter-relance]"));
                if (details.getAttribute("open") == null) details.findElement(By.tagName("summary")).click();
                return d.findElement(line).findElement(By.cssSelector("details[data-noter-relance]")).getAttribute("open") != null;
            });
            browser.driver.findElement(line).findElement(By.name("note")).sendKeys("Rappeler jeudi");
            expect(lab.send("POST", lab.matchmaking.resolve("/api/introductions/" + accepted + "/outcomes"),
                    "member-mobilite", "{\"outcome\": \"NO_FIT\", \"day\": \"%s\", \"actingFor\": \"%s\"}"
                            .formatted(today, followed)), 204);
            browser.settled().until(d -> !d.findElements(By.cssSelector("tr[data-introduction='" + accepted
                    + "'] [data-hors-filtres]")).isEmpty());
            assertThat(browser.driver.findElement(line).findElement(By.name("note")).getAttribute("value"))
                    .as("what was typed, kept").isEqualTo("Rappeler jeudi");
            assertThat(browser.driver.switchTo().activeElement().getAttribute("name")).as("the focus kept in it")
                    .isEqualTo("note");
        }
    }

    /** The texts of the list's lines that name this organisation. */
    private static List<String> rowsOf(ConsoleBrowser browser, String name) {
        return browser.driver.findElements(By.cssSelector("tr[data-introduction]")).stream().map(WebElement::getText)
                .filter(text -> text.contains(name)).toList();
    }

    private static String partnerName(SignedInLab lab, String actor) {
        JsonNode answer = json(expect(lab.send("GET", lab.profile.resolve("/api/actors/" + actor), "admin", null), 200));
        return answer.path("profile").path("name").asText();
    }
}
