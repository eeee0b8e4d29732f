package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.matching.exclusion.LatestOutcome;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.matching.DeclineIntroductionCommand;
import fr.labos.partenariats.schema.matching.IntroduceAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.JoinIntroductionAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordMeetingHeldCommand;
import fr.labos.partenariats.schema.matching.RecordMeetingMissedCommand;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordReminderCommand;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;
import fr.labos.partenariats.schema.matching.ScheduleMeetingCommand;
import fr.labos.partenariats.schema.matching.WithdrawIntroductionCommand;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The rules on what a proposal and an outcome must say, whatever the introduction's state; and who may withdraw it, and
 * until when, which its view also tells its reader (what the console offers).
 */
public final class IntroductionRules {

    /** The role that may withdraw any introduction ({@code LabRole.ADMIN}'s name). */
    private static final String ADMINISTRATOR = "ADMIN";

    /**
     * The longest free text an introduction keeps: a note, an explanation, a reason. Enough for what a person writes
     * about an introduction, and it keeps each event far below the largest record the relay's broker takes (1 MB),
     * even written as JSON, which may take six characters for one: an event over it is refused by the broker and
     * holds back every event after it. Here, so that every way in (the API, a lab's file, a batch) is bound by it;
     * the API's bodies take the same.
     */
    public static final int MAX_NOTE = 2000;
    /** The longest place of a meeting, for the same reason; the API's bodies take the same. */
    public static final int MAX_PLACE = 500;
    /**
     * The earliest day a lab's records may date a past introduction. The labs and the partnerships they follow are
     * far more recent; an earlier year is a typing error (« 15/09/0205 » for 2025) which, recorded, would stay in the
     * introduction's history for good (events are never rewritten) and in every dashboard by year.
     */
    public static final LocalDate EARLIEST_PAST_DAY = LocalDate.of(2000, 1, 1);

    /**
     * A meeting's id is a segment of its address ({@code /meetings/{id}/held}): letters without accents, digits,
     * {@code .}, {@code _} and {@code -}.
     */
    private static final Pattern MEETING_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** The ids of the meetings held at speed-meeting sessions ({@link Introduction#speedMeetingId}). */
    private static final String SPEED_MEETING_IDS = "session-";
    /** How far ahead a meeting may be planned: further is taken for a typing error in the year. */
    private static final Duration MEETING_HORIZON = Duration.ofDays(366);
    /** Beyond it an instant has no date in the lab's calendar ({@link java.time.LocalDate#MAX}). */
    private static final Instant LAST_DAY_WRITTEN = Instant.parse("+999999999-12-30T00:00:00Z");
    /**
     * How long before the proposal a meeting may have started: an introduction is sometimes recorded after the two
     * met (a facilitator puts it down the next day, with both acceptances); earlier is taken for a typing error.
     * Older introductions come through the import of a lab's records, with their own days.
     */
    private static final Duration MEETING_BEFORE_PROPOSAL = Duration.ofDays(7);

    private IntroductionRules() {
    }

    static void checkProposal(ProposeIntroductionCommand command) {
        require(command.introductionId(), "introductionId", "une mise en relation a besoin d'un identifiant");
        if (command.source() == null) {
            throw new InvalidIntroduction("source", "une mise en relation doit dire d'où elle vient");
        }
        checkTwoActors(command.actorId(), command.partnerActorId());
        if (command.proposedBy() == null || isBlank(command.proposedBy().subject())) {
            throw new InvalidIntroduction("proposedBy", "une mise en relation doit dire qui la propose");
        }
        checkNote("note", command.note());
        switch (command.source()) {
            case MATCHER, ACTOR_REQUEST -> checkMatcherGrounds(command);
            case FACILITATOR, SPEED_MEETING -> checkScore(command.match());
        }
    }

    /**
     * Two actors, not one twice. Public so that a request is refused for it (400) before anything is asked of the
     * matcher, whose answer about an actor and itself would be a misleading 409.
     */
    public static void checkTwoActors(String actorId, String partnerActorId) {
        require(actorId, "actorId", "une mise en relation a besoin de ses deux acteurs");
        require(partnerActorId, "partnerActorId", "une mise en relation a besoin de ses deux acteurs");
        if (actorId.equals(partnerActorId)) {
            throw new InvalidIntroduction("partnerActorId", "un acteur ne peut pas être présenté à lui-même");
        }
    }

    /** What every meeting held at a session names: its session and round, two different actors, when. */
    private static void checkSpeedMeetingHeld(String sessionId, int round, String actorId, String partnerActorId,
                                              Instant heldAt) {
        require(sessionId, "sessionId", "une rencontre express a lieu dans une session");
        if (round < 1) {
            throw new InvalidIntroduction("round", "une rencontre express a lieu dans un tour, à partir du premier");
        }
        checkTwoActors(actorId, partnerActorId);
        if (heldAt == null) {
            throw new InvalidIntroduction("heldAt", "une rencontre express a eu lieu à une date");
        }
    }

    static void checkSpeedMeetingJoined(JoinIntroductionAfterSpeedMeetingCommand command) {
        checkSpeedMeetingHeld(command.sessionId(), command.round(), command.actorId(), command.partnerActorId(),
                command.heldAt());
    }

    /*
     * The note and the place of a speed meeting are not bound here: the session writes them from its own title and
     * place when a meeting has taken place, and a refusal would leave that meeting without its introduction. Their
     * length is bound where they are typed, when the session is planned.
     */
    static void checkSpeedMeeting(IntroduceAfterSpeedMeetingCommand command) {
        require(command.introductionId(), "introductionId", "une mise en relation a besoin d'un identifiant");
        checkSpeedMeetingHeld(command.sessionId(), command.round(), command.actorId(), command.partnerActorId(),
                command.heldAt());
        if (command.proposedBy() == null || isBlank(command.proposedBy().subject())) {
            throw new InvalidIntroduction("proposedBy", "une mise en relation doit dire qui la propose");
        }
        checkScore(command.match());
    }

    /** A proposal that rests on the matcher keeps the pairs and the score of that moment, to show its grounds later. */
    private static void checkMatcherGrounds(ProposeIntroductionCommand command) {
        if (command.pairs().isEmpty()) {
            throw new InvalidIntroduction("pairs",
                    "une proposition de l'algorithme repose sur au moins un couple besoin/offre");
        }
        if (command.match() == null || isBlank(command.match().modelVersion())) {
            throw new InvalidIntroduction("match",
                    "une proposition de l'algorithme garde son score et la version du modèle");
        }
        checkScore(command.match());
    }

    private static void checkScore(MatchSnapshot match) {
        if (match != null && (match.score() < 0 || match.score() > 1)) {
            throw new InvalidIntroduction("match.score", "un score est compris entre 0 et 1, pas " + match.score());
        }
    }

    /**
     * A meeting planned by the two sides or a facilitator: an id fit for an address and not one of a session's, a
     * start no more than a week before the proposal and within the coming year.
     */
    static void checkMeeting(ScheduleMeetingCommand command, Instant proposedAt, Clock clock) {
        require(command.meetingId(), "meetingId", "un rendez-vous a besoin d'un identifiant");
        checkText("location", command.location(), MAX_PLACE, "un lieu");
        if (!MEETING_ID.matcher(command.meetingId()).matches()) {
            throw new InvalidIntroduction("meetingId", "identifiant de rendez-vous : lettres sans accent, chiffres, . _ - "
                    + "(100 au plus)");
        }
        if (command.meetingId().startsWith(SPEED_MEETING_IDS)) {
            throw new InvalidIntroduction("meetingId", "« " + SPEED_MEETING_IDS + "… » est réservé aux rencontres des "
                    + "sessions de rencontres express");
        }
        Instant startsAt = command.startsAt();
        if (startsAt == null) throw new InvalidIntroduction("startsAt", "un rendez-vous a une date");
        if (startsAt.isBefore(proposedAt.minus(MEETING_BEFORE_PROPOSAL))) {
            throw new InvalidIntroduction("startsAt", "un rendez-vous commence au plus une semaine avant la "
                    + "proposition (" + LabCalendar.dayOf(proposedAt) + ")");
        }
        if (startsAt.isAfter(clock.instant().plus(MEETING_HORIZON))) {
            // An instant of the year 1,000,000,000 (JSON allows it) has no day on a calendar: said as written.
            throw new InvalidIntroduction("startsAt", "un rendez-vous se planifie dans l'année à venir, pas le "
                    + (startsAt.isAfter(LAST_DAY_WRITTEN) ? startsAt : LabCalendar.dayOf(startsAt)));
        }
    }

    /**
     * @param since the proposal, or the first meeting held when it came before (a meeting of the week before the
     *              proposal, recorded afterwards): an outcome dates from that day at the earliest
     */
    static void checkOutcome(RecordOutcomeCommand command, Instant since, Clock clock) {
        checkNote("note", command.note());
        checkOutcome("", command.outcome(), command.occurredOn(), command.form(), command.category(),
                LabCalendar.dayOf(since), LabCalendar.today(clock));
    }

    static void checkDecline(DeclineIntroductionCommand command) {
        checkText("explanation", command.explanation(), MAX_NOTE, "une explication");
    }

    static void checkWithdrawal(WithdrawIntroductionCommand command) {
        checkText("reason", command.reason(), MAX_NOTE, "une raison");
    }

    /**
     * Whether the principal may withdraw an introduction proposed by {@code proposerSubject}: its proposer, or an
     * administrator (who may do everything). The write API also wants the proposer to act still for one of the two
     * actors, and the introduction to wait for its answers.
     */
    public static boolean mayWithdraw(String proposerSubject, String principalSubject, String principalRole) {
        return ADMINISTRATOR.equals(principalRole) || (proposerSubject != null && proposerSubject.equals(principalSubject));
    }

    /**
     * Whether an introduction not answered by both sides is past its answer period: from {@code answerBy} on it takes
     * no answer, withdrawal or meeting, even before the deadline manager records its expiry. None (null): never.
     */
    public static boolean answerPeriodOver(Instant answerBy, Instant now) {
        return answerBy != null && !now.isBefore(answerBy);
    }

    static void checkMeetingHeld(RecordMeetingHeldCommand command) {
        checkNote("note", command.note());
    }

    static void checkMeetingMissed(RecordMeetingMissedCommand command) {
        checkNote("note", command.note());
    }

    static void checkReminder(RecordReminderCommand command) {
        if (command.channel() == null) {
            throw new InvalidIntroduction("channel", "une relance dit comment elle a été faite (PHONE, EMAIL, IN_PERSON, OTHER)");
        }
        checkNote("note", command.note());
    }

    /**
     * When a past introduction's answers were due: one answer period after its proposal day began in the lab's zone,
     * as if it had been proposed here that morning.
     */
    static Instant pastAnswersDue(RecordPastIntroductionCommand command, AnswerPeriod answerPeriod) {
        return answerPeriod.endOf(LabCalendar.startOf(command.proposedOn()));
    }

    /**
     * Whether a past introduction, once recorded, is in progress after its answers: accepted, and no outcome closed it
     * (none, or the latest a follow-up planned), as the introduction's own rule and the matcher's tell it. It then
     * holds its pair of actors, unless another introduction does. Public so that an import finds, before it records
     * anything, a line that would wait for its answers beside it.
     */
    public static boolean pastIntroductionCarriedOn(RecordPastIntroductionCommand command) {
        if (command.acceptedOn() == null) return false;
        LatestOutcome.Standing standing = new LatestOutcome.Standing();
        command.outcomes().forEach(outcome -> standing.record(outcome.outcome(), outcome.occurredOn()));
        return standing.carriesOn();
    }

    /**
     * Whether a past introduction, once recorded, waits for its answers: neither accepted nor declined in the records,
     * and proposed recently enough for its answer period to run on. It then holds its pair of actors like any proposal.
     * Public so that an import finds, before it records anything, the lines whose pair is already held.
     */
    public static boolean pastIntroductionWaits(RecordPastIntroductionCommand command, AnswerPeriod answerPeriod,
                                                Instant now) {
        return command.acceptedOn() == null && command.declinedOn() == null
                && pastAnswersDue(command, answerPeriod).isAfter(now);
    }

    /**
     * An introduction from a lab's own records (see {@link RecordPastIntroductionCommand}): two actors, a proposal
     * day, then answered one way or not at all, met and followed only once accepted, every day in order and none in
     * the future. Public so that an import checks every line before it records any.
     */
    public static void checkPastIntroduction(RecordPastIntroductionCommand command, LocalDate today) {
        require(command.introductionId(), "introductionId", "une mise en relation a besoin d'un identifiant");
        checkTwoActors(command.actorId(), command.partnerActorId());
        if (command.proposedBy() == null || isBlank(command.proposedBy().subject())) {
            throw new InvalidIntroduction("proposedBy", "une mise en relation doit dire qui la propose");
        }
        checkNote("note", command.note());
        LocalDate proposedOn = command.proposedOn();
        if (proposedOn == null) throw new InvalidIntroduction("proposedOn", "une mise en relation passée a une date");
        checkNotFuture("proposedOn", proposedOn, today);
        // Every other day of the introduction is on or after its proposal: this bounds them all.
        if (proposedOn.isBefore(EARLIEST_PAST_DAY)) {
            throw new InvalidIntroduction("proposedOn", "une mise en relation passée date au plus tôt de "
                    + EARLIEST_PAST_DAY.getYear() + ", pas du " + proposedOn + " (année mal saisie ?)");
        }
        if (command.acceptedOn() != null && command.declinedOn() != null) {
            throw new InvalidIntroduction("declinedOn", "une mise en relation est acceptée ou déclinée, pas les deux");
        }
        if (command.acceptedOn() != null) {
            checkBetween("acceptedOn", command.acceptedOn(), proposedOn, "la proposition", today);
        }
        if (command.declinedOn() != null) {
            checkBetween("declinedOn", command.declinedOn(), proposedOn, "la proposition", today);
            if (!command.actorId().equals(command.declinedBy())
                    && !command.partnerActorId().equals(command.declinedBy())) {
                throw new InvalidIntroduction("declinedBy", "un refus vient de l'un des deux acteurs");
            }
            if (command.declineReason() == null) {
                throw new InvalidIntroduction("declineReason", "un refus donne sa raison");
            }
        } else if (command.declinedBy() != null || command.declineReason() != null) {
            // Recorded as accepted or unanswered, the side and the reason would be dropped without a word.
            throw new InvalidIntroduction("declinedOn", "qui a décliné et pourquoi ne vont qu'avec la date du refus");
        }
        boolean accepted = command.acceptedOn() != null;
        if (command.metOn() != null) {
            if (!accepted) throw new InvalidIntroduction("metOn", "seule une mise en relation acceptée a des rencontres");
            checkBetween("metOn", command.metOn(), command.acceptedOn(), "l'acceptation", today);
        }
        int partnershipsInForce = 0;
        LocalDate previous = proposedOn;
        for (RecordPastIntroductionCommand.PastOutcome outcome : command.outcomes()) {
            if (!accepted) throw new InvalidIntroduction("outcomes", "seule une mise en relation acceptée a des suites");
            checkNote("outcomes.note", outcome.note());
            checkOutcome("outcomes.", outcome.outcome(), outcome.occurredOn(), outcome.form(), outcome.category(),
                    proposedOn, today);
            if (outcome.occurredOn().isBefore(previous)) {
                throw new InvalidIntroduction("outcomes.occurredOn", "les suites sont données dans l'ordre de leurs dates");
            }
            previous = outcome.occurredOn();
            if (outcome.outcome() == Outcome.PARTNERSHIP_FORMED) partnershipsInForce++;
            if (outcome.outcome() == Outcome.PARTNERSHIP_ENDED && partnershipsInForce-- == 0) {
                throw new InvalidIntroduction("outcomes.outcome", "un partenariat ne peut finir qu'après avoir été conclu");
            }
        }
    }

    private static void checkOutcome(String prefix, Outcome outcome, LocalDate occurredOn, PartnershipForm form,
                                     ResourceCategory category, LocalDate proposedOn, LocalDate today) {
        if (outcome == null) {
            throw new InvalidIntroduction(prefix + "outcome", "il faut dire ce qui est advenu de la mise en relation");
        }
        if (occurredOn == null) {
            throw new InvalidIntroduction(prefix + "occurredOn", "il faut dater ce qui est advenu");
        }
        if (occurredOn.isAfter(today)) {
            throw new InvalidIntroduction(prefix + "occurredOn",
                    "une suite ne peut pas être datée dans le futur : " + occurredOn);
        }
        if (occurredOn.isBefore(proposedOn)) {
            throw new InvalidIntroduction(prefix + "occurredOn",
                    "une suite ne peut pas précéder la mise en relation : " + occurredOn);
        }
        if (outcome == Outcome.PARTNERSHIP_FORMED && (form == null || category == null)) {
            throw new InvalidIntroduction(prefix + "form",
                    "un partenariat conclu dit sa forme et sa catégorie de ressource");
        }
        if (outcome != Outcome.PARTNERSHIP_FORMED && (form != null || category != null)) {
            throw new InvalidIntroduction(prefix + "form",
                    "seul un partenariat conclu a une forme et une catégorie de ressource");
        }
    }

    private static void checkBetween(String field, LocalDate day, LocalDate notBefore, String what, LocalDate today) {
        checkNotFuture(field, day, today);
        if (day.isBefore(notBefore)) {
            throw new InvalidIntroduction(field, "cette date (" + day + ") précède " + what + " (" + notBefore + ")");
        }
    }

    private static void checkNotFuture(String field, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw new InvalidIntroduction(field, "une date passée est attendue, pas " + day);
        }
    }

    private static void checkNote(String field, String note) {
        checkText(field, note, MAX_NOTE, "une note");
    }

    /** A text no longer than {@code max}; the message gives its length, never the text. */
    private static void checkText(String field, String text, int max, String what) {
        if (text != null && text.length() > max) {
            throw new InvalidIntroduction(field, what + " compte au plus " + max + " caractères, pas "
                    + text.length());
        }
    }

    static void require(String value, String field, String message) {
        if (isBlank(value)) {
            throw new InvalidIntroduction(field, message);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
