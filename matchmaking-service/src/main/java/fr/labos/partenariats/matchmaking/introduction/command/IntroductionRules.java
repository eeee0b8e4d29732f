package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.schema.matching.IntroduceAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.JoinIntroductionAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The rules on what a proposal and an outcome must say, whatever the introduction's state. */
final class IntroductionRules {

    /** Labs work on French local time: an outcome "today" is today in Paris. */
    static final ZoneId LAB_TIME_ZONE = ZoneId.of("Europe/Paris");

    private IntroductionRules() {
    }

    static void checkProposal(ProposeIntroductionCommand command) {
        require(command.introductionId(), "introductionId", "une mise en relation a besoin d'un identifiant");
        if (command.source() == null) {
            throw new InvalidIntroduction("source", "une mise en relation doit dire d'où elle vient");
        }
        require(command.actorId(), "actorId", "une mise en relation a besoin de ses deux acteurs");
        require(command.partnerActorId(), "partnerActorId", "une mise en relation a besoin de ses deux acteurs");
        if (command.actorId().equals(command.partnerActorId())) {
            throw new InvalidIntroduction("partnerActorId", "un acteur ne peut pas être présenté à lui-même");
        }
        if (command.proposedBy() == null || isBlank(command.proposedBy().subject())) {
            throw new InvalidIntroduction("proposedBy", "une mise en relation doit dire qui la propose");
        }
        switch (command.source()) {
            case MATCHER, ACTOR_REQUEST -> checkMatcherGrounds(command);
            case FACILITATOR, SPEED_MEETING -> checkScore(command.match());
        }
    }

    /** What every meeting held at a session names: its session and round, two different actors, when. */
    private static void checkSpeedMeetingHeld(String sessionId, int round, String actorId, String partnerActorId,
                                              Instant heldAt) {
        require(sessionId, "sessionId", "une rencontre express a lieu dans une session");
        if (round < 1) {
            throw new InvalidIntroduction("round", "une rencontre express a lieu dans un tour, à partir du premier");
        }
        require(actorId, "actorId", "une mise en relation a besoin de ses deux acteurs");
        require(partnerActorId, "partnerActorId", "une mise en relation a besoin de ses deux acteurs");
        if (actorId.equals(partnerActorId)) {
            throw new InvalidIntroduction("partnerActorId", "un acteur ne peut pas être présenté à lui-même");
        }
        if (heldAt == null) {
            throw new InvalidIntroduction("heldAt", "une rencontre express a eu lieu à une date");
        }
    }

    static void checkSpeedMeetingJoined(JoinIntroductionAfterSpeedMeetingCommand command) {
        checkSpeedMeetingHeld(command.sessionId(), command.round(), command.actorId(), command.partnerActorId(),
                command.heldAt());
    }

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

    static void checkOutcome(RecordOutcomeCommand command, Instant proposedAt, Clock clock) {
        if (command.outcome() == null) {
            throw new InvalidIntroduction("outcome", "il faut dire ce qui est advenu de la mise en relation");
        }
        if (command.occurredOn() == null) {
            throw new InvalidIntroduction("occurredOn", "il faut dater ce qui est advenu");
        }
        if (command.occurredOn().isAfter(LocalDate.now(clock.withZone(LAB_TIME_ZONE)))) {
            throw new InvalidIntroduction("occurredOn",
                    "une suite ne peut pas être datée dans le futur : " + command.occurredOn());
        }
        if (command.occurredOn().isBefore(LocalDate.ofInstant(proposedAt, LAB_TIME_ZONE))) {
            throw new InvalidIntroduction("occurredOn",
                    "une suite ne peut pas précéder la mise en relation : " + command.occurredOn());
        }
        if (command.outcome() == Outcome.PARTNERSHIP_FORMED && (command.form() == null || command.category() == null)) {
            throw new InvalidIntroduction("form", "un partenariat conclu dit sa forme et sa catégorie de ressource");
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
