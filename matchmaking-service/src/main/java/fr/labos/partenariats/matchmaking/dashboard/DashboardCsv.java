package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.csv.ExcelCsv;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Counts;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Delays;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Funnel;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.FunnelStep;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Median;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Row;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The dashboards as CSV that French Excel opens as it is ({@link ExcelCsv}): French headers and decimal commas, and
 * the codes and months Excel would convert written as text ({@link #asExcelShouldShow}).
 */
final class DashboardCsv {

    /** A key made of digits only: a département, a région, an SDG. */
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** Digits only, with a leading zero: a département (« 01 » to « 09 ») or an SDG key (« 05 »). */
    private static final Pattern CODE_WITH_LEADING_ZERO = Pattern.compile("0\\d+");
    /** A month's key (« 2026-03 ») or its French label (« mars 2026 »), as {@link Period} writes them. */
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}"
            + "|(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \\d{4}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The funnel's last line: the proposals still waiting for an answer. */
    static final String PENDING = "En attente de réponse (parmi les proposées)";
    /** The first cell of a breakdown's last line. */
    static final String TOTAL = "Total (mises en relation distinctes)";
    /** {@code periods}' last line: every step of the range, each in one period only (a column's sum). */
    static final String TOTAL_STEPS = "Total (étapes comptées)";

    private static final List<String> CLOSING_HEADERS = List.of("Déclinées", "Expirées", "Retirées", "Sans suite");
    /** The introductions that reached each step or a later one, then how they closed. */
    private static final List<String> COUNT_HEADERS = headers(Step::header);
    /** The steps dated in the period, closings included. */
    private static final List<String> PERIOD_HEADERS = headers(Step::periodHeader);

    private DashboardCsv() {
    }

    /**
     * The rows, then a last line {@value #TOTAL} with each column over the distinct introductions: a row may count an
     * introduction that another row counts too (both territories of a cross-border one, each of its categories and
     * SDGs), so adding up a column over-counts.
     */
    static byte[] breakdown(Breakdown breakdown, String keyHeader) {
        return breakdown(breakdown, keyHeader, COUNT_HEADERS, TOTAL);
    }

    /**
     * {@code periods}: as {@link #breakdown}, with the headers of steps taken in the period, and a last line
     * {@value #TOTAL_STEPS}: there, an introduction met twice counts two meetings held.
     */
    static byte[] periods(Breakdown breakdown, String keyHeader) {
        return breakdown(breakdown, keyHeader, PERIOD_HEADERS, TOTAL_STEPS);
    }

    private static List<String> headers(Function<Step, String> header) {
        List<String> headers = new ArrayList<>(Arrays.stream(Step.values()).map(header).toList());
        headers.addAll(CLOSING_HEADERS);
        return List.copyOf(headers);
    }

    private static byte[] breakdown(Breakdown breakdown, String keyHeader, List<String> countHeaders, String total) {
        List<String> headers = new ArrayList<>(List.of(keyHeader, "Libellé"));
        headers.addAll(countHeaders);
        List<List<Object>> records = new ArrayList<>();
        for (Row row : breakdown.rows()) {
            records.add(record(row.key(), row.label(), row.counts()));
        }
        records.add(record(total, "", breakdown.totalCounts()));
        return write(headers, records);
    }

    private static List<Object> record(String key, String label, Counts counts) {
        List<Object> record = new ArrayList<>(List.of(key, label));
        record.addAll(counts(counts));
        return record;
    }

    static byte[] funnel(Funnel funnel) {
        List<List<Object>> records = new ArrayList<>();
        for (FunnelStep step : funnel.steps()) {
            records.add(List.of(step.label(), step.count(), percent(step.rateFromPrevious())));
        }
        // The rates are over every proposal, these included.
        records.add(List.of(PENDING, funnel.pending(), ""));
        return write(List.of("Étape", "Mises en relation", "Taux depuis l'étape précédente (%)"), records);
    }

    static byte[] delays(Delays delays) {
        return write(List.of("Délai", "Mises en relation", "Médiane (jours)"), List.of(
                delay("De la proposition à l'acceptation", delays.proposalToAcceptance()),
                delay("De la première rencontre au partenariat", delays.meetingToPartnership())));
    }

    private static List<Object> delay(String label, Median median) {
        return List.of(label, median.count(), decimal(median.medianDays()));
    }

    private static List<Object> counts(Counts counts) {
        return List.of(counts.proposed(), counts.accepted(), counts.met(), counts.followUp(), counts.partnership(),
                counts.declined(), counts.expired(), counts.withdrawn(), counts.noFit());
    }

    private static String percent(Double rate) {
        return rate == null ? "" : decimal(rate * 100);
    }

    private static String decimal(Double value) {
        if (value == null) {
            return "";
        }
        DecimalFormat french = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        return french.format(value);
    }

    /**
     * The cell as Excel should show it. French Excel converts a cell it can read as a number or a date: the
     * département « 01 » would open as the number 1 (and no longer match « 01 » in a lookup), « 2026-03 » and
     * « mars 2026 » as the date 01/03/2026. Excel's text form {@code ="01"} opens as the text itself. A line's key (its
     * first cell: a code, an SDG, a period) takes it whenever it is made of digits — « 38 » and « 971 » as much as
     * « 01 »: a column of codes half text and half numbers sorts 10…976 before 01…09 and matches a lookup table by
     * halves — so that counts and rates stay numbers Excel can add up and sort.
     */
    private static Object asExcelShouldShow(Object cell, boolean key) {
        if (cell instanceof String text && (key && DIGITS.matcher(text).matches()
                || CODE_WITH_LEADING_ZERO.matcher(text).matches() || MONTH.matcher(text).matches())) {
            return "=\"" + text + "\"";
        }
        return cell;
    }

    private static byte[] write(List<String> headers, List<List<Object>> records) {
        // Commons CSV quotes the text form and doubles its quotes: "=""01""".
        return ExcelCsv.write(headers, records.stream().map(record -> {
            List<Object> cells = new ArrayList<>(record.size());
            for (int i = 0; i < record.size(); i++) {
                cells.add(asExcelShouldShow(record.get(i), i == 0));
            }
            return cells;
        }).toList());
    }
}
