package fr.labos.partenariats.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A facilitator's sign-in ends while the console is open (an access token lasts about an hour, a speed-meeting session
 * an afternoon), in a real headless Chromium against the real provider: a few minutes before, a banner offers to
 * prolong it, which takes one click and no password while the provider's own session lasts, and comes back to the
 * same page; once the token has ended, the page says so and offers to sign in again.
 */
@ExtendWith(SignedInLab.Resolver.class)
class ConsoleSessionRenewalJourneyTest {

    private static final String STORED_SESSION = "lab.console.session";
    private static final Pattern HOUR = Pattern.compile("Votre session expire à \\d{2}:\\d{2}");

    @Test
    void aSessionAboutToEndIsProlongedInOneClickAndAnEndedOneSaysSo(SignedInLab lab) {
        try (ConsoleBrowser browser = ConsoleBrowser.open("prolonger-la-session", 1280)) {
            browser.signIn(lab, "facilitator-isere");
            browser.awaitReady("territoire");
            browser.go(lab, "#/sessions", "sessions");
            assertThat(browser.driver.findElements(By.id("session-bientot-expiree"))).isEmpty();

            // The token received an hour ago, four minutes from its end: the page opened now warns at once.
            String firstToken = endTokenIn(browser, 4 * 60_000);
            browser.driver.navigate().refresh();
            browser.awaitReady("sessions");
            String warning = browser.await(By.id("session-bientot-expiree")).getText();
            assertThat(warning).containsPattern(HOUR).contains("Prolonger la session");
            assertThat(browser.driver.findElements(By.id("session-expiree"))).isEmpty();
            browser.shot("session-bientot-expiree");
            browser.assertAccessible("the warning that the session is about to end");

            // One click: the provider answers at once (its own session lasts: no form, no password), and the console
            // comes back to the sessions with a new token, the warning gone.
            browser.script("delete document.body.dataset.pret;");
            browser.driver.findElement(By.id("prolonger-session")).click();
            browser.awaitReady("sessions");
            assertThat(browser.driver.getCurrentUrl()).endsWith("#/sessions");
            assertThat(storedToken(browser)).isNotEqualTo(firstToken);
            assertThat(((Number) browser.script("return JSON.parse(sessionStorage.getItem(arguments[0])).expiresAt - Date.now();",
                    STORED_SESSION)).longValue()).as("ms left on the new token").isGreaterThan(5 * 60_000);
            assertThat(browser.driver.findElements(By.id("session-bientot-expiree"))).isEmpty();

            // A token used for ten more seconds: warned at once, then told it has ended.
            endTokenIn(browser, 20_000);
            browser.driver.navigate().refresh();
            browser.awaitReady("sessions");
            String ended = browser.await(By.id("session-expiree")).getText();
            assertThat(ended).contains("Votre session a expiré").contains("Se reconnecter");
            assertThat(browser.driver.findElements(By.id("session-bientot-expiree"))).as("the warning, replaced").isEmpty();
            browser.shot("session-expiree");
            browser.assertAccessible("the banner of an ended session");
            // An action sent then is refused (401): said as the page's own words, not the HTTP header the service
            // names, with what to do before signing in again.
            browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            Object refused = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import(new URL('js/api.js', document.baseURI).href)
                      .then(api => api.matchmaking('/api/sessions', { method: 'POST', body: {} }))
                      .then(() => done('accepted'), e => done([String(e.status), e.document?.title, e.message]));""");
            assertThat(refused).isEqualTo(List.of("401", "Session expirée", "Votre session a expiré : rien n’a été "
                    + "enregistré. Copiez ce que vous avez saisi, puis reconnectez-vous avec le bouton « Se reconnecter » "
                    + "en haut de la page."));

            browser.script("delete document.body.dataset.pret;");
            browser.driver.findElement(By.id("se-reconnecter")).click();
            browser.awaitReady("sessions");
            assertThat(browser.driver.findElements(By.id("session-expiree"))).isEmpty();
        }
    }

    /**
     * One computer passes from hand to hand at a speed-meeting session: « Se déconnecter » ends the provider's session
     * too, so that the next « Se connecter » asks for an account and its password instead of answering at once for the
     * person who left; and the console's other tabs, signed in through that same session, stop acting for that person.
     */
    @Test
    void signingOutEndsTheProvidersSessionAndTheOtherTabs(SignedInLab lab) {
        try (ConsoleBrowser browser = ConsoleBrowser.open("se-deconnecter", 1280)) {
            browser.signIn(lab, "facilitator-isere");
            browser.awaitReady("territoire");
            String firstTab = browser.driver.getWindowHandle();

            // A second tab signs in through the provider's session: no form.
            browser.driver.switchTo().newWindow(WindowType.TAB);
            browser.driver.get(lab.console().toString());
            browser.awaitReady("connexion");
            browser.driver.findElement(By.id("se-connecter")).click();
            browser.awaitReady("territoire");
            assertThat(browser.driver.findElements(By.name("username"))).as("no form while the provider's session lasts").isEmpty();

            browser.driver.findElement(By.id("se-deconnecter")).click();
            browser.awaitReady("connexion");
            assertThat(browser.driver.getCurrentUrl()).as("back at the console").startsWith(lab.console().toString());
            assertThat(browser.script("return sessionStorage.getItem(arguments[0]);", STORED_SESSION)).isNull();

            browser.driver.switchTo().window(firstTab);
            browser.awaitReady("connexion");
            assertThat(browser.script("return sessionStorage.getItem(arguments[0]);", STORED_SESSION))
                    .as("the first tab's token, forgotten").isNull();
            // The console also asks the next sign-in for the form (prompt=login): set aside, so that the form below
            // shows that the provider's own session ended.
            assertThat(browser.script("const was = localStorage.getItem('lab.console.signed-out');"
                    + " localStorage.removeItem('lab.console.signed-out'); return was;")).isNotNull();
            browser.driver.findElement(By.id("se-connecter")).click();
            browser.await(By.name("username"));
            assertThat(browser.driver.getCurrentUrl()).as("the provider's form, for whoever comes next")
                    .doesNotStartWith(lab.console().toString());
        }
    }

    /**
     * Makes the stored token end {@code millis} from now, as if received an hour ago (the console stops using a token
     * ten seconds before its end); returns the token.
     */
    private static String endTokenIn(ConsoleBrowser browser, long millis) {
        return (String) browser.script("""
                const stored = JSON.parse(sessionStorage.getItem(arguments[0]));
                stored.signedInAt = Date.now() - 3_600_000;
                stored.expiresAt = Date.now() + arguments[1];
                sessionStorage.setItem(arguments[0], JSON.stringify(stored));
                return stored.accessToken;""", STORED_SESSION, millis);
    }

    private static String storedToken(ConsoleBrowser browser) {
        return (String) browser.script("return JSON.parse(sessionStorage.getItem(arguments[0])).accessToken;", STORED_SESSION);
    }
}
