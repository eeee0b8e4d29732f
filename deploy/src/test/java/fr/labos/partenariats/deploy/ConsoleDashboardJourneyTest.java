package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer's dashboard in a real headless Chromium, on the demo territory and its history of introductions: every
 * chart drawn from the API's figures, a chart's data downloaded as CSV for French Excel (the bytes the page saves,
 * compared with the API's), and a figure that follows a new introduction without a reload.
 */
@ExtendWith(SignedInLab.Resolver.class)
class ConsoleDashboardJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHARTS = List.of("entonnoir", "periodes", "territoires", "familles", "categories", "odd");

    @Test
    void theViewerReadsTheChartsDownloadsACsvAndSeesAFigureFollowANewIntroduction(SignedInLab lab, @TempDir Path progress)
            throws Exception {
        long proposed = loadDemoIntroductions(lab, progress);
        try (ConsoleBrowser browser = ConsoleBrowser.open("lecteur-tableau-de-bord", 1280)) {
            browser.signIn(lab, "viewer");
            browser.awaitReady("tableau-de-bord");
            // Every chart drawn by ECharts, and its data table showing the API's figures.
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.script(
                    "return !!window.echarts && arguments[0].every(id => { const e = document.querySelector('#' + id + ' .graphique');"
                            + " return e && echarts.getInstanceByDom(e) && e.querySelector('svg'); });", CHARTS)));
            // Each chart keeps the French name the page gave it, which ECharts' aria description (« This is a chart
            // about… ») would replace; a value axis writes a figure as French does, where ECharts' own « 1,500 »
            // reads 1.5 in France.
            assertThat(browser.script("return arguments[0].map(id => document.querySelector('#' + id + ' .graphique:not(#carte-departements)')"
                    + ".getAttribute('aria-label'));", CHARTS)).isEqualTo(List.of("Entonnoir des mises en relation",
                    "Au fil du temps (par mois)", "Par département (carte et classement)", "Par paire de familles d’acteurs",
                    "Par catégorie de ressource", "Par objectif de développement durable"));
            assertThat(browser.script("return document.getElementById('carte-departements').getAttribute('aria-label');"))
                    .asString().startsWith("Carte des départements de France métropolitaine");
            assertThat(browser.script("return echarts.getInstanceByDom(document.querySelector('#periodes .graphique'))"
                    + ".getOption().yAxis[0].axisLabel.formatter(1500);")).isEqualTo("1\u202f500");
            // The demo's last events may still be arriving: the page follows them until it shows what the API answers.
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> funnelCells(browser).equals(funnelCounts(
                    json(lab.send("GET", lab.matchmaking.resolve("/api/dashboard/funnel"), "viewer", null).body()))));
            // The map of the départements: the SVG contours registered as an ECharts map, every metropolitan
            // département a region of it, and Isère coloured by the figure the API gives (the demo lies there).
            String mapState = """
                    const element = document.getElementById('carte-departements');
                    const chart = element && echarts.getInstanceByDom(element);
                    if (!chart) return 'no chart';
                    const series = chart.getModel().getSeriesByIndex(0);
                    if (!series) return 'no series';
                    const map = series.coordinateSystem;
                    if (!map || !map.getRegion) return 'no map: ' + series.type;
                    const data = series.getData();
                    return [series.type, map.regions.length, !!map.getRegion('38'), !!map.getRegion('2A'),
                            data.get('value', data.indexOfName('38'))];""";
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .withMessage(() -> "the map: " + browser.script(mapState)).until(d -> {
                JsonNode territories = json(lab.send("GET", lab.matchmaking.resolve("/api/dashboard/territories"), "viewer",
                        null).body());
                long isere = 0;
                for (JsonNode row : territories.path("rows")) {
                    isere = row.path("key").asText().equals("38") ? row.path("counts").path("proposed").asLong() : isere;
                }
                return browser.script(mapState) instanceof List<?> shown && shown.get(0).equals("series.map")
                        && ((Number) shown.get(1)).intValue() == 96 && Boolean.TRUE.equals(shown.get(2))
                        && Boolean.TRUE.equals(shown.get(3)) && shown.get(4) instanceof Number value
                        && value.longValue() == isere && isere > 0;
            });
            assertThat(browser.driver.findElement(By.cssSelector("#carte-departements svg")).getSize().getHeight())
                    .isGreaterThan(200);
            JsonNode funnel = json(lab.send("GET", lab.matchmaking.resolve("/api/dashboard/funnel"), "viewer", null).body());
            assertThat(funnel.path("steps").get(0).path("count").asLong()).isGreaterThanOrEqualTo(proposed);
            JsonNode sdgs = json(lab.send("GET", lab.matchmaking.resolve("/api/dashboard/sdgs"), "viewer", null).body());
            assertThat(browser.driver.findElements(By.cssSelector("#odd tbody tr"))).hasSize(sdgs.path("rows").size());
            // Its last line: the distinct introductions (an introduction with two SDGs is in two rows, once here).
            assertThat(browser.script("return [...document.querySelectorAll('#odd tfoot th, #odd tfoot td')]"
                    + ".map(cell => cell.textContent.trim());")).isEqualTo(List.of("Total (mises en relation distinctes)",
                    sdgs.path("totalCounts").path("proposed").asText(), sdgs.path("totalCounts").path("accepted").asText(),
                    sdgs.path("totalCounts").path("met").asText(), sdgs.path("totalCounts").path("followUp").asText(),
                    sdgs.path("totalCounts").path("partnership").asText()));
            // The funnel's rates, written as French writes them: none for the first step.
            List<?> rates = (List<?>) browser.script("return [...document.querySelectorAll("
                    + "'#entonnoir tbody tr td:nth-of-type(2)')].map(td => td.textContent.trim());");
            assertThat(rates).hasSize(funnel.path("steps").size()).first().isEqualTo("—");
            assertThat(rates.subList(1, rates.size())).allSatisfy(rate -> assertThat(rate.toString())
                    .matches("\\d+(,\\d)?\u202F%"));
            // Each step of the funnel named on its chart, beside its count and its rate from the step before, and each
            // row of the rankings (SDGs, categories, départements) named on its own: what a chart leaves out for want
            // of room is not in its SVG.
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .withMessage(() -> "the funnel's chart, against its table: " + chartAndTable(browser, "entonnoir"))
                    .until(d -> funnelNamedOnItsChart(chartAndTable(browser, "entonnoir")));
            for (String ranking : List.of("odd", "categories", "territoires")) {
                new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                        .withMessage(() -> "the chart of " + ranking + ", against its table: " + chartAndTable(browser, ranking))
                        .until(d -> everyRowNamedOnItsChart(chartAndTable(browser, ranking)));
            }
            // The median delays in French, the figures the API gives, a noun in the singular below two (« 1 jour »,
            // « 0,5 jour », « 1 mise en relation »).
            JsonNode delays = json(lab.send("GET", lab.matchmaking.resolve("/api/dashboard/delays"), "viewer", null).body());
            for (String[] figure : new String[][]{{"acceptation", "proposalToAcceptance"}, {"partenariat", "meetingToPartnership"}}) {
                JsonNode median = delays.path(figure[1]);
                long count = median.path("count").asLong();
                String days = median.path("medianDays").isNumber() ? french(median.path("medianDays").asDouble())
                        + (median.path("medianDays").asDouble() < 2 ? " jour" : " jours") : "—";
                new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> (days + " (" + count
                        + (count < 2 ? " mise en relation)" : " mises en relation)")).equals(
                        d.findElement(By.cssSelector("[data-chiffre=" + figure[0] + "]")).getText()));
            }
            browser.shot("tableau-de-bord");
            browser.assertAccessible("the dashboard");

            // The funnel's data as CSV, through the page's own button: the bytes it saves are the API's, for Excel.
            ConsoleBrowser.SavedFile file = browser.fileSavedBy(By.cssSelector("button[data-csv='entonnoir']"));
            assertThat(file.name()).as("the API's name for it").isEqualTo("mises-en-relation-entonnoir.csv");
            browser.settled().until(d -> d.findElement(By.id("annonces")).getText()
                    .equals("Fichier mises-en-relation-entonnoir.csv téléchargé."));
            byte[] saved = file.bytes();
            assertThat(Arrays.copyOf(saved, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
            String csv = new String(saved, 3, saved.length - 3, StandardCharsets.UTF_8);
            assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("Étape;Mises en relation;Taux depuis l'étape précédente (%)");
            assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith(funnel.path("steps").get(0).path("label").asText()
                    + ";" + funnel.path("steps").get(0).path("count").asLong() + ";");
            assertThat(saved).isEqualTo(apiCsv(lab, "/api/dashboard/funnel?format=csv"));
            browser.shot("donnees-csv-telechargees");

            // A new introduction, made elsewhere: the funnel's first figure follows it without a reload — with the
            // filters as last applied (« 3 », typed on the way to « 38 » and not applied, filters nothing), the funnel's
            // table left open and the focus on its summary, where the reader was.
            browser.driver.findElement(By.name("departement")).sendKeys("3");
            browser.driver.findElement(By.cssSelector("#entonnoir summary")).click();
            long before = funnelCells(browser).get(0);
            HttpResponse<String> created = lab.send("POST", lab.matchmaking.resolve("/api/introductions"), "facilitator-isere", """
                    {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR", "note": "Une nouvelle mise en relation."}"""
                    .formatted(lab.actor("uga"), lab.actor("caf-isere")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> funnelCells(browser).get(0) == before + 1);
            assertThat(browser.driver.findElements(By.cssSelector("#entonnoir details[open]"))).as("the table still open")
                    .hasSize(1);
            assertThat(browser.driver.switchTo().activeElement())
                    .isEqualTo(browser.driver.findElement(By.cssSelector("#entonnoir summary")));
            assertThat(browser.driver.findElements(By.cssSelector(".refus-tableau [role=alert]"))).as("no filter refused")
                    .isEmpty();
            browser.shot("chiffre-mis-a-jour-en-direct");
        }
    }

    /** The demo history of introductions (every state), made through the API as the launcher does. */
    private static long loadDemoIntroductions(SignedInLab lab, Path progress) throws IOException, InterruptedException {
        // The lab is shared with other tests, which make introductions of their own: count from what is there.
        JsonNode before = funnel(lab);
        long proposedBefore = proposed(before);
        long expiredBefore = expired(before);
        DemoIntroductions demo = new DemoIntroductions(lab.matchmaking, lab.auth, lab.loaded.actors());
        int made = demo.loadOnce(progress.resolve("progress.json"));
        // Every story told, but those whose two actors another test of the lab already introduced (a pair in
        // progress is not introduced again).
        assertThat(made - demo.pastRecorded() + demo.storiesLeftOut()).isGreaterThanOrEqualTo(DemoIntroductions.STORIES.size());
        // The lab's past ones recorded by this load, or by another test's before it (then none of it is new here).
        assertThat(demo.pastRecorded()).isIn(0, DemoIntroductions.PAST.size());
        long unanswered = demo.pastRecorded() == 0 ? 0
                : DemoIntroductions.PAST.stream().filter(past -> past.get(3).equals("unanswered")).count();
        // Every proposal reached the dashboards, and each expiry that follows its proposal in the topic.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode funnel = funnel(lab);
            return proposed(funnel) >= proposedBefore + made && expired(funnel) >= expiredBefore + unanswered;
        });
        // The lab's past year, brought from its spreadsheet: proposals month after month, and some left unanswered.
        JsonNode months = json(lab.send("GET", lab.matchmaking.resolve("/api/dashboard/periods?granularity=month"),
                "viewer", null).body());
        // Every month of the axis has a row, zeros included: count the months where a step was taken.
        int active = 0;
        for (JsonNode month : months.path("rows")) {
            boolean stepTaken = false;
            for (JsonNode count : month.path("counts")) {
                stepTaken |= count.asLong() > 0;
            }
            active += stepTaken ? 1 : 0;
        }
        assertThat(active).as(months.toString()).isGreaterThanOrEqualTo(10);
        assertThat(expired(funnel(lab))).as("the unanswered past introductions, expired, and nothing else")
                .isEqualTo(expiredBefore + unanswered);
        return made;
    }

    private static JsonNode funnel(SignedInLab lab) throws IOException, InterruptedException {
        return json(lab.send("GET", lab.matchmaking.resolve("/api/dashboard/funnel"), "viewer", null).body());
    }

    /** The funnel's first figure: introductions proposed, whatever became of them. */
    private static long proposed(JsonNode funnel) {
        return funnel.path("steps").get(0).path("count").asLong();
    }

    private static long expired(JsonNode funnel) {
        return funnel.path("byStatus").path("expired").asLong();
    }

    private static List<Long> funnelCells(ConsoleBrowser browser) {
        // Read in one script: a live refresh redraws the table (a closed <details>, hence textContent). Each row's
        // first cell is its count, the second the rate from the previous step.
        List<?> cells = (List<?>) browser.script(
                "return [...document.querySelectorAll('#entonnoir tbody tr td:first-of-type')].map(td => td.textContent.trim());");
        return cells.stream().map(Object::toString).map(Long::parseLong).toList();
    }

    /**
     * What a panel's chart drew — its texts, in SVG: the names on its axes it had room for, its figures — and its data
     * table's rows (the name, then each cell), read together in one script, so that a live redraw cannot come between.
     */
    private static ChartAndTable chartAndTable(ConsoleBrowser browser, String panel) {
        List<?> read = (List<?>) browser.script("const panel = document.getElementById(arguments[0]);"
                + " return [[...panel.querySelectorAll('.graphique svg text')].map(t => t.textContent.trim()),"
                + " [...panel.querySelectorAll('tbody tr')].map(tr => [...tr.children].map(c => c.textContent.trim()))];", panel);
        List<String> texts = ((List<?>) read.get(0)).stream().map(Object::toString).toList();
        List<List<String>> rows = ((List<?>) read.get(1)).stream()
                .map(row -> ((List<?>) row).stream().map(Object::toString).toList()).toList();
        return new ChartAndTable(texts, rows);
    }

    record ChartAndTable(List<String> chartTexts, List<List<String>> tableRows) {
    }

    /** Each step (row: name, count, rate from the step before or « — ») on the chart: its name, and its count with its rate. */
    private static boolean funnelNamedOnItsChart(ChartAndTable read) {
        return !read.tableRows().isEmpty() && read.tableRows().stream().allMatch(row -> read.chartTexts().contains(row.get(0))
                && read.chartTexts().contains(row.get(2).equals("—") ? row.get(1) : row.get(1) + " (" + row.get(2) + ")"));
    }

    /** Each row's name on the chart, alone or followed by a title (« ODD 1 · Pas de pauvreté », not « ODD 10 »). */
    private static boolean everyRowNamedOnItsChart(ChartAndTable read) {
        return !read.tableRows().isEmpty() && read.tableRows().stream().map(row -> row.get(0)).allMatch(name -> read.chartTexts()
                .stream().anyMatch(text -> text.equals(name) || text.startsWith(name + " · ")));
    }

    private static List<Long> funnelCounts(JsonNode funnel) {
        return funnel.path("steps").findValuesAsText("count").stream().map(Long::parseLong).toList();
    }

    private static byte[] apiCsv(SignedInLab lab, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = lab.http.send(HttpRequest.newBuilder(URI.create(lab.matchmaking + path))
                .header("Authorization", "Bearer " + lab.token("viewer")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        return response.body();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }

    /** A number as the console writes it in French: a decimal comma, no trailing zeros (« 7 », « 3,5 »). */
    private static String french(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString().replace('.', ',');
    }
}
