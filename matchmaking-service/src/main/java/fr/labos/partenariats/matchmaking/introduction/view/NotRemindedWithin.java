package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.schema.common.LabCalendar;
import org.springframework.data.mongodb.core.query.Criteria;

import java.time.Instant;
import java.time.LocalDate;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The follow-up list's filter for a round of calls: leave out the introductions a reminder was noted on within the last
 * {@code days} Paris days, today included (7: today and the six days before), since whoever made it is waiting for
 * its answer. An introduction never reminded is kept. Written twice, as {@link FollowUp}'s rules are: in Java for the
 * lists computed in memory ({@link #keeps}), as a MongoDB condition for those read a page at a time ({@link #criteria}).
 *
 * @param days how many Paris days a reminder keeps its introduction out of the list (1: those reminded today)
 */
record NotRemindedWithin(int days) {

    /** The longest a filter may reach back: a year. */
    static final int MAX_DAYS = 365;

    NotRemindedWithin {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ": " + days);
        }
    }

    /** Whether the introduction stays on the list on {@code today}. */
    boolean keeps(IntroductionView view, LocalDate today) {
        return view.lastReminder == null || view.lastReminder.at().isBefore(firstInstantLeftOut(today));
    }

    /** The same as a condition on the views (a view never reminded has no {@code lastReminder}: {@code $not} keeps it). */
    Criteria criteria(LocalDate today) {
        return where("lastReminder.at").not().gte(firstInstantLeftOut(today));
    }

    /** The first instant, in Paris, of the oldest day whose reminders leave an introduction out. */
    private Instant firstInstantLeftOut(LocalDate today) {
        return LabCalendar.startOf(today.minusDays(days - 1));
    }
}
