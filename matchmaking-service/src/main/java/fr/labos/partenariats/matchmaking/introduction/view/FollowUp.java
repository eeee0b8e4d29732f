package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.schema.common.LabCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a facilitator should look at an introduction now — the lab's mission after introducing two actors is to
 * accompany what follows: an answer about to be due (a reminder may save it from expiring), an acceptance followed by
 * no meeting, a meeting followed by no outcome, a follow-up planned long ago with nothing since. Each is said in
 * French, with the Paris days it counts; how many days make each rule is the lab's setting ({@link FollowUpThresholds}).
 */
enum FollowUp {
    ANSWER_DUE("answer-due", IntroductionStage.PROPOSED),
    NO_MEETING("no-meeting", IntroductionStage.ACCEPTED),
    NO_OUTCOME("no-outcome", IntroductionStage.MET),
    FOLLOW_UP_QUIET("follow-up-quiet", IntroductionStage.FOLLOW_UP);

    private final String slug;
    private final IntroductionStage stage;

    FollowUp(String slug, IntroductionStage stage) {
        this.slug = slug;
        this.stage = stage;
    }

    /** The stage an introduction the rule holds for is at. */
    IntroductionStage stage() {
        return stage;
    }

    String slug() {
        return slug;
    }

    /** The rule as a facilitator reads it, with its days: « une acceptation sans rencontre depuis 30 jours ». */
    String rule(FollowUpThresholds thresholds) {
        int days = thresholds.days(this);
        return switch (this) {
            case ANSWER_DUE -> "une réponse attendue " + (days == 0 ? "le jour même" : days == 1 ? "d'ici demain"
                    : "dans les " + days(days));
            case NO_MEETING -> "une acceptation sans rencontre depuis " + days(days);
            case NO_OUTCOME -> "une rencontre sans suite depuis " + days(days);
            case FOLLOW_UP_QUIET -> "une suite prévue sans nouvelles depuis " + days(days);
        };
    }

    /** Why to follow the introduction up on {@code today}, and since when, if there is a reason. */
    static Optional<Reason> of(IntroductionView view, LocalDate today, Map<String, String> names,
                               FollowUpThresholds thresholds) {
        if (view.stage == null) {
            return Optional.empty();
        }
        return switch (view.stage) {
            case PROPOSED -> answerDue(view, today, names, thresholds.answerDueWithinDays());
            case ACCEPTED -> daysSince(view.acceptedAt, today)
                    .filter(days -> days >= thresholds.noMeetingAfterDays()
                            && noMeetingPlannedNorHeld(view, today, thresholds.noMeetingAfterDays()))
                    .map(days -> new Reason(NO_MEETING, "acceptée il y a " + days(days) + ", "
                            + overdueMeeting(view).map(m -> "rencontre prévue le " + LabCalendar.inFrench(LabCalendar.dayOf(m.startsAt()))
                            + ", ni tenue ni manquée").orElse("aucune rencontre prévue"), view.acceptedAt));
            // From the latest meeting held: a second meeting is news. A view written before it was kept: its first.
            case MET -> daysSince(lastMet(view), today)
                    .filter(days -> days >= thresholds.noOutcomeAfterDays())
                    .map(days -> new Reason(NO_OUTCOME, "rencontre tenue il y a " + days(days) + ", aucune suite enregistrée",
                            lastMet(view)));
            // Quiet since the last news (a later follow-up, a meeting), not since the first follow-up planned.
            case FOLLOW_UP -> Optional.ofNullable(quietSince(view))
                    .filter(since -> ChronoUnit.DAYS.between(since, today) >= thresholds.followUpQuietAfterDays())
                    .map(since -> new Reason(FOLLOW_UP_QUIET, "suite prévue, rien de nouveau depuis "
                            + days(ChronoUnit.DAYS.between(since, today)), LabCalendar.startOf(since)));
            default -> Optional.empty();
        };
    }

    /**
     * The order of a facilitator's list: the answers due first, soonest first (they expire); then the other reasons,
     * the longest quiet first (by the instant it started; a follow-up by the first instant of its day, in Paris); then
     * the introductions with nothing to follow, the latest step first. Ties by id, as {@link FollowUpReader} sorts.
     */
    static Comparator<Followed> order() {
        return Comparator.<Followed, Integer>comparing(f -> f.reason() == null ? 2 : f.reason().kind() == ANSWER_DUE ? 0 : 1)
                .thenComparing(f -> f.reason() == null ? null : f.reason().since(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(f -> f.reason() == null ? f.view().lastStepAt : null, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(f -> f.view().id);
    }

    /** An introduction and why to follow it up (null: nothing to). */
    record Followed(IntroductionView view, Reason reason) {
    }

    /** Why, in French, and when the quiet started (the answer's deadline for {@link #ANSWER_DUE}). */
    record Reason(FollowUp kind, String label, Instant since) {
    }

    private static Optional<Reason> answerDue(IntroductionView view, LocalDate today, Map<String, String> names,
                                              int withinDays) {
        if (view.answerBy == null) {
            return Optional.empty();
        }
        LocalDate due = lastDayToAnswer(view.answerBy);
        long days = ChronoUnit.DAYS.between(today, due);
        if (days < 0 || days > withinDays) {
            return Optional.empty();
        }
        String silent = List.of(view.actorId, view.partnerActorId).stream().filter(Objects::nonNull)
                .filter(view::waitsFor).map(side -> Optional.ofNullable(names.get(side)).orElse("un acteur"))
                .collect(Collectors.joining(" et "));
        String when = days == 0 ? "aujourd'hui" : days == 1 ? "demain" : "dans " + days + " jours";
        return Optional.of(new Reason(ANSWER_DUE, "sans réponse de " + silent + ", échéance " + when, view.answerBy));
    }

    /**
     * The last day an answer is taken: the day before {@code answerBy} when that is the first instant of a day, as for
     * an introduction brought from the lab's records (proposed on a day, due at the start of the day its answer period
     * ends, when it expires). Said as « échéance demain » a day too late, it would be reminded of on the day it expired.
     */
    static LocalDate lastDayToAnswer(Instant answerBy) {
        return LabCalendar.dayOf(answerBy.minusNanos(1));
    }

    /** When the latest meeting held started; for a view written before it was kept, the first. */
    static Instant lastMet(IntroductionView view) {
        return view.lastMetAt != null ? view.lastMetAt : view.firstMetAt;
    }

    /** The day a follow-up's quiet started: its last news; for a view written before those were kept, its follow-up. */
    static LocalDate quietSince(IntroductionView view) {
        return view.lastNewsOn != null ? view.lastNewsOn : view.followUpOn;
    }

    /** A number of days in French: « 1 jour », « 30 jours » (a lab may set a threshold of one day). */
    private static String days(long days) {
        return days + (days == 1 ? " jour" : " jours");
    }

    private static Optional<Long> daysSince(Instant at, LocalDate today) {
        return Optional.ofNullable(at).map(instant -> ChronoUnit.DAYS.between(LabCalendar.dayOf(instant), today));
    }

    /**
     * No meeting held, nor one planned still to come or passed fewer than {@code days} days ago: a meeting whose day
     * passed that long ago without being recorded as held or missed is not a plan any more but a silence (it left the
     * introduction off the list for good).
     */
    private static boolean noMeetingPlannedNorHeld(IntroductionView view, LocalDate today, int days) {
        Instant stillPlannedFrom = LabCalendar.startOf(today.minusDays(days - 1));
        return view.meetings.stream().noneMatch(m -> "held".equals(m.status()) || "scheduled".equals(m.status())
                && m.startsAt() != null && !m.startsAt().isBefore(stillPlannedFrom));
    }

    /** The latest meeting planned and never recorded as held or missed, if any. */
    private static Optional<IntroductionView.MeetingEntry> overdueMeeting(IntroductionView view) {
        return view.meetings.stream().filter(m -> "scheduled".equals(m.status()) && m.startsAt() != null)
                .max(Comparator.comparing(IntroductionView.MeetingEntry::startsAt));
    }
}
