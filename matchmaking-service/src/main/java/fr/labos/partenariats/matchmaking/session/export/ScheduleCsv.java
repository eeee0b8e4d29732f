package fr.labos.partenariats.matchmaking.session.export;

import fr.labos.partenariats.matchmaking.csv.SpreadsheetCells;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The schedule as a CSV file that French Excel opens as it is: UTF-8 with a byte order mark (without it Excel reads
 * the accents as Windows-1252), ';' between fields, decimal commas, French headers, one line per meeting. Names are
 * typed by users, and explanations quote them: they are written as text the spreadsheet never evaluates
 * ({@link SpreadsheetCells}).
 */
public final class ScheduleCsv {

    static final String[] HEADERS = {"Tour", "Début", "Fin", "Table", "Participant 1", "Participant 2", "Motif",
            "Poids", "Explication", "Verrouillée"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ScheduleCsv() {
    }

    public static byte[] write(SessionSheet sheet) {
        NumberFormat decimal = NumberFormat.getNumberInstance(Locale.FRANCE);
        decimal.setMaximumFractionDigits(3);
        decimal.setGroupingUsed(false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setHeader(HEADERS).get();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, format);
            for (ScheduledMeeting m : sheet.meetings()) {
                printer.printRecord(m.round(), TIME.format(sheet.roundStart(m.round())),
                        TIME.format(sheet.roundEnd(m.round())), m.table(),
                        SpreadsheetCells.text(sheet.name(m.actorId())),
                        SpreadsheetCells.text(sheet.name(m.partnerActorId())), SessionSheet.reasonLabel(m.reason()),
                        decimal.format(m.weight()), SpreadsheetCells.text(m.explanation()), m.locked() ? "oui" : "non");
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
