package fr.labos.partenariats.matchmaking.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The periods a dashboard counts steps by: ISO weeks (from Monday) or calendar months. */
enum Period {
    WEEK("week"),
    MONTH("month");

    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final String slug;

    Period(String slug) {
        this.slug = slug;
    }

    String slug() {
        return slug;
    }

    String view() {
        return this == WEEK ? "weeks" : "months";
    }

    /** {@code 2026-W05} for a week (ISO week-based year), {@code 2026-03} for a month: keys that sort as time. */
    String keyOf(LocalDate day) {
        return switch (this) {
            case WEEK -> "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(day).toString();
        };
    }

    /** The keys of the periods from the one holding {@code first} to the one holding {@code last}, in order. */
    List<String> keysBetween(LocalDate first, LocalDate last) {
        List<String> keys = new ArrayList<>();
        LocalDate start = this == WEEK ? first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : first.withDayOfMonth(1);
        for (LocalDate day = start; !day.isAfter(last); day = this == WEEK ? day.plusWeeks(1) : day.plusMonths(1)) {
            keys.add(keyOf(day));
        }
        return keys;
    }

    /** French label: « semaine du 26/01/2026 », « mars 2026 ». */
    String label(String key) {
        return switch (this) {
            case WEEK -> "semaine du " + firstDay(key).format(DAY);
            case MONTH -> YearMonth.parse(key).format(MONTH_LABEL);
        };
    }

    /**
     * The label of a period of which only the days from {@code from} to {@code to} are counted (either null: from its
     * start, to its end): « semaine du 29/12/2025 (à partir du 01/01/2026) », « avril 2026 (jusqu'au 15/04/2026) ». A
     * reader comparing it with the same period of another export, or charting it among whole ones, is told it is not
     * whole.
     */
    String label(String key, LocalDate from, LocalDate to) {
        boolean cutAtStart = from != null && from.isAfter(firstDay(key));
        boolean cutAtEnd = to != null && to.isBefore(lastDay(key));
        if (cutAtStart && cutAtEnd) {
            return label(key) + " (du " + from.format(DAY) + " au " + to.format(DAY) + ")";
        }
        return label(key) + (cutAtStart ? " (à partir du " + from.format(DAY) + ")"
                : cutAtEnd ? " (jusqu'au " + to.format(DAY) + ")" : "");
    }

    /** The first day of the period of this key: its Monday, or the first of its month. */
    LocalDate firstDay(String key) {
        return switch (this) {
            case WEEK -> LocalDate.of(Integer.parseInt(key.substring(0, 4)), 1, 4)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(key.substring(6)))
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> YearMonth.parse(key).atDay(1);
        };
    }

    /** The last day of the period of this key: its Sunday, or the last of its month. */
    LocalDate lastDay(String key) {
        return switch (this) {
            case WEEK -> firstDay(key).plusDays(6);
            case MONTH -> YearMonth.parse(key).atEndOfMonth();
        };
    }
}
