package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium (Debian's {@code chromium} through {@code chromedriver}) on the web console: signs in
 * through the provider's real form, keeps a screenshot of every step under {@code target/console-screenshots/}, and
 * runs axe-core in a page.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * Chromium processes kept between journeys, each with nothing left of the last one (see {@link #close()}): starting
     * one with its chromedriver takes two to three seconds, paid once instead of at each of the suite's forty journeys.
     * More than one when a journey has two people at their screens at once.
     */
    private static final Deque<Chromium> IDLE = new ArrayDeque<>();
    /** The widths at which the provider's sign-in form was checked by axe-core: the same page every time. */
    private static final Set<Integer> SIGN_IN_FORM_CHECKED_AT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(Chromium::quit);
                IDLE.clear();
            }
        }));
    }

    final ChromeDriver driver;
    private final Chromium chromium;
    private final Path folder;
    private final int width;
    private int step;

    private ConsoleBrowser(String journey, int width) {
        try {
            folder = Files.createDirectories(SCREENSHOTS.resolve(journey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Chromium idle;
        synchronized (IDLE) {
            idle = IDLE.pollFirst();
        }
        chromium = idle != null ? idle : Chromium.start();
        driver = chromium.driver();
        this.width = width;
        driver.manage().window().setSize(new Dimension(width, 900));
    }

    /** A headless Chromium, its own profile folder, and the origins its journeys went to (the console's, the provider's). */
    private record Chromium(ChromeDriver driver, Path profileDir, Set<String> origins) {

        void wentTo(SignedInLab lab) {
            origins.add(origin(lab.console()));
            origins.add(origin(lab.auth.issuer()));
        }

        private static String origin(URI address) {
            return address.getScheme() + "://" + address.getAuthority();
        }

        static Chromium start() {
            Path profileDir;
            try {
                profileDir = Files.createTempDirectory("console-chromium");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
            // Without the background-networking flags Chromium reaches for Google services, which a closed network refuses.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=fr-FR", "--user-data-dir=" + profileDir);
            // In French as the lab's users have it: --lang for the pages' languages, the locale of the process (with
            // Debian's chromium-l10n) for what the browser draws itself — a date field reads jj/mm/aaaa, not mm/dd/yyyy.
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
                    .withEnvironment(Map.of("LANG", "fr_FR.UTF-8"))
                    .build();
            return new Chromium(new ChromeDriver(service, options), profileDir, new HashSet<>());
        }

        /**
         * Leaves the browser as a new one is: one blank tab (the pages, their scripts, their session storage and the
         * time-zone emulation of the last journey go with the tabs closed), no cookie (the provider's sign-in session
         * above all: the next journey signs in through the form), nothing in the HTTP cache nor in the storage of the
         * origins it went to.
         */
        void forgetEverything() {
            String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
            for (String handle : driver.getWindowHandles()) {
                if (!handle.equals(fresh)) {
                    driver.switchTo().window(handle).close();
                }
            }
            driver.switchTo().window(fresh);
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            for (String origin : origins) {
                driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            }
            Object cookies = driver.executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
            if (driver.getWindowHandles().size() != 1 || !(cookies instanceof List<?> left && left.isEmpty())) {
                throw new IllegalStateException("the browser kept something of the last journey");
            }
        }

        void quit() {
            try {
                driver.quit();
            } finally {
                SignedInLab.deleteQuietly(profileDir);
            }
        }
    }

    static ConsoleBrowser open(String journey, int width) {
        return new ConsoleBrowser(journey, width);
    }

    /** Opens the console and signs in as the demo account through the provider's sign-in form. */
    void signIn(SignedInLab lab, String account) {
        driver.get(lab.console().toString());
        signInOnTheOpenPage(lab, account);
    }

    /** Signs in from the console's page already open (any address of it), through the provider's sign-in form. */
    void signInOnTheOpenPage(SignedInLab lab, String account) {
        chromium.wentTo(lab);
        awaitReady("connexion");
        driver.findElement(By.id("se-connecter")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        shot("formulaire-de-connexion");
        if (SIGN_IN_FORM_CHECKED_AT.add(width)) {
            assertAccessible("the provider's sign-in form");
        }
        driver.findElement(By.name("username")).sendKeys(account);
        driver.findElement(By.name("password")).sendKeys(demoSecret(lab));
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(lab.console().toString())
                && !"connexion".equals(readyPage()) && readyPage() != null);
    }

    static String demoSecret(SignedInLab lab) {
        try {
            return Files.readString(lab.auth.dataDir().resolve("demo-secret")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page the console has finished showing ({@code body[data-pret]}), or null while it works. */
    String readyPage() {
        Object ready = ((JavascriptExecutor) driver).executeScript("return document.body.dataset.pret || null;");
        return ready == null ? null : ready.toString();
    }

    void awaitReady(String page) {
        new WebDriverWait(driver, WAIT).until(d -> page.equals(readyPage()));
    }

    /** Goes to a console address ({@code #/…}) and waits until its page is shown. */
    void go(SignedInLab lab, String hash, String page) {
        ((JavascriptExecutor) driver).executeScript("delete document.body.dataset.pret; location.hash = arguments[0];", hash);
        awaitReady(page);
    }

    WebElement await(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * A wait that outlasts the console's re-renders: an element found just before the page replaced it (the grid is
     * drawn again after each answer of the API) is looked up again at the next poll instead of failing the test.
     */
    FluentWait<WebDriver> settled() {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
    }

    /**
     * Runs checks that read the page, and runs them again from the start if the page drew itself anew in the middle
     * (a live event redraws it; an element found before is then stale), as {@link #settled()} waits do. Only a stale
     * element is read again: a check that fails fails the test.
     */
    void reading(Runnable checks) {
        settled().until(page -> {
            checks.run();
            return true;
        });
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * The page's next {@code POST} to an address ending with {@code pathEnd} reaches the service, but its answer is lost
     * on the way back (the network, a proxy's timeout): the page sees the service as unreachable, though it recorded it.
     */
    void loseTheAnswerOfTheNextPost(String pathEnd) {
        script("""
                const pathEnd = arguments[0];
                const original = window.fetch;
                let lost = false;
                window.fetch = async (input, init) => {
                  const response = await original(input, init);
                  if (!lost && init?.method === 'POST' && String(input).endsWith(pathEnd)) {
                    lost = true;
                    throw new TypeError('Failed to fetch');
                  }
                  return response;
                };""", pathEnd);
    }

    /**
     * The bytes the page saves as a file when this button is clicked: the console hands a download to the browser as
     * an object URL, which is caught on its way (a headless browser's downloads are out of the test's reach).
     */
    byte[] savedBy(By button) {
        return savedBy(() -> driver.findElement(button).click());
    }

    /** The same, the download started by {@code press}: a key on a focused button, a click on one found elsewhere. */
    byte[] savedBy(Runnable press) {
        return fileSavedBy(press).bytes();
    }

    /** A file the page saved: the name it gave the browser and its bytes. */
    record SavedFile(String name, byte[] bytes) {
    }

    /** The file the page saves when this button is clicked, with the name it is saved under. */
    SavedFile fileSavedBy(By button) {
        return fileSavedBy(() -> driver.findElement(button).click());
    }

    private SavedFile fileSavedBy(Runnable press) {
        // The name is the download link's, read as the page clicks it.
        script("""
                window.__saved = null;
                window.__savedName = null;
                const create = URL.createObjectURL;
                URL.createObjectURL = blob => {
                  blob.arrayBuffer().then(buffer => { window.__saved = Array.from(new Uint8Array(buffer)); });
                  return create.call(URL, blob);
                };
                const click = HTMLAnchorElement.prototype.click;
                HTMLAnchorElement.prototype.click = function () {
                  if (this.download) window.__savedName = this.download;
                  return click.call(this);
                };""");
        press.run();
        new WebDriverWait(driver, WAIT).until(d -> script("return window.__saved;") != null);
        List<?> values = (List<?>) script("return window.__saved;");
        byte[] bytes = new byte[values.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ((Number) values.get(i)).intValue();
        }
        return new SavedFile((String) script("return window.__savedName;"), bytes);
    }

    /** Keeps a screenshot of the step, numbered in the order of the journey. */
    Path shot(String name) {
        Path file = folder.resolve(String.format("%02d-%s.png", ++step, name));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Runs axe-core in the page and fails on any serious or critical violation, naming the rule and the elements. */
    void assertAccessible(String what) {
        // Half a megabyte of script, sent once per page: a page the console drew anew (a hash route) keeps it.
        if (!Boolean.TRUE.equals(script("return typeof window.axe?.run === 'function';"))) {
            script(axeSource());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ')) })))))
                  .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
                """);
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(result.toString())) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    serious.add(violation.path("id").asText() + " (" + impact + "): " + violation.path("help").asText()
                            + " " + violation.path("nodes"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(serious).as("axe-core, serious or critical violations on " + what).isEmpty();
    }

    private static String axeSource;

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(Path.of(System.getProperty("axe.script", "target/axe-core/package/axe.min.js")));
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is fetched by the build (generate-test-resources)", e);
            }
        }
        return axeSource;
    }

    /**
     * What every page owes its readers, at a desktop's width then at a phone's (390 px), back at the desktop's after:
     * no placeholder of a missing value shown ({@code null}, {@code undefined}, {@code NaN}), no serious accessibility
     * violation, and on the phone nothing wider than the screen (the scrolling tables, {@code .table-defile}, aside).
     */
    void checkAtDesktopAndPhoneWidths(String what) {
        assertThat(driver.findElement(By.tagName("main")).getText()).as("no placeholder of a missing value on " + what)
                .doesNotContainPattern("\\b(null|undefined|NaN)\\b");
        assertAccessible(what + " at 1280 px");
        driver.manage().window().setSize(new Dimension(390, 900));
        settled().until(d -> ((Number) script("return window.innerWidth;")).intValue() <= 400);
        assertAccessible(what + " at 390 px");
        Object wide = script("""
                return [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-defile')
                    && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));""");
        assertThat((List<?>) wide).as("elements wider than 390 px on " + what).isEmpty();
        assertNoHorizontalScroll(what + " at 390 px");
        shot("390px");
        driver.manage().window().setSize(new Dimension(1280, 900));
        settled().until(d -> ((Number) script("return window.innerWidth;")).intValue() > 1000);
    }

    /**
     * Opens the console's sign-in page in a browser set to the given time zone, as a reader overseas or abroad has it
     * (the console's days and hours are the lab's, Paris's, whatever the browser's zone).
     */
    void openInZone(SignedInLab lab, String zone) {
        chromium.wentTo(lab);
        setZone(zone);
        driver.get(lab.console().toString());
        awaitReady("connexion");
    }

    void setZone(String zone) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    }

    /**
     * The value of a JavaScript expression over the console's {@code js/ui.js} module, named {@code ui} in it, as the
     * console's pages import it (a promise is awaited); an error comes back as its text.
     */
    Object overUi(String expression) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import(new URL('js/ui.js', document.baseURI).href)
                  .then(ui => (%s)).then(done, e => done(String(e)));
                """.formatted(expression));
    }

    /** The page fits the window's width: nothing to scroll sideways. */
    void assertNoHorizontalScroll(String what) {
        Number overflow = (Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("horizontal overflow of " + what + " in px").isLessThanOrEqualTo(0);
    }

    /** Gives the browser back for the next journey, emptied of this one; a browser that cannot be emptied is closed. */
    @Override
    public void close() {
        try {
            chromium.forgetEverything();
        } catch (RuntimeException e) {
            chromium.quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.addFirst(chromium);
        }
    }
}
