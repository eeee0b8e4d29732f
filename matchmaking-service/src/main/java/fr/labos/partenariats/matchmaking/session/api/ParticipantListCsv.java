package fr.labos.partenariats.matchmaking.session.api;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A participant list as French Excel writes it ("CSV UTF-8", or any UTF-8 text): a header line, then one actor per
 * line, read with Commons CSV. The separator is {@code ;} (Excel's in France), or {@code ,} when the header has no
 * {@code ;}; a byte order mark is skipped; empty lines are passed over. Columns, by their header (case, accents,
 * spaces, dashes and underscores aside): {@code identifiant} (the actor's id), {@code nom} (its name, when the id is
 * not given) and {@code organisation} (optional: who it belongs to, to keep members of one organisation apart);
 * other columns are ignored. Nothing is resolved here: lines say what the file says, with their line number.
 */
final class ParticipantListCsv {

    /** One line of the list: its number in the file (the header is line 1), and its cells, blank ones null. */
    record Line(int number, String actorId, String name, String organisation) {
    }

    /** A file that cannot be read as a participant list at all; the message says why, in French. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("identifiant", "id"), Map.entry("id", "id"), Map.entry("identifiantacteur", "id"),
            Map.entry("idacteur", "id"), Map.entry("actorid", "id"),
            Map.entry("nom", "name"), Map.entry("nomacteur", "name"), Map.entry("acteur", "name"),
            Map.entry("structure", "name"),
            Map.entry("organisation", "organisation"), Map.entry("organisme", "organisation"));

    private ParticipantListCsv() {
    }

    static List<Line> read(byte[] body) {
        String text = decode(body);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst()
                .orElseThrow(() -> new Unreadable("le fichier est vide : une ligne d'en-tête puis un participant par "
                        + "ligne sont attendus"));
        char separator = firstLine.indexOf(';') >= 0 || firstLine.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.Builder.create().setDelimiter(separator).setQuote('"')
                .setIgnoreEmptyLines(true).setTrim(true).build();
        List<Line> lines = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int id = -1;
            int name = -1;
            int organisation = -1;
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    header = false;
                    for (int i = 0; i < record.size(); i++) {
                        String column = COLUMNS.get(normalise(record.get(i)));
                        if ("id".equals(column) && id < 0) id = i;
                        if ("name".equals(column) && name < 0) name = i;
                        if ("organisation".equals(column) && organisation < 0) organisation = i;
                    }
                    if (id < 0 && name < 0) {
                        throw new Unreadable("la ligne d'en-tête doit nommer une colonne « identifiant » ou « nom » "
                                + "(séparées par des points-virgules) ; elle contient : " + String.join(" | ",
                                record.toList()));
                    }
                    continue;
                }
                if (record.stream().allMatch(cell -> cell == null || cell.isBlank())) continue;
                lines.add(new Line(lineOf(lineStarts, firstCharacter(text, record.getCharacterPosition())), cell(record, id), cell(record, name),
                        cell(record, organisation)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new Unreadable("le fichier n'est pas un CSV lisible : " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new Unreadable("le fichier ne contient aucun participant : une ligne d'en-tête puis un participant "
                    + "par ligne sont attendus");
        }
        return lines;
    }

    /** Strict UTF-8: a file saved in another encoding (Excel's « CSV (séparateur : point-virgule) ») is refused. */
    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("le fichier n'est pas encodé en UTF-8 : dans Excel, enregistrez-le au format "
                    + "« CSV UTF-8 (délimité par des virgules) »");
        }
    }

    private static String cell(CSVRecord record, int column) {
        if (column < 0 || column >= record.size()) return null;
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Where each line of the text starts. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
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

    /** An actor's name as compared: lower case, no accents, one space between words, one kind of apostrophe. */
    static String nameKey(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
    }

    /** Lower case, no accents, no spaces, dashes, underscores or dots: "Identifiant acteur" → "identifiantacteur". */
    static String normalise(String value) {
        String plain = Normalizer.normalize(value == null ? "" : value.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.'’]", "");
    }
}
