package fr.labos.partenariats.schema.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The labs' calendar. Every plain day the services exchange or decide on — a post's last valid day, an outcome's day,
 * a session's date, the day an answer period ends — is a day in Paris, whatever the zone of the machine that writes
 * or reads it: a server on UTC would otherwise start "today" one or two hours late, and a reader west of Greenwich
 * would see the day before.
 */
public final class LabCalendar {

    /**
     * Metropolitan France's zone. Labs overseas (Antilles, Guyane, Réunion, Mayotte) would need a zone per territory,
     * carried by the events; none runs on these services yet.
     */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

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

    /** The instant a lab's day starts (midnight in Paris, 23:00 or 22:00 UTC the day before). */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
