package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.csv.SpreadsheetCsv;

import java.util.List;
import java.util.Map;

/**
 * A participant list as French Excel writes it ({@link SpreadsheetCsv}): a header line, then one actor per line.
 * Columns, by their header: {@code identifiant} (the actor's id), {@code nom} (its name, when the id is not given)
 * and {@code organisation} (optional: who it belongs to, to keep members of one organisation apart); other columns
 * are ignored. Nothing is resolved here: lines say what the file says, with their line number.
 */
final class ParticipantListCsv {

    /** One line of the list: its number in the file (the header is line 1), and its cells, blank ones null. */
    record Line(int number, String actorId, String name, String organisation) {
    }

    private static final String ID = "identifiant";
    private static final String NAME = "nom";
    private static final String ORGANISATION = "organisation";

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("identifiant", ID), Map.entry("id", ID), Map.entry("identifiantacteur", ID),
            Map.entry("idacteur", ID), Map.entry("actorid", ID),
            Map.entry("nom", NAME), Map.entry("nomacteur", NAME), Map.entry("acteur", NAME),
            Map.entry("structure", NAME),
            Map.entry("organisation", ORGANISATION), Map.entry("organisme", ORGANISATION));

    private ParticipantListCsv() {
    }

    /** @throws SpreadsheetCsv.Unreadable for a file that is not a participant list at all */
    static List<Line> read(byte[] body) {
        return SpreadsheetCsv.read(body, COLUMNS, List.of(ID, NAME), "un participant par ligne").stream()
                .map(row -> new Line(row.number(), row.cell(ID), row.cell(NAME), row.cell(ORGANISATION)))
                .toList();
    }
}
