package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation's page in a real headless Chromium, on the demo territory with sign-in on (the shared
 * {@link SignedInLab}): a member changes its organisation's profile and contact person (a malformed e-mail first
 * refused, with the API's message beside the field and nothing changed), then erases the contact person after a
 * confirmation; a form left open while the contact person is erased cannot bring that person back; a member of another
 * organisation is offered neither. The organisation is registered afresh for the
 * journey, so that the demo's own actors, which other journeys read, stay as they are.
 */
@ExtendWith(SignedInLab.Resolver.class)
class ConsoleOrganisationProfileJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DESKTOP = 1280;
    private static final By EDIT = By.id("modifier-profil");
    private static final By ERASE = By.id("effacer-contact");
    /** The line under the heading « Personne à contacter »: the contact person on file, or the sentence saying none is. */
    private static final By COMMUNE_SHOWN = By.xpath("//main//dl[contains(@class,'profil')]/dt[normalize-space()='Commune']/following-sibling::dd[1]");
    private static final By CONTACT_SHOWN = By.xpath("//main//h2[normalize-space()='Personne à contacter']/following-sibling::p[1]");

    @Test
    void aMemberChangesItsProfileAndContactThenErasesTheContactWhileAnotherOrganisationsMemberMayDoNeither(SignedInLab lab)
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Association du profil " + suffix;
        String email = "profil-" + suffix + "@matrice.example.org";
        String actor = lab.create("/api/actors", "member-tremplin", AuthorizationMatrixTest.ISERE_ACTOR.formatted(name, email));
        String description = "Chantiers d'insertion et recyclerie solidaire, à Grenoble " + suffix;
        String phone = "04 76 00 " + suffix.substring(0, 2).replaceAll("[^0-9]", "1") + " 42";

        try (ConsoleBrowser browser = ConsoleBrowser.open("profil-et-contact", DESKTOP)) {
            browser.signIn(lab, "member-tremplin");
            browser.go(lab, "#/organisation/" + actor, "organisation");
            assertThat(browser.await(CONTACT_SHOWN).getText()).isEqualTo("Contact Matrice — " + email + " — 04 65 71 09 99");
            // Its commune by name, from the official reference, beside the INSEE code the profile holds.
            browser.settled().withMessage(() -> "the commune shown: " + browser.driver.findElement(COMMUNE_SHOWN).getText())
                    .until(d -> d.findElement(COMMUNE_SHOWN).getText().equals("Grenoble (38) — code INSEE 38185"));

            // The form is filled with what is on file: every field of the update.
            browser.await(EDIT).click();
            WebElement form = browser.await(By.cssSelector("form[aria-labelledby=titre-editeur-profil]"));
            assertThat(form.findElement(By.id("titre-editeur-profil")).getText()).isEqualTo("Modifier le profil et le contact");
            assertThat(value(form, "name")).isEqualTo(name);
            assertThat(value(form, "type")).isEqualTo("ASSOCIATION");
            assertThat(value(form, "homeTerritory")).isEqualTo("38185");
            assertThat(value(form, "description")).isEqualTo("Association de la matrice des droits");
            assertThat(form.findElement(By.cssSelector("input[name=themes][value=EMPLOYMENT_INSERTION]")).isSelected()).isTrue();
            assertThat(form.findElement(By.cssSelector("input[name=sdgs][value='8']")).isSelected()).isTrue();
            assertThat(value(form, "contact.name")).isEqualTo("Contact Matrice");
            assertThat(value(form, "contact.email")).isEqualTo(email);
            assertThat(value(form, "contact.phone")).isEqualTo("04 65 71 09 99");
            // Every control labelled: the form's labels are the registration form's.
            for (WebElement control : form.findElements(By.cssSelector("input:not([type=checkbox]), select, textarea"))) {
                assertThat(form.findElements(By.cssSelector("label[for='" + control.getAttribute("id") + "']")))
                        .as("the label of " + control.getAttribute("name")).hasSize(1);
            }
            WebElement communeNamed = form.findElement(By.cssSelector("[data-territoire-nomme]"));
            browser.settled().until(d -> communeNamed.getText().equals("Commune : Grenoble (38)"));
            // A commune typed by its name, without its accent: offered with its département, and one click writes its code.
            type(form, "homeTerritory", "echirol");
            By echirolles = By.cssSelector(".suggestions button[data-code='38151']");
            browser.settled().withMessage(() -> "the communes offered: " + communeNamed.getText())
                    .until(d -> !form.findElements(echirolles).isEmpty());
            assertThat(form.findElement(echirolles).getText()).isEqualTo("Échirolles (38) — 38151");
            browser.shot("commune-proposee");
            browser.assertAccessible("the communes offered under the field");
            form.findElement(echirolles).click();
            assertThat(value(form, "homeTerritory")).isEqualTo("38151");
            browser.settled().until(d -> communeNamed.getText().equals("Commune : Échirolles (38)")
                    && form.findElements(By.cssSelector(".suggestions li")).isEmpty());
            browser.shot("profil-formulaire");
            browser.assertAccessible("the form of the profile and the contact person");

            // A malformed e-mail: the API's message beside the field, and nothing changed.
            type(form, "description", description);
            type(form, "contact.phone", phone);
            type(form, "contact.email", "pas-une-adresse");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement emailInput = form.findElement(By.name("contact.email"));
            browser.settled().until(d -> "true".equals(emailInput.getAttribute("aria-invalid")));
            WebElement message = form.findElement(By.cssSelector("[name='contact.email'] + .erreur-champ"));
            HttpResponse<String> refused = lab.send("PUT", lab.profile.resolve("/api/actors/" + actor), "member-tremplin",
                    AuthorizationMatrixTest.ISERE_ACTOR.formatted(name, "pas-une-adresse"));
            assertThat(refused.statusCode()).isEqualTo(400);
            String apiMessage = null;
            for (JsonNode error : JSON.readTree(refused.body()).path("errors")) {
                if (error.path("field").asText().equals("contact.email")) {
                    apiMessage = error.path("message").asText();
                }
            }
            assertThat(apiMessage).as("the API's message for the e-mail, in " + refused.body()).isNotBlank();
            assertThat(message.getText()).as("the API's message beside the e-mail").isEqualTo(apiMessage);
            assertThat(emailInput.getAttribute("aria-describedby")).contains(message.getAttribute("id"));
            assertThat(form.findElement(By.cssSelector(".probleme-formulaire [role=alert]")).getText()).isNotBlank();
            assertThat(profileOf(lab, actor).path("description").asText()).isEqualTo("Association de la matrice des droits");
            assertThat(contactOf(lab, actor).body()).contains(email).contains("04 65 71 09 99");
            browser.shot("profil-courriel-refuse");
            browser.assertAccessible("the form with the API's refusal");

            // Corrected: saved, shown at once, and the API has it.
            type(form, "contact.email", email);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.settled().until(d -> d.findElements(By.cssSelector("form[aria-labelledby=titre-editeur-profil]")).isEmpty());
            browser.settled().until(d -> d.findElement(CONTACT_SHOWN).getText().equals("Contact Matrice — " + email + " — " + phone));
            assertThat(browser.driver.findElement(By.cssSelector("main dl.profil")).getText()).contains(description);
            browser.settled().until(d -> d.findElement(By.id("annonces")).getText().contains("enregistrés"));
            assertThat(browser.driver.switchTo().activeElement()).isEqualTo(browser.driver.findElement(EDIT));
            assertThat(profileOf(lab, actor).path("description").asText()).isEqualTo(description);
            assertThat(profileOf(lab, actor).path("homeTerritory").asText()).as("the commune chosen by its name").isEqualTo("38151");
            browser.settled().until(d -> d.findElement(COMMUNE_SHOWN).getText().equals("Échirolles (38) — code INSEE 38151"));
            JsonNode contact = JSON.readTree(contactOf(lab, actor).body());
            assertThat(contact.path("phone").asText()).isEqualTo(phone);
            assertThat(contact.path("email").asText()).isEqualTo(email);
            browser.shot("profil-enregistre");

            // Erased after a confirmation that says it is for good: the page says no one is on file, the API too.
            browser.await(ERASE).click();
            WebElement confirmation = browser.await(By.cssSelector("form[aria-labelledby=titre-effacer-contact]"));
            assertThat(confirmation.getText()).contains("définitif");
            browser.assertAccessible("the erasure's confirmation");
            browser.shot("contact-effacement-a-confirmer");
            confirmation.findElement(By.cssSelector("button[type=submit]")).click();
            browser.settled().until(d -> d.findElement(CONTACT_SHOWN).getText()
                    .equals("Aucune personne à contacter n’est enregistrée."));
            assertThat(browser.driver.findElements(ERASE)).as("nothing left to erase").isEmpty();
            assertThat(contactOf(lab, actor).statusCode()).isEqualTo(404);
            assertThat(profileOf(lab, actor).path("description").asText()).as("the public profile stays").isEqualTo(description);
            browser.shot("contact-efface");

            // Changed meanwhile by the facilitator of Isère (the profile as registered, a contact person again): the
            // page shows it without a reload, and says so.
            browser.script("window.pageNotReloaded = true;");
            HttpResponse<String> changed = lab.send("PUT", lab.profile.resolve("/api/actors/" + actor), "facilitator-isere",
                    AuthorizationMatrixTest.ISERE_ACTOR.formatted(name, email));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
            browser.settled().until(d -> d.findElement(CONTACT_SHOWN).getText()
                    .equals("Contact Matrice — " + email + " — 04 65 71 09 99"));
            browser.settled().until(d -> d.findElement(By.cssSelector("main dl.profil")).getText()
                    .contains("Association de la matrice des droits"));
            browser.settled().until(d -> d.findElement(By.id("annonces")).getText().contains("ont été mis à jour"));
            assertThat(browser.script("return window.pageNotReloaded === true;")).isEqualTo(true);
            assertThat(browser.driver.findElements(ERASE)).as("a contact person to erase again").hasSize(1);

            // The person asks the facilitator to be erased while the member's form is open: the erasure wins. Saving
            // the form, filled before, is refused with the API's message and brings no one back; closed, the section
            // shows what is on file.
            browser.await(EDIT).click();
            WebElement stale = browser.await(By.cssSelector("form[aria-labelledby=titre-editeur-profil]"));
            assertThat(value(stale, "contact.email")).isEqualTo(email);
            type(stale, "description", description + " (encore)");
            HttpResponse<String> erased = lab.send("DELETE", lab.profile.resolve("/api/actors/" + actor + "/contact"),
                    "facilitator-isere", null);
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
            stale.findElement(By.cssSelector("button[type=submit]")).click();
            browser.settled().until(d -> !stale.findElements(By.cssSelector(".probleme-formulaire [role=alert]")).isEmpty());
            assertThat(stale.findElement(By.cssSelector(".probleme-formulaire [role=alert]")).getText())
                    .contains("a changé depuis que vous les avez lus");
            assertThat(contactOf(lab, actor).statusCode()).as("the erased person stays erased").isEqualTo(404);
            assertThat(profileOf(lab, actor).path("description").asText()).isEqualTo("Association de la matrice des droits");
            browser.shot("profil-modifie-entre-temps");
            browser.assertAccessible("the form refused because the contact person was erased meanwhile");
            stale.findElement(By.xpath(".//button[normalize-space()='Annuler']")).click();
            browser.settled().until(d -> d.findElement(CONTACT_SHOWN).getText()
                    .equals("Aucune personne à contacter n’est enregistrée."));
            assertThat(browser.driver.findElements(ERASE)).as("nothing left to erase").isEmpty();
            assertThat(browser.driver.switchTo().activeElement()).as("back on the button that opened the form")
                    .isEqualTo(browser.driver.findElement(EDIT));
        }

        // A member of another organisation sees the public profile, and no way to change or erase anything.
        try (ConsoleBrowser browser = ConsoleBrowser.open("profil-autre-organisation", DESKTOP)) {
            browser.signIn(lab, "member-mobilite");
            browser.go(lab, "#/organisation/" + actor, "organisation");
            browser.await(By.cssSelector("[role=alert][data-status='403']"));
            assertThat(browser.driver.findElements(EDIT)).isEmpty();
            assertThat(browser.driver.findElements(ERASE)).isEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("form"))).isEmpty();
        }
    }

    private static String value(WebElement form, String name) {
        return form.findElement(By.name(name)).getAttribute("value");
    }

    private static void type(WebElement form, String name, String text) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    private static JsonNode profileOf(SignedInLab lab, String actor) throws Exception {
        return JSON.readTree(lab.send("GET", lab.profile.resolve("/api/actors/" + actor), "admin", null).body()).path("profile");
    }

    private static HttpResponse<String> contactOf(SignedInLab lab, String actor) {
        return lab.send("GET", lab.profile.resolve("/api/actors/" + actor + "/contact"), "admin", null);
    }
}
