package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real headless Chromium, on the demo territory with sign-in on (the shared {@link SignedInLab}):
 * an actor's member posts a need (first refused, with the API's messages next to the fields), sees its partners with
 * their explanation, is refused on another actor's page; the page follows events live; the facilitator's territory.
 * Every step leaves a screenshot in {@code target/console-screenshots/}; axe-core runs in every page; the phone width
 * is checked. The speed figures go to {@code target/console-measures.txt}.
 */
@ExtendWith(SignedInLab.Resolver.class)
class ConsoleMemberJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DESKTOP = 1280;
    private static final int PHONE = 390;

    @Test
    void aMemberWhoRegisteredItsOrganisationFindsItselfItsManagerAndLeavesIt(SignedInLab lab) throws Exception {
        lab.leaveEveryOrganisation("member-newcomer");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String actor = lab.create("/api/actors", "member-newcomer", AuthorizationMatrixTest.ISERE_ACTOR.formatted(
                "Association de la console " + suffix, "console-" + suffix + "@matrice.example.org"));
        try (ConsoleBrowser browser = ConsoleBrowser.open("membres", DESKTOP)) {
            browser.signIn(lab, "member-newcomer");
            // Its only organisation is where the console opens.
            browser.awaitReady("organisation");
            assertThat(browser.driver.getCurrentUrl()).endsWith("#/organisation/" + actor);
            WebElement me = browser.await(By.cssSelector("section[aria-labelledby=titre-membres] li[data-membre]"));
            assertThat(me.getText()).as("the member by the name its sign-in gave").startsWith(lab.nameOf("member-newcomer") + " (vous)")
                    .contains("responsable").contains("depuis le").doesNotContain(lab.subjectOf("member-newcomer"));
            assertThat(browser.driver.findElement(By.cssSelector("[data-connecte]")).getText())
                    .as("whose session is open").isEqualTo("Connecté : " + lab.nameOf("member-newcomer") + " (membre)");
            browser.shot("membres-inscrits-ici");
            browser.assertAccessible("the organisation's members");

            // Cancelled first: the confirmation closes and the focus is back on the button that opened it.
            By leave = By.cssSelector("section[aria-labelledby=titre-membres] li[data-membre] button[data-action=retirer]");
            browser.driver.findElement(leave).click();
            browser.await(By.xpath("//section[@aria-labelledby='titre-membres']//form//button[normalize-space()='Annuler']")).click();
            browser.settled().until(d -> d.findElements(By.cssSelector("section[aria-labelledby=titre-membres] form")).isEmpty()
                    && d.switchTo().activeElement().equals(d.findElement(leave)));

            browser.driver.findElement(leave).click();
            browser.await(By.cssSelector("section[aria-labelledby=titre-membres] form button[type=submit]")).click();
            // The console starts again from the caller's organisations: none left, it offers to join one.
            browser.awaitReady("rejoindre");
            JsonNode members = JSON.readTree(lab.send("GET", lab.profile.resolve("/api/actors/" + actor + "/members"),
                    "admin", null).body());
            assertThat(members).as("memberships left after leaving").isEmpty();
        } finally {
            lab.leaveEveryOrganisation("member-newcomer");
        }
    }

    @Test
    void aFacilitatorWhoRegisteredAnOrganisationActsForItThroughItsTerritoryWithoutJoiningIt(SignedInLab lab)
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String actor = lab.create("/api/actors", "facilitator-isere", AuthorizationMatrixTest.ISERE_ACTOR.formatted(
                "Association du territoire " + suffix, "territoire-" + suffix + "@matrice.example.org"));
        assertThat(JSON.readTree(lab.send("GET", lab.profile.resolve("/api/actors/" + actor + "/members"), "admin", null)
                .body())).as("registering made no member").isEmpty();
        try (ConsoleBrowser browser = ConsoleBrowser.open("organisation-du-territoire", DESKTOP)) {
            browser.signIn(lab, "facilitator-isere");
            browser.go(lab, "#/organisation/" + actor, "organisation");
            // Its page, as the facilitator of its territory sees it: no member yet, colleagues to invite.
            browser.await(By.xpath("//section[@aria-labelledby='titre-membres']/p[normalize-space()='Aucun membre inscrit ici.']"));
            browser.shot("organisation-sans-membre");
        }
    }

    @Test
    void aMemberInvitesAColleagueWhoJoinsWithTheCodeAndLandsOnTheOrganisation(SignedInLab lab) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Association qui invite " + suffix;
        String actor = lab.create("/api/actors", "member-tremplin", AuthorizationMatrixTest.ISERE_ACTOR.formatted(
                name, "invite-" + suffix + "@matrice.example.org"));
        String code;
        try (ConsoleBrowser browser = ConsoleBrowser.open("invitation", DESKTOP)) {
            browser.signIn(lab, "member-tremplin");
            // A member overseas (Martinique, five hours behind Paris in winter) reads the invitations on the lab's
            // clock, day and hour alike, as their expiry beside them.
            browser.setZone("America/Martinique");
            browser.go(lab, "#/organisation/" + actor, "organisation");
            browser.await(By.id("inviter")).click();
            code = browser.await(By.cssSelector("#nouveau-code [data-code]")).getText();
            JsonNode made = JSON.readTree(lab.send("GET", lab.profile.resolve("/api/actors/" + actor + "/invitations"),
                    "member-tremplin", null).body());
            Instant invitedAt = Instant.parse(made.findValue("invitedAt").asText());
            assertThat(browser.await(By.cssSelector("li[data-invitation]")).getText()).as("made at, on the lab's clock")
                    .contains(" à " + DateTimeFormatter.ofPattern("HH:mm:ss").format(invitedAt.atZone(LabCalendar.ZONE)));
            assertThat(browser.driver.findElement(By.cssSelector("#nouveau-code [data-lien]")).getText())
                    .isEqualTo(lab.console() + "#/rejoindre/" + code);
            assertThat(browser.await(By.cssSelector("li[data-invitation]")).getText()).contains(", faite par vous — en attente");
            browser.shot("invitation-creee");
            browser.assertAccessible("the invitation just made");

            // Meanwhile a colleague uses another code, made by the facilitator of Isère: the page shows it without a
            // reload, and keeps the code shown.
            JsonNode other = JSON.readTree(lab.send("POST", lab.profile.resolve("/api/actors/" + actor + "/invitations"),
                    "facilitator-isere", null).body());
            lab.leaveEveryOrganisation("member-newcomer");
            HttpResponse<String> joined = lab.send("POST", lab.profile.resolve("/api/me/actors"), "member-newcomer",
                    "{\"invitationCode\": \"" + other.path("code").asText() + "\"}");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
            By usedOne = By.cssSelector("li[data-invitation='" + other.path("invitationId").asText() + "']");
            browser.settled().until(d -> d.findElement(By.cssSelector("section[aria-labelledby=titre-membres]")).getText()
                    .contains(lab.nameOf("member-newcomer")));
            // Who used it, by the name the members list gives (that colleague is a member since).
            browser.settled().until(d -> d.findElement(usedOne).getText().contains("utilisée"));
            assertThat(browser.driver.findElement(usedOne).getText()).endsWith("par " + lab.nameOf("member-newcomer"))
                    .as("who made it, one of the lab's team, by name").contains(", faite par " + lab.nameOf("facilitator-isere") + " — ");
            assertThat(browser.driver.findElement(By.cssSelector("#nouveau-code [data-code]")).getText()).isEqualTo(code);
            browser.shot("invitation-utilisee-en-direct");

            // A third code, withdrawn from the page: it no longer works, and is no longer shown.
            browser.driver.findElement(By.id("inviter")).click();
            String third = browser.settled().until(d -> {
                String shown = d.findElement(By.cssSelector("#nouveau-code [data-code]")).getText();
                return shown.equals(code) ? null : shown;
            });
            By thirdOne = By.cssSelector("li[data-invitation='" + third.substring(0, third.indexOf('.')) + "']");
            browser.driver.findElement(thirdOne).findElement(By.tagName("button")).click();
            browser.settled().until(d -> d.findElement(thirdOne).getText().contains("retirée"));
            assertThat(browser.driver.findElement(thirdOne).getText()).endsWith(" par vous");
            assertThat(browser.driver.findElements(By.id("nouveau-code"))).as("a withdrawn code is no longer shown").isEmpty();
            assertThat(browser.driver.findElement(By.cssSelector("section[aria-labelledby=titre-invitations]")).getText())
                    .as("nothing but the invitations in their place").doesNotContain("null");
            lab.leaveEveryOrganisation("member-newcomer");
            HttpResponse<String> withdrawn = lab.send("POST", lab.profile.resolve("/api/me/actors"), "member-newcomer",
                    "{\"invitationCode\": \"" + third + "\"}");
            assertThat(withdrawn.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(withdrawn.body()).path("detail").asText()).contains("retirée");
            browser.shot("invitation-retiree");

            // A member of several organisations (this one, registered by it, and Tremplin): the navigation leads to the
            // one shown, and its chooser to the other, on the same kind of page.
            assertThat(browser.driver.findElement(By.cssSelector("nav a[data-nav=mises-en-relation]")).getAttribute("href"))
                    .endsWith("#/mises-en-relation/" + actor);
            String tremplin = lab.actor("tremplin-insertion");
            new Select(browser.driver.findElement(By.id("choix-organisation"))).selectByValue(tremplin);
            browser.settled().until(d -> d.findElement(By.tagName("h1")).getText().equals("Tremplin Insertion Grésivaudan"));
            assertThat(browser.driver.getCurrentUrl()).endsWith("#/organisation/" + tremplin);
            assertThat(browser.driver.findElement(By.cssSelector("nav a[data-nav=partenaires]")).getAttribute("href"))
                    .endsWith("#/partenaires/" + tremplin);
            browser.assertAccessible("the navigation of a member of two organisations");
        }
        lab.leaveEveryOrganisation("member-newcomer");
        try (ConsoleBrowser browser = ConsoleBrowser.open("collegue-invite", DESKTOP)) {
            // The link the member handed over, opened before signing in: the sign-in brings the colleague back to it.
            browser.driver.get(lab.console() + "#/rejoindre/" + code);
            browser.signInOnTheOpenPage(lab, "member-newcomer");
            browser.awaitReady("rejoindre");
            WebElement input = browser.driver.findElement(By.name("invitationCode"));
            assertThat(input.getAttribute("value")).isEqualTo(code);
            assertThat(browser.driver.getCurrentUrl()).as("the code leaves the address once read").endsWith("#/rejoindre");
            browser.shot("rejoindre-une-organisation");
            browser.assertAccessible("joining an organisation");

            input.clear();
            input.sendKeys(code.substring(0, code.indexOf('.') + 1) + "A".repeat(22));
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            assertThat(browser.await(By.cssSelector(".probleme-formulaire [role=alert]")).getText())
                    .as("a wrong code: the API's refusal").contains("Aucune invitation ne correspond à ce code");

            input.clear();
            input.sendKeys(code);
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.awaitReady("organisation");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
            assertThat(browser.driver.findElement(By.cssSelector("nav a[data-nav=organisation]")).getAttribute("href"))
                    .endsWith("#/organisation/" + actor);
            // Joined with a code: a member (« membre »), who may leave but neither invites nor removes anyone.
            String newcomer = lab.subjectOf("member-newcomer");
            // Its colleagues see it by the name its own sign-in gave, as it sees them.
            String newcomerName = lab.nameOf("member-newcomer");
            By newcomerRole = By.cssSelector("section[aria-labelledby=titre-membres] li[data-membre='" + newcomer + "'] [data-role]");
            assertThat(browser.driver.findElement(newcomerRole).getText()).isEqualTo("membre");
            assertThat(browser.driver.findElements(By.cssSelector("section[aria-labelledby=titre-membres] li[data-membre] button")))
                    .as("the member's buttons: leaving, on its own line, and nothing on the others'")
                    .extracting(WebElement::getText).containsExactly("Quitter l’organisation");
            assertThat(browser.driver.findElements(By.cssSelector("#inviter, #titre-invitations"))).as("no invitation for a member").isEmpty();
            assertThat(browser.driver.findElement(By.id("invitations-reservees")).getText()).contains("responsables");
            assertThat(browser.driver.findElement(By.cssSelector("section[aria-labelledby=titre-membres] li[data-membre='"
                    + lab.subjectOf("member-tremplin") + "'] .personne")).getText()).isEqualTo(lab.nameOf("member-tremplin"));
            browser.shot("collegue-devenu-membre");
            browser.assertAccessible("the organisation seen by a member");

            // The member who invited names the newcomer responsable on its page; the newcomer's page follows live.
            try (ConsoleBrowser manager = ConsoleBrowser.open("collegue-nomme-responsable", DESKTOP)) {
                manager.signIn(lab, "member-tremplin");
                manager.go(lab, "#/organisation/" + actor, "organisation");
                // To know when the manager's page has heard of the role change too (the console's own live module).
                ((JavascriptExecutor) manager.driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + " import(new URL('js/live.js', document.baseURI).href).then(m => { m.onEvent(e => {"
                        + " if (e.type === 'ActorMemberRoleChangedEvent') window.__roleHeard = true;"
                        + " if (e.type === 'ActorMemberLeftEvent') window.__leftHeard = (window.__leftHeard || 0) + 1; }); done(true); });");
                assertThat(manager.await(By.cssSelector("section[aria-labelledby=titre-membres] li[data-membre='" + newcomer
                        + "'] .personne")).getText()).isEqualTo(newcomerName);
                manager.await(By.xpath("//button[normalize-space()='Nommer " + newcomerName + " responsable']")).click();
                manager.settled().until(d -> d.findElement(newcomerRole).getText().equals("responsable"));
                manager.await(By.xpath("//button[normalize-space()='Rendre " + newcomerName + " simple membre']"));
                manager.shot("collegue-nomme-responsable");
                // The newcomer's page hears of it live, says so, and offers the invitations from now on.
                browser.settled().until(d -> d.findElement(newcomerRole).getText().equals("responsable"));
                browser.await(By.id("inviter"));
                browser.settled().until(d -> d.findElement(By.id("annonces")).getText()
                        .equals("Un rôle a changé : la liste des membres est à jour."));
                browser.shot("devenu-responsable-en-direct");
                // The manager's page hears the same event: what it announced of its own action is said once, not
                // replaced by the event's echo (whose redraw takes a fraction of the two seconds watched).
                manager.settled().until(d -> Boolean.TRUE.equals(manager.script("return window.__roleHeard === true;")));
                String announced = newcomerName + " est maintenant responsable.";
                long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (System.nanoTime() < until) {
                    assertThat(manager.driver.findElement(By.id("annonces")).getText()).isEqualTo(announced);
                    Thread.sleep(100);
                }

                // The newcomer, responsable now, opens the removal of the colleague who invited it, and that colleague
                // makes it a plain member meanwhile (from another device): the confirmation stays, the page says the
                // list waits for it; cancelled, the focus goes to the members' heading with the reason — the
                // colleague's line is still there, without its button.
                By removeInviter = By.cssSelector("section[aria-labelledby=titre-membres] li[data-membre='"
                        + lab.subjectOf("member-tremplin") + "'] button[data-action=retirer]");
                browser.await(removeInviter).click();
                By cancelHere = By.xpath("//section[@aria-labelledby='titre-membres']//form//button[normalize-space()='Annuler']");
                browser.await(cancelHere);
                assertThat(lab.send("PUT", lab.profile.resolve("/api/actors/" + actor + "/members/" + newcomer + "/role"),
                        "member-tremplin", "{\"role\": \"MEMBER\"}").statusCode()).isEqualTo(204);
                browser.settled().until(d -> d.findElement(By.id("annonces")).getText().equals(
                        "Un rôle a changé : la liste des membres sera à jour une fois votre confirmation fermée."));
                browser.driver.findElement(cancelHere).click();
                browser.settled().until(d -> "titre-membres".equals(browser.script("return document.activeElement.id;")));
                browser.settled().until(d -> d.findElement(By.id("annonces")).getText()
                        .equals("Vous ne gérez plus les membres de cette organisation."));
                assertThat(browser.driver.findElements(removeInviter)).as("no removal offered any more").isEmpty();
                assertThat(browser.driver.findElement(newcomerRole).getText()).isEqualTo("membre");

                // The manager opens the newcomer's removal, and the newcomer leaves meanwhile from another device: the
                // page says so (the list waits for the confirmation), and the confirmation cancelled gives the focus to
                // the members' heading, the newcomer's line being gone, with the reason.
                By removeNewcomer = By.cssSelector("section[aria-labelledby=titre-membres] li[data-membre='" + newcomer
                        + "'] button[data-action=retirer]");
                manager.driver.findElement(removeNewcomer).click();
                By cancel = By.xpath("//section[@aria-labelledby='titre-membres']//form//button[normalize-space()='Annuler']");
                manager.await(cancel);
                lab.leaveEveryOrganisation("member-newcomer");
                manager.settled().until(d -> d.findElement(By.id("annonces")).getText().equals(
                        "Un·e membre a quitté l’organisation : la liste des membres sera à jour une fois votre confirmation fermée."));
                manager.driver.findElement(cancel).click();
                manager.settled().until(d -> "titre-membres".equals(manager.script("return document.activeElement.id;")));
                assertThat(manager.driver.findElements(removeNewcomer)).isEmpty();
                manager.settled().until(d -> d.findElement(By.id("annonces")).getText().equals(newcomerName + " n’est déjà plus membre."));

                // The newcomer joins again with a new code, and the manager removes it from the page this time: what
                // the page announced of its own action is said once, not replaced by the echo of its event.
                String again = JSON.readTree(lab.send("POST", lab.profile.resolve("/api/actors/" + actor + "/invitations"),
                        "member-tremplin", null).body()).path("code").asText();
                assertThat(lab.send("POST", lab.profile.resolve("/api/me/actors"), "member-newcomer",
                        "{\"invitationCode\": \"" + again + "\"}").statusCode()).isEqualTo(201);
                manager.await(removeNewcomer).click();
                // The page's own reading of the members after its removal is answered 0.8 s late (a slow network), so
                // that the removal's event reaches the page while its confirmation is still on screen.
                manager.script("""
                        const original = window.fetch;
                        let slowNext = false;
                        window.fetch = (input, init) => {
                          const url = typeof input === 'string' ? input : input.url;
                          const method = (init && init.method) || 'GET';
                          if (method === 'DELETE' && url.includes('/members/')) slowNext = true;
                          else if (slowNext && method === 'GET' && url.endsWith('/members')) {
                            slowNext = false;
                            return new Promise(resolve => setTimeout(resolve, 800)).then(() => original(input, init));
                          }
                          return original(input, init);
                        };""");
                manager.await(By.cssSelector("section[aria-labelledby=titre-membres] form button[type=submit]")).click();
                manager.settled().until(d -> d.findElements(removeNewcomer).isEmpty()
                        && Long.valueOf(2).equals(manager.script("return window.__leftHeard;")));
                String removed = newcomerName + " n’est plus membre.";
                long watchedUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (System.nanoTime() < watchedUntil) {
                    assertThat(manager.driver.findElement(By.id("annonces")).getText()).isEqualTo(removed);
                    Thread.sleep(100);
                }
            }
            // The newcomer's own page, still open: its membership ended elsewhere, so it shows what anyone else sees (the
            // API's refusal, nothing to edit), and says so.
            browser.settled().until(d -> !d.findElements(By.cssSelector("main [role=alert][data-status='403']")).isEmpty()
                    && d.findElement(By.id("annonces")).getText().equals("Vous n’agissez plus pour cette organisation."));
            assertThat(browser.driver.findElements(By.cssSelector("#publier-needs, #publier-offers, section[aria-labelledby=titre-membres]")))
                    .as("nothing left to act with").isEmpty();
            browser.shot("adhesion-terminee-ailleurs");

            // A member of no organisation opens on the page where a code is given.
            lab.leaveEveryOrganisation("member-newcomer");
            browser.driver.get(lab.console().toString());
            browser.awaitReady("rejoindre");
        } finally {
            // The demo account of the newcomer belongs to no organisation again, for whichever test signs it in next.
            lab.leaveEveryOrganisation("member-newcomer");
        }
    }

    @Test
    void aMemberPostsANeedWithTheApisMessagesNextToTheFieldsAndSeesItsPartnersExplained(SignedInLab lab) throws Exception {
        String tremplin = lab.actor("tremplin-insertion");
        try (ConsoleBrowser browser = ConsoleBrowser.open("membre-tremplin", DESKTOP)) {
            browser.signIn(lab, "member-tremplin");
            browser.awaitReady("organisation");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tremplin Insertion Grésivaudan");
            browser.shot("mon-organisation");
            browser.assertAccessible("the member's organisation page");

            // An invalid need: the API refuses it, and its messages stand next to the fields they name.
            browser.driver.findElement(By.id("publier-needs")).click();
            WebElement form = browser.await(By.cssSelector(".editeur form"));
            new Select(form.findElement(By.name("category"))).selectByValue("VOLUNTEERS");
            new Select(form.findElement(By.name("form"))).selectByValue("CO_PRODUCTION");
            new Select(form.findElement(By.name("territory.level"))).selectByValue("DEPARTEMENT");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement titleError = browser.await(By.cssSelector("[name='title'] + .erreur-champ"));
            String apiMessage = apiFieldMessage(lab, tremplin, """
                    {"title": "", "description": null, "category": "VOLUNTEERS", "form": "CO_PRODUCTION",
                     "territory": {"level": "DEPARTEMENT", "code": ""}, "validUntil": null, "themes": [], "sdgs": []}""", "title");
            assertThat(titleError.getText()).isEqualTo(apiMessage);
            assertThat(form.findElement(By.name("title")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(form.findElement(By.cssSelector(".probleme-formulaire [role=alert]")).getText()).isNotBlank();
            browser.shot("besoin-refuse-messages-de-l-api");
            browser.assertAccessible("the need form with the API's messages");

            String title = "Bénévoles pour l'accompagnement numérique " + UUID.randomUUID().toString().substring(0, 6);
            form.findElement(By.name("title")).sendKeys(title);
            form.findElement(By.name("description")).sendKeys("Accompagner nos salariés en insertion dans leurs démarches en ligne");
            // The département by its name: offered under the field, one click writes its number.
            form.findElement(By.name("territory.code")).sendKeys("isère");
            By isere = By.cssSelector(".suggestions button[data-code='38']");
            browser.settled().until(d -> !form.findElements(isere).isEmpty());
            assertThat(form.findElement(isere).getText()).isEqualTo("Isère (38)");
            form.findElement(isere).click();
            assertThat(form.findElement(By.name("territory.code")).getAttribute("value")).isEqualTo("38");
            browser.settled().until(d -> form.findElement(By.cssSelector("[data-territoire-nomme]")).getText()
                    .equals("Département : Isère (38)"));
            form.findElement(By.cssSelector("input[name=themes][value=DIGITAL_INCLUSION]")).click();
            form.findElement(By.cssSelector("input[name=sdgs][value='8']")).click();
            form.findElement(By.cssSelector("button[type=submit]")).click();
            By postedCard = By.xpath("//li[@data-post][h3[normalize-space()=\"" + title + "\"]]");
            WebElement posted = browser.await(postedCard);
            // Where it holds, named (a live event may redraw the card meanwhile: read it again then).
            browser.settled().until(d -> d.findElement(postedCard).getText().contains("Territoire : département Isère (38)"));
            browser.shot("besoin-publie");
            assertThat(lab.send("GET", lab.profile.resolve("/api/actors/" + tremplin + "/needs"), "viewer", null).body())
                    .as("the need went through profile-service's API").contains(title);
            // The need reaches the matcher through the broker: the page and the API below read the same ranking once
            // it has (the partners page is not live).
            String need = posted.getAttribute("data-post");
            Awaitility.await("the need known to the matcher").atMost(Duration.ofSeconds(60)).until(() -> lab.send("GET",
                    lab.matchmaking.resolve("/api/needs/" + need + "/matches"), "member-tremplin", null).statusCode() == 200);

            // Its partners, each with the explanation sentence and the score components the API gave.
            browser.go(lab, "#/partenaires/" + tremplin, "partenaires");
            JsonNode partners = JSON.readTree(lab.send("GET", lab.matchmaking.resolve("/api/actors/" + tremplin
                    + "/partners?limit=10&pairs=3"), "member-tremplin", null).body());
            assertThat(partners.size()).isPositive();
            List<WebElement> cards = browser.driver.findElements(By.cssSelector("[data-partenaire]"));
            assertThat(cards).hasSize(partners.size());
            WebElement first = cards.get(0);
            assertThat(first.findElement(By.tagName("h2")).getText()).isEqualTo(partners.get(0).path("actorName").asText());
            assertThat(first.findElement(By.className("phrase")).getText())
                    .isEqualTo(partners.get(0).path("pairs").get(0).path("explanation").path("sentence").asText());
            assertThat(first.findElements(By.cssSelector("tbody tr"))).hasSize(7);
            assertThat(first.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Demander une mise en relation')]")).isDisplayed()).isTrue();
            browser.shot("partenaires-expliques");
            browser.assertAccessible("the partners page");

            // Ask for an introduction to the first partner, on the pairs the matcher proposes.
            first.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Demander une mise en relation')]")).click();
            WebElement ask = browser.await(By.cssSelector("[data-partenaire] form"));
            // Every pair unticked is no choice (the API would take the best ones, those very pairs): said, not sent.
            List<WebElement> pairs = ask.findElements(By.name("pairs"));
            pairs.forEach(WebElement::click);
            ask.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.await(By.cssSelector("[data-partenaire] form .erreur-champ")).getText())
                    .isEqualTo("aucune correspondance cochée");
            assertThat(browser.driver.findElements(By.cssSelector("[data-partenaire] .succes[data-introduction]"))).isEmpty();
            pairs.forEach(WebElement::click);
            ask.findElement(By.name("note")).sendKeys("Bonjour, nous aimerions vous rencontrer.");
            browser.shot("demande-de-mise-en-relation");
            ask.findElement(By.cssSelector("button[type=submit]")).click();
            String introduction = browser.await(By.cssSelector("[data-partenaire] .succes[data-introduction]")).getAttribute("data-introduction");
            assertThat(browser.script("return document.activeElement.dataset.introduction ?? document.activeElement.tagName;"))
                    .as("the keyboard on what was done, not on the page's body").isEqualTo(introduction);
            assertThat(browser.driver.findElements(By.cssSelector("main [aria-live]:has([data-partenaire])")))
                    .as("no list of partners read aloud whole").isEmpty();
            browser.shot("mise-en-relation-demandee");
            // Committed and relayed: its proposal is on the matchmaking events topic, as the live stream read it.
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lab.send("GET",
                    lab.matchmaking.resolve("/api/live"), "admin", null).body())
                    .contains("\"type\":\"IntroductionProposedEvent\",\"aggregateId\":\"" + introduction + "\""));

            // A filter is the API's: the cards are what it answers for that family.
            new Select(browser.driver.findElement(By.name("actorType"))).selectByValue("FOUNDATION");
            browser.driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
            JsonNode foundations = JSON.readTree(lab.send("GET", lab.matchmaking.resolve("/api/actors/" + tremplin
                    + "/partners?limit=10&pairs=3&actorType=FOUNDATION"), "member-tremplin", null).body());
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("[data-partenaire]")).size()
                    == foundations.size() && (foundations.isEmpty() || d.findElement(By.cssSelector("[data-partenaire] h2")).getText()
                    .equals(foundations.get(0).path("actorName").asText())));
            browser.shot("partenaires-fondations");

            // A territory's code typed without its level: the département it names, and its level chosen with it
            // (the API reads a code with its level); the cards are then what the API answers for Isère's foundations.
            WebElement search = browser.driver.findElement(By.cssSelector("form[role=search]"));
            search.findElement(By.name("territoryCode")).sendKeys("38");
            browser.settled().until(d -> search.findElement(By.cssSelector("[data-territoire-nomme]")).getText()
                    .equals("Département : Isère (38)"));
            assertThat(new Select(search.findElement(By.name("territoryLevel"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("DEPARTEMENT");
            search.findElement(By.cssSelector("button[type=submit]")).click();
            JsonNode isereFoundations = JSON.readTree(lab.send("GET", lab.matchmaking.resolve("/api/actors/" + tremplin
                    + "/partners?limit=10&pairs=3&actorType=FOUNDATION&territoryLevel=DEPARTEMENT&territoryCode=38"),
                    "member-tremplin", null).body());
            assertThat(isereFoundations.size()).as("the demo's foundations of Isère among Tremplin's partners").isPositive();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("[data-partenaire]"))
                    .size() == isereFoundations.size() && d.findElements(By.cssSelector("main .probleme")).isEmpty());
        }
    }

    @Test
    void aMemberPostsANeedWithTheKeyboardOnly(SignedInLab lab) throws Exception {
        try (ConsoleBrowser browser = ConsoleBrowser.open("clavier", DESKTOP)) {
            browser.signIn(lab, "member-tremplin");
            browser.awaitReady("organisation");
            assertThat(browser.script("return performance.getEntriesByType('resource')"
                    + ".filter(entry => entry.name.endsWith('/permissions')).length;"))
                    .as("what the member may do, read once for the page's first drawing").isEqualTo(1L);
            Actions keys = new Actions(browser.driver);
            for (int i = 0; i < 80 && !"publier-needs".equals(browser.script("return document.activeElement.id;")); i++) {
                keys.sendKeys(Keys.TAB).perform();
            }
            assertThat(browser.script("return document.activeElement.id;")).as("reached by Tab").isEqualTo("publier-needs");
            keys.sendKeys(Keys.ENTER).perform();
            assertThat(browser.script("return document.activeElement.name;")).as("the form opens on its first field").isEqualTo("title");
            String title = "Local de stockage partagé " + UUID.randomUUID().toString().substring(0, 6);
            keys.sendKeys(title).sendKeys(Keys.TAB).sendKeys("Un local pour le matériel des chantiers").perform();
            // Meanwhile the facilitator posts a need for the same organisation: it appears in the list, and the form
            // being filled in keeps what was typed and the focus.
            String tremplin = lab.actor("tremplin-insertion");
            String posted = "Financer l'accompagnement " + UUID.randomUUID().toString().substring(0, 6);
            lab.create("/api/actors/" + tremplin + "/needs", "facilitator-isere",
                    AuthorizationMatrixTest.NEED.replace("Financer l'accompagnement vers l'emploi", posted));
            browser.await(By.xpath("//li[@data-post]/h3[normalize-space()=\"" + posted + "\"]"));
            assertThat(browser.script("return document.querySelector('form [name=title]')?.value;")).isEqualTo(title);
            assertThat(browser.script("return document.activeElement.name;")).as("the focus stays in the description")
                    .isEqualTo("description");
            // Selects: Tab to each, then type the first letters of the option, as a keyboard user does.
            keys.sendKeys(Keys.TAB).sendKeys("Locaux").sendKeys(Keys.TAB).sendKeys("Mutualisation")
                    .sendKeys(Keys.TAB).sendKeys("Département").sendKeys(Keys.TAB).sendKeys("38").perform();
            browser.shot("formulaire-au-clavier");
            keys.sendKeys(Keys.ENTER).perform();
            browser.await(By.xpath("//li[@data-post]/h3[normalize-space()=\"" + title + "\"]"));
            // Published: the form is closed, and the keyboard is back on the button that posts.
            browser.settled().until(driver -> driver.findElements(By.cssSelector("section .editeur form")).isEmpty()
                    && "publier-needs".equals(browser.script("return document.activeElement.id;")));
            browser.shot("publie-au-clavier");

            // Editing it while the facilitator saves it elsewhere: the form stays as it is, and says what saving it
            // would do.
            WebElement published = browser.await(By.xpath("//li[@data-post][h3[normalize-space()=\"" + title + "\"]]"));
            String need = published.getAttribute("data-post");
            published.findElement(By.cssSelector("button[data-action=modifier]")).sendKeys(Keys.ENTER);
            browser.await(By.cssSelector("form[data-post='" + need + "']"));
            assertThat(lab.send("PUT", lab.profile.resolve("/api/actors/" + tremplin + "/needs/" + need), "facilitator-isere",
                    AuthorizationMatrixTest.NEED.replace("Financer l'accompagnement vers l'emploi", title + " (revu)"))
                    .statusCode()).isEqualTo(204);
            WebElement warning = browser.await(By.cssSelector("form[data-post='" + need + "'] [data-modifie-ailleurs]"));
            assertThat(warning.getText())
                    .isEqualTo("Modifié entre-temps par une autre personne : enregistrer remplacera ses modifications par les vôtres.");
            assertThat(browser.script("return document.activeElement.name;")).as("the focus stays in the form").isEqualTo("title");
            browser.shot("modifie-ailleurs");

            // Typing in it, then a click on another need's « Retirer »: the form typed in stays, and says so.
            browser.driver.switchTo().activeElement().sendKeys(Keys.END, " (brouillon)");
            browser.driver.findElement(By.xpath("//li[@data-post][h3[normalize-space()=\"" + posted + "\"]]"))
                    .findElement(By.cssSelector("button[data-action=retirer]")).click();
            WebElement kept = browser.await(By.cssSelector("form[data-post='" + need + "'] [data-deja-ouvert]"));
            assertThat(kept.getText()).isEqualTo("Ce formulaire est en cours de saisie : enregistrez-le ou annulez-le "
                    + "avant d’en ouvrir un autre.");
            assertThat(browser.script("return document.querySelector(arguments[0]).elements.title.value;",
                    "form[data-post='" + need + "']")).isEqualTo(title + " (brouillon)");
            assertThat(browser.script("return document.querySelector('li[data-post] button[data-action=retirer]').textContent;"))
                    .as("each « Retirer » named for a screen reader").asString().startsWith("Retirer « ");

            // Saved, but the list cannot be read again just then (the service away a moment): the change is said
            // done and the list to be reloaded, not an error in a form already closed, which would invite a resend.
            browser.script("""
                    const original = window.fetch;
                    let failed = false;
                    window.fetch = (input, init) => {
                      if (!failed && (init?.method ?? 'GET') === 'GET' && String(input).includes('/needs?includeClosed=true')) {
                        failed = true;
                        return Promise.reject(new TypeError('Failed to fetch'));
                      }
                      return original(input, init);
                    };""");
            browser.driver.findElement(By.cssSelector("form[data-post='" + need + "'] button[type=submit]")).click();
            WebElement notReadAgain = browser.await(By.cssSelector("[data-liste-non-relue]"));
            assertThat(notReadAgain.getText()).isEqualTo("Modifications enregistrées. La liste n’a pas pu être relue : "
                    + "rechargez la page pour la voir.");
            assertThat(browser.script("return document.activeElement.hasAttribute('data-liste-non-relue');")).isEqualTo(true);
            assertThat(lab.send("GET", lab.profile.resolve("/api/actors/" + tremplin + "/needs/" + need), "member-tremplin",
                    null).body()).contains(title + " (brouillon)");

            // A need past its date: said expired, with what to do, and still editable to give it a new date. (Its date
            // is moved back in profile-service's view: the API refuses a date already past.)
            String dated = "Besoin daté " + UUID.randomUUID().toString().substring(0, 6);
            String expired = lab.create("/api/actors/" + tremplin + "/needs", "facilitator-isere", AuthorizationMatrixTest.NEED
                    .replace("Financer l'accompagnement vers l'emploi", dated)
                    .replace("\"sdgs\": [8]", "\"sdgs\": [8], \"validUntil\": \"" + LabCalendar.today(java.time.Clock.systemUTC()) + "\""));
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(lab.profileDatabaseUrl,
                    EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                 java.sql.PreparedStatement moveBack = connection.prepareStatement("UPDATE post_view SET document = "
                         + "jsonb_set(document, '{details,validUntil}', to_jsonb(?::text)) WHERE post_id = ?")) {
                moveBack.setString(1, LabCalendar.today(java.time.Clock.systemUTC()).minusDays(1).toString());
                moveBack.setString(2, expired);
                assertThat(moveBack.executeUpdate()).isEqualTo(1);
            }
            // Read again as a user coming back to the page would (the view was changed behind the service's back).
            browser.driver.navigate().refresh();
            browser.awaitReady("organisation");
            WebElement card = browser.await(By.cssSelector("li[data-post='" + expired + "']"));
            assertThat(card.getText()).contains("Expiré")
                    .contains("Sa date est passée : l’algorithme ne le propose plus. Modifiez sa date pour le publier à "
                            + "nouveau, ou retirez-le.");
            assertThat(card.findElements(By.cssSelector("button[data-action=modifier], button[data-action=retirer]")))
                    .hasSize(2);
            browser.shot("besoin-expire");

            // Withdrawn with its reason, which is sent in the request's body: an address with it would be written down
            // by every access log on its way.
            card.findElement(By.cssSelector("button[data-action=retirer]")).click();
            WebElement reason = browser.await(By.cssSelector("form input[name=reason]"));
            assertThat(reason.getAttribute("aria-describedby")).as("told that it stays in the history").isNotBlank();
            reason.sendKeys("Projet abandonné");
            reason.findElement(By.xpath("./ancestor::form//button[@type='submit']")).click();
            Awaitility.await("the need withdrawn with its reason").atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode withdrawn = JSON.readTree(lab.send("GET", lab.profile.resolve("/api/actors/" + tremplin + "/needs/"
                        + expired), "member-tremplin", null).body());
                return withdrawn.path("status").asText().equals("WITHDRAWN")
                        && withdrawn.path("closingNote").asText().equals("Projet abandonné");
            });
            assertThat(browser.script("return performance.getEntriesByType('resource').filter(entry => "
                    + "entry.name.includes(arguments[0]) && entry.name.includes('reason')).length;", expired))
                    .as("no address naming the reason").isEqualTo(0L);
        }
    }

    @Test
    void aMemberOfAnotherActorIsRefusedWithTheApisFrenchMessage(SignedInLab lab) {
        String tremplin = lab.actor("tremplin-insertion");
        for (int width : new int[]{DESKTOP, PHONE}) {
            try (ConsoleBrowser browser = ConsoleBrowser.open("refus-autre-membre-" + width, width)) {
                browser.signIn(lab, "member-mobilite");
                browser.go(lab, "#/organisation/" + tremplin, "organisation");
                WebElement refusal = browser.await(By.cssSelector("[role=alert][data-status='403']"));
                HttpResponse<String> api = lab.send("GET", lab.profile.resolve("/api/actors/" + tremplin + "/members"), "member-mobilite", null);
                assertThat(api.statusCode()).isEqualTo(403);
                assertThat(refusal.getText()).contains(detail(api.body())).contains("Vous n'agissez pas pour l'acteur « Tremplin Insertion Grésivaudan »");
                assertThat(browser.driver.findElements(By.id("publier-needs"))).as("no form to post for another actor").isEmpty();
                browser.shot("refus-403");
                browser.assertAccessible("the refusal at " + width + " px");
                browser.assertNoHorizontalScroll("the refusal at " + width + " px");
            }
        }
    }

    @Test
    void thePagesWorkAtAPhonesWidth(SignedInLab lab) {
        String tremplin = lab.actor("tremplin-insertion");
        try (ConsoleBrowser browser = ConsoleBrowser.open("telephone-390", PHONE)) {
            browser.signIn(lab, "member-tremplin");
            browser.awaitReady("organisation");
            browser.shot("organisation-telephone");
            browser.assertNoHorizontalScroll("the organisation page");
            browser.assertAccessible("the organisation page at 390 px");
            browser.go(lab, "#/partenaires/" + tremplin, "partenaires");
            browser.shot("partenaires-telephone");
            browser.assertNoHorizontalScroll("the partners page");
            browser.assertAccessible("the partners page at 390 px");

            // Leaving a page before it finished loading (a tap on the next link): the page left, still reading its
            // members, needs and offers, must not draw itself over the next one when its answers arrive.
            browser.script("delete document.body.dataset.pret; location.hash = arguments[0];"
                    + " addEventListener('hashchange', () => setTimeout(() => { location.hash = '#/tableau-de-bord'; }, 0),"
                    + " { once: true });", "#/organisation/" + tremplin);
            browser.awaitReady("tableau-de-bord");
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) { // the organisation page's answers arrive within this time
                assertThat(browser.driver.findElements(By.cssSelector("#contenu h1"))).extracting(WebElement::getText)
                        .containsExactly("Tableau de bord des mises en relation");
                assertThat(browser.driver.findElements(By.id("titre-membres"))).as("the organisation page left").isEmpty();
            }
            browser.shot("page-quittee-en-chargement");
        }
    }

    @Test
    void theFacilitatorSeesTheActorsOfItsTerritory(SignedInLab lab) throws IOException {
        try (ConsoleBrowser browser = ConsoleBrowser.open("animateur-isere", DESKTOP)) {
            browser.signIn(lab, "facilitator-isere");
            browser.awaitReady("territoire");
            // Other test classes register actors in Isère too: what the page shows is compared with what the API says.
            List<String> isere = new ArrayList<>();
            for (JsonNode actor : JSON.readTree(lab.send("GET", lab.profile.resolve("/api/actors?limit=1000"), "viewer", null).body())) {
                if (actor.path("homeTerritory").asText().startsWith("38")) { // the communes of Isère
                    isere.add(actor.path("name").asText());
                }
            }
            assertThat(browser.driver.findElements(By.cssSelector("tbody tr"))).hasSize(isere.size());
            List<String> tremplins = isere.stream().filter(name -> name.toLowerCase(Locale.FRENCH).contains("tremplin insertion"))
                    .sorted().toList();
            assertThat(tremplins).contains("Tremplin Insertion Grésivaudan");
            browser.driver.findElement(By.id("recherche-acteurs")).sendKeys("Tremplin Insertion");
            Supplier<List<String>> shown = () -> browser.driver.findElements(By.cssSelector("tbody tr th")).stream()
                    .map(WebElement::getText).sorted().toList();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                    .withMessage(() -> "rows shown for « Tremplin Insertion »: " + shown.get() + ", expected " + tremplins)
                    .until(d -> shown.get().equals(tremplins));
            // The table says how many it shows, out of how many; the heading names the territory as the API does.
            assertThat(browser.driver.findElement(By.cssSelector("table caption")).getText())
                    .isEqualTo(tremplins.size() + " acteur" + (tremplins.size() > 1 ? "s" : "") + " sur " + isere.size());
            String isereLabel = JSON.readTree(lab.send("GET", lab.profile.resolve("/api/territories?q=38&level=DEPARTEMENT"),
                    "facilitator-isere", null).body()).get(0).path("label").asText();
            browser.settled().until(d -> d.findElement(By.tagName("h1")).getText().equals("Mon territoire : " + isereLabel));
            browser.shot("mon-territoire");
            // Searched as people type: without capitals, accents or hyphens (« gresivaudan » finds « Grésivaudan »).
            browser.driver.findElement(By.id("recherche-acteurs")).clear();
            browser.driver.findElement(By.id("recherche-acteurs")).sendKeys("gresivaudan");
            List<String> gresivaudan = isere.stream().filter(name -> java.text.Normalizer
                    .normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.FRENCH)
                    .contains("gresivaudan")).sorted().toList();
            assertThat(gresivaudan).contains("Tremplin Insertion Grésivaudan");
            new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                    .withMessage(() -> "rows shown for « gresivaudan »: " + shown.get() + ", expected " + gresivaudan)
                    .until(d -> shown.get().equals(gresivaudan));
            browser.driver.findElement(By.id("recherche-acteurs")).sendKeys(" zzz");
            browser.settled().until(d -> shown.get().isEmpty() && d.findElement(By.cssSelector("table caption")).getText()
                    .equals("Aucun acteur sur " + isere.size() + " ne correspond à « gresivaudan zzz »"));
            browser.driver.findElement(By.id("recherche-acteurs")).clear();
            browser.driver.findElement(By.id("recherche-acteurs")).sendKeys("Tremplin Insertion");
            browser.settled().until(d -> shown.get().equals(tremplins));
            browser.assertAccessible("the facilitator's territory");
            browser.driver.findElement(By.xpath("//tbody/tr[th = 'Tremplin Insertion Grésivaudan']"))
                    .findElement(By.linkText("Besoins et offres")).click();
            browser.awaitReady("organisation");
            assertThat(browser.driver.findElements(By.id("publier-needs"))).as("the facilitator of Isère acts for Tremplin").hasSize(1);
            browser.shot("organisation-vue-par-l-animateur");
        }
    }

    /**
     * The facilitator of Isère imports a spreadsheet of actors saved as CSV by French Excel (UTF-8 with a byte order
     * mark, « ; »): a file with a faulty line is refused with the API's message for that line and imports nothing; the
     * corrected file registers its actors, which join the territory's table; the same file again registers none.
     */
    @Test
    void theFacilitatorImportsActorsFromASpreadsheet(SignedInLab lab) throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String header = "nom;type;commune;thèmes;ODD;contact nom;contact courriel\r\n";
        String first = "Jardins partagés de Voiron " + run + ";association;38563;alimentation;2|11;Lou Martin;lou.martin@example.org\r\n";
        String second = "Atelier numérique de Fontaine " + run + ";structure de l'ESS;38169;inclusion numérique;4;;\r\n";
        Path faulty = excelCsv("import-refuse", header + first + second.replace("structure de l'ESS", "club"));
        Path corrected = excelCsv("import-corrige", header + first + second);
        try (ConsoleBrowser browser = ConsoleBrowser.open("animateur-import", DESKTOP)) {
            browser.signIn(lab, "facilitator-isere");
            browser.awaitReady("territoire");
            int rowsBefore = browser.driver.findElements(By.cssSelector(TERRITORY_ROWS)).size();

            browser.driver.findElement(By.id("fichier-acteurs")).sendKeys(faulty.toAbsolutePath().toString());
            browser.driver.findElement(By.xpath("//form[@id='import-acteurs']//button[normalize-space()='Importer']")).click();
            WebElement refusal = browser.await(By.cssSelector("#import-acteurs .probleme"));
            HttpResponse<String> api = lab.send("POST", lab.profile.resolve("/api/actors/import"), "facilitator-isere",
                    Files.readString(faulty), "text/csv;charset=UTF-8");
            assertThat(api.statusCode()).isEqualTo(400);
            JsonNode error = JSON.readTree(api.body()).path("errors").get(0);
            assertThat(error.path("field").asText()).isEqualTo("ligne 3, type");
            assertThat(refusal.getText()).contains(error.path("field").asText() + " : " + error.path("message").asText());
            assertThat(lab.send("GET", lab.profile.resolve("/api/actors?limit=1000"), "viewer", null).body())
                    .as("nothing imported from the refused file").doesNotContain(run);
            browser.shot("import-refuse-ligne-en-erreur");
            browser.assertAccessible("the refused import");

            browser.driver.findElement(By.id("fichier-acteurs")).clear();
            browser.driver.findElement(By.id("fichier-acteurs")).sendKeys(corrected.toAbsolutePath().toString());
            browser.driver.findElement(By.xpath("//form[@id='import-acteurs']//button[normalize-space()='Importer']")).click();
            WebElement done = browser.await(By.cssSelector("#import-acteurs .succes[data-inscrits]"));
            assertThat(done.getAttribute("data-inscrits")).isEqualTo("2");
            assertThat(done.getText()).isEqualTo("2 acteurs inscrits, 0 déjà inscrit.");
            assertThat(browser.driver.findElements(By.cssSelector("#import-acteurs .probleme"))).isEmpty();
            List<String> imported = browser.driver.findElements(By.cssSelector("#import-acteurs tbody th")).stream()
                    .map(WebElement::getText).toList();
            assertThat(imported).containsExactly("Jardins partagés de Voiron " + run, "Atelier numérique de Fontaine " + run);
            // The territory's table (the page's own, not the report's) is read again with the two new actors.
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d ->
                    d.findElements(By.cssSelector(TERRITORY_ROWS)).size() == rowsBefore + 2);
            browser.driver.findElement(By.id("recherche-acteurs")).sendKeys(run);
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d ->
                    d.findElements(By.cssSelector(TERRITORY_ROWS)).size() == 2);
            // Their communes by name (the file gave their INSEE codes, 38563 and 38169).
            browser.settled().until(d -> d.findElements(By.cssSelector(TERRITORY_ROWS + " td:nth-of-type(2)")).stream()
                    .map(WebElement::getText).collect(Collectors.toSet()).equals(Set.of("Voiron (38)", "Fontaine (38)")));
            browser.shot("import-reussi");
            browser.assertAccessible("the import's report");

            // The same file again, the territory's list then unreadable a moment (the network): the import is done
            // all the same, and said so; the list not read again is told, not taken for the import failing.
            browser.script("""
                    const original = window.fetch;
                    let imported = false;
                    window.fetch = async (input, init) => {
                      const url = typeof input === 'string' ? input : input.url;
                      if (imported && url.includes('/api/actors?')) {
                        window.fetch = original;
                        throw new TypeError('Failed to fetch');
                      }
                      const response = await original(input, init);
                      if (init?.method === 'POST' && url.endsWith('/api/actors/import')) imported = true;
                      return response;
                    };""");
            browser.driver.findElement(By.id("fichier-acteurs")).clear();
            browser.driver.findElement(By.id("fichier-acteurs")).sendKeys(corrected.toAbsolutePath().toString());
            browser.driver.findElement(By.xpath("//form[@id='import-acteurs']//button[normalize-space()='Importer']")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d ->
                    "2".equals(d.findElement(By.cssSelector("#import-acteurs .succes[data-inscrits]")).getAttribute("data-deja-inscrits")));
            assertThat(browser.driver.findElement(By.cssSelector("#import-acteurs .succes")).getText())
                    .isEqualTo("0 acteur inscrit, 2 déjà inscrits.");
            assertThat(browser.driver.findElements(By.cssSelector("#import-acteurs .probleme"))).isEmpty();
            browser.settled().until(d -> d.findElement(By.id("annonces")).getText()
                    .equals("La liste des acteurs n’a pas pu être relue : rechargez la page pour la voir."));
            assertThat(browser.script("return window.fetch.toString().includes('imported');"))
                    .as("the list's reading failed, as arranged").isEqualTo(false);
            browser.shot("import-repete-rien-de-nouveau");
        }
    }

    /**
     * The facilitator of Isère brings the lab's past introductions from its spreadsheet: a file whose acceptance
     * precedes its proposal is refused with the API's message for that line and records nothing (the corrected file
     * then records its line anew); the corrected file records the introduction, named by its two actors; the same
     * file again records nothing more.
     */
    @Test
    void theFacilitatorBringsTheLabsPastIntroductionsFromASpreadsheet(SignedInLab lab) throws IOException {
        java.time.LocalDate proposed = java.time.LocalDate.now(LabCalendar.ZONE).minusMonths(4);
        java.time.format.DateTimeFormatter french = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String header = "acteur;partenaire;proposée le;acceptée le;déclinée le;déclinée par;raison du refus;rencontre le;"
                + "suite;suite le;forme;catégorie;fin du partenariat le;note\r\n";
        // The lab's file names the two actors as people write them, not by their ids.
        String line = String.join(";", "Ville de Grenoble", "alpenergie industries", proposed.format(french),
                "%s", "", "", "", proposed.plusDays(15).format(french), "partenariat conclu",
                proposed.plusMonths(1).format(french), "actions communes", "un partenaire de co-construction", "",
                "Comité de pilotage du plan climat") + "\r\n";
        Path faulty = excelCsv("historique-refuse", header + line.formatted(proposed.minusDays(2).format(french)));
        Path corrected = excelCsv("historique-corrige", header + line.formatted(proposed.plusDays(5).format(french)));
        String importButton = "//form[@id='import-historique']//button[normalize-space()='Importer']";
        try (ConsoleBrowser browser = ConsoleBrowser.open("animateur-historique", DESKTOP)) {
            browser.signIn(lab, "facilitator-isere");
            browser.awaitReady("territoire");

            browser.driver.findElement(By.id("fichier-historique")).sendKeys(faulty.toAbsolutePath().toString());
            browser.driver.findElement(By.xpath(importButton)).click();
            WebElement refusal = browser.await(By.cssSelector("#import-historique .probleme"));
            HttpResponse<String> api = lab.send("POST", lab.matchmaking.resolve("/api/introductions/past"),
                    "facilitator-isere", Files.readString(faulty), "text/csv;charset=UTF-8");
            assertThat(api.statusCode()).isEqualTo(400);
            JsonNode error = JSON.readTree(api.body()).path("errors").get(0);
            assertThat(error.path("field").asText()).isEqualTo("ligne 2, acceptée le");
            assertThat(refusal.getText()).contains(error.path("field").asText() + " : " + error.path("message").asText());
            browser.assertAccessible("the refused file of past introductions");

            browser.driver.findElement(By.id("fichier-historique")).clear();
            browser.driver.findElement(By.id("fichier-historique")).sendKeys(corrected.toAbsolutePath().toString());
            browser.driver.findElement(By.xpath(importButton)).click();
            WebElement done = browser.await(By.cssSelector("#import-historique .succes[data-reprises]"));
            assertThat(done.getText()).isEqualTo("1 mise en relation reprise, 0 déjà reprise.");
            assertThat(browser.driver.findElements(By.cssSelector("#import-historique .probleme"))).isEmpty();
            assertThat(browser.driver.findElement(By.cssSelector("#import-historique tbody tr")).getText())
                    .contains("Ville de Grenoble").contains("Alpénergie Industries").contains("reprise");
            browser.shot("historique-repris");
            browser.assertAccessible("the report of past introductions");

            browser.driver.findElement(By.id("fichier-historique")).clear();
            browser.driver.findElement(By.id("fichier-historique")).sendKeys(corrected.toAbsolutePath().toString());
            browser.driver.findElement(By.xpath(importButton)).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> "1".equals(d.findElement(
                    By.cssSelector("#import-historique .succes[data-reprises]")).getAttribute("data-deja-reprises")));
            assertThat(browser.driver.findElement(By.cssSelector("#import-historique .succes")).getText())
                    .isEqualTo("0 mise en relation reprise, 1 déjà reprise.");
        }
    }

    /** The rows of the territory page's table of actors (the import's report has a table of its own, in its form). */
    private static final String TERRITORY_ROWS = "#contenu > .vue > .table-defile tbody tr";

    /** A file as French Excel saves « CSV UTF-8 »: a byte order mark, then the text. */
    private static Path excelCsv(String name, String text) throws IOException {
        Path file = Files.createTempFile(name, ".csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(file, bom);
        Files.writeString(file, text, StandardOpenOption.APPEND);
        return file;
    }

    /**
     * The console draws its first page without its live stream when the stream is not open within two seconds (the
     * instance refusing it for a moment, a slow network): what is committed after the page started and before its
     * first stream opens reaches the page all the same, from the service's latest events.
     */
    @Test
    void aPageWhoseFirstStreamOpenedLateHearsOfWhatWasCommittedMeanwhile(SignedInLab lab) throws IOException {
        String tremplin = lab.actor("tremplin-insertion");
        try (ConsoleBrowser browser = ConsoleBrowser.open("premier-flux-tardif", DESKTOP)) {
            browser.signIn(lab, "member-tremplin");
            // Every page loaded from now on holds its first live stream until the test lets it open.
            Object held = browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    const original = window.fetch;
                    window.fetch = async (input, init) => {
                      if (String(input).endsWith('/api/live') && init?.headers?.Accept === 'text/event-stream') {
                        while (!window.__streamMayOpen) await new Promise(resolve => setTimeout(resolve, 100));
                      }
                      return original(input, init);
                    };""")).get("identifier");
            browser.driver.get(lab.console() + "?premier-flux#/organisation/" + tremplin);
            browser.awaitReady("organisation");

            String title = "Besoin publié avant le premier flux " + UUID.randomUUID().toString().substring(0, 6);
            String need = lab.create("/api/actors/" + tremplin + "/needs", "facilitator-isere", """
                    {"category": "SKILLS", "form": "CO_PRODUCTION", "title": "%s", "description": "Publié ailleurs",
                     "themes": [], "sdgs": [], "territory": {"code": "38", "level": "DEPARTEMENT"}}""".formatted(title));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(lab.send("GET",
                    lab.matchmaking.resolve("/api/live"), "member-tremplin", null).body()).findValuesAsText("aggregateId")
                    .contains(need));
            By posted = By.xpath("//*[@data-post='" + need + "']");
            assertThat(browser.driver.findElements(posted)).as("not shown before the stream opens").isEmpty();

            browser.script("window.__streamMayOpen = true;");
            browser.settled().until(d -> d.findElement(posted).getText().contains(title));
            browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", held));
        }
    }

    /**
     * A live stream ends now and then (its lifetime, the network) and the console opens another: what was committed
     * in between reaches the open page all the same, from the service's latest events.
     * Here the page's stream is closed, a need is posted for the actor elsewhere, and a stream is opened again.
     */
    @Test
    void anOpenPageHearsOfWhatWasCommittedWhileItsLiveStreamWasClosed(SignedInLab lab) throws IOException {
        String tremplin = lab.actor("tremplin-insertion");
        try (ConsoleBrowser browser = ConsoleBrowser.open("flux-rouvert", DESKTOP)) {
            browser.signIn(lab, "member-tremplin");
            browser.driver.get(lab.console() + "?flux#/organisation/" + tremplin); // a load of its own: a fresh stream
            browser.awaitReady("organisation");
            // The console's own live module (the same instance as the page's: modules are shared by their address);
            // what it tells the pages is noted, then its stream is closed.
            String live = "import(new URL('js/live.js', document.baseURI).href)";
            ((JavascriptExecutor) browser.driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " window.__heard = []; " + live + ".then(m => m.whenReady().then(() => {"
                    + " m.onEvent(e => window.__heard.push(e.aggregateId + ' ' + e.type + ' ' + e.sequence));"
                    + " m.close(); done(true); }));");

            // Meanwhile a need is posted for the actor elsewhere, then corrected twice.
            String title = "Besoin publié pendant la coupure " + UUID.randomUUID().toString().substring(0, 6);
            String body = """
                    {"category": "SKILLS", "form": "CO_PRODUCTION", "title": "%s", "description": "Publié ailleurs",
                     "themes": [], "sdgs": [], "territory": {"code": "38", "level": "DEPARTEMENT"}}""";
            String need = lab.create("/api/actors/" + tremplin + "/needs", "facilitator-isere", body.formatted(title));
            for (String correction : List.of(" (corrigé)", " (corrigé deux fois)")) {
                assertThat(lab.send("PUT", lab.profile.resolve("/api/actors/" + tremplin + "/needs/" + need),
                        "facilitator-isere", body.formatted(title + correction)).statusCode()).isEqualTo(204);
            }
            // The service has read the three events from the topic (they are among its latest); the page missed them.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(lab.send("GET",
                    lab.matchmaking.resolve("/api/live"), "member-tremplin", null).body()).findValuesAsText("aggregateId")
                    .stream().filter(need::equals).count() == 3);
            By posted = By.xpath("//*[@data-post='" + need + "']");
            assertThat(browser.driver.findElements(posted)).as("not shown while the stream is closed").isEmpty();

            ((JavascriptExecutor) browser.driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; " + live + ".then(m => m.whenReady()).then(() => done(true));");
            browser.settled().until(d -> d.findElement(posted).getText().contains(title + " (corrigé deux fois)"));
            browser.shot("besoin-recu-apres-reouverture");
            // Told once of the registration and once of the corrections, the latest: the page read the need again once
            // for them, not once per correction.
            @SuppressWarnings("unchecked")
            List<String> heard = (List<String>) browser.script("return window.__heard;");
            assertThat(heard.stream().filter(line -> line.startsWith(need)))
                    .containsExactly(need + " NeedRegisteredEvent 0", need + " NeedUpdatedEvent 2");
        }
    }

    /**
     * Speed, as a user sees it: the first page ready (from the start of the navigation to the page shown, demo data),
     * and a live update (from profile-service's 201 for a need posted elsewhere to the need on the open page, through
     * the relay, Kafka, the live stream and the page's reload).
     */
    @Test
    void measuresTheFirstPageReadyAndALiveUpdatesDelay(SignedInLab lab) throws IOException {
        String tremplin = lab.actor("tremplin-insertion");
        try (ConsoleBrowser browser = ConsoleBrowser.open("mesures", DESKTOP)) {
            browser.signIn(lab, "member-tremplin");
            browser.awaitReady("organisation");
            List<Long> ready = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                browser.driver.get(lab.console() + "?essai=" + i + "#/organisation/" + tremplin);
                browser.awaitReady("organisation");
                ready.add(Long.parseLong(browser.script("return document.body.dataset.pretMs;").toString()));
            }
            List<Long> live = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String title = "Annonce en direct " + i + " " + UUID.randomUUID().toString().substring(0, 6);
                browser.script("""
                        window.__seen = null;
                        const title = arguments[0];
                        new MutationObserver((changes, observer) => {
                          if ([...document.querySelectorAll('[data-post] h3')].some(h => h.textContent === title)) {
                            window.__seen = Date.now(); observer.disconnect();
                          }
                        }).observe(document.getElementById('contenu'), { childList: true, subtree: true });
                        """, title);
                // Posted by the facilitator of Isère, for Tremplin: not by this page.
                lab.create("/api/actors/" + tremplin + "/needs", "facilitator-isere", """
                        {"category": "SKILLS", "form": "CO_PRODUCTION", "title": "%s", "description": "Publié ailleurs",
                         "themes": [], "sdgs": [], "territory": {"code": "38", "level": "DEPARTEMENT"}}""".formatted(title));
                long committed = System.currentTimeMillis();
                new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> browser.script("return window.__seen;") != null);
                live.add(((Number) browser.script("return window.__seen;")).longValue() - committed);
                if (i == 0) {
                    browser.shot("mise-a-jour-en-direct");
                }
            }
            String report = "first page ready (ms, navigation start → page shown, 7 loads): " + summary(ready) + "\n"
                    + "live update (ms, 201 of profile-service → need shown on the open page, 7 events): " + summary(live) + "\n";
            System.out.println(report);
            Files.writeString(Path.of("target", "console-measures.txt"), report, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            assertThat(live).as("every live update arrived").hasSize(7);
        }
    }

    private static String summary(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return "median " + sorted.get(sorted.size() / 2) + ", min " + sorted.get(0) + ", max " + sorted.get(sorted.size() - 1)
                + " " + values;
    }

    private static String apiFieldMessage(SignedInLab lab, String actorId, String body, String field) throws IOException {
        HttpResponse<String> response = lab.send("POST", lab.profile.resolve("/api/actors/" + actorId + "/needs"), "member-tremplin", body);
        assertThat(response.statusCode()).isEqualTo(400);
        for (JsonNode error : JSON.readTree(response.body()).path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no message for " + field + " in " + response.body());
    }

    private static String detail(String problem) {
        try {
            return JSON.readTree(problem).path("detail").asText();
        } catch (IOException e) {
            throw new AssertionError(problem, e);
        }
    }
}
