package fr.labos.partenariats.matchmaking.introduction.command;

import org.axonframework.eventhandling.SequenceNumber;
import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.matchmaking.matching.exclusion.LatestOutcome;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.AcceptIntroductionCommand;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.DeclineIntroductionCommand;
import fr.labos.partenariats.schema.matching.IntroduceAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionReminderRecordedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.JoinIntroductionAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.MeetingHeldEvent;
import fr.labos.partenariats.schema.matching.MeetingMissedEvent;
import fr.labos.partenariats.schema.matching.MeetingScheduledEvent;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordMeetingHeldCommand;
import fr.labos.partenariats.schema.matching.RecordMeetingMissedCommand;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordReminderCommand;
import fr.labos.partenariats.schema.matching.ScheduleMeetingCommand;
import fr.labos.partenariats.schema.matching.WithdrawIntroductionCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An introduction (mise en relation) of two actors, from its proposal to what came of it. Double opt-in: it is
 * accepted only once both sides accepted; unanswered, it expires through a deadline that a persistent deadline
 * manager keeps across restarts. While it is in progress (waiting for its answers, then accepted until an outcome
 * closes it) its pair of actors is claimed ({@link OpenPairs}), so that no second introduction of the same pair can be
 * proposed meanwhile, however close together the requests and however late the matcher reads the introductions back.
 */
@Aggregate(repository = IntroductionCommandConfiguration.REPOSITORY)
public class Introduction {

    /** The deadline by which both sides must have accepted; scheduled on proposal, cancelled once answered. */
    static final String ANSWER_DEADLINE = "introduction-answer";

    /**
     * The most steps an introduction holds. Meetings, reminders and outcomes may follow one another for years, but
     * not without end: one client adding them in a loop would make a history too long to verify at each reading and
     * a view past MongoDB's 16 MB for one document (a step takes up to 6 KB), which no update of any view would then
     * get past. Far above what a lab's introduction lives through; a speed meeting joining one is not refused.
     */
    static final int STEPS_AT_MOST = 500;

    @AggregateIdentifier
    private String introductionId;
    private String actorId;
    private String partnerActorId;
    private String proposerSubject;
    private Instant proposedAt;
    private Instant answerBy;
    private String answerDeadlineId;
    private IntroductionStatus status;
    private final Set<String> acceptedSides = new HashSet<>();
    private final Map<String, Meeting> meetings = new HashMap<>();
    /**
     * When the first meeting held began, null before one: what came of an introduction may date from that day even
     * when it lies before the proposal (a meeting up to a week before it, recorded by a facilitator afterwards).
     */
    private Instant earliestMet;
    /** The day each partnership formed through this introduction and not yet ended was formed. */
    private final List<LocalDate> partnershipsInForce = new ArrayList<>();
    /** The outcome that happened last ({@link LatestOutcome}), and on which day; null while none is recorded. */
    private Outcome latestOutcome;
    private LocalDate latestOutcomeOn;
    /** The outcome recorded last (whatever its day), and the step it is: what a later one must have been told of. */
    private OutcomeRecordedEvent lastRecordedOutcome;
    private long lastRecordedOutcomeStep = -1;
    /** Why a side declined it, null if none did. */
    private DeclineReason declinedAs;

    protected Introduction() {
        // for Axon
    }

    @CommandHandler
    public Introduction(ProposeIntroductionCommand command, AnswerPeriod answerPeriod, Clock clock,
                        DeadlineManager deadlines, OpenPairs openPairs, LastingPairs lastingPairs) {
        IntroductionRules.checkProposal(command);
        openPairs.claim(command.introductionId(), command.actorId(), command.partnerActorId());
        if (command.source() == IntroductionSource.MATCHER || command.source() == IntroductionSource.ACTOR_REQUEST) {
            // After the claim: a decline for good or a partnership committing meanwhile released the pair and wrote
            // its row in one transaction, which the claim's insert waited for; read now, the row is there. (The API
            // said so earlier, from what it read before sending the command.) A facilitator may introduce them.
            Optional<IntroducedPairs.SetAside> setAside = lastingPairs.between(command.actorId(),
                    command.partnerActorId());
            if (setAside.isPresent()) {
                throw new PairSetAsideForGood(command.actorId(), command.partnerActorId(), setAside.get());
            }
        }
        Instant now = clock.instant();
        Instant due = answerPeriod.endOf(now);
        // Scheduled first for its id (the deadline is written with the events, when the unit of work commits).
        String deadlineId = deadlines.schedule(due, ANSWER_DEADLINE);
        apply(new IntroductionProposedEvent(command.introductionId(), command.source(), command.actorId(),
                command.partnerActorId(), command.pairs(), command.match(), command.proposedBy(), command.note(),
                now, due, deadlineId));
    }

    /**
     * Two actors who met at a speed-meeting session: proposed, accepted by both sides and met in one go, so that
     * nothing waits for an answer (no deadline) and the outcome can be recorded at once.
     */
    @CommandHandler
    public Introduction(IntroduceAfterSpeedMeetingCommand command, Clock clock, OpenPairs openPairs) {
        IntroductionRules.checkSpeedMeeting(command);
        Instant now = clock.instant();
        String id = command.introductionId();
        String meetingId = speedMeetingId(command.sessionId(), command.round());
        apply(new IntroductionProposedEvent(id, IntroductionSource.SPEED_MEETING, command.actorId(),
                command.partnerActorId(), List.of(), command.match(), command.proposedBy(), command.note(), now, now,
                null));
        apply(new IntroductionAcceptedEvent(id, command.actorId(), false, now));
        apply(new IntroductionAcceptedEvent(id, command.partnerActorId(), true, now));
        apply(new MeetingScheduledEvent(id, meetingId, command.heldAt(), command.place(), now));
        apply(new MeetingHeldEvent(id, meetingId, null, now));
        // In progress from the start. The session joins the pair's introduction in progress when it finds one: one
        // holding the pair meanwhile (proposed a moment ago) keeps it, and the meeting is recorded all the same.
        openPairs.claimIfFree(id, command.actorId(), command.partnerActorId());
    }

    /**
     * An introduction from the lab's own records, made before it kept them here: the same events as one lived here,
     * dated as the records say (a day stands for its first instant in the lab's zone). What can only be known now is
     * dated now: when the meeting was recorded, and each outcome's recording. Left unanswered, it expires at the end
     * of its answer period: at once when that is past, else through the same deadline as any proposal, its pair of
     * actors held meanwhile (refused, writing nothing, when another introduction of the two waits for its answers).
     */
    @CommandHandler
    public Introduction(RecordPastIntroductionCommand command, AnswerPeriod answerPeriod, Clock clock,
                        DeadlineManager deadlines, OpenPairs openPairs, LastingPairs lastingPairs) {
        IntroductionRules.checkPastIntroduction(command, LabCalendar.today(clock));
        Instant now = clock.instant();
        String id = command.introductionId();
        Instant proposed = startOf(command.proposedOn());
        Instant due = IntroductionRules.pastAnswersDue(command, answerPeriod);
        boolean waits = IntroductionRules.pastIntroductionWaits(command, answerPeriod, now);
        if (waits) {
            openPairs.claim(id, command.actorId(), command.partnerActorId());
        }
        String deadlineId = waits ? deadlines.schedule(due, ANSWER_DEADLINE) : null;
        apply(new IntroductionProposedEvent(id, IntroductionSource.FACILITATOR, command.actorId(),
                command.partnerActorId(), List.of(), null, command.proposedBy(), command.note(), proposed, due,
                deadlineId));
        if (command.acceptedOn() != null) {
            Instant accepted = startOf(command.acceptedOn());
            apply(new IntroductionAcceptedEvent(id, command.actorId(), false, accepted));
            apply(new IntroductionAcceptedEvent(id, command.partnerActorId(), true, accepted));
        } else if (command.declinedOn() != null) {
            apply(new IntroductionDeclinedEvent(id, command.declinedBy(), command.declineReason(), null,
                    startOf(command.declinedOn())));
        } else if (!due.isAfter(now)) {
            apply(new IntroductionExpiredEvent(id, due));
        }
        if (command.metOn() != null) {
            String meetingId = "rencontre-" + command.metOn();
            apply(new MeetingScheduledEvent(id, meetingId, startOf(command.metOn()), null, now));
            apply(new MeetingHeldEvent(id, meetingId, null, now));
        }
        for (RecordPastIntroductionCommand.PastOutcome outcome : command.outcomes()) {
            apply(new OutcomeRecordedEvent(id, outcome.outcome(), outcome.occurredOn(), outcome.note(), outcome.form(),
                    outcome.category(), now));
        }
        if (!waits && IntroductionRules.pastIntroductionCarriedOn(command)) {
            // Accepted long ago and carried on since (no outcome closed it): in progress, as a proposal accepted
            // here would be. The lab's records may hold two such introductions of a pair: the first one keeps it.
            openPairs.claimIfFree(id, command.actorId(), command.partnerActorId());
        }
        // From the command: in a constructor, the events applied reach the aggregate's state once it returns.
        LatestOutcome.Standing outcomes = new LatestOutcome.Standing();
        command.outcomes().forEach(outcome -> outcomes.record(outcome.outcome(), outcome.occurredOn()));
        ExclusionReason lasting = lastingReason(command.declineReason(), command.acceptedOn() != null,
                outcomes.partnershipsInForce(), outcomes.latest());
        if (lasting != null) {
            lastingPairs.setAside(id, command.actorId(), command.partnerActorId(), lasting);
        }
    }

    private static Instant startOf(LocalDate day) {
        return LabCalendar.startOf(day);
    }

    /**
     * Two actors whose introduction is in progress met at a speed-meeting session: the session's round becomes a
     * meeting held of this introduction. Both sat at the table, so a side that had not accepted yet accepts now (the
     * second acceptance cancels the answer deadline, as any). Refused on an introduction closed before acceptance
     * (declined, expired, withdrawn): the caller then makes a new one. The same round handled again (a replay)
     * changes nothing.
     */
    @CommandHandler
    void handle(JoinIntroductionAfterSpeedMeetingCommand command, Clock clock, DeadlineManager deadlines) {
        IntroductionRules.checkSpeedMeetingJoined(command);
        if (!isParty(command.actorId())) throw new NotAPartyToIntroduction(introductionId, command.actorId());
        if (!isParty(command.partnerActorId())) {
            throw new NotAPartyToIntroduction(introductionId, command.partnerActorId());
        }
        String meetingId = speedMeetingId(command.sessionId(), command.round());
        if (meetings.containsKey(meetingId)) return;
        checkNotClosed(clock);
        if (command.heldAt().isBefore(proposedAt)) {
            // Proposed after they met (the meeting handled late, or read again from the start): the meeting says
            // nothing of an answer to a proposal made later, so it does not accept it for both sides; the caller makes
            // the meeting's own introduction instead.
            throw new InvalidIntroduction("heldAt", "la rencontre (" + command.heldAt() + ") précède la proposition ("
                    + proposedAt + ") : elle ne vaut pas réponse");
        }
        Instant now = clock.instant();
        if (status == IntroductionStatus.PROPOSED) {
            List<String> waiting = new ArrayList<>(List.of(actorId, partnerActorId));
            waiting.removeAll(acceptedSides);
            for (int i = 0; i < waiting.size(); i++) {
                apply(new IntroductionAcceptedEvent(introductionId, waiting.get(i), i == waiting.size() - 1, now));
            }
            cancelAnswerDeadline(deadlines);
        }
        apply(new MeetingScheduledEvent(introductionId, meetingId, command.heldAt(), command.place(), now));
        apply(new MeetingHeldEvent(introductionId, meetingId, command.note(), now));
    }

    /**
     * Declined or withdrawn: no deadline to wait for, and the pair is free again. (Accepted by both sides, it is in
     * progress still: the deadline is cancelled, the pair stays claimed until an outcome closes the introduction.)
     */
    private void close(DeadlineManager deadlines, OpenPairs openPairs) {
        cancelAnswerDeadline(deadlines);
        openPairs.release(introductionId);
    }

    /**
     * By its id: one row deleted. Looking it up by scope ({@code cancelAllWithinScope}) makes db-scheduler read and
     * deserialize every pending deadline of the task, i.e. one per open introduction of the lab: with 5,000 open, an
     * acceptance cost 3 times as much CPU. Introductions proposed before the id was recorded still go by scope.
     */
    private void cancelAnswerDeadline(DeadlineManager deadlines) {
        if (answerDeadlineId != null) {
            deadlines.cancelSchedule(ANSWER_DEADLINE, answerDeadlineId);
        } else {
            deadlines.cancelAllWithinScope(ANSWER_DEADLINE);
        }
    }

    /** The meeting of an introduction made at a speed-meeting session: the session's round. */
    static String speedMeetingId(String sessionId, int round) {
        return "session-" + sessionId + "-tour-" + round;
    }

    @CommandHandler
    void handle(AcceptIntroductionCommand command, Clock clock, DeadlineManager deadlines) {
        String side = command.actorId();
        if (!isParty(side)) throw new NotAPartyToIntroduction(introductionId, side);
        checkStillUnanswered(clock);
        if (acceptedSides.contains(side)) throw new AlreadyAnswered(introductionId, side);
        boolean otherSideAcceptedAlready = !acceptedSides.isEmpty();
        apply(new IntroductionAcceptedEvent(introductionId, side, otherSideAcceptedAlready, clock.instant()));
        if (otherSideAcceptedAlready) cancelAnswerDeadline(deadlines);
    }

    @CommandHandler
    void handle(DeclineIntroductionCommand command, Clock clock, DeadlineManager deadlines, OpenPairs openPairs,
                LastingPairs lastingPairs) {
        String side = command.actorId();
        IntroductionRules.checkDecline(command);
        if (!isParty(side)) throw new NotAPartyToIntroduction(introductionId, side);
        checkStillUnanswered(clock);
        if (acceptedSides.contains(side)) throw new AlreadyAnswered(introductionId, side);
        if (command.reason() == null) throw new InvalidIntroduction("reason", "un refus donne sa raison");
        apply(new IntroductionDeclinedEvent(introductionId, side, command.reason(), command.explanation(),
                clock.instant()));
        close(deadlines, openPairs);
        setAsideIfLasting(lastingPairs, lastingReason());
    }

    /** By its proposer, or an administrator (who may do everything), while it waits for its answers. */
    @CommandHandler
    void handle(WithdrawIntroductionCommand command, Clock clock, DeadlineManager deadlines, OpenPairs openPairs) {
        IntroductionRules.checkWithdrawal(command);
        if (!IntroductionRules.mayWithdraw(proposerSubject, command.principalSubject(), command.principalRole())) {
            throw new NotTheProposer(introductionId);
        }
        checkStillUnanswered(clock);
        apply(new IntroductionWithdrawnEvent(introductionId, command.reason(), clock.instant()));
        close(deadlines, openPairs);
    }

    @CommandHandler
    void handle(ScheduleMeetingCommand command, Clock clock) {
        checkRoomForAStep();
        checkActingFor(command.actingFor());
        checkAccepted(clock);
        IntroductionRules.checkMeeting(command, proposedAt, clock);
        if (meetings.containsKey(command.meetingId())) {
            throw new MeetingAlreadyScheduled(introductionId, command.meetingId());
        }
        apply(new MeetingScheduledEvent(introductionId, command.meetingId(), command.startsAt(), command.location(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RecordMeetingHeldCommand command, Clock clock) {
        checkRoomForAStep();
        IntroductionRules.checkMeetingHeld(command);
        checkActingFor(command.actingFor());
        checkAccepted(clock);
        checkMeetingToConclude(command.meetingId(), clock);
        apply(new MeetingHeldEvent(introductionId, command.meetingId(), command.note(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordMeetingMissedCommand command, Clock clock) {
        checkRoomForAStep();
        IntroductionRules.checkMeetingMissed(command);
        checkActingFor(command.actingFor());
        checkAccepted(clock);
        checkMeetingToConclude(command.meetingId(), clock);
        if (command.absentActorId() != null && !isParty(command.absentActorId())) {
            throw new InvalidIntroduction("absentActorId", "l'absent doit être l'un des deux acteurs");
        }
        apply(new MeetingMissedEvent(introductionId, command.meetingId(), command.absentActorId(), command.note(),
                clock.instant()));
    }

    /**
     * An outcome may close the introduction (the pair is released: no fit, a partnership formed or ended), or, dated
     * after the one that closed it, carry it on again (a follow-up planned after all: the pair is claimed again, unless
     * another introduction of the two holds it by then; the outcome is recorded either way).
     */
    @CommandHandler
    void handle(RecordOutcomeCommand command, Clock clock, OpenPairs openPairs, LastingPairs lastingPairs) {
        checkRoomForAStep();
        checkActingFor(command.actingFor());
        checkAccepted(clock);
        IntroductionRules.checkOutcome(command, earliestMet == null || proposedAt.isBefore(earliestMet) ? proposedAt
                : earliestMet, clock);
        if (endsAPartnership(command)) checkPartnershipToEnd(command.occurredOn());
        if (command.lastStepSeen() != null && lastRecordedOutcomeStep > command.lastStepSeen()) {
            throw new OutcomeRecordedMeanwhile(introductionId, lastRecordedOutcome.outcome().label(),
                    LabCalendar.inFrench(lastRecordedOutcome.occurredOn()));
        }
        boolean inProgressBefore = inProgress();
        apply(new OutcomeRecordedEvent(introductionId, command.outcome(), command.occurredOn(), command.note(),
                command.form(), command.category(), clock.instant()));
        if (inProgressBefore && !inProgress()) {
            openPairs.release(introductionId);
        } else if (!inProgressBefore && inProgress()) {
            openPairs.claimIfFree(introductionId, actorId, partnerActorId);
        }
        // Written whatever it was before: a row an instance of an earlier release left as it was (during a rolling
        // upgrade) is put right at the introduction's next outcome.
        ExclusionReason lasting = lastingReason();
        if (lasting != null) {
            lastingPairs.setAside(introductionId, actorId, partnerActorId, lasting);
        } else {
            lastingPairs.clear(introductionId);
        }
    }

    /**
     * What sets the pair aside for as long as it lasts, as the matcher reads it from these events
     * ({@code IntroducedPairs}): declined for good, or a partnership in force (or the outcome that happened last a
     * formation); null otherwise.
     */
    private ExclusionReason lastingReason() {
        return lastingReason(declinedAs, status == IntroductionStatus.ACCEPTED, partnershipsInForce.size(),
                latestOutcome);
    }

    private static ExclusionReason lastingReason(DeclineReason declinedAs, boolean accepted, int partnershipsInForce,
                                                 Outcome latestOutcome) {
        ExclusionReason declined = ExclusionReason.ofDecline(declinedAs);
        if (declined != null) return declined;
        return accepted && LatestOutcome.partners(partnershipsInForce, latestOutcome) ? ExclusionReason.PARTNERS : null;
    }

    /** Written down in the step's transaction, for the proposals checked before the matcher has read the step. */
    private void setAsideIfLasting(LastingPairs lastingPairs, ExclusionReason lasting) {
        if (lasting != null) {
            lastingPairs.setAside(introductionId, actorId, partnerActorId, lasting);
        }
    }

    /**
     * In progress as the matcher tells it ({@code IntroducedPairs}), from this introduction's events alone: waiting
     * for its answers, or accepted by both sides with no partnership in force and no outcome that closes it (none
     * yet, or the latest a follow-up planned).
     */
    private boolean inProgress() {
        return switch (status) {
            case PROPOSED -> true;
            case ACCEPTED -> LatestOutcome.carriesOn(partnershipsInForce.size(), latestOutcome);
            case DECLINED, EXPIRED, WITHDRAWN -> false;
        };
    }

    /**
     * A facilitator reminded one side, or both, of an introduction still open: waiting for its answers (before its
     * deadline) or accepted, whatever came of it since. Who may is decided by the API (a facilitator of one side, an
     * admin), as for any act for neither side.
     */
    @CommandHandler
    void handle(RecordReminderCommand command, Clock clock) {
        checkRoomForAStep();
        IntroductionRules.checkReminder(command);
        if (command.remindedActorId() != null && !isParty(command.remindedActorId())) {
            throw new InvalidIntroduction("remindedActorId", "la relance s'adresse à l'un des deux acteurs, ou aux deux");
        }
        checkNotClosed(clock);
        apply(new IntroductionReminderRecordedEvent(introductionId, command.remindedActorId(), command.channel(),
                command.note(), clock.instant()));
    }

    /** Refuses a step past {@link #STEPS_AT_MOST}; the version is the last step's sequence number, from 0. */
    private void checkRoomForAStep() {
        Long version = AggregateLifecycle.getVersion();
        if (version != null && version + 1 >= STEPS_AT_MOST) {
            throw new HistoryFull(introductionId, STEPS_AT_MOST);
        }
    }

    /**
     * Fires at {@code answerBy}, even after a restart when the deadline manager is persistent. (A deadline handler's
     * first parameter is taken for the deadline's payload: the message comes first, the resource after it.)
     */
    @DeadlineHandler(deadlineName = ANSWER_DEADLINE)
    void expireUnanswered(DeadlineMessage<?> deadline, OpenPairs openPairs) {
        // A deadline that fires while its cancellation is in flight must not close an answered introduction.
        if (status != IntroductionStatus.PROPOSED) return;
        apply(new IntroductionExpiredEvent(introductionId, answerBy));
        openPairs.release(introductionId);
    }

    private boolean isParty(String actor) {
        return actorId.equals(actor) || partnerActorId.equals(actor);
    }

    /** A side acts for one of the two actors; a facilitator acts for neither (null). */
    private void checkActingFor(String actingFor) {
        if (actingFor != null && !isParty(actingFor)) throw new NotAPartyToIntroduction(introductionId, actingFor);
    }

    private void checkStillUnanswered(Clock clock) {
        checkNotClosed(clock);
        if (status == IntroductionStatus.ACCEPTED) throw new IntroductionAlreadyAccepted(introductionId);
    }

    /**
     * Closed, or unanswered past its deadline: the deadline manager records the expiry when it next polls (seconds
     * later, or after a restart once it starts), but from the deadline on no answer is taken any more.
     */
    private void checkNotClosed(Clock clock) {
        checkNotClosed();
        if (status == IntroductionStatus.PROPOSED && IntroductionRules.answerPeriodOver(answerBy, clock.instant())) {
            throw new IntroductionExpired(introductionId);
        }
    }

    private void checkAccepted(Clock clock) {
        checkNotClosed(clock);
        if (status == IntroductionStatus.PROPOSED) throw new IntroductionNotYetAccepted(introductionId);
    }

    private void checkNotClosed() {
        switch (status) {
            case EXPIRED -> throw new IntroductionExpired(introductionId);
            case DECLINED -> throw new IntroductionDeclined(introductionId);
            case WITHDRAWN -> throw new IntroductionWithdrawn(introductionId);
            case PROPOSED, ACCEPTED -> {
            }
        }
    }

    private void checkMeetingToConclude(String meetingId, Clock clock) {
        Meeting meeting = meetings.get(meetingId);
        if (meeting == null) throw new UnknownMeeting(introductionId, meetingId);
        if (meeting.concluded()) throw new MeetingAlreadyConcluded(introductionId, meetingId);
        if (meeting.startsAt().isAfter(clock.instant())) throw new MeetingNotYetDue(introductionId, meetingId);
    }

    private static boolean endsAPartnership(RecordOutcomeCommand command) {
        return command.outcome() == Outcome.PARTNERSHIP_ENDED;
    }

    /** A partnership ends only if one is in force, formed on or before the day it ends. */
    private void checkPartnershipToEnd(LocalDate endedOn) {
        if (partnershipsInForce.isEmpty()) throw new NoPartnershipToEnd(introductionId);
        LocalDate firstFormed = partnershipsInForce.stream().min(LocalDate::compareTo).orElseThrow();
        if (endedOn.isBefore(firstFormed)) {
            throw new InvalidIntroduction("occurredOn", "un partenariat ne peut finir (" + endedOn + ") avant d'être conclu ("
                    + firstFormed + ")");
        }
    }

    @EventSourcingHandler
    void on(IntroductionProposedEvent event) {
        introductionId = event.introductionId();
        actorId = event.actorId();
        partnerActorId = event.partnerActorId();
        proposerSubject = event.proposedBy().subject();
        proposedAt = event.proposedAt();
        answerBy = event.answerBy();
        answerDeadlineId = event.answerDeadlineId();
        status = IntroductionStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(IntroductionAcceptedEvent event) {
        acceptedSides.add(event.actorId());
        if (event.bothSidesAccepted()) status = IntroductionStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(IntroductionDeclinedEvent event) {
        status = IntroductionStatus.DECLINED;
        declinedAs = event.reason();
    }

    @EventSourcingHandler
    void on(IntroductionExpiredEvent event) {
        status = IntroductionStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(IntroductionWithdrawnEvent event) {
        status = IntroductionStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(MeetingScheduledEvent event) {
        meetings.put(event.meetingId(), new Meeting(event.startsAt(), false));
    }

    @EventSourcingHandler
    void on(MeetingHeldEvent event) {
        Meeting held = meetings.computeIfPresent(event.meetingId(), (id, meeting) -> meeting.conclude());
        if (held != null && (earliestMet == null || held.startsAt().isBefore(earliestMet))) earliestMet = held.startsAt();
    }

    @EventSourcingHandler
    void on(MeetingMissedEvent event) {
        meetings.computeIfPresent(event.meetingId(), (id, meeting) -> meeting.conclude());
    }

    @EventSourcingHandler
    void on(OutcomeRecordedEvent event, @SequenceNumber long step) {
        lastRecordedOutcome = event;
        lastRecordedOutcomeStep = step;
        if (LatestOutcome.prevails(event.occurredOn(), latestOutcomeOn)) {
            latestOutcome = event.outcome();
            latestOutcomeOn = event.occurredOn();
        }
        switch (event.outcome()) {
            case PARTNERSHIP_FORMED -> partnershipsInForce.add(event.occurredOn());
            case PARTNERSHIP_ENDED -> endPartnership(event.occurredOn());
            case NO_FIT, FOLLOW_UP_PLANNED -> {
            }
        }
    }

    /**
     * The partnership an end closes: the latest formed on or before that day. Ends recorded before that rule was
     * checked may precede every formation: they close the earliest.
     */
    private void endPartnership(LocalDate endedOn) {
        partnershipsInForce.stream().filter(formed -> !formed.isAfter(endedOn)).max(LocalDate::compareTo)
                .or(() -> partnershipsInForce.stream().min(LocalDate::compareTo))
                .ifPresent(partnershipsInForce::remove);
    }

    private record Meeting(Instant startsAt, boolean concluded) {
        Meeting conclude() {
            return new Meeting(startsAt, true);
        }
    }
}
