package fr.labos.partenariats.matchmaking.session.export;

import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whose eyes a meeting's why (its reason, its sentence and its weight) is for. A wish is a participant's private
 * preference, given to the facilitator to build the schedule: those who run the session see every wish. A participant
 * knows its own wishes, and may learn that the partner wished it back (that is what both sides learn at the table);
 * it must not learn another's one-sided wish, not even one naming it (« B a demandé à rencontrer A »), nor a wish
 * between two others.
 *
 * <p>A meeting's reason and sentence say who wished it, and its weight carries the wish bonus. So a
 * participant's side is told why only for a meeting resting on a wish it made itself (one-sided, or met by the
 * partner's). Every other meeting is told without its why — one planned for complementarity as well as one the
 * partner alone wished: were the first told and the second not, the silence would say the partner's wish.
 */
public final class WhySeen {

    private static final WhySeen ALL = new WhySeen(true, Set.of(), actor -> false);

    private final boolean everything;
    /** "wisher→wished", as the session's other classes key a wish. */
    private final Set<String> wished;
    private final Predicate<String> actsFor;

    private WhySeen(boolean everything, Set<String> wished, Predicate<String> actsFor) {
        this.everything = everything;
        this.wished = wished;
        this.actsFor = actsFor;
    }

    /** Those who run the session: every meeting's why. */
    public static WhySeen all() {
        return ALL;
    }

    /**
     * A participant's side: the members of the participants {@code actsFor} accepts (a member may act for several),
     * or the participant itself on its own calendar or printed programme.
     *
     * @param wishes the session's wishes
     */
    public static WhySeen byParticipant(Collection<Wish> wishes, Predicate<String> actsFor) {
        return new WhySeen(false, wishes.stream().map(w -> w.actorId() + "→" + w.wishedActorId())
                .collect(Collectors.toUnmodifiableSet()), actsFor);
    }

    /** True when the meeting's reason, sentence and weight may be shown. */
    public boolean of(ScheduledMeeting meeting) {
        if (everything) return true;
        if (meeting.reason() == MeetingReason.COMPLEMENTARITY) return false;
        return wishedBySide(meeting.actorId(), meeting.partnerActorId())
                || wishedBySide(meeting.partnerActorId(), meeting.actorId());
    }

    private boolean wishedBySide(String wisher, String other) {
        return actsFor.test(wisher) && wished.contains(wisher + "→" + other);
    }
}
