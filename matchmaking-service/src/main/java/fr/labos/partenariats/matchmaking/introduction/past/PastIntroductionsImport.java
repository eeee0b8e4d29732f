package fr.labos.partenariats.matchmaking.introduction.past;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.introduction.command.IntroductionRules;
import fr.labos.partenariats.matchmaking.introduction.command.InvalidIntroduction;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.platform.problem.FieldProblem;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.Proposer;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand.PastOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import static fr.labos.partenariats.matchmaking.introduction.past.PastIntroductionsCsv.*;

/**
 * Records a lab's past introductions from its spreadsheet ({@link PastIntroductionsCsv}), as a facilitator of their
 * territory or an admin. All or nothing as far as the file goes: every line is read, its actors found, the
 * principal's reach and the introduction's rules checked, before any is recorded; one line refused refuses the file
 * (a 400 naming each line and column and why, or a 403 naming the lines out of the principal's reach) and nothing is
 * written. Each introduction's id comes from its two actors and its proposal day, so the same file sent again, after
 * an interrupted import for instance, records only what is not recorded yet.
 */
@Component
class PastIntroductionsImport {

    /** As many as an actors' import: a lab's whole history of introductions fits in a few of them. */
    static final int MAX_LINES = 1_000;

    private final CommandGateway commands;
    private final EventStore events;
    private final ActorAccess access;
    private final Clock clock;

    PastIntroductionsImport(CommandGateway commands, EventStore events, ActorAccess access, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    /** What became of one line. */
    enum Result {
        RECORDED("reprise"),
        ALREADY_RECORDED("déjà reprise par un envoi précédent");

        final String label;

        Result(String label) {
            this.label = label;
        }
    }

    /** What became of a line: the introduction it made (or had made), between which actors, named. */
    record LineResult(int line, String introductionId, String actorId, String actorName, String partnerId,
                      String partnerName, Result result, String label) {
    }

    record ImportReport(int recorded, int alreadyRecorded, List<LineResult> lines) {
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
        Map<String, ActorEntry> actors = access.read(lines.stream()
                .flatMap(line -> Stream.of(line.actorId(), line.partnerId())).filter(Objects::nonNull).toList());
        LocalDate today = IntroductionRules.today(clock);
        Proposer proposer = new Proposer(principal.subject(), principal.role().name());
        List<FieldProblem> outOfReach = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        List<Numbered> toRecord = new ArrayList<>();
        for (Line line : lines) {
            boolean known = known(line.number(), ACTOR, line.actorId(), actors, problems)
                    & known(line.number(), PARTNER, line.partnerId(), actors, problems);
            if (known && !access.mayIntermediateBetween(principal,
                    List.of(actors.get(line.actorId()), actors.get(line.partnerId())))) {
                outOfReach.add(new FieldProblem("ligne " + line.number(), "ni « " + nameOf(actors.get(line.actorId()))
                        + " » ni « " + nameOf(actors.get(line.partnerId())) + " » n'est dans les territoires que vous animez"));
            }
            RecordPastIntroductionCommand command = command(line, proposer);
            // An unknown actor is already a problem of the line: its rules are still checked, to say all at once.
            if (command == null || !checked(line, command, today, problems) || !known) continue;
            Integer earlier = firstLineOf.putIfAbsent(command.introductionId(), line.number());
            if (earlier != null) {
                problems.add(new FieldProblem(at(line.number(), PROPOSED_ON), "la même mise en relation (mêmes "
                        + "acteurs, même date de proposition) est déjà à la ligne " + earlier));
                continue;
            }
            toRecord.add(new Numbered(line.number(), command, nameOf(actors.get(line.actorId())),
                    nameOf(actors.get(line.partnerId()))));
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
            String id = numbered.command().introductionId();
            // Already in the store: recorded by an earlier sending of this file (or of a line of it).
            if (events.lastSequenceNumberFor(id).isPresent()) {
                results.add(numbered.result(Result.ALREADY_RECORDED));
                continue;
            }
            commands.sendAndWait(numbered.command());
            results.add(numbered.result(Result.RECORDED));
        }
        return new ImportReport(count(results, Result.RECORDED), count(results, Result.ALREADY_RECORDED), results);
    }

    private record Numbered(int line, RecordPastIntroductionCommand command, String actorName, String partnerName) {

        LineResult result(Result result) {
            return new LineResult(line, command.introductionId(), command.actorId(), actorName,
                    command.partnerActorId(), partnerName, result, result.label);
        }
    }

    /** The line as a command; null when a cell it needs could not be read (its problem is already listed). */
    private static RecordPastIntroductionCommand command(Line line, Proposer proposer) {
        if (line.actorId() == null || line.partnerId() == null || line.proposedOn() == null) return null;
        List<PastOutcome> outcomes = new ArrayList<>();
        if (line.outcome() != null || line.outcomeOn() != null) {
            outcomes.add(new PastOutcome(line.outcome(), line.outcomeOn(), null, line.form(), line.category()));
        }
        if (line.endedOn() != null) {
            outcomes.add(new PastOutcome(Outcome.PARTNERSHIP_ENDED, line.endedOn(), null, null, null));
        }
        return new RecordPastIntroductionCommand(idOf(line), line.actorId(), line.partnerId(), proposer, line.note(),
                line.proposedOn(), line.acceptedOn(), line.declinedOn(), sideOf(line), line.declineReason(),
                line.metOn(), outcomes);
    }

    /** The same two actors proposed on the same day are the same introduction, whoever sends the file. */
    static String idOf(Line line) {
        String key = "introduction-reprise|" + line.actorId() + "|" + line.partnerId() + "|" + line.proposedOn();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** « déclinée par » names a side by its id, or by the words « acteur » and « partenaire ». */
    private static String sideOf(Line line) {
        String side = line.declinedBy();
        if (side == null) return null;
        if (side.equalsIgnoreCase(ACTOR)) return line.actorId();
        if (side.equalsIgnoreCase(PARTNER)) return line.partnerId();
        return side;
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
            default -> PROPOSED_ON;
        };
    }

    private static boolean known(int line, String column, String actorId, Map<String, ActorEntry> actors,
                                 List<FieldProblem> problems) {
        if (actorId == null) return false;
        if (actors.containsKey(actorId)) return true;
        problems.add(new FieldProblem(at(line, column), "aucun acteur connu n'a l'identifiant « " + actorId + " »"));
        return false;
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
