package fr.labos.partenariats.schema.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The labs' calendar. Every plain day the services decide on — a post's last valid day, an outcome's day, the day an
 * answer period ends, "today" when a session's date is checked — is a day in Paris, whatever the zone of the machine
 * that writes or reads it: a server on UTC would otherwise start "today" one or two hours late, and a reader west of
 * Greenwich would see the day before.
 *
 * <p>A speed-meeting session's date and start time are the exception: they are the local time of the session's
 * territory, as its facilitator typed them, overseas included, and become instants in that territory's zone
 * ({@link fr.labos.partenariats.schema.territory.TerritoryDirectory#zoneOf}), not in this one.
 */
public final class LabCalendar {

    /**
     * Metropolitan France's zone, that of the labs' calendar. The overseas territories of the reference (Antilles,
     * Guyane, La Réunion, Mayotte) have zones of their own, which only a session's times of day follow
     * ({@link fr.labos.partenariats.schema.territory.TerritoryDirectory#zoneOf}); the rules' days and the national
     * dashboards stay on this one.
     */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private LabCalendar() {
    }

    /** Today in the labs' calendar, read on the given clock whatever its own zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The lab's day of an instant. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /**
     * A day as French writes it in a sentence: « 7 août 2026 », and the first of a month as an ordinal
     * (« 1er août 2026 »), which Java's formats do not.
     */
    public static String inFrench(LocalDate day) {
        return withFirstAsOrdinal(day.format(FRENCH_DAY));
    }

    /** A day written by a French date format, « 1 août 2026 », with the first of the month as an ordinal. */
    public static String withFirstAsOrdinal(String writtenDay) {
        return writtenDay.replaceFirst("^1 ", "1er ");
    }

    /** The instant a lab's day starts (midnight in Paris, 23:00 or 22:00 UTC the day before). */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
