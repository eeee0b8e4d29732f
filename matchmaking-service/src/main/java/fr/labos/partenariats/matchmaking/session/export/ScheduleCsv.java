package fr.labos.partenariats.matchmaking.session.export;

import fr.labos.partenariats.matchmaking.csv.ExcelCsv;
import fr.labos.partenariats.matchmaking.csv.SpreadsheetCells;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The schedule as a CSV file that French Excel opens as it is ({@link ExcelCsv}): decimal commas, French headers, one
 * line per meeting. Names are
 * typed by users, and explanations quote them: they are written as text the spreadsheet never evaluates
 * ({@link SpreadsheetCells}).
 */
public final class ScheduleCsv {

    static final List<String> HEADERS = List.of("Tour", "Début", "Fin", "Table", "Participant 1", "Participant 2", "Motif",
            "Poids", "Explication", "Verrouillée");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ScheduleCsv() {
    }

    public static byte[] write(SessionSheet sheet) {
        NumberFormat decimal = NumberFormat.getNumberInstance(Locale.FRANCE);
        decimal.setMaximumFractionDigits(3);
        decimal.setGroupingUsed(false);
        // A list that takes nulls: a meeting with no explanation is an empty cell.
        return ExcelCsv.write(HEADERS, sheet.meetings().stream().map(m -> Arrays.<Object>asList(m.round(),
                TIME.format(sheet.roundStart(m.round())), TIME.format(sheet.roundEnd(m.round())), m.table(),
                SpreadsheetCells.text(sheet.name(m.actorId())), SpreadsheetCells.text(sheet.name(m.partnerActorId())),
                SessionSheet.reasonLabel(m.reason()), decimal.format(m.weight()), SpreadsheetCells.text(sheet.explanation(m)),
                m.locked() ? "oui" : "non")).toList());
    }
}
