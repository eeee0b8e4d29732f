package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.introduction.view.IntroductionView.MeetingEntry;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionView.TimelineStep;
import fr.labos.partenariats.matchmaking.matching.exclusion.LatestOutcome;
import fr.labos.partenariats.matchmaking.projection.MalformedEventException;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionReminderRecordedEvent;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.MeetingHeldEvent;
import fr.labos.partenariats.schema.matching.MeetingMissedEvent;
import fr.labos.partenariats.schema.matching.MeetingScheduledEvent;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How each introduction event changes an {@link IntroductionView}: pure, in memory, so that the same function serves
 * the consumer and its tests. The events come from a producer whose aggregate already enforced the rules; a view only
 * records what happened, in sequence order; but its stage after outcomes is that of the outcome that happened last
 * ({@link LatestOutcome}), whatever the order they were recorded in.
 */
final class IntroductionViewChanges {

    private IntroductionViewChanges() {
    }

    /**
     * Applies the event to the view (a fresh one for an introduction not seen yet) unless the view already holds its
     * sequence.
     *
     * @return whether the view changed
     * @throws MalformedEventException if the event lacks what the contract says it carries
     */
    static boolean apply(IntroductionView view, IntroductionEvent event) {
        check(event);
        if (event.sequence() <= view.sequence) {
            return false;
        }
        TimelineStep step = change(view, event);
        view.id = event.introductionId();
        view.sequence = event.sequence();
        view.steps.add(step);
        view.lastStepAt = step.at();
        if (!(event.payload() instanceof IntroductionReminderRecordedEvent)) {
            LocalDate news = step.occurredOn() != null ? step.occurredOn() : LabCalendar.dayOf(step.at());
            // A meeting recorded after its day (a lab's past introductions, imported) is news of that day, not of the
            // day it was typed in: else an old follow-up imported would look fresh for months.
            LocalDate meetingDay = meetingDayOf(view, event.payload());
            if (meetingDay != null && meetingDay.isBefore(news)) {
                news = meetingDay;
            }
            view.lastNewsOn = view.lastNewsOn == null || news.isAfter(view.lastNewsOn) ? news : view.lastNewsOn;
        }
        return true;
    }

    /**
     * Throws {@link MalformedEventException} if the event lacks a field the views need (ids, dates, the outcome):
     * such an event is parked, never half applied.
     */
    static void check(IntroductionEvent event) {
        Object p = event.payload();
        boolean complete;
        if (p instanceof IntroductionProposedEvent e) {
            complete = all(e.source(), e.actorId(), e.partnerActorId(), e.proposedAt());
        } else if (p instanceof IntroductionAcceptedEvent e) {
            complete = all(e.actorId(), e.acceptedAt());
        } else if (p instanceof IntroductionDeclinedEvent e) {
            complete = all(e.actorId(), e.declinedAt());
        } else if (p instanceof IntroductionExpiredEvent e) {
            complete = all(e.expiredAt());
        } else if (p instanceof IntroductionWithdrawnEvent e) {
            complete = all(e.withdrawnAt());
        } else if (p instanceof MeetingScheduledEvent e) {
            complete = all(e.meetingId(), e.scheduledAt());
        } else if (p instanceof MeetingHeldEvent e) {
            complete = all(e.meetingId(), e.recordedAt());
        } else if (p instanceof MeetingMissedEvent e) {
            complete = all(e.meetingId(), e.recordedAt());
        } else if (p instanceof OutcomeRecordedEvent e) {
            complete = all(e.outcome(), e.occurredOn(), e.recordedAt());
        } else if (p instanceof IntroductionReminderRecordedEvent e) {
            complete = all(e.channel(), e.recordedAt());
        } else {
            throw new MalformedEventException(event.type() + " is not an introduction event");
        }
        if (!complete) {
            throw new MalformedEventException(event.type() + " of " + event.introductionId() + " #" + event.sequence()
                    + " lacks an id, a date or a value the contract requires");
        }
    }

    private static boolean all(Object... required) {
        for (Object value : required) {
            if (value == null) {
                return false;
            }
        }
        return true;
    }

    private static TimelineStep change(IntroductionView view, IntroductionEvent event) {
        Object payload = event.payload();
        if (payload instanceof IntroductionProposedEvent e) {
            view.stage = IntroductionStage.PROPOSED;
            view.source = e.source();
            view.actorId = e.actorId();
            view.partnerActorId = e.partnerActorId();
            view.proposerSubject = e.proposedBy() == null ? null : e.proposedBy().subject();
            view.pairs = new ArrayList<>(e.pairs());
            if (e.match() != null) {
                view.score = e.match().score();
                view.modelVersion = e.match().modelVersion();
                view.sentence = e.match().sentence();
            }
            view.note = e.note();
            view.proposedAt = e.proposedAt();
            view.answerBy = e.answerBy();
            return step(event, e.source().label(), e.proposedAt()).text(e.note()).build();
        }
        if (payload instanceof IntroductionAcceptedEvent e) {
            if (!view.acceptedBy.contains(e.actorId())) {
                view.acceptedBy.add(e.actorId());
            }
            if (e.bothSidesAccepted()) {
                view.stage = IntroductionStage.ACCEPTED;
                view.acceptedAt = e.acceptedAt();
            }
            return step(event, e.bothSidesAccepted() ? "acceptée par les deux parties" : "acceptée par une partie",
                    e.acceptedAt()).actor(e.actorId()).build();
        }
        if (payload instanceof IntroductionDeclinedEvent e) {
            view.stage = IntroductionStage.DECLINED;
            view.declinedAt = e.declinedAt();
            return step(event, "déclinée", e.declinedAt()).actor(e.actorId())
                    .reason(e.reason() == null ? null : e.reason().name(), e.reason() == null ? null : e.reason().label())
                    .text(e.explanation()).build();
        }
        if (payload instanceof IntroductionExpiredEvent e) {
            view.stage = IntroductionStage.EXPIRED;
            view.expiredAt = e.expiredAt();
            return step(event, "expirée sans réponse des deux parties", e.expiredAt()).build();
        }
        if (payload instanceof IntroductionWithdrawnEvent e) {
            view.stage = IntroductionStage.WITHDRAWN;
            view.withdrawnAt = e.withdrawnAt();
            return step(event, withdrawnBy(view, event), e.withdrawnAt()).text(e.reason()).build();
        }
        if (payload instanceof MeetingScheduledEvent e) {
            view.meetings.add(new MeetingEntry(e.meetingId(), e.startsAt(), e.location(), "scheduled", e.scheduledAt(),
                    null));
            return step(event, "rencontre prévue", e.scheduledAt()).meeting(e.meetingId(), e.startsAt(), e.location()).build();
        }
        if (payload instanceof MeetingHeldEvent e) {
            meetingConcluded(view, e.meetingId(), "held", e.recordedAt(), null);
            Instant heldAt = startOf(view, e.meetingId(), e.recordedAt());
            if (view.firstMetAt == null || heldAt.isBefore(view.firstMetAt)) {
                view.firstMetAt = heldAt;
            }
            if (view.lastMetAt == null || heldAt.isAfter(view.lastMetAt)) {
                view.lastMetAt = heldAt;
            }
            if (view.stage == IntroductionStage.ACCEPTED) {
                view.stage = IntroductionStage.MET;
            }
            return step(event, "rencontre tenue" + ofItsDay(view, e.meetingId()), e.recordedAt()).text(e.note())
                    .meeting(e.meetingId(), null, null).build();
        }
        if (payload instanceof MeetingMissedEvent e) {
            meetingConcluded(view, e.meetingId(), "missed", e.recordedAt(), e.absentActorId());
            return step(event, "rencontre manquée" + ofItsDay(view, e.meetingId()), e.recordedAt()).actor(e.absentActorId())
                    .text(e.note())
                    .meeting(e.meetingId(), null, null).build();
        }
        if (payload instanceof OutcomeRecordedEvent e) {
            LocalDate day = e.occurredOn();
            switch (e.outcome()) {
                case NO_FIT -> view.noFitOn = earliest(view.noFitOn, day);
                case FOLLOW_UP_PLANNED -> view.followUpOn = earliest(view.followUpOn, day);
                case PARTNERSHIP_FORMED -> view.partnershipOn = earliest(view.partnershipOn, day);
                case PARTNERSHIP_ENDED -> view.partnershipEndedOn = earliest(view.partnershipEndedOn, day);
            }
            // Where it stands after all its outcomes, this one last, as the matcher reads them: a partnership formed
            // through it still in force, whatever came after it (a follow-up planned, a « no fit » on another subject,
            // another partnership's end); otherwise the outcome that prevails. Not always this one, nor what the stage
            // was: an end recorded late, dated before the follow-up that prevails, ends the last partnership in force,
            // and the introduction is at its follow-up again.
            LatestOutcome.Standing standing = outcomesOf(view).record(e.outcome(), day);
            view.stage = standing.partnershipsInForce() > 0 ? IntroductionStage.PARTNERSHIP : stageOf(standing.latest());
            return step(event, "suite enregistrée : " + e.outcome().label(), e.recordedAt()).text(e.note())
                    .outcome(e.outcome().name(), e.outcome().label(), day,
                            e.form() == null ? null : e.form().name(), e.category() == null ? null : e.category().name())
                    .build();
        }
        if (payload instanceof IntroductionReminderRecordedEvent e) {
            // Its stage stays: a reminder is the facilitators' work, not a step of the two actors.
            view.lastReminder = new IntroductionView.ReminderEntry(e.recordedAt(), e.channel(), e.remindedActorId());
            return step(event, "relance de l'animation " + e.channel().label(), e.recordedAt()).actor(e.remindedActorId())
                    .reason(e.channel().name(), e.channel().label()).text(e.note()).build();
        }
        throw new MalformedEventException(event.type() + " is not an introduction event");
    }

    private static void meetingConcluded(IntroductionView view, String meetingId, String status, Instant at,
                                         String absentActorId) {
        List<MeetingEntry> meetings = new ArrayList<>();
        boolean found = false;
        for (MeetingEntry meeting : view.meetings) {
            if (meeting.meetingId().equals(meetingId)) {
                meetings.add(new MeetingEntry(meetingId, meeting.startsAt(), meeting.location(), status, at,
                        absentActorId));
                found = true;
            } else {
                meetings.add(meeting);
            }
        }
        if (!found) {
            meetings.add(new MeetingEntry(meetingId, null, null, status, at, absentActorId));
        }
        view.meetings = meetings;
    }

    /**
     * The day of the meeting a step concludes, as a step says it: « (rendez-vous du 7 août 2026) ». A meeting is said
     * held or missed on the day it is recorded, which may be weeks after it took place (a past introduction taken
     * from a spreadsheet is recorded all at once): the step's date is that of the record, this says the meeting's.
     */
    private static String ofItsDay(IntroductionView view, String meetingId) {
        return plannedStart(view, meetingId)
                .map(start -> " (rendez-vous du " + LabCalendar.inFrench(LabCalendar.dayOf(start)) + ")").orElse("");
    }

    /** A meeting took place when it was planned to start; the recording time only if its start is unknown. */
    private static Instant startOf(IntroductionView view, String meetingId, Instant recordedAt) {
        return plannedStart(view, meetingId).orElse(recordedAt);
    }

    /** The day (in Paris) of the meeting a meeting step is about; null for another step, or a meeting of no known day. */
    private static LocalDate meetingDayOf(IntroductionView view, Object payload) {
        Optional<Instant> start = payload instanceof MeetingScheduledEvent e ? Optional.ofNullable(e.startsAt())
                : payload instanceof MeetingHeldEvent e ? plannedStart(view, e.meetingId())
                : payload instanceof MeetingMissedEvent e ? plannedStart(view, e.meetingId())
                : Optional.empty();
        return start.map(LabCalendar::dayOf).orElse(null);
    }

    /** When the view's meeting of this id was planned to start, if it knows. */
    private static Optional<Instant> plannedStart(IntroductionView view, String meetingId) {
        return view.meetings.stream().filter(m -> m.meetingId().equals(meetingId) && m.startsAt() != null)
                .map(MeetingEntry::startsAt).findFirst();
    }

    /**
     * The view's outcomes so far, from its timeline in the order they were recorded (rather than from fields of its own,
     * so that views written before {@link LatestOutcome}'s rules apply them as well from their next outcome on).
     */
    private static LatestOutcome.Standing outcomesOf(IntroductionView view) {
        LatestOutcome.Standing standing = new LatestOutcome.Standing();
        for (TimelineStep step : view.steps) {
            if (step.outcome() != null) {
                standing.record(Outcome.valueOf(step.outcome()), step.occurredOn());
            }
        }
        return standing;
    }

    private static IntroductionStage stageOf(Outcome outcome) {
        return switch (outcome) {
            case NO_FIT -> IntroductionStage.NO_FIT;
            case FOLLOW_UP_PLANNED -> IntroductionStage.FOLLOW_UP;
            case PARTNERSHIP_FORMED -> IntroductionStage.PARTNERSHIP;
            case PARTNERSHIP_ENDED -> IntroductionStage.PARTNERSHIP_ENDED;
        };
    }

    private static LocalDate earliest(LocalDate current, LocalDate day) {
        return current == null || day.isBefore(current) ? day : current;
    }

    /**
     * Its proposer withdraws an introduction, or an admin anyone's: the step says which, as the event's principal
     * does (a replay gives the same words).
     */
    private static String withdrawnBy(IntroductionView view, IntroductionEvent event) {
        if (event.subject() != null && event.subject().equals(view.proposer())) {
            return "retirée par qui l'avait proposée";
        }
        return "ADMIN".equals(event.role()) ? "retirée par l'administration du labo" : "retirée";
    }

    private static StepBuilder step(IntroductionEvent event, String what, Instant at) {
        return new StepBuilder(event, what, at == null ? event.timestamp() : at);
    }

    /** Fills a {@link TimelineStep} field by field: most steps use only a few of its fields. */
    private static final class StepBuilder {
        private final IntroductionEvent event;
        private final String what;
        private final Instant at;
        private String actorId;
        private String reason;
        private String reasonLabel;
        private String text;
        private String outcome;
        private String outcomeLabel;
        private LocalDate occurredOn;
        private String form;
        private String category;
        private String meetingId;
        private Instant startsAt;
        private String location;

        StepBuilder(IntroductionEvent event, String what, Instant at) {
            this.event = event;
            this.what = what;
            this.at = at;
        }

        StepBuilder actor(String actorId) {
            this.actorId = actorId;
            return this;
        }

        StepBuilder reason(String reason, String label) {
            this.reason = reason;
            this.reasonLabel = label;
            return this;
        }

        StepBuilder text(String text) {
            this.text = text;
            return this;
        }

        StepBuilder outcome(String outcome, String label, LocalDate occurredOn, String form, String category) {
            this.outcome = outcome;
            this.outcomeLabel = label;
            this.occurredOn = occurredOn;
            this.form = form;
            this.category = category;
            return this;
        }

        StepBuilder meeting(String meetingId, Instant startsAt, String location) {
            this.meetingId = meetingId;
            this.startsAt = startsAt;
            this.location = location;
            return this;
        }

        TimelineStep build() {
            return new TimelineStep(event.sequence(), event.type(), what, at, event.subject(), event.role(),
                    event.actingFor(), actorId, reason, reasonLabel, text, outcome, outcomeLabel, occurredOn, form,
                    category, meetingId, startsAt, location);
        }
    }
}
