package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.platform.problem.FieldProblem;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How a file of actors is read, and what its problems say, without the service around it. */
class ActorCsvTest {

    private static ValidatorFactory validation;
    private static ActorCsv csv;

    @BeforeAll
    static void reader() {
        validation = Validation.buildDefaultValidatorFactory();
        csv = new ActorCsv(validation.getValidator());
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void aHeaderCellIsEchoedShortAndWithoutItsControlCharacters() {
        String huge = "x\u0007".repeat(450_000);

        List<FieldProblem> problems = problems("nom;type;commune;" + huge + "\nAsso;association;38185;");

        assertThat(problems).hasSize(1);
        String field = problems.get(0).field();
        assertThat(field).startsWith("ligne 1, xxx").endsWith("…").hasSizeLessThanOrEqualTo("ligne 1, ".length() + 81);
        assertThat(field.chars()).noneMatch(Character::isISOControl);
        List<FieldProblem> twice = problems("nom;type;commune;Type\u0007\u001b[31m\nAsso;association;38185;");
        assertThat(twice.get(0).field()).isEqualTo("ligne 1, Type[31m");
    }

    /** One actor spelt with or without its ligature or accents: a file sent again finds it registered. */
    @Test
    void anActorsNameIsOneWhateverItsLigaturesAccentsCaseAndPunctuation() {
        assertThat(ActorCsv.identity("Les Restos du Cœur", "38185"))
                .isEqualTo(ActorCsv.identity("les restos du coeur", "38185"))
                .isEqualTo(ActorCsv.identity("LES RESTOS DU CŒUR !", "38185"))
                .isNotEqualTo(ActorCsv.identity("Les Restos du Cœur", "38421"));
        assertThat(ActorCsv.identity("Ætheria Échirolles", "38151")).isEqualTo(ActorCsv.identity("aetheria echirolles", "38151"));
    }

    @Test
    void aCellEchoedInALineProblemLosesItsControlCharacters() {
        List<FieldProblem> problems = problems("nom;type;commune\nAsso;cl\u0007u\u001bb;38185");

        assertThat(problems).extracting(FieldProblem::message)
                .singleElement().asString().startsWith("« club » n'est pas un type d'acteur");
    }

    /** PostgreSQL stores no NUL: the file is refused before any line, with where, and the likely cause. */
    @Test
    void aNulCharacterRefusesTheFileWithItsLine() {
        assertThat(problems("nom;type;commune\nAsso;association;38185\nCl\u0000ub;association;38185"))
                .extracting(FieldProblem::message).singleElement().asString()
                .startsWith("le fichier contient un caractère nul (ligne 3) : enregistré en « Texte Unicode » ?");
    }

    /** An empty sheet saved by a spreadsheet is rows of separators: said empty, not "unreadable" nor a quote's fault. */
    @Test
    void aFileOfSeparatorsOnlyIsSaidEmpty() {
        for (String file : new String[]{"", "\n\n", ";;;\n;;;\n", ",,,\r\n"}) {
            assertThat(problems(file)).as(file.replace("\n", "\\n"))
                    .extracting(FieldProblem::message).singleElement().asString()
                    .startsWith("le fichier est vide : la première ligne doit nommer les colonnes");
        }
    }

    @Test
    void aFileWrongOnEveryLineListsAHundredProblemsThenHowManyMore() {
        StringBuilder file = new StringBuilder("nom;type;commune");
        for (int i = 0; i < 150; i++) {
            file.append("\nAsso ").append(i).append(";club;38185");
        }

        List<FieldProblem> problems = problems(file.toString());

        assertThat(problems).hasSize(ActorCsv.MAX_PROBLEMS + 1);
        assertThat(problems.get(99).field()).isEqualTo("ligne 101, type");
        assertThat(problems.get(100)).isEqualTo(new FieldProblem("fichier", "… et 50 autres erreurs"));
    }

    @Test
    void everyFilledLineCountsTowardsTheThousandFaultyOrNot() {
        StringBuilder file = new StringBuilder("nom;type;commune");
        for (int i = 0; i < 170_000; i++) {
            file.append("\nA;club;1");
        }

        List<FieldProblem> problems = problems(file.toString());

        assertThat(problems).hasSize(ActorCsv.MAX_PROBLEMS + 2);
        assertThat(problems.get(100)).isEqualTo(new FieldProblem("fichier", "… et 1900 autres erreurs"));
        assertThat(problems.get(101)).isEqualTo(new FieldProblem("fichier", "plus de 1000 acteurs : découpez le fichier"));
    }

    @Test
    void aFilledCellBeyondTheHeaderIsRefusedAndAnEmptyOneIgnored() {
        List<FieldProblem> problems = problems("nom;type;commune\nAsso;association;38185;Collecte et réemploi");

        assertThat(problems).containsExactly(new FieldProblem("ligne 2, colonnes", "la cellule n° 4 (« Collecte et"
                + " réemploi ») est remplie mais n'est sous aucune colonne nommée de la ligne d'en-tête, qui en a 3"));
        assertThat(csv.read(bytes("nom;type;commune\nAsso;association;38185;\r\n")))
                .as("the trailing ; a spreadsheet adds").hasSize(1);
    }

    /**
     * French Excel takes a code typed in a « Standard » cell for a number and drops its leading zero: Bourg-en-Bresse's
     * « 01053 » is saved as « 1053 », a phone « 0476000000 » as « 476000000 ». Both get it back; other values stay
     * as written.
     */
    @Test
    void aCommuneOrAPhoneThatLostItsLeadingZeroInASpreadsheetGetsItBack() {
        List<ActorCsv.Line> lines = csv.read(bytes("nom;type;commune;contact nom;contact téléphone\n"
                + "Asso de l'Ain;association;1053;Camille Martin;476000000\n"
                + "Asso de l'Isère;association;38185;Camille Martin;0476000000\n"
                + "Asso d'ailleurs;association;38185;Camille Martin;+33 4 76 00 00 00\n"));

        assertThat(lines).extracting(line -> line.actor().homeTerritory()).containsExactly("01053", "38185", "38185");
        assertThat(lines).extracting(line -> line.actor().contact().phone())
                .containsExactly("0476000000", "0476000000", "+33 4 76 00 00 00");
        assertThat(problems("nom;type;commune\nAsso;association;9999")).extracting(FieldProblem::message)
                .containsExactly("« 9999 » n'est pas un code commune INSEE en vigueur");
    }

    @Test
    void aLineIsNumberedAsTheSpreadsheetShowsItEvenAfterAnEmptyLine() {
        List<FieldProblem> afterEmptyLines = problems("nom;type;commune\r\n\r\nAsso;club;38185\r\n\r\n\r\nAutre;club;38185");

        assertThat(afterEmptyLines).extracting(FieldProblem::field).containsExactly("ligne 3, type", "ligne 6, type");
        List<ActorCsv.Line> lines = csv.read(bytes("nom;type;commune\n\nA;association;38185\n;;\nB;association;38185"));
        assertThat(lines).extracting(ActorCsv.Line::number).containsExactly(3, 5);
        // A cell written over several lines is still one row of the spreadsheet.
        List<FieldProblem> afterAMultiLineCell = problems(
                "nom;type;commune;description\nA;association;38185;\"deux\nlignes\"\n\nB;club;38185");
        assertThat(afterAMultiLineCell).extracting(FieldProblem::field).containsExactly("ligne 4, type");
    }

    /**
     * A name of no-break or zero-width spaces only (French spreadsheets put the first in cells) is no name: said at its
     * line, as an empty cell is, rather than refused by the actor's rules once the lines before it were sent.
     */
    @Test
    void aNameOfInvisibleSpacesIsAnEmptyCellOfItsLine() {
        List<FieldProblem> problems = problems("nom;type;commune\nAsso;association;38185\n\u00a0\u200b;association;38185");

        assertThat(problems).extracting(FieldProblem::field).containsExactly("ligne 3, nom");
        assertThat(problems("nom;type;commune\n;;\n\u00a0;;\u00a0\nB;club;38185")).as("a line that shows nothing is empty")
                .extracting(FieldProblem::field).containsExactly("ligne 4, type");
    }

    private static List<FieldProblem> problems(String file) {
        ActorCsv.Rejected rejected = catchThrowableOfType(ActorCsv.Rejected.class, () -> csv.read(bytes(file)));
        assertThat(rejected).as("the file is refused").isNotNull();
        return rejected.problems();
    }

    private static byte[] bytes(String file) {
        return file.getBytes(StandardCharsets.UTF_8);
    }
}
