package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's live stream over a network that fails the ways a phone's or a laptop's does, in a real headless
 * Chromium against the real services: a connection that dies without being closed (the page's {@code fetch} is
 * handed a stream that stops in the middle, as a Wi-Fi change leaves one) is taken for dead and opened again; a page
 * back after more happened than the service lists again, or on an instance started since it last heard from the
 * service, says so and offers to read the page again.
 */
@ExtendWith(SignedInLab.Resolver.class)
class ConsoleLiveStreamJourneyTest {

    private static final String MEMBER = "member-tremplin";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStreamThatFallsSilentIsOpenedAgainAndAPageThatMissedTooMuchSaysSo(SignedInLab lab) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String profile = AuthorizationMatrixTest.ISERE_ACTOR.formatted("Association en direct " + suffix,
                "direct-" + suffix + "@matrice.example.org");
        String actor = lab.create("/api/actors", MEMBER, profile);
        try (ConsoleBrowser browser = ConsoleBrowser.open("flux-en-direct", 1280)) {
            browser.signIn(lab, MEMBER);
            browser.go(lab, "#/organisation/" + actor, "organisation");
            browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));

            // The next stream the page opens stops after its first bytes, without ending: the page's reading waits
            // for ever unless it watches the silence (the service writes at least every 15 seconds).
            browser.script("""
                    const original = window.fetch;
                    let stalled = false;
                    window.__streamsOpened = 0;
                    window.__heard = [];
                    window.fetch = async (input, init) => {
                      const response = await original(input, init);
                      const stream = String(input).endsWith('/api/live') && init?.headers?.Accept === 'text/event-stream';
                      if (!stream) return response;
                      if (stalled) {
                        window.__streamsOpened++;
                        return response;
                      }
                      stalled = true;
                      // Everything up to the end of its « ready » event (which may come in several chunks), then
                      // nothing more, without an end.
                      const reader = response.body.getReader();
                      const decoder = new TextDecoder();
                      const chunks = [];
                      let text = '';
                      while (!/event:ready\\n[^]*?\\n\\n/.test(text)) {
                        const { value, done } = await reader.read();
                        if (done) break;
                        chunks.push(value);
                        text += decoder.decode(value, { stream: true });
                      }
                      reader.cancel();
                      // As a real response's body does, it fails when the request is aborted, and only then.
                      return new Response(new ReadableStream({ start(c) {
                        chunks.forEach(chunk => c.enqueue(chunk));
                        init.signal?.addEventListener('abort', () => c.error(new DOMException('Aborted', 'AbortError')));
                      } }), { status: 200, headers: response.headers });
                    };""");
            liveModule(browser, "live.close(); live.onEvent(event => window.__heard.push(event.type));"
                    + " return live.whenReady().then(() => 'open');");

            new WebDriverWait(browser.driver, Duration.ofSeconds(75)).until(d ->
                    ((Number) browser.script("return window.__streamsOpened;")).intValue() >= 1);
            liveModule(browser, "return live.whenReady().then(() => 'open');");
            changeProfile(lab, actor, profile, "après la reprise");
            browser.settled().until(d -> ((List<?>) browser.script("return window.__heard;")).contains("ActorProfileUpdatedEvent"));

            // Closed while one change is made: the latest events the service lists still hold some the page heard
            // of, so it knows what it missed, and tells its pages of it (no banner).
            liveModule(browser, "live.close(); return 'closed';");
            changeProfile(lab, actor, profile, "une seule modification");
            liveModule(browser, "return live.whenReady().then(() => 'open');");
            browser.settled().until(d -> ((List<?>) browser.script("return window.__heard;")).stream()
                    .filter("ActorProfileUpdatedEvent"::equals).count() >= 2);
            assertThat(browser.driver.findElements(By.id("changements-manques"))).isEmpty();

            // Closed while more changes are made than the service lists again (100): which ones the page missed
            // cannot be told; it says so, and reads the page again on a click.
            liveModule(browser, "live.close(); return 'closed';");
            for (int change = 0; change < 101; change++) {
                changeProfile(lab, actor, profile, "modification " + change);
            }
            // Opened again once the service has heard the last of them (relayed a moment after their answers): opened
            // before, the page is told of the latest ones as they arrive, and has missed none of those.
            long lastChange = Long.parseLong(lab.send("GET", lab.profile.resolve("/api/actors/" + actor), MEMBER, null)
                    .headers().firstValue("ETag").orElseThrow().replace("\"", ""));
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> heardBy(lab, actor, lastChange));
            liveModule(browser, "return live.whenReady().then(() => 'open');");
            String said = browser.await(By.id("changements-manques")).getText();
            assertThat(said).contains("Connexion retrouvée").contains("Mettre la page à jour");
            browser.assertAccessible("the banner of a page that may have missed changes");
            browser.driver.findElement(By.id("relire-la-page")).click();
            browser.awaitReady("organisation");
            assertThat(browser.driver.findElements(By.id("changements-manques"))).isEmpty();
            assertThat(browser.driver.findElement(By.id("contenu")).getText()).contains("modification 100");

            // The stream opened again on an instance started after the page last heard from the service (a restart,
            // another instance taking over): what was committed in between was never read there, and its list
            // cannot tell it. Here the instance's start it states is moved a day ahead on the way, as after a restart.
            liveModule(browser, "live.close(); return 'closed';");
            browser.script("""
                    const before = window.fetch;
                    let restarted = false;
                    window.fetch = async (input, init) => {
                      const response = await before(input, init);
                      if (restarted || !(String(input).endsWith('/api/live') && init?.headers?.Accept === 'text/event-stream')) {
                        return response;
                      }
                      restarted = true;
                      const later = new Date(Date.now() + 86_400_000).toISOString();
                      // The « ready » event gathered whole (it may come in several chunks), its « since » moved.
                      let head = '';
                      let passed = false;
                      const body = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new TransformStream({
                        transform(chunk, c) {
                          if (passed) return c.enqueue(chunk);
                          head += chunk;
                          if (!/event:ready\\n[^]*?\\n\\n/.test(head)) return;
                          passed = true;
                          c.enqueue(head.replace(/"since":"[^"]*"/, `"since":"${later}"`));
                        }
                      })).pipeThrough(new TextEncoderStream());
                      return new Response(body, { status: response.status, headers: response.headers });
                    };""");
            liveModule(browser, "return live.whenReady().then(() => 'open');");
            assertThat(browser.await(By.id("changements-manques")).getText()).contains("Connexion retrouvée");
        }
    }

    /** Runs {@code body} over the console's {@code js/live.js} module, named {@code live}; returns what it returns. */
    private static Object liveModule(ConsoleBrowser browser, String body) {
        return browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import(new URL('js/live.js', document.baseURI).href)
                  .then(live => { %s }).then(done, e => done(String(e)));
                """.formatted(body));
    }

    /** The actor's profile with another description: one event. */
    /** Whether the service's latest events (what a stream opened now is given to catch up) hold that step of the actor. */
    private static boolean heardBy(SignedInLab lab, String actor, long sequence) {
        HttpResponse<String> recent = lab.send("GET", lab.matchmaking.resolve("/api/live"), MEMBER, null);
        assertThat(recent.statusCode()).as(recent.body()).isEqualTo(200);
        try {
            for (JsonNode event : JSON.readTree(recent.body())) {
                if (actor.equals(event.path("aggregateId").asText()) && event.path("sequence").asLong() == sequence) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void changeProfile(SignedInLab lab, String actor, String profile, String description) {
        HttpResponse<String> response = lab.send("PUT", lab.profile.resolve("/api/actors/" + actor), MEMBER,
                profile.replace("Association de la matrice des droits", description));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
    }
}
