package fr.labos.partenariats.matchmaking.introduction.past;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.matchmaking.introduction.command.AnswerPeriod;
import fr.labos.partenariats.matchmaking.introduction.command.IntroductionRules;
import fr.labos.partenariats.matchmaking.introduction.command.InvalidIntroduction;
import fr.labos.partenariats.matchmaking.introduction.command.OpenPairs;
import fr.labos.partenariats.matchmaking.introduction.command.PairAlreadyInIntroduction;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ActorsByName;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.problem.FieldProblem;
import fr.labos.partenariats.platform.problem.ProblemMessages;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.Proposer;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand.PastOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static fr.labos.partenariats.matchmaking.introduction.past.PastIntroductionsCsv.*;

/**
 * Records a lab's past introductions from its spreadsheet ({@link PastIntroductionsCsv}), as a facilitator of their
 * territory or an admin. Its actors are named by their id or, as a lab's spreadsheet names them, by their name (one
 * shared by several actors is refused with their ids, to choose from). All or nothing as far as the file goes: every
 * line is read, its actors found, the principal's reach and the introduction's rules checked, before any is
 * recorded; one line refused refuses the file (a 400 naming each line and column and why, or a 403 naming the lines
 * out of the principal's reach) and nothing is written. Each introduction's id comes from its two actors and its
 * proposal day, so the same file sent again, after an interrupted import for instance, records only what is not
 * recorded yet.
 */
@Component
class PastIntroductionsImport {

    /** As many as an actors' import: a lab's whole history of introductions fits in a few of them. */
    static final int MAX_LINES = 1_000;

    private final CommandGateway commands;
    private final EventStore events;
    private final ActorAccess access;
    private final ProjectionReader projection;
    private final OpenPairs openPairs;
    private final AnswerPeriod answerPeriod;
    private final Clock clock;

    PastIntroductionsImport(CommandGateway commands, EventStore events, ActorAccess access, ProjectionReader projection,
                            OpenPairs openPairs, AnswerPeriod answerPeriod, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.access = access;
        this.projection = projection;
        this.openPairs = openPairs;
        this.answerPeriod = answerPeriod;
        this.clock = clock;
    }

    /** What became of one line. */
    enum Result {
        RECORDED("reprise"),
        ALREADY_RECORDED("déjà reprise par un envoi précédent"),
        /** Found free when the file was checked, the pair was claimed by a proposal made while the file was recorded. */
        PAIR_WAITING("non reprise : une mise en relation de ces deux acteurs, proposée pendant la reprise, est en cours");

        final String label;

        Result(String label) {
            this.label = label;
        }
    }

    /** What became of a line: the introduction it made (or had made), between which actors, named. */
    record LineResult(int line, String introductionId, String actorId, String actorName, String partnerId,
                      String partnerName, Result result, String label) {
    }

    record ImportReport(int recorded, int alreadyRecorded, int notRecorded, List<LineResult> lines) {
    }

    /** Lines refused: the file records nothing. */
    static final class FileRefused extends RuntimeException {
        final transient List<FieldProblem> problems;

        FileRefused(List<FieldProblem> problems) {
            super(problems.size() + " problems in the file");
            this.problems = List.copyOf(problems);
        }
    }

    ImportReport importFile(LabPrincipal principal, byte[] body) {
        if (!principal.is(LabRole.FACILITATOR) && !principal.is(LabRole.ADMIN)) {
            throw new ActionForbiddenException("Seuls les animateurs et les administrateurs reprennent l'historique"
                    + " des mises en relation d'un labo.");
        }
        PastIntroductionsCsv.Read read = PastIntroductionsCsv.read(body);
        List<Line> lines = read.lines();
        if (lines.size() > MAX_LINES) {
            throw new FileRefused(List.of(new FieldProblem("fichier", "le fichier compte " + lines.size()
                    + " mises en relation ; " + MAX_LINES + " au plus par envoi : découpez-le")));
        }
        List<FieldProblem> problems = new ArrayList<>(read.problems());
        List<String> named = lines.stream().flatMap(line -> Stream.of(line.actor(), line.partner()))
                .filter(Objects::nonNull).distinct().toList();
        Map<String, ActorEntry> byId = access.read(named);
        // Every actor's name is read only when a line names one by its name.
        ActorsByName byName = ActorsByName.of(byId.keySet().containsAll(named) ? List.of() : projection.allActors());
        LocalDate today = LabCalendar.today(clock);
        Instant now = clock.instant();
        Map<ActorPair, Integer> waitingLineOf = new HashMap<>();
        // The lines accepted and carried on since (they hold their pair once recorded), and those that would wait.
        Map<ActorPair, Integer> carriedOnLineOf = new HashMap<>();
        List<Numbered> waitingLines = new ArrayList<>();
        Proposer proposer = new Proposer(principal.subject(), principal.role().name());
        List<FieldProblem> outOfReach = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        List<Numbered> toRecord = new ArrayList<>();
        for (Line line : lines) {
            ActorEntry actor = resolve(line.number(), ACTOR, line.actor(), byId, byName, problems);
            ActorEntry partner = resolve(line.number(), PARTNER, line.partner(), byId, byName, problems);
            boolean known = actor != null && partner != null;
            RecordPastIntroductionCommand command = command(line, actor, partner, proposer);
            if (known && !access.mayIntermediateBetween(principal, List.of(actor, partner))) {
                outOfReach.add(new FieldProblem("ligne " + line.number(), "ni « " + nameOf(actor) + " » ni « "
                        + nameOf(partner) + " » n'est dans les territoires que vous animez"));
            } else if (known && command != null) {
                answeredOutOfReach(principal, line.number(), command, actor, partner).ifPresent(outOfReach::add);
            }
            // An unknown actor is already a problem of the line: its rules are still checked, to say all at once.
            if (command == null || !checked(line, command, today, problems) || !known) continue;
            Integer earlier = firstLineOf.putIfAbsent(either(command).get(0), line.number());
            if (earlier != null) {
                problems.add(new FieldProblem(at(line.number(), PROPOSED_ON), "la même mise en relation (mêmes "
                        + "acteurs, même date de proposition) est déjà à la ligne " + earlier));
                continue;
            }
            // A line recorded by an earlier sending holds no pair any more once answered since: reported as recorded
            // below, it is no reason to refuse the file sent again to finish it.
            Numbered numbered = new Numbered(line.number(), command, nameOf(actor), nameOf(partner));
            if (IntroductionRules.pastIntroductionWaits(command, answerPeriod, now) && !alreadyRecorded(command)) {
                pairAlreadyWaiting(numbered, waitingLineOf).ifPresent(problems::add);
                waitingLines.add(numbered);
            } else if (IntroductionRules.pastIntroductionCarriedOn(command)) {
                carriedOnLineOf.putIfAbsent(numbered.pair(), line.number());
            }
            toRecord.add(numbered);
        }
        // A line that would wait beside one of the file accepted and carried on since, before it or after it: once
        // both recorded, the pair would have two introductions in progress, which no proposal made today may have.
        for (Numbered waiting : waitingLines) {
            Integer carriedOn = carriedOnLineOf.get(waiting.pair());
            if (carriedOn != null) {
                problems.add(new FieldProblem(at(waiting.line(), PROPOSED_ON), "« " + waiting.actorName() + " » et « "
                        + waiting.partnerName() + " » ont à la ligne " + carriedOn + " une mise en relation acceptée, "
                        + "toujours en cours : notez-en la suite, ou retirez cette ligne"));
            }
        }
        if (!outOfReach.isEmpty()) {
            throw new ActionForbiddenException("Aucune mise en relation n'est reprise : " + String.join(" ; ",
                    outOfReach.stream().map(p -> p.field() + " : " + p.message()).toList()) + ".");
        }
        if (!problems.isEmpty()) {
            // The cells' problems were found first: put every problem back in the file's order.
            problems.sort(Comparator.comparingInt(problem -> lineOf(problem.field())));
            throw new FileRefused(problems);
        }
        List<LineResult> results = new ArrayList<>();
        for (Numbered numbered : toRecord) {
            if (alreadyRecorded(numbered.command())) {
                results.add(numbered.result(Result.ALREADY_RECORDED));
                continue;
            }
            try {
                commands.sendAndWait(numbered.command());
                results.add(numbered.result(Result.RECORDED));
            } catch (AggregateStreamCreationException | ConcurrencyException recordedMeanwhile) {
                // The same file sent twice at once (a client that gave up waiting and sent it again): the other
                // sending recorded this line between the check above and this command.
                results.add(numbered.result(Result.ALREADY_RECORDED));
            } catch (PairAlreadyInIntroduction proposedMeanwhile) {
                if (either(numbered.command()).contains(proposedMeanwhile.openIntroductionId())) {
                    // A line waiting for its answers holds its pair before it is written: the same file sent at once,
                    // this line was recorded by the other sending, which held the pair first.
                    results.add(numbered.result(Result.ALREADY_RECORDED));
                    continue;
                }
                // Each line is its own command: the lines before it stay recorded, and the report says which one was
                // not, rather than a 409 that would hide them.
                results.add(numbered.result(Result.PAIR_WAITING));
            }
        }
        return new ImportReport(count(results, Result.RECORDED), count(results, Result.ALREADY_RECORDED),
                count(results, Result.PAIR_WAITING), results);
    }

    /** In the store already: recorded by an earlier sending of the file (or of this line), whichever actor it named first. */
    private boolean alreadyRecorded(RecordPastIntroductionCommand command) {
        return either(command).stream().anyMatch(id -> events.lastSequenceNumberFor(id).isPresent());
    }

    /**
     * A line left unanswered and recent enough to wait for its answers holds its pair of actors, as a proposal made
     * today would: refused when an introduction of the two is already in progress (it holds the pair), or waits at
     * an earlier line of the file (each line is its own command: found now, nothing of the file is recorded). The same
     * line sent again finds its own introduction holding the pair, which is no problem: it is reported as recorded
     * already.
     */
    private Optional<FieldProblem> pairAlreadyWaiting(Numbered numbered, Map<ActorPair, Integer> waitingLineOf) {
        int line = numbered.line();
        RecordPastIntroductionCommand command = numbered.command();
        String actorName = numbered.actorName();
        String partnerName = numbered.partnerName();
        Integer earlier = waitingLineOf.putIfAbsent(numbered.pair(), line);
        if (earlier != null) {
            return Optional.of(new FieldProblem(at(line, PROPOSED_ON), "« " + actorName + " » et « " + partnerName
                    + " » ont déjà à la ligne " + earlier + " une mise en relation qui attendra leurs réponses"));
        }
        return openPairs.claimedBy(command.actorId(), command.partnerActorId())
                .filter(waiting -> !either(command).contains(waiting))
                .map(waiting -> new FieldProblem(at(line, PROPOSED_ON), "une mise en relation de « " + actorName
                        + " » et « " + partnerName + " » est déjà en cours (" + waiting + ")"));
    }

    private record Numbered(int line, RecordPastIntroductionCommand command, String actorName, String partnerName) {

        ActorPair pair() {
            return ActorPair.of(command.actorId(), command.partnerActorId());
        }

        LineResult result(Result result) {
            return new LineResult(line, command.introductionId(), command.actorId(), actorName,
                    command.partnerActorId(), partnerName, result, result.label);
        }
    }

    /**
     * The line as a command; null when a cell it needs could not be read (its problem is already listed). An actor not
     * found keeps the file's words, so that the line's other rules are still checked.
     */
    private static RecordPastIntroductionCommand command(Line line, ActorEntry actor, ActorEntry partner,
                                                         Proposer proposer) {
        if (line.actor() == null || line.partner() == null || line.proposedOn() == null) return null;
        String actorId = actor == null ? line.actor() : actor.id();
        String partnerId = partner == null ? line.partner() : partner.id();
        List<PastOutcome> outcomes = new ArrayList<>();
        if (line.outcome() != null || line.outcomeOn() != null) {
            outcomes.add(new PastOutcome(line.outcome(), line.outcomeOn(), null, line.form(), line.category()));
        }
        if (line.endedOn() != null) {
            outcomes.add(new PastOutcome(Outcome.PARTNERSHIP_ENDED, line.endedOn(), null, null, null));
        }
        ActorPair pair = ActorPair.of(actorId, partnerId);
        return new RecordPastIntroductionCommand(idOf(pair.first(), pair.second(), line.proposedOn()), actorId, partnerId,
                proposer, line.note(), line.proposedOn(), line.acceptedOn(), line.declinedOn(),
                sideOf(line.declinedBy(), actor, partner, actorId, partnerId), line.declineReason(), line.metOn(),
                outcomes);
    }

    /**
     * The ids the same introduction may have: the two actors proposed on the same day in either order. A line is
     * recorded under the first, the two actors in the order of their ids, whichever column names which: two files
     * naming the pair in opposite orders, sent at once, compute one id, which the event store takes once. Lines
     * recorded before named them in the order of their columns: a file sent again finds those under the second.
     */
    private static List<String> either(RecordPastIntroductionCommand command) {
        ActorPair pair = ActorPair.of(command.actorId(), command.partnerActorId());
        return List.of(idOf(pair.first(), pair.second(), command.proposedOn()),
                idOf(pair.second(), pair.first(), command.proposedOn()));
    }

    /**
     * The same two actors proposed on the same day are the same introduction, whoever sends the file and whether it
     * names them by id or by name.
     */
    private static String idOf(String actorId, String partnerId, LocalDate proposedOn) {
        String key = "introduction-reprise|" + actorId + "|" + partnerId + "|" + proposedOn;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * « déclinée par » names a side by the words « acteur » and « partenaire », or by its id or its name; anything
     * else is left as written, for the introduction's rule to refuse (it is neither side).
     */
    private static String sideOf(String side, ActorEntry actor, ActorEntry partner, String actorId, String partnerId) {
        if (side == null) return null;
        if (side.equalsIgnoreCase(ACTOR) || isCalled(actor, side)) return actorId;
        if (side.equalsIgnoreCase(PARTNER) || isCalled(partner, side)) return partnerId;
        return side;
    }

    private static boolean isCalled(ActorEntry actor, String name) {
        return actor != null && actor.name() != null && ActorsByName.key(actor.name()).equals(ActorsByName.key(name));
    }

    /**
     * An answer recorded for a side the principal does not act for. Going between the two actors is enough to
     * record that they were introduced, not to say that the other one accepted: both acceptances open each actor's
     * contact person to the other's members, so a line that says both accepted needs a principal who acts for both
     * (a facilitator of both territories, an admin); a decline, one who acts for the side that declined.
     */
    private Optional<FieldProblem> answeredOutOfReach(LabPrincipal principal, int line,
                                                                 RecordPastIntroductionCommand command,
                                                                 ActorEntry actor, ActorEntry partner) {
        List<ActorEntry> answering = command.acceptedOn() != null ? List.of(actor, partner)
                : command.declinedOn() == null ? List.of()
                : Stream.of(actor, partner).filter(side -> side.id().equals(command.declinedBy())).toList();
        return answering.stream().filter(side -> !access.mayActFor(principal, side)).findFirst()
                .map(side -> new FieldProblem("ligne " + line, "« " + nameOf(side) + " » n'est pas dans les "
                        + "territoires que vous animez : sa réponse (" + (command.acceptedOn() != null ? "acceptation"
                        : "refus") + ") ne se reprend que par un animateur de son territoire ou un administrateur"));
    }

    /** The introduction's own rules, answered in the file's terms (line and column). */
    private static boolean checked(Line line, RecordPastIntroductionCommand command, LocalDate today,
                                   List<FieldProblem> problems) {
        if (line.endedOn() != null && line.outcome() != Outcome.PARTNERSHIP_FORMED) {
            problems.add(new FieldProblem(at(line.number(), ENDED_ON), "un partenariat ne finit que s'il a été "
                    + "conclu : la colonne « " + OUTCOME + " » dit alors « partenariat conclu »"));
            return false;
        }
        if ((line.form() != null || line.category() != null) && line.outcome() != Outcome.PARTNERSHIP_FORMED) {
            problems.add(new FieldProblem(at(line.number(), FORM), "la forme et la catégorie sont celles d'un "
                    + "partenariat conclu : la colonne « " + OUTCOME + " » dit alors « partenariat conclu »"));
            return false;
        }
        try {
            IntroductionRules.checkPastIntroduction(command, today);
            return true;
        } catch (InvalidIntroduction invalid) {
            problems.add(new FieldProblem(at(line.number(), columnOf(invalid.field())), invalid.getMessage()));
            return false;
        }
    }

    private static String columnOf(String field) {
        return switch (field) {
            case "actorId" -> ACTOR;
            case "partnerActorId" -> PARTNER;
            case "acceptedOn" -> ACCEPTED_ON;
            case "declinedOn" -> DECLINED_ON;
            case "declinedBy" -> DECLINED_BY;
            case "declineReason" -> DECLINE_REASON;
            case "metOn" -> MET_ON;
            case "outcomes", "outcomes.outcome" -> OUTCOME;
            case "outcomes.occurredOn" -> OUTCOME_ON;
            case "outcomes.form" -> FORM;
            case "note" -> NOTE;
            // A file has no column for an outcome's own note: its outcome stands for it.
            case "outcomes.note" -> OUTCOME;
            default -> PROPOSED_ON;
        };
    }

    /**
     * The actor a cell names, by its id or else by its name; null, with the line's problem, when it names none or
     * several (their ids then listed, for the lab to write the one it meant).
     */
    private static ActorEntry resolve(int line, String column, String cell, Map<String, ActorEntry> byId,
                                      ActorsByName byName, List<FieldProblem> problems) {
        if (cell == null) return null;
        ActorEntry actor = byId.get(cell);
        if (actor != null) return actor;
        List<ActorEntry> named = byName.named(cell);
        if (named.size() == 1) return named.get(0);
        if (named.isEmpty()) {
            problems.add(new FieldProblem(at(line, column), "aucun acteur connu n'a « "
                    + ProblemMessages.quote(cell) + " » pour identifiant ni pour nom"));
        } else {
            problems.add(new FieldProblem(at(line, column), ActorsByName.ambiguous(cell, named)));
        }
        return null;
    }

    /** The line a problem is on ("ligne 4, suite le" → 4). */
    private static int lineOf(String field) {
        String number = field.replaceFirst("^ligne (\\d+).*$", "$1");
        return number.chars().allMatch(Character::isDigit) ? Integer.parseInt(number) : 0;
    }

    private static String nameOf(ActorEntry actor) {
        return actor.name() == null ? actor.id() : actor.name();
    }

    private static int count(List<LineResult> results, Result result) {
        return (int) results.stream().filter(r -> r.result() == result).count();
    }
}
