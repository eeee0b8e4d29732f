package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.csv.ExcelCsv;
import fr.labos.partenariats.matchmaking.dashboard.DashboardDimensions.ActorDimensions;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' CSV as French Excel reads it: the cells Excel would convert to a number or a date (a département
 * « 07 », a month « 2026-03 » or « mars 2026 ») are written in its text form {@code ="07"}, and only those.
 */
class DashboardCsvTest {

    private static final ZoneId PARIS = LabCalendar.ZONE;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), PARIS);
    /** Introductions by the furthest step they reached (each step counts those that reached a later one too). */
    private static final String COUNT_HEADERS = "Proposées;Acceptées;Rencontre tenue ou au-delà;"
            + "Suite prévue ou au-delà;Partenariats conclus;Déclinées;Expirées;Retirées;Sans suite";
    /** Steps taken in a period. */
    private static final String PERIOD_HEADERS = "Proposées;Acceptées;Rencontres tenues;Suites prévues;"
            + "Partenariats conclus;Déclinées;Expirées;Retirées;Sans suite";

    private Dashboard dashboard;

    @BeforeEach
    void lab() {
        FakeFacts facts = new FakeFacts(CLOCK);
        FakeDimensions dimensions = new FakeDimensions();
        dimensions.actor("ain", new ActorDimensions(ActorFamily.PUBLIC, "01", "84", List.of(5)));
        dimensions.actor("ardeche", new ActorDimensions(ActorFamily.PEERS, "07", "84", List.of(11)));
        dimensions.actor("isere", new ActorDimensions(ActorFamily.PRIVATE, "38", "84", List.of()));
        // Both proposed in March 2026; the Ardèche one accepted in April.
        facts.put(introduction("i-ain", "ain", "isere", "2026-03-02T09:00:00Z", null));
        facts.put(introduction("i-ardeche", "ardeche", "isere", "2026-03-10T09:00:00Z", "2026-04-02T09:00:00Z"));
        dashboard = new Dashboard(facts, dimensions, CLOCK);
    }

    /**
     * Every code of the key column opens as text, with or without a leading zero: a column of codes half text and
     * half numbers sorts « 10 … 976 » before « 01 … 09 » in Excel, and matches a table of codes by halves.
     */
    @Test
    void everyDepartementCodeOpensAsTextAndTheCountsAsNumbers() throws IOException {
        String csv = text(DashboardCsv.breakdown(dashboard.territories(DashboardFilter.NONE, false), "Département"));

        assertThat(csv).isEqualTo("\uFEFFDépartement;Libellé;" + COUNT_HEADERS + "\r\n"
                + "\"=\"\"01\"\"\";Ain;1;0;0;0;0;0;0;0;0\r\n"
                + "\"=\"\"07\"\"\";Ardèche;1;1;0;0;0;0;0;0;0\r\n"
                + "\"=\"\"38\"\"\";Isère;2;1;0;0;0;0;0;0;0\r\n"
                + "Total (mises en relation distinctes);;2;1;0;0;0;0;0;0;0\r\n");
        assertThat(records(csv)).extracting(r -> r.get(0)).as("the cells Excel reads")
                .containsExactly("=\"01\"", "=\"07\"", "=\"38\"", "Total (mises en relation distinctes)");
    }

    @Test
    void aMonthOpensAsItsKeyAndLabelAndAWeekAsItIs() throws IOException {
        String months = text(DashboardCsv.periods(dashboard.periods(DashboardFilter.NONE, Period.MONTH), "Mois"));

        assertThat(months).isEqualTo("\uFEFFMois;Libellé;" + PERIOD_HEADERS + "\r\n"
                + "\"=\"\"2026-03\"\"\";\"=\"\"mars 2026\"\"\";2;0;0;0;0;0;0;0;0\r\n"
                + "\"=\"\"2026-04\"\"\";\"=\"\"avril 2026\"\"\";0;1;0;0;0;0;0;0;0\r\n"
                + "Total (étapes comptées);;2;1;0;0;0;0;0;0;0\r\n");
        assertThat(records(months).get(0).values()).startsWith("=\"2026-03\"", "=\"mars 2026\"", "2");

        String weeks = text(DashboardCsv.periods(dashboard.periods(DashboardFilter.NONE, Period.WEEK), "Semaine"));
        assertThat(weeks).as("neither a number nor a date for Excel: left as it is")
                .contains("\r\n2026-W10;semaine du 02/03/2026;1;0;")
                .contains("\r\n2026-W11;semaine du 09/03/2026;1;0;");
    }

    @Test
    void anSdgKeyOpensAsTextAndCountsAndRatesStayNumbers() throws IOException {
        String sdgs = text(DashboardCsv.breakdown(dashboard.sdgs(DashboardFilter.NONE), "ODD"));
        assertThat(sdgs).contains("\r\n\"=\"\"05\"\"\";ODD 5;1;0;").contains("\r\n\"=\"\"11\"\"\";ODD 11;1;1;");

        // 1 of the 2 proposals accepted: 50 %, a number for Excel.
        String funnel = text(DashboardCsv.funnel(dashboard.funnel(DashboardFilter.NONE)));
        assertThat(funnel).contains("\r\nProposées;2;\r\n").contains("\r\nAcceptées;1;50\r\n");
    }

    @Test
    void aLastLineGivesTheDistinctIntroductionsWhichTheRowsOverCountAndTheFileStillReadsAsRecords() throws IOException {
        // Both introductions have a side in Isère, one in Ain and one in Ardèche: the rows add up to 4 proposals.
        String csv = text(DashboardCsv.breakdown(dashboard.territories(DashboardFilter.NONE, false), "Département"));

        List<CSVRecord> records = records(csv);
        assertThat(records.stream().limit(records.size() - 1).mapToLong(r -> Long.parseLong(r.get("Proposées"))).sum())
                .isEqualTo(4);
        CSVRecord total = records.get(records.size() - 1);
        assertThat(total.get("Département")).isEqualTo(DashboardCsv.TOTAL);
        assertThat(total.get("Libellé")).isEmpty();
        assertThat(total.get("Proposées")).as("the 2 introductions, each once").isEqualTo("2");
        assertThat(total.get("Acceptées")).isEqualTo("1");
        assertThat(total.size()).isEqualTo(records.get(0).size());
    }

    @Test
    void aMeetingHeldMeansOneThingInEveryFile() throws IOException {
        // Recorded with a partnership and no meeting held (as a lab's past records may have it).
        FakeFacts facts = new FakeFacts(CLOCK);
        facts.put(FactBuilder.proposed("i-past", "ain", "isere", "2026-03-02").accepted("2026-03-03")
                .partnership("2026-05-04").fact());
        Dashboard lab = new Dashboard(facts, new FakeDimensions(), CLOCK);

        String funnel = text(DashboardCsv.funnel(lab.funnel(DashboardFilter.NONE)));
        assertThat(funnel).as("reached the meeting or a later step: it does not say a meeting was held")
                .contains("\r\nRencontre tenue ou au-delà;1;100\r\n").contains("\r\nSuite prévue ou au-delà;1;100\r\n")
                .doesNotContain("Rencontres tenues");
        assertThat(text(DashboardCsv.breakdown(lab.familyPairs(DashboardFilter.NONE), "Familles")))
                .startsWith("\uFEFFFamilles;Libellé;" + COUNT_HEADERS + "\r\n");
        String months = text(DashboardCsv.periods(lab.periods(DashboardFilter.NONE, Period.MONTH), "Mois"));
        assertThat(months).as("meetings held that month: none").startsWith("\uFEFFMois;Libellé;" + PERIOD_HEADERS + "\r\n");
        assertThat(records(months)).extracting(r -> r.get("Rencontres tenues")).containsOnly("0");
    }

    private static IntroductionFact introduction(String id, String actor, String partner, String proposed, String accepted) {
        Instant proposedAt = Instant.parse(proposed);
        Instant acceptedAt = accepted == null ? null : Instant.parse(accepted);
        return new IntroductionFact(id, actor, partner, List.of(), IntroductionSource.MATCHER,
                acceptedAt == null ? IntroductionStage.PROPOSED : IntroductionStage.ACCEPTED,
                LocalDate.ofInstant(proposedAt, PARIS).toEpochDay(), proposedAt, acceptedAt, null, null, null, null,
                null, null, null);
    }

    private static String text(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        try (CSVParser parser = ExcelCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1)))) {
            return parser.getRecords();
        }
    }
}
