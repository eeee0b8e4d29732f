package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.common.LabCalendar;
import java.time.Duration;
import java.time.Instant;

/** How long both sides of an introduction have to accept it before it expires. */
public record AnswerPeriod(Duration duration) {

    /** Two weeks: long enough for a volunteer-run association to answer, short enough for an offer to stand. */
    public static final AnswerPeriod DEFAULT = new AnswerPeriod(Duration.ofDays(14));

    public AnswerPeriod {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the answer period must be positive, not " + duration);
        }
    }

    /**
     * When the period that starts at {@code start} ends: its whole days counted on the lab's calendar, the rest as
     * elapsed time. Fourteen days from 10:00 on 20 October end at 10:00 on 3 November, across the change to winter
     * time (336 hours would end at 09:00); from a Paris midnight, at a Paris midnight (else at 23:00 the day before,
     * and the expiry would be dated and counted a day early).
     */
    public Instant endOf(Instant start) {
        long days = duration.toDays();
        return start.atZone(LabCalendar.ZONE).plusDays(days).toInstant().plus(duration.minusDays(days));
    }
}
