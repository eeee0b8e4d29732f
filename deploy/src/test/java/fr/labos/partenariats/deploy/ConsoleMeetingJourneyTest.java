package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meetings of an introduction both sides accepted, in a real headless Chromium set to Martinique's time, on the
 * demo territory with sign-in on: its card is drawn from the inbox line alone (the proposal's note with it); a member
 * plans one (a date more than a year ahead is refused next to the date; the form keeps what was typed while the
 * partner plans another meanwhile), sees it listed « prévue » at the hour typed, Paris's, with its place, says it was
 * held (its introduction answering 404 first: the page's own words) and the partner's one missed by the partner, which
 * the card and the history then say, and the introduction's timeline has the steps and who was absent.
 */
@ExtendWith(SignedInLab.Resolver.class)
class ConsoleMeetingJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DESKTOP = 1280;
    /** The lab's zone: the hours a member types and reads are its hours. */
    private static final ZoneId LAB_TIME_ZONE = LabCalendar.ZONE;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final String PLACE = "Maison des associations de Voiron";
    private static final String NOTE = "Premier échange sur le transport solidaire";
    private static final String PROPOSAL_NOTE = "Je vous propose d'en parler.";
    private static final String PARTNER_NAME = "Association des rencontres";
    private static final String TREMPLIN_NAME = "Tremplin Insertion Grésivaudan";

    @Test
    void aMemberPlansAMeetingThenSaysItWasHeld(SignedInLab lab) {
        // Introduced by the facilitator of Isère and accepted by both sides: Tremplin and an association of Isère that
        // Mobilité solidaire's member has just registered (a pair no other test introduced before).
        String tremplin = lab.actor("tremplin-insertion");
        String partner = lab.isereNewcomer("member-mobilite", PARTNER_NAME);
        String introduction = id(lab.send("POST", lab.matchmaking.resolve("/api/introductions"), "facilitator-isere", """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR", "note": "%s"}"""
                .formatted(partner, tremplin, PROPOSAL_NOTE)).body());
        accept(lab, introduction, "member-mobilite", partner);
        accept(lab, introduction, "member-tremplin", tremplin);
        Awaitility.await("both acceptances in the inbox").atMost(Duration.ofSeconds(30)).until(() -> "accepted".equals(
                timeline(lab, introduction).path("status").asText()));
        String card = "li[data-introduction='" + introduction + "']";
        String plan = card + " form[data-form='rencontre']";
        String partnersMeeting;
        String meeting;
        try (ConsoleBrowser browser = ConsoleBrowser.open("rencontres", DESKTOP)) {
            browser.setZone("America/Martinique");
            browser.signIn(lab, "member-tremplin");
            browser.go(lab, "#/mises-en-relation/" + tremplin, "mises-en-relation");
            WebElement form = browser.await(By.cssSelector(plan));
            assertThat(browser.driver.findElement(By.cssSelector(card)).getText()).contains("Aucune rencontre planifiée")
                    .contains("Message de " + lab.nameOf("facilitator-isere") + " (animation du labo) : " + PROPOSAL_NOTE);
            // The note, as the meetings, came with the inbox line: the card does not read its introduction again.
            assertThat(browser.script("return performance.getEntriesByType('resource')"
                    + ".filter(entry => entry.name.endsWith('/api/introductions/' + arguments[0])).length;", introduction))
                    .as("readings of the introduction by its card").isEqualTo(0L);
            assertThat(form.getText()).as("a reader elsewhere is told whose hour it is").contains("À l’heure de Paris.")
                    .as("the place is kept in the history: no one's name or number there")
                    .contains("pas le nom ni le numéro d’une personne : il reste dans l’historique.");

            // A date more than a year ahead (a year mistyped): refused, and said next to the date.
            LocalDate tooFar = LocalDate.now(LAB_TIME_ZONE).plusYears(2);
            fill(browser, plan, tooFar.toString(), "10:00");
            form.findElement(By.name("place")).sendKeys(PLACE);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement refusal = browser.await(By.cssSelector(plan + " input[name=day][aria-invalid=true] + .erreur-champ"));
            assertThat(refusal.getText()).contains("année à venir");
            assertThat(focusedField(browser)).as("the focus on the date refused").isEqualTo("day");
            assertThat(timeline(lab, introduction).path("meetings")).as("nothing planned").isEmpty();
            browser.shot("rencontre-refusee");
            browser.assertAccessible("a meeting refused");

            // The partner plans a meeting meanwhile (the day before): the card is drawn anew, the form kept as typed.
            browser.script("document.querySelector(arguments[0]).__drawnFirst = true;", card);
            partnersMeeting = id(lab.send("POST", meetings(lab, introduction), "member-mobilite", """
                    {"startsAt": "%s", "place": "Visioconférence", "actingFor": "%s"}"""
                    .formatted(Instant.now().minus(Duration.ofDays(1)), partner)).body());
            browser.await(By.cssSelector(card + " li[data-rencontre='" + partnersMeeting + "']"));
            assertThat(browser.script("return document.querySelector(arguments[0]).__drawnFirst === true;", card))
                    .as("the card, drawn anew").isEqualTo(false);
            assertThat(browser.script("return document.querySelector(arguments[0]).elements.place.value;", plan)).isEqualTo(PLACE);
            assertThat(browser.script("return document.querySelector(arguments[0]).elements.day.value;", plan)).isEqualTo(tooFar.toString());

            // Two hours ago, in Paris: planned, then listed at that hour with its place.
            ZonedDateTime startsAt = twoHoursBefore(Clock.systemUTC());
            fill(browser, plan, startsAt.toLocalDate().toString(), HOUR.format(startsAt));
            // Its first sending reaches the service, but its answer is lost (the network, a proxy's timeout): the page
            // says the service did not answer and keeps the form. Sent again, it is that meeting, not a second one.
            browser.loseTheAnswerOfTheNextPost("/meetings");
            browser.driver.findElement(By.cssSelector(plan + " button[type=submit]")).click();
            browser.settled().until(d -> d.findElement(By.cssSelector(plan)).getText().contains("Service injoignable"));
            Awaitility.await("the meeting whose answer was lost, recorded").atMost(Duration.ofSeconds(30))
                    .until(() -> timeline(lab, introduction).path("meetings").size() == 2);
            browser.driver.findElement(By.cssSelector(plan + " button[type=submit]")).click();
            String ours = card + " li[data-rencontre]:not([data-rencontre='" + partnersMeeting + "'])";
            WebElement line = browser.await(By.cssSelector(ours));
            meeting = line.getAttribute("data-rencontre");
            assertThat(line.getText()).contains(day(startsAt) + " à " + HOUR.format(startsAt) + " (heure de Paris)")
                    .contains(PLACE).contains("prévue");
            assertThat(timeline(lab, introduction).path("meetings")).as("the partner's and ours, once").hasSize(2);
            JsonNode planned = meetingOf(timeline(lab, introduction), meeting);
            assertThat(Instant.parse(planned.path("startsAt").asText())).as("the hour typed, Paris's").isEqualTo(startsAt.toInstant());
            assertThat(planned.path("location").asText()).isEqualTo(PLACE);
            browser.settled().until(driver -> "".equals(browser.script(
                    "return document.querySelector(arguments[0]).elements.place.value;", plan)));
            browser.shot("rencontre-prevue");
            browser.assertAccessible("the meetings of an introduction");

            // Held, with a note; the partner's one missed.
            String conclude = card + " form[data-form='rencontre-" + meeting + "']";
            browser.settled().until(driver -> {
                driver.findElement(By.cssSelector(conclude + " input[name=note]")).sendKeys(NOTE);
                return true;
            });
            // The introduction gone from the API meanwhile (its first answer is sent for an id it does not know): a
            // 404, said in the page's words rather than the API's, and the form kept to send again.
            browser.script("""
                    const introduction = arguments[0];
                    const original = window.fetch;
                    window.fetch = (input, init) => {
                      const url = typeof input === 'string' ? input : input.url;
                      if (!url.endsWith('/held')) return original(input, init);
                      window.fetch = original;
                      return original(url.replace(introduction, 'inconnue-' + introduction), init);
                    };""", introduction);
            browser.settled().until(driver -> {
                driver.findElement(By.xpath(xpathOf(introduction, meeting) + "//button[normalize-space()='Rencontre tenue']")).click();
                return true;
            });
            WebElement gone = browser.await(By.cssSelector(conclude + " [role=alert][data-status='404']"));
            assertThat(gone.getText()).contains("Cette mise en relation est introuvable ou ne vous est plus accessible")
                    .doesNotContain("Aucune mise en relation");
            assertThat(browser.script("return document.querySelector(arguments[0]).elements.note.value;", conclude)).isEqualTo(NOTE);
            browser.shot("rencontre-introuvable");
            browser.assertAccessible("a meeting's introduction gone");
            browser.settled().until(driver -> {
                driver.findElement(By.xpath(xpathOf(introduction, meeting) + "//button[normalize-space()='Rencontre tenue']")).click();
                return true;
            });
            WebElement held = browser.await(By.cssSelector(card + " li[data-rencontre='" + meeting + "'][data-statut-rencontre='held']"));
            assertThat(held.getText()).contains("tenue").contains(PLACE);
            // Missed: the partner did not come, chosen among the two organisations (« Non précisé » by default).
            String missedForm = card + " form[data-form='rencontre-" + partnersMeeting + "']";
            browser.settled().until(driver -> {
                WebElement absent = driver.findElement(By.cssSelector(missedForm + " select[name=absentActorId]"));
                assertThat(new Select(absent).getFirstSelectedOption().getText()).isEqualTo("Non précisé");
                assertThat(new Select(absent).getOptions()).extracting(WebElement::getText)
                        .containsExactly("Non précisé", PARTNER_NAME, TREMPLIN_NAME);
                new Select(absent).selectByVisibleText(PARTNER_NAME);
                return true;
            });
            browser.settled().until(driver -> {
                driver.findElement(By.xpath(xpathOf(introduction, partnersMeeting) + "//button[normalize-space()='Rencontre manquée']")).click();
                return true;
            });
            WebElement missed = browser.await(By.cssSelector(card + " li[data-rencontre='" + partnersMeeting + "'][data-statut-rencontre='missed']"));
            assertThat(missed.getText()).contains("manquée — organisation absente : " + PARTNER_NAME).contains("Visioconférence");
            assertThat(browser.driver.findElement(By.cssSelector(card + " li[data-rencontre='" + meeting + "']")).getText())
                    .as("a meeting held names no one").doesNotContain("absence");
            browser.shot("rencontres-tenue-et-manquee");
            browser.assertAccessible("meetings held and missed");

            // The history says it too.
            browser.driver.findElement(By.cssSelector(card + " summary[data-action=historique]")).click();
            WebElement step = browser.await(By.xpath("//li[@data-introduction='" + introduction
                    + "']//ol[contains(@class,'historique')]/li[strong[normalize-space()='Rencontre manquée']]"));
            assertThat(step.getText()).startsWith("Rencontre manquée — organisation absente : " + PARTNER_NAME + " — ");
        }
        JsonNode view = timeline(lab, introduction);
        List<String> types = new ArrayList<>();
        view.path("steps").forEach(step -> types.add(step.path("type").asText()));
        assertThat(types).containsSubsequence("MeetingScheduledEvent", "MeetingScheduledEvent", "MeetingHeldEvent",
                "MeetingMissedEvent");
        assertThat(view.path("steps").toString()).contains(NOTE);
        assertThat(meetingOf(view, meeting).path("status").asText()).isEqualTo("held");
        assertThat(meetingOf(view, partnersMeeting).path("status").asText()).isEqualTo("missed");
        assertThat(meetingOf(view, partnersMeeting).path("absentActorId").asText()).as("who did not come").isEqualTo(partner);
        JsonNode missedStep = null;
        for (JsonNode step : view.path("steps")) {
            if (step.path("type").asText().equals("MeetingMissedEvent")) missedStep = step;
        }
        assertThat(missedStep).isNotNull();
        assertThat(missedStep.path("actorId").asText()).as("the missed meeting's step").isEqualTo(partner);
        assertThat(view.path("status").asText()).isEqualTo("met");
    }

    /**
     * A partner who erased its contact person, and a meeting corrected while its first sending's answer was lost. The
     * card says calmly that no contact is on file, with no alert (one would be read out again at every refresh). The
     * meeting stands as first sent, and the page says so instead of « Rencontre planifiée », which the reader would
     * take for the place typed since; sent once more as corrected, the form plans a second meeting, at the new place.
     */
    @Test
    void aMeetingCorrectedAfterItsAnswerWasLostIsToldAsFirstPlanned(SignedInLab lab) {
        String tremplin = lab.actor("tremplin-insertion");
        String partner = lab.isereNewcomer("member-mobilite", "Association sans contact");
        String introduction = id(lab.send("POST", lab.matchmaking.resolve("/api/introductions"), "facilitator-isere", """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(partner, tremplin)).body());
        accept(lab, introduction, "member-mobilite", partner);
        accept(lab, introduction, "member-tremplin", tremplin);
        assertThat(lab.send("DELETE", lab.profile.resolve("/api/actors/" + partner + "/contact"), "member-mobilite", null)
                .statusCode()).isEqualTo(204);
        // Opened to Tremplin's member by the acceptances (a 403 until then), then gone: a 404.
        Awaitility.await("the partner's contact, opened then erased").atMost(Duration.ofSeconds(30)).until(() -> lab.send(
                "GET", lab.profile.resolve("/api/actors/" + partner + "/contact"), "member-tremplin", null).statusCode() == 404);
        Awaitility.await("both acceptances in the inbox").atMost(Duration.ofSeconds(30)).until(() -> "accepted".equals(
                timeline(lab, introduction).path("status").asText()));
        String card = "li[data-introduction='" + introduction + "']";
        String plan = card + " form[data-form='rencontre']";
        String correctedPlace = "Salle du conseil de Crolles";
        try (ConsoleBrowser browser = ConsoleBrowser.open("rencontre-corrigee", DESKTOP)) {
            browser.signIn(lab, "member-tremplin");
            browser.go(lab, "#/mises-en-relation/" + tremplin, "mises-en-relation");
            WebElement contact = browser.await(By.cssSelector(card + " [data-contact='" + partner + "']"));
            assertThat(contact.getText()).isEqualTo("Le partenaire n’a enregistré aucune personne de contact : "
                    + "écrivez-lui par les moyens de son organisation.");
            assertThat(browser.driver.findElements(By.cssSelector(card + " .contact [role=alert]"))).as("no alert").isEmpty();

            ZonedDateTime startsAt = twoHoursBefore(Clock.systemUTC());
            fill(browser, plan, startsAt.toLocalDate().toString(), HOUR.format(startsAt));
            browser.driver.findElement(By.cssSelector(plan + " input[name=place]")).sendKeys(PLACE);
            browser.loseTheAnswerOfTheNextPost("/meetings");
            browser.driver.findElement(By.cssSelector(plan + " button[type=submit]")).click();
            browser.settled().until(d -> d.findElement(By.cssSelector(plan)).getText().contains("Service injoignable"));
            Awaitility.await("the meeting whose answer was lost, recorded").atMost(Duration.ofSeconds(30))
                    .until(() -> timeline(lab, introduction).path("meetings").size() == 1);
            String first = timeline(lab, introduction).path("meetings").get(0).path("meetingId").asText();

            // Corrected, then sent again: the same meeting (the form's id), which stands as first sent.
            browser.settled().until(driver -> {
                WebElement place = driver.findElement(By.cssSelector(plan + " input[name=place]"));
                place.clear();
                place.sendKeys(correctedPlace);
                return true;
            });
            browser.driver.findElement(By.cssSelector(plan + " button[type=submit]")).click();
            WebElement told = browser.await(By.cssSelector(plan + " .probleme-formulaire [role=alert][data-status='409']"));
            assertThat(told.getText()).contains("Rencontre déjà planifiée").contains("(" + PLACE + "), sans votre correction");
            WebElement line = browser.await(By.cssSelector(card + " li[data-rencontre='" + first + "']"));
            assertThat(line.getText()).contains(PLACE).contains("prévue").doesNotContain(correctedPlace);
            assertThat(browser.driver.findElements(By.cssSelector(card + " li[data-rencontre]"))).as("one meeting listed").hasSize(1);
            assertThat(timeline(lab, introduction).path("meetings")).as("one meeting recorded").hasSize(1);
            assertThat(meetingOf(timeline(lab, introduction), first).path("location").asText()).isEqualTo(PLACE);
            assertThat(browser.script("return document.querySelector(arguments[0]).elements.place.value;", plan))
                    .as("the correction kept, to plan another").isEqualTo(correctedPlace);
            browser.shot("rencontre-deja-planifiee");
            browser.assertAccessible("a meeting corrected after a lost answer");

            // Sent once more: a second meeting, at the corrected place.
            browser.driver.findElement(By.cssSelector(plan + " button[type=submit]")).click();
            WebElement second = browser.await(By.cssSelector(card + " li[data-rencontre]:not([data-rencontre='" + first + "'])"));
            assertThat(second.getText()).contains(correctedPlace).contains("prévue");
        }
        JsonNode meetings = timeline(lab, introduction).path("meetings");
        assertThat(meetings).hasSize(2);
        assertThat(meetings.findValuesAsText("location")).containsExactlyInAnyOrder(PLACE, correctedPlace);
    }

    /**
     * The day and the hour a member types are the lab's, whatever the browser's zone: read in the console's own module
     * in a browser set to Martinique, including the hour the clocks skip in spring (taken an hour later) and the one
     * they go through twice in autumn (the second time).
     */
    @Test
    void theHourTypedIsTheLabsWhateverTheBrowsersZone(SignedInLab lab) {
        try (ConsoleBrowser browser = ConsoleBrowser.open("heures-du-labo", DESKTOP)) {
            browser.openInZone(lab, "America/Martinique");
            Object instants = browser.overUi("""
                    [ui.labInstant('2026-12-05', '10:30'), ui.labInstant('2026-07-14', '23:59'),
                     ui.labInstant('2026-03-29', '02:30'), ui.labInstant('2026-10-25', '02:30'),
                     ui.labInstant('2026-12-05', ''), ui.labInstant('', '10:30')]""");
            assertThat(instants).isEqualTo(Arrays.asList("2026-12-05T09:30:00.000Z", "2026-07-14T21:59:00.000Z",
                    "2026-03-29T01:30:00.000Z", "2026-10-25T01:30:00.000Z", null, null));
            // The meeting the journey above plans, were it run at 03:10 in Paris the night the clocks go back (02:10
            // UTC): its day and hour, typed, are the instant the journey expects, and one already begun.
            Clock nightTheClocksGoBack = Clock.fixed(Instant.parse("2026-10-25T02:10:00Z"), ZoneOffset.UTC);
            ZonedDateTime typed = twoHoursBefore(nightTheClocksGoBack);
            assertThat(Instant.parse((String) browser.overUi("ui.labInstant('%s', '%s')"
                    .formatted(typed.toLocalDate(), HOUR.format(typed))))).isEqualTo(typed.toInstant());
            assertThat(typed.toInstant()).isBefore(nightTheClocksGoBack.instant());
        }
    }

    /**
     * A meeting two hours before the clock's instant, as a member types it: a day and an hour in Paris, to the minute.
     * In the hour the clocks go through twice in autumn, the console takes the hour typed the second time (above):
     * so does the test, or a run between 02:00 and 03:00 UTC on the last Sunday of October would expect the first
     * (00:10 UTC for 02:10 typed) of a meeting the console plans an hour later (01:10 UTC).
     */
    private static ZonedDateTime twoHoursBefore(Clock clock) {
        return ZonedDateTime.now(clock.withZone(LAB_TIME_ZONE)).minusHours(2).truncatedTo(ChronoUnit.MINUTES)
                .withLaterOffsetAtOverlap();
    }

    /** Sets the day and the hour as the browser's pickers would (their typing order depends on the locale). */
    private static void fill(ConsoleBrowser browser, String form, String day, String time) {
        browser.script("""
                const form = document.querySelector(arguments[0]);
                form.elements.day.value = arguments[1];
                form.elements.time.value = arguments[2];
                form.elements.day.dispatchEvent(new Event('change', { bubbles: true }));""", form, day, time);
    }

    private static String xpathOf(String introduction, String meeting) {
        return "//li[@data-introduction='" + introduction + "']//li[@data-rencontre='" + meeting + "']";
    }

    /** A day as the console writes it, in French (the first of a month as an ordinal). */
    private static String day(ZonedDateTime at) {
        return LabCalendar.inFrench(at.toLocalDate());
    }

    private static void accept(SignedInLab lab, String introduction, String account, String actor) {
        assertThat(lab.send("POST", lab.matchmaking.resolve("/api/introductions/" + introduction + "/accept"), account,
                "{\"actingFor\": \"%s\"}".formatted(actor)).statusCode()).isEqualTo(204);
    }

    private static URI meetings(SignedInLab lab, String introduction) {
        return lab.matchmaking.resolve("/api/introductions/" + introduction + "/meetings");
    }

    private static JsonNode timeline(SignedInLab lab, String introduction) {
        return json(lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + introduction), "member-tremplin", null).body());
    }

    private static JsonNode meetingOf(JsonNode timeline, String meeting) {
        for (JsonNode each : timeline.path("meetings")) {
            if (each.path("meetingId").asText().equals(meeting)) return each;
        }
        throw new AssertionError("no meeting " + meeting + " in " + timeline.path("meetings"));
    }

    private static Object focusedField(ConsoleBrowser browser) {
        return browser.script("return document.activeElement.name;");
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
