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
            case WEEK -> {
                int year = Integer.parseInt(key.substring(0, 4));
                int week = Integer.parseInt(key.substring(6));
                LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield "semaine du " + monday.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            }
            case MONTH -> YearMonth.parse(key).format(MONTH_LABEL);
        };
    }
}
