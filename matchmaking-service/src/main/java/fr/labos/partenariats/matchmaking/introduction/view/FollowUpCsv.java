package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.csv.ExcelCsv;
import fr.labos.partenariats.matchmaking.csv.SpreadsheetCells;
import fr.labos.partenariats.schema.common.LabCalendar;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The follow-up list as a file French Excel opens as it is ({@link ExcelCsv}, French headers and days), one line per
 * introduction in the list's order: what a facilitator prints or shares for a morning of calls. Names are typed by
 * users: written as text no spreadsheet evaluates ({@link SpreadsheetCells}).
 */
final class FollowUpCsv {

    static final List<String> HEADERS = List.of("Organisation", "Partenaire", "Statut", "À suivre", "Dernière étape",
            "Date de la dernière étape", "Dernière relance", "Proposée le", "Réponse attendue le", "Identifiant");
    /** Days as French Excel writes them, in Paris. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private FollowUpCsv() {
    }

    static byte[] write(List<IntroductionViewJson.FollowUpEntry> lines) {
        // A list that takes nulls: a line with no last step is an empty cell.
        return ExcelCsv.write(HEADERS, lines.stream().map(line -> Arrays.<Object>asList(name(line.actor()),
                name(line.partner()), line.statusLabel(),
                line.toFollow() == null ? "" : SpreadsheetCells.text(line.toFollow().label()),
                SpreadsheetCells.text(line.lastStep()), day(line.lastStepAt()), reminder(line.lastReminder()),
                day(line.proposedAt()), line.answerBy() == null ? "" : DAY.format(FollowUp.lastDayToAnswer(line.answerBy())),
                SpreadsheetCells.text(line.id()))).toList());
    }

    private static String name(IntroductionViewJson.ActorRef actor) {
        return actor == null ? "" : SpreadsheetCells.text(actor.name() == null ? actor.id() : actor.name());
    }

    /** « 05/12/2026 par téléphone (Ville de Chambéry) ». */
    private static String reminder(IntroductionViewJson.Reminder reminder) {
        if (reminder == null) {
            return "";
        }
        String whom = reminder.reminded() == null ? "les deux organisations"
                : reminder.reminded().name() == null ? reminder.reminded().id() : reminder.reminded().name();
        return SpreadsheetCells.text(day(reminder.at()) + " " + reminder.label() + " (" + whom + ")");
    }

    private static String day(Instant at) {
        return at == null ? "" : DAY.format(LabCalendar.dayOf(at));
    }
}
