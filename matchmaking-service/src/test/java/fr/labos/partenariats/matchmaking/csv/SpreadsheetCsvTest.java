package fr.labos.partenariats.matchmaking.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a facilitator reads when a file cannot be read: French, the line it happens on, never the whole file back. */
class SpreadsheetCsvTest {

    private static final Map<String, String> COLUMNS = Map.of("nom", "nom", "departement", "département");

    private static List<SpreadsheetCsv.Row> read(String text) {
        return SpreadsheetCsv.read(text.getBytes(StandardCharsets.UTF_8), COLUMNS, List.of("nom"),
                "un acteur par ligne");
    }

    /** A cell of no-break or zero-width spaces only, as a spreadsheet keeps them, is empty; a line of them, skipped. */
    @Test
    void aCellOfInvisibleSpacesOnlyIsEmpty() {
        assertThat(read("nom;département\r\nTremplin;\u00a0\r\n\u00a0;\u200b\r\nMission locale;38\r\n"))
                .extracting(SpreadsheetCsv.Row::number, SpreadsheetCsv.Row::cells)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Map.of("nom", "Tremplin")),
                        org.assertj.core.groups.Tuple.tuple(4, Map.of("nom", "Mission locale", "département", "38")));
    }

    /** PostgreSQL stores no NUL (and a file saved as UTF-16 is full of them): refused with its line. */
    @Test
    void aNulCharacterRefusesTheFileWithItsLine() {
        assertThatThrownBy(() -> read("nom;département\r\nTremplin;38\r\nLes Amis\u0000;38\r\n"))
                .isInstanceOf(SpreadsheetCsv.Unreadable.class)
                .hasMessageStartingWith("le fichier contient un caractère nul (ligne 3) : enregistré en « Texte Unicode » ?");
    }

    /** Excel for Mac's « CSV (Macintosh) » ends its lines with CR alone: they are numbered as the spreadsheet shows. */
    @Test
    void linesEndedByCrAloneAreNumberedAsTheSpreadsheetShowsThem() {
        assertThat(read("nom;département\rTremplin;38\r\rMission locale;38\r")).extracting(SpreadsheetCsv.Row::number)
                .containsExactly(2, 4);
        assertThatThrownBy(() -> read("nom;département\rTremplin;38\r\"Les Amis\" de Grenoble;38\r"))
                .hasMessageStartingWith("le fichier n'est pas un CSV lisible à partir de la ligne 3 : ");
    }

    @Test
    void textAfterAClosingQuoteIsSaidInFrenchWithItsLine() {
        assertThatThrownBy(() -> read("nom;département\r\n\"Les Amis\" de Grenoble;38\r\nTremplin;38\r\n"))
                .isInstanceOf(SpreadsheetCsv.Unreadable.class)
                .hasMessageStartingWith("le fichier n'est pas un CSV lisible à partir de la ligne 2 : ")
                .hasMessageContaining("\"\"\"Les Amis\"\" de Grenoble\"")
                .hasMessageNotContaining("CSVException").hasMessageNotContaining("Invalid")
                .hasMessageNotContaining("position");
    }

    @Test
    void aQuoteNeverClosedIsSaidWithTheLineItOpensOnPastEmptyLines() {
        assertThatThrownBy(() -> read("nom;département\nTremplin;38\n\n\n\"Mission locale;38\nVille de Voiron;38\n"))
                .isInstanceOf(SpreadsheetCsv.Unreadable.class)
                .hasMessageStartingWith("le fichier n'est pas un CSV lisible à partir de la ligne 5 : ")
                .hasMessageNotContaining("EOF");
    }

    @Test
    void aValueOverSeveralLinesCountsAllItsLines() {
        assertThatThrownBy(() -> read("nom;département\n\"Tremplin\nInsertion\";38\n\"Mission\" locale;38\n"))
                .hasMessageStartingWith("le fichier n'est pas un CSV lisible à partir de la ligne 4 : ");
    }

    @Test
    void aHeaderWithoutTheColumnsIsQuotedBackCutAndWithoutControlCharacters() {
        String header = "identifiant\u0007;" + "x".repeat(100_000);

        assertThatThrownBy(() -> read(header + "\nTremplin;38\n"))
                .isInstanceOf(SpreadsheetCsv.Unreadable.class)
                .hasMessageContaining("elle contient : identifiant | xxx")
                .hasMessageEndingWith("…")
                .hasMessageNotContaining("\u0007")
                .satisfies(refused -> assertThat(refused.getMessage()).hasSizeLessThan(300));
    }
}
