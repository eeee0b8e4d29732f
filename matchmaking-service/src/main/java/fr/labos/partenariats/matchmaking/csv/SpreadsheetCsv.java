package fr.labos.partenariats.matchmaking.csv;

import fr.labos.partenariats.platform.imports.ImportedText;
import fr.labos.partenariats.platform.problem.ProblemMessages;
import fr.labos.partenariats.schema.common.FoldedText;
import fr.labos.partenariats.schema.common.VisibleText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A file a facilitator imports, as French Excel writes it (« CSV UTF-8 », or « CSV (séparateur : point-virgule) » in
 * Windows-1252), read with Commons CSV: a header line, then one item per line. The separator is {@code ;} (Excel's in
 * France), or {@code ,} when the header has no {@code ;}; a byte order mark is skipped; empty lines are passed over;
 * lines are numbered as {@link ImportedText#lineStarts} ends them. Columns are known by their header,
 * case, accents, spaces, dashes, dots, apostrophes and underscores aside ({@link #normalise}). Nothing is interpreted
 * here: each row keeps its line number in the file, for the messages that name it.
 */
public final class SpreadsheetCsv {

    /** One line of the file: its number (the header is line 1) and its cells by column, blank ones null. */
    public record Row(int number, Map<String, String> cells) {

        public String cell(String column) {
            return cells.get(column);
        }
    }

    /** A file that cannot be read at all; the message says why, in French. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    private SpreadsheetCsv() {
    }

    /**
     * The rows of {@code body}, their cells named by {@code columns}: a normalised header → the column's name in the
     * rows. Headers not in it are ignored; the first of two headers with the same name wins.
     *
     * @param oneItemPerLine what each line holds, for the messages ("un participant par ligne")
     * @param required       at least one of these columns must be in the header
     */
    public static List<Row> read(byte[] body, Map<String, String> columns, List<String> required,
                                 String oneItemPerLine) {
        String text = decode(body);
        ImportedText.nulCharacterRefusal(text).ifPresent(refusal -> {
            throw new Unreadable(refusal);
        });
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst()
                .orElseThrow(() -> new Unreadable("le fichier est vide : une ligne d'en-tête puis " + oneItemPerLine
                        + " sont attendus"));
        char separator = firstLine.indexOf(';') >= 0 || firstLine.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.Builder.create().setDelimiter(separator).setQuote('"')
                .setIgnoreEmptyLines(true).setTrim(true).build();
        List<Row> rows = new ArrayList<>();
        int[] lineStarts = ImportedText.lineStarts(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            String[] named = null;
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // The lines read so far end with the last record read: the next one starts after them.
                long linesRead = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!records.hasNext()) break;
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new Unreadable(misquoted(lineAfter(text, lineStarts, linesRead)));
                }
                if (named == null) {
                    named = header(record, columns, required);
                    continue;
                }
                // A cell of no-break or zero-width spaces only (which a spreadsheet keeps) is as empty as it looks.
                if (record.stream().allMatch(VisibleText::isBlank)) continue;
                Map<String, String> cells = new java.util.HashMap<>();
                for (int i = 0; i < Math.min(named.length, record.size()); i++) {
                    String value = record.get(i);
                    if (named[i] != null && !VisibleText.isBlank(value)) cells.put(named[i], value.strip());
                }
                int number = lineOf(lineStarts, firstCharacter(text, record.getCharacterPosition()));
                rows.add(new Row(number, cells));
            }
        } catch (IOException e) {
            // Read from a string: only closing the parser could throw, and it holds nothing to release.
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new Unreadable("le fichier ne contient rien après son en-tête : une ligne d'en-tête puis "
                    + oneItemPerLine + " sont attendus");
        }
        return rows;
    }

    /**
     * A record Commons CSV cannot read is always a matter of quotes: one opened and never closed, or text after a
     * closing one (« "Les Amis" de Grenoble »). Said in French with the line it starts on, rather than the parser's
     * English text, with how Excel writes such a value.
     */
    private static String misquoted(int line) {
        return "le fichier n'est pas un CSV lisible à partir de la ligne " + line + " : un guillemet y ouvre une valeur"
                + " sans la refermer, ou du texte suit le guillemet qui la ferme ; une valeur qui contient des"
                + " guillemets s'écrit entre guillemets, les siens doublés (\"\"\"Les Amis\"\" de Grenoble\")";
    }

    /** The first line (from 1) after the first {@code linesRead} that is not empty: where the next record starts. */
    private static int lineAfter(String text, int[] lineStarts, long linesRead) {
        int line = (int) Math.min(linesRead, lineStarts.length - 1);
        while (line < lineStarts.length - 1 && isEmptyLine(text, lineStarts, line)) line++;
        return line + 1;
    }

    private static boolean isEmptyLine(String text, int[] lineStarts, int line) {
        int start = lineStarts[line];
        return start >= text.length() || text.charAt(start) == '\n' || text.charAt(start) == '\r';
    }

    /** Each column's name in the rows, or null for a column not read. */
    private static String[] header(CSVRecord record, Map<String, String> columns, List<String> required) {
        String[] named = new String[record.size()];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String column = columns.get(normalise(record.get(i)));
            if (column != null && !seen.contains(column)) {
                named[i] = column;
                seen.add(column);
            }
        }
        if (required.stream().noneMatch(seen::contains)) {
            throw new Unreadable("la ligne d'en-tête doit nommer une colonne " + String.join(" ou ",
                    required.stream().map(c -> "« " + c + " »").toList()) + " (séparées par des points-virgules) ; "
                    + "elle contient : " + ProblemMessages.quote(String.join(" | ", record.toList())));
        }
        return named;
    }

    /**
     * UTF-8 (« CSV UTF-8 »), or Windows-1252, what French Excel writes as « CSV (séparateur : point-virgule) », the
     * format a facilitator most often picks; a file in another encoding is refused naming the line where it shows,
     * rather than read into wrong letters in the names it is matched by ({@link ImportedText#decode}).
     */
    private static String decode(byte[] body) {
        try {
            return ImportedText.decode(body);
        } catch (ImportedText.Undecodable e) {
            throw new Unreadable(e.getMessage());
        }
    }

    /** A record's position counts the empty lines passed over before it: its first character is after them. */
    private static long firstCharacter(String text, long position) {
        int i = (int) position;
        while (i < text.length() && (text.charAt(i) == '\r' || text.charAt(i) == '\n')) i++;
        return i;
    }

    /** The line (from 1) on which the record starting at {@code position} starts. */
    private static int lineOf(int[] lineStarts, long position) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /**
     * Lower case, no accents, ligatures written out, no spaces, dashes, underscores, dots or apostrophes:
     * "Identifiant acteur" → "identifiantacteur", « Restos du Cœur » → "restosducoeur".
     */
    public static String normalise(String value) {
        return FoldedText.fold(value == null ? "" : value.strip()).replaceAll("[\\s_\\-.'’]", "");
    }
}
