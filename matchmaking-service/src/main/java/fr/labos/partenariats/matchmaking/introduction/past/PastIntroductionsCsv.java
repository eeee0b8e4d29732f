package fr.labos.partenariats.matchmaking.introduction.past;

import fr.labos.partenariats.matchmaking.csv.SpreadsheetCsv;
import fr.labos.partenariats.platform.problem.FieldProblem;
import fr.labos.partenariats.platform.problem.ProblemMessages;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.Outcome;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A lab's record of its past introductions, as a spreadsheet saved from French Excel ({@link SpreadsheetCsv}), one
 * introduction per line. Columns, by their header: {@code acteur} and {@code partenaire} (the two actors, each by its
 * id or its name), {@code proposée le}, then {@code acceptée le} or {@code déclinée le} with {@code déclinée par} (the
 * id or the name of one of the two, or the word {@code acteur} or {@code partenaire}) and {@code raison du refus}; {@code rencontre le}; {@code suite} (pas de
 * suite, suite prévue, partenariat conclu) with {@code suite le}, and for a partnership {@code forme} and
 * {@code catégorie}; {@code fin du partenariat le}; {@code note}. Days as {@code 15/09/2025} or {@code 2025-09-15};
 * values by their French label or their code. What a cell cannot mean is a problem naming its line and column;
 * whether the line makes sense as a whole is the introduction's rule, checked later. A cell quoted back in a message
 * is cut ({@link ProblemMessages#quote}): a file of a megabyte is not sent back in its answer.
 */
final class PastIntroductionsCsv {

    static final String ACTOR = "acteur";
    static final String PARTNER = "partenaire";
    static final String PROPOSED_ON = "proposée le";
    static final String ACCEPTED_ON = "acceptée le";
    static final String DECLINED_ON = "déclinée le";
    static final String DECLINED_BY = "déclinée par";
    static final String DECLINE_REASON = "raison du refus";
    static final String MET_ON = "rencontre le";
    static final String OUTCOME = "suite";
    static final String OUTCOME_ON = "suite le";
    static final String FORM = "forme";
    static final String CATEGORY = "catégorie";
    static final String ENDED_ON = "fin du partenariat le";
    static final String NOTE = "note";

    /** The header of a file this service would write: the columns in their usual order. */
    static final String HEADER = "acteur;partenaire;proposée le;acceptée le;déclinée le;déclinée par;raison du refus;"
            + "rencontre le;suite;suite le;forme;catégorie;fin du partenariat le;note";

    private static final Map<String, String> COLUMNS = columns();
    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT); // 31/02 is a mistake, not 28/02
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, DeclineReason> REASONS = byCodeAndLabel(DeclineReason.values(),
            DeclineReason::label);
    private static final Map<String, Outcome> OUTCOMES = byCodeAndLabel(
            new Outcome[]{Outcome.NO_FIT, Outcome.FOLLOW_UP_PLANNED, Outcome.PARTNERSHIP_FORMED}, Outcome::label);
    private static final Map<String, PartnershipForm> FORMS = byCodeAndLabel(PartnershipForm.values(),
            PartnershipForm::label);
    private static final Map<String, ResourceCategory> CATEGORIES = byCodeAndLabel(ResourceCategory.values(),
            ResourceCategory::label, ResourceCategory::shortLabel);

    /**
     * One introduction as the file tells it; a cell that could not be read is null, and a problem says why.
     * {@code actor} and {@code partner} are as written: an id or a name, resolved by the import.
     */
    record Line(int number, String actor, String partner, LocalDate proposedOn, LocalDate acceptedOn,
                LocalDate declinedOn, String declinedBy, DeclineReason declineReason, LocalDate metOn,
                Outcome outcome, LocalDate outcomeOn, PartnershipForm form, ResourceCategory category,
                LocalDate endedOn, String note) {
    }

    /** The lines of the file, and what could not be read in their cells. */
    record Read(List<Line> lines, List<FieldProblem> problems) {
    }

    private PastIntroductionsCsv() {
    }

    /** @throws SpreadsheetCsv.Unreadable for a file that is not a list of introductions at all */
    static Read read(byte[] body) {
        List<SpreadsheetCsv.Row> rows = SpreadsheetCsv.read(body, COLUMNS, List.of(ACTOR, PARTNER),
                "une mise en relation par ligne");
        List<FieldProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (SpreadsheetCsv.Row row : rows) {
            Cells cells = new Cells(row, problems);
            lines.add(new Line(row.number(), cells.required(ACTOR), cells.required(PARTNER), cells.requiredDay(PROPOSED_ON),
                    cells.day(ACCEPTED_ON), cells.day(DECLINED_ON), row.cell(DECLINED_BY),
                    cells.value(DECLINE_REASON, REASONS, "pas pertinent, déjà partenaires, pas maintenant, concurrent, autre raison"),
                    cells.day(MET_ON), cells.value(OUTCOME, OUTCOMES, "pas de suite, suite prévue, partenariat conclu"),
                    cells.day(OUTCOME_ON), cells.value(FORM, FORMS, labels(PartnershipForm.values(), PartnershipForm::label)),
                    cells.value(CATEGORY, CATEGORIES, labels(ResourceCategory.values(), ResourceCategory::label)),
                    cells.day(ENDED_ON), row.cell(NOTE)));
        }
        return new Read(lines, problems);
    }

    /** Where a problem is: "ligne 4, suite le". */
    static String at(int line, String column) {
        return "ligne " + line + ", " + column;
    }

    /** The cells of one row, read into values; each that cannot be adds a problem. */
    private record Cells(SpreadsheetCsv.Row row, List<FieldProblem> problems) {

        String required(String column) {
            String value = row.cell(column);
            if (value == null) problems.add(new FieldProblem(at(row.number(), column), "cette colonne est obligatoire"));
            return value;
        }

        LocalDate requiredDay(String column) {
            return required(column) == null ? null : day(column);
        }

        LocalDate day(String column) {
            String value = row.cell(column);
            if (value == null) return null;
            try {
                return value.contains("/") ? LocalDate.parse(value, FRENCH_DAY) : LocalDate.parse(value, ISO_DAY);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(at(row.number(), column),
                        "« " + ProblemMessages.quote(value) + " » n'est pas une date (jj/mm/aaaa, par exemple 15/09/2025)"));
                return null;
            }
        }

        <T> T value(String column, Map<String, T> known, String expected) {
            String value = row.cell(column);
            if (value == null) return null;
            T found = known.get(SpreadsheetCsv.normalise(value));
            if (found == null) {
                problems.add(new FieldProblem(at(row.number(), column),
                        "« " + ProblemMessages.quote(value) + " » n'est pas une valeur connue ; valeurs possibles : " + expected));
            }
            return found;
        }
    }

    /** A value by its code or any of its labels (a category's: the sentence's and the console's, « Financement »). */
    @SafeVarargs
    private static <E extends Enum<E>> Map<String, E> byCodeAndLabel(E[] values, Function<E, String>... labels) {
        Map<String, E> known = new HashMap<>();
        for (E value : values) {
            known.put(SpreadsheetCsv.normalise(value.name()), value);
            for (Function<E, String> label : labels) {
                known.put(SpreadsheetCsv.normalise(label.apply(value)), value);
            }
        }
        return Map.copyOf(known);
    }

    private static <E> String labels(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(label).collect(Collectors.joining(", "));
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new HashMap<>();
        for (String column : List.of(ACTOR, PARTNER, PROPOSED_ON, ACCEPTED_ON, DECLINED_ON, DECLINED_BY,
                DECLINE_REASON, MET_ON, OUTCOME, OUTCOME_ON, FORM, CATEGORY, ENDED_ON, NOTE)) {
            columns.put(SpreadsheetCsv.normalise(column), column);
        }
        Map.ofEntries(Map.entry("identifiantacteur", ACTOR), Map.entry("idacteur", ACTOR),
                Map.entry("nomacteur", ACTOR), Map.entry("nompartenaire", PARTNER),
                Map.entry("identifiantpartenaire", PARTNER), Map.entry("idpartenaire", PARTNER),
                Map.entry("proposele", PROPOSED_ON), Map.entry("datedeproposition", PROPOSED_ON),
                Map.entry("acceptele", ACCEPTED_ON), Map.entry("datedacceptation", ACCEPTED_ON),
                Map.entry("declinele", DECLINED_ON), Map.entry("refuseele", DECLINED_ON),
                Map.entry("declinepar", DECLINED_BY), Map.entry("refuseepar", DECLINED_BY),
                Map.entry("raison", DECLINE_REASON), Map.entry("motifdurefus", DECLINE_REASON),
                Map.entry("rencontree le", MET_ON), Map.entry("datederencontre", MET_ON),
                Map.entry("issue", OUTCOME), Map.entry("issuele", OUTCOME_ON), Map.entry("datedelasuite", OUTCOME_ON),
                Map.entry("formedupartenariat", FORM), Map.entry("categoriederessource", CATEGORY),
                Map.entry("partenariattermine le", ENDED_ON), Map.entry("commentaire", NOTE))
                .forEach((alias, column) -> columns.put(SpreadsheetCsv.normalise(alias), column));
        return Map.copyOf(columns);
    }
}
