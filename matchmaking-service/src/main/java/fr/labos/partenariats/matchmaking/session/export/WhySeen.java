package fr.labos.partenariats.matchmaking.session.export;

import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;

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
    private final Set<Wish> wished;
    private final Predicate<String> actsFor;

    private WhySeen(boolean everything, Set<Wish> wished, Predicate<String> actsFor) {
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
        return new WhySeen(false, Set.copyOf(wishes), actsFor);
    }

    /**
     * True when the meeting's reason, sentence and weight may be shown. They were written when the schedule was
     * made, from the wishes of then; a wish taken back since (« coché par erreur ») must not be told through them:
     * a mutual wish is told only while both wishes stand, a one-sided one only to its wisher, while it stands.
     */
    public boolean of(ScheduledMeeting meeting) {
        if (everything) return true;
        String a = meeting.actorId();
        String b = meeting.partnerActorId();
        return switch (meeting.reason()) {
            case COMPLEMENTARITY -> false;
            case MUTUAL_WISH -> bothStillWish(wished, meeting) && (actsFor.test(a) || actsFor.test(b));
            case WISH -> {
                String wisher = wisherOf(meeting);
                yield wisher != null && wishedBySide(wisher, wisher.equals(a) ? b : a);
            }
        };
    }

    /**
     * The side the sentence of a one-sided wish names as the wisher (« {id} a demandé à rencontrer {id} », written
     * by the planner); without a sentence, the side whose wish stands, if only one does.
     */
    private String wisherOf(ScheduledMeeting meeting) {
        String a = meeting.actorId();
        String b = meeting.partnerActorId();
        String sentence = meeting.explanation();
        if (sentence != null) {
            boolean byA = sentence.startsWith(a + " ");
            boolean byB = sentence.startsWith(b + " ");
            if (byA != byB) return byA ? a : b;
        }
        boolean aWished = wished.contains(new Wish(a, b));
        boolean bWished = wished.contains(new Wish(b, a));
        return aWished == bWished ? null : aWished ? a : b;
    }

    /** Whether both sides' wishes to meet each other stand now. */
    public static boolean bothStillWish(Collection<Wish> wishes, ScheduledMeeting meeting) {
        return wishes.contains(new Wish(meeting.actorId(), meeting.partnerActorId()))
                && wishes.contains(new Wish(meeting.partnerActorId(), meeting.actorId()));
    }

    private boolean wishedBySide(String wisher, String other) {
        return actsFor.test(wisher) && wished.contains(new Wish(wisher, other));
    }
}
