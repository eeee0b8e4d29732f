package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.schema.common.VisibleText;
import fr.labos.partenariats.platform.imports.ImportedText;
import fr.labos.partenariats.platform.problem.FieldProblem;
import fr.labos.partenariats.platform.problem.ProblemMessages;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.FoldedText;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A file of actors as French spreadsheets save it: UTF-8 with or without a byte order mark (or Windows-1252, what
 * older Excel writes as "CSV"), {@code ;} between fields (or {@code ,} when the header has no {@code ;}), one header
 * line naming the columns. Every line is checked before anything is written: the answer is either every actor or,
 * for each faulty line, what is wrong with it, in French.
 *
 * <p>Columns (header names are matched without case, accents or punctuation): {@code nom}, {@code type}, {@code commune}
 * (INSEE code) are required; {@code thèmes}, {@code ODD}, {@code description}, {@code contact nom},
 * {@code contact courriel}, {@code contact téléphone} are optional. A type or a theme is its code ({@code ASSOCIATION},
 * {@code MOBILITY}) or its French label ({@code association}, {@code mobilité}); several themes or SDGs in a cell are
 * separated by {@code ,} or {@code |}.
 */
final class ActorCsv {

    /** At most this many actors per file; a bigger territory is imported in several files. */
    static final int MAX_LINES = 1_000;

    /** At most this many problems are listed, then how many more there are. */
    static final int MAX_PROBLEMS = 100;

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,|]");
    private static final Map<String, String> COLUMNS = columns();
    private static final List<String> REQUIRED = List.of("nom", "type", "commune");
    private static final String KNOWN_COLUMNS = "nom, type, commune, thèmes, ODD, description, contact nom,"
            + " contact courriel, contact téléphone";
    private static final Map<String, ActorType> TYPES = byCodeAndLabel(ActorType.values(), ActorType::label);
    private static final Map<String, Theme> THEMES = byCodeAndLabel(Theme.values(), Theme::label);

    private final TerritoryDirectory territories = TerritoryDirectory.official();
    private final Validator validator;

    ActorCsv(Validator validator) {
        this.validator = validator;
    }

    /** One actor of the file, at its line (the header is line 1, as a spreadsheet numbers its rows). */
    record Line(int number, ActorRequest actor) {
    }

    /** Thrown when the file or any line is refused: every problem found, in the order of the file. */
    static final class Rejected extends RuntimeException {
        private final transient List<FieldProblem> problems;

        Rejected(List<FieldProblem> problems) {
            super(problems.size() + " problem(s) in the imported file");
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** The actors of the file, or {@link Rejected} with the problems of its lines (the first {@link #MAX_PROBLEMS}). */
    List<Line> read(byte[] bytes) {
        String text = decode(bytes);
        ImportedText.nulCharacterRefusal(text).ifPresent(refusal -> {
            throw new Rejected(List.of(new FieldProblem("fichier", refusal)));
        });
        if (VisibleText.isBlank(text)) {
            throw empty();
        }
        // The header, as the reader below finds it: the first line that shows something.
        String header = text.lines().filter(line -> !VisibleText.isBlank(line)).findFirst().orElse("");
        char delimiter = header.indexOf(';') >= 0 || header.indexOf(',') < 0 ? ';' : ',';
        // Empty lines are kept, and skipped below, so that each record's number is the row a spreadsheet shows it on:
        // ignored by the parser, they shifted every later line's number. A cell written over several lines (quoted)
        // stays one row, as in the spreadsheet the file comes from.
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            return read(parser.iterator());
        } catch (IOException e) {
            throw unreadable();
        }
    }

    private List<Line> read(Iterator<CSVRecord> records) {
        ProblemList problems = new ProblemList();
        CSVRecord headerRecord = nextFilled(records);
        if (headerRecord == null) {
            throw empty(); // only separators: the ";;;;" rows a spreadsheet saves of an empty sheet
        }
        Map<String, Integer> columns = header(headerRecord, problems);
        if (!problems.isEmpty()) {
            throw new Rejected(problems.all());
        }
        int width = headerRecord.size();
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int filled = 0;
        for (CSVRecord record = nextFilled(records); record != null; record = nextFilled(records)) {
            int number = Math.toIntExact(record.getRecordNumber());
            // Every filled line counts, faulty or not: a file of a hundred thousand wrong lines is refused for its
            // size at the thousand-and-first, not read to its end with a problem or more for each line.
            if (++filled > MAX_LINES) {
                problems.addFinal(new FieldProblem("fichier", "plus de " + MAX_LINES + " acteurs : découpez le fichier"));
                break;
            }
            ActorRequest actor = line(record, number, width, columns, problems);
            if (actor != null) {
                Integer first = seen.putIfAbsent(identity(actor.name(), actor.homeTerritory()), number);
                if (first != null) {
                    problems.add(new FieldProblem(at(number, "nom"), "même nom et même commune que la ligne " + first));
                } else {
                    lines.add(new Line(number, actor));
                }
            }
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("fichier", "aucun acteur sous la ligne d'en-tête"));
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems.all());
        }
        return lines;
    }

    /** The next record with a filled cell (not the empty lines, nor the ";;;;" rows a spreadsheet leaves at the end). */
    private static CSVRecord nextFilled(Iterator<CSVRecord> records) {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!record.stream().allMatch(VisibleText::isBlank)) {
                    return record;
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable();
        }
    }

    private static Rejected empty() {
        return new Rejected(List.of(new FieldProblem("fichier", "le fichier est vide : la première ligne doit nommer"
                + " les colonnes (nom;type;commune;…)")));
    }

    private static Rejected unreadable() {
        return new Rejected(List.of(new FieldProblem("fichier", "le fichier n'est pas un CSV lisible (un guillemet"
                + " ouvert n'est pas refermé ?)")));
    }

    /**
     * The problems of a file, the first {@link #MAX_PROBLEMS} of them in the order of the file, then how many more:
     * enough to correct a file in a few passes, while a file wrong on every line makes an answer of a few kilobytes,
     * not of megabytes. A final problem (the file too long) is said whatever the count.
     */
    private static final class ProblemList {
        private final List<FieldProblem> kept = new ArrayList<>();
        private FieldProblem last;
        private int more;

        void add(FieldProblem problem) {
            if (kept.size() < MAX_PROBLEMS) {
                kept.add(problem);
            } else {
                more++;
            }
        }

        void addFinal(FieldProblem problem) {
            last = problem;
        }

        boolean isEmpty() {
            return kept.isEmpty() && last == null;
        }

        int size() {
            return kept.size() + more;
        }

        List<FieldProblem> all() {
            List<FieldProblem> all = new ArrayList<>(kept);
            if (more > 0) {
                all.add(new FieldProblem("fichier", "… et " + more + (more == 1 ? " autre erreur" : " autres erreurs")));
            }
            if (last != null) {
                all.add(last);
            }
            return all;
        }
    }

    /**
     * What identifies an actor in an import: its name (without case, accents, punctuation or repeated spaces) and its
     * home commune. Actors have no official number here (no SIRET in their profile), so a second import of the same
     * file finds the actors the first one registered by these two.
     */
    static String identity(String name, String homeCommune) {
        return homeCommune + "|" + normalise(name).replace('_', ' ');
    }

    private Map<String, Integer> header(CSVRecord record, ProblemList problems) {
        int number = Math.toIntExact(record.getRecordNumber());
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (VisibleText.isBlank(name)) {
                continue;
            }
            String column = COLUMNS.get(normalise(name));
            if (column == null) {
                problems.add(new FieldProblem(at(number, quote(name)), "colonne inconnue ; colonnes possibles : "
                        + KNOWN_COLUMNS));
            } else if (columns.putIfAbsent(column, i) != null) {
                problems.add(new FieldProblem(at(number, quote(name)), "la colonne « " + column + " » apparaît deux fois"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(new FieldProblem(at(number, required), "colonne obligatoire absente de la ligne d'en-tête"));
            }
        }
        return columns;
    }

    private ActorRequest line(CSVRecord record, int number, int width, Map<String, Integer> columns,
                              ProblemList problems) {
        int before = problems.size();
        Map<String, String> cells = new HashMap<>();
        columns.forEach((column, index) -> cells.put(column, index < record.size() ? blankToNull(record.get(index)) : null));
        // A filled cell beyond the header's cells, or under a header cell left empty, belongs to no column: dropping
        // it would lose what the file says (a description typed one cell too far). Empty ones are the trailing ";"
        // a spreadsheet often adds, and mean nothing.
        for (int index = 0; index < record.size(); index++) {
            if (!columns.containsValue(index) && !VisibleText.isBlank(record.get(index))) {
                problems.add(new FieldProblem(at(number, "colonnes"), "la cellule n° " + (index + 1) + " (« "
                        + quote(record.get(index)) + " ») est remplie mais n'est sous aucune colonne nommée de la"
                        + " ligne d'en-tête, qui en a " + width));
                break;
            }
        }
        ActorType type = null;
        String typeCell = cells.get("type");
        if (typeCell == null) {
            problems.add(new FieldProblem(at(number, "type"), "le type d'acteur est obligatoire"));
        } else {
            type = TYPES.get(normalise(typeCell));
            if (type == null) {
                problems.add(new FieldProblem(at(number, "type"), "« " + quote(typeCell) + " » n'est pas un type d'acteur ;"
                        + " attendu : " + Arrays.stream(ActorType.values()).map(ActorType::label).collect(Collectors.joining(", "))));
            }
        }
        // With its zero back only when that names a commune; otherwise said as the file writes it.
        String commune = Optional.ofNullable(withLostZero(cells.get("commune"), "\\d{4}"))
                .filter(code -> territories.isKnown(TerritoryRef.commune(code))).orElse(cells.get("commune"));
        if (commune == null) {
            problems.add(new FieldProblem(at(number, "commune"), "le code INSEE de la commune est obligatoire"));
        } else if (!territories.isKnown(TerritoryRef.commune(commune))) {
            problems.add(new FieldProblem(at(number, "commune"), "« " + quote(commune) + " » n'est pas un code commune INSEE"
                    + " en vigueur"));
        }
        Set<Theme> themes = new LinkedHashSet<>();
        for (String value : list(cells.get("themes"))) {
            Theme theme = THEMES.get(normalise(value));
            if (theme == null) {
                problems.add(new FieldProblem(at(number, "thèmes"), "« " + quote(value) + " » n'est pas un thème ; attendu : "
                        + Arrays.stream(Theme.values()).map(Theme::label).collect(Collectors.joining(", "))));
            } else {
                themes.add(theme);
            }
        }
        Set<Sdg> sdgs = new LinkedHashSet<>();
        for (String value : list(cells.get("odd"))) {
            String digits = value.replaceFirst("(?i)^odd\\s*", "");
            if (!digits.matches("\\d{1,2}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 17) {
                problems.add(new FieldProblem(at(number, "ODD"), "« " + quote(value) + " » n'est pas un ODD ; attendu : un"
                        + " nombre de 1 à 17"));
            } else {
                sdgs.add(Sdg.values()[Integer.parseInt(digits) - 1]);
            }
        }
        String contactName = cells.get("contact_nom");
        String contactEmail = cells.get("contact_courriel");
        String contactPhone = withLostZero(cells.get("contact_telephone"), "[1-9]\\d{8}");
        ActorRequest.ContactRequest contact = contactName == null && contactEmail == null && contactPhone == null ? null
                : new ActorRequest.ContactRequest(contactName, contactEmail, contactPhone);
        ActorRequest actor = new ActorRequest(cells.get("nom"), type, commune, themes, sdgs, cells.get("description"),
                contact);
        // In the order of the file's columns: Bean Validation gives a line's violations as a set, in no set order.
        List<ConstraintViolation<ActorRequest>> violations = validator.validate(actor).stream()
                .sorted(Comparator.comparingInt((ConstraintViolation<ActorRequest> v) -> columnRank(v.getPropertyPath().toString()))
                        .thenComparing(v -> v.getPropertyPath().toString()).thenComparing(ConstraintViolation::getMessage))
                .toList();
        for (ConstraintViolation<ActorRequest> violation : violations) {
            String property = violation.getPropertyPath().toString();
            if (property.equals("type") || property.equals("homeTerritory") && commune == null) {
                continue; // already said above, in the file's own words
            }
            problems.add(new FieldProblem(at(number, COLUMN_OF_PROPERTY.getOrDefault(property, property)),
                    violation.getMessage()));
        }
        return problems.size() == before ? actor : null;
    }

    /** The column of each property, in the order of the file's columns. */
    private static final Map<String, String> COLUMN_OF_PROPERTY = columnsOfProperties();

    private static Map<String, String> columnsOfProperties() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("name", "nom");
        columns.put("homeTerritory", "commune");
        columns.put("themes", "thèmes");
        columns.put("sdgs", "ODD");
        columns.put("description", "description");
        columns.put("contact.name", "contact nom");
        columns.put("contact.email", "contact courriel");
        columns.put("contact.phone", "contact téléphone");
        return Collections.unmodifiableMap(columns);
    }

    /** Where a property's column stands in the file (an element of a list, « themes[2] », as its list); others last. */
    private static int columnRank(String property) {
        int rank = List.copyOf(COLUMN_OF_PROPERTY.keySet()).indexOf(property.replaceFirst("\\[.*$", ""));
        return rank < 0 ? COLUMN_OF_PROPERTY.size() : rank;
    }

    /** How a problem names its place: the line, and the column when there is one. */
    static String at(int line, String column) {
        return "ligne " + line + ", " + column;
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return LIST_SEPARATOR.splitAsStream(cell).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A code a spreadsheet took for a number lost its leading zero (a cell « Standard » in French Excel): a commune of
     * Ain to Ariège, « 01001 », saved as « 1001 »; a French phone number, « 0476000000 », as « 476000000 ». A cell
     * of exactly that shape ({@code lostZeroShape}: four digits, or nine not starting with 0) gets it back; any other
     * is as written.
     */
    private static String withLostZero(String cell, String lostZeroShape) {
        return cell != null && cell.matches(lostZeroShape) ? "0" + cell : cell;
    }

    /**
     * UTF-8 (a byte order mark dropped), or Windows-1252 when the bytes are not UTF-8; a file in another encoding is
     * refused rather than imported with wrong letters in its names ({@link ImportedText#decode}).
     */
    private static String decode(byte[] bytes) {
        try {
            return ImportedText.decode(bytes);
        } catch (ImportedText.Undecodable e) {
            throw new Rejected(List.of(new FieldProblem("fichier", e.getMessage())));
        }
    }

    /**
     * Lower case, no accents, ligatures written out, every run of other characters one underscore: "Contact téléphone"
     * → "contact_telephone", « Restos du Cœur » → "restos_du_coeur".
     */
    static String normalise(String value) {
        return FoldedText.fold(value.strip()).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** A cell that shows nothing (spaces of any kind, as French spreadsheets put no-break ones) is an empty cell. */
    private static String blankToNull(String value) {
        return VisibleText.isBlank(value) ? null : value.strip();
    }

    /** A cell echoed in a problem: its first 80 characters, control characters dropped (see {@link ProblemMessages}). */
    private static String quote(String value) {
        return ProblemMessages.quote(value);
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String name : List.of("nom", "raison_sociale", "nom_de_l_acteur")) {
            columns.put(name, "nom");
        }
        for (String name : List.of("type", "type_d_acteur", "famille")) {
            columns.put(name, "type");
        }
        for (String name : List.of("commune", "code_commune", "code_insee", "commune_insee", "code_insee_commune")) {
            columns.put(name, "commune");
        }
        for (String name : List.of("themes", "theme")) {
            columns.put(name, "themes");
        }
        columns.put("odd", "odd");
        for (String name : List.of("description", "presentation")) {
            columns.put(name, "description");
        }
        for (String name : List.of("contact_nom", "contact", "personne_a_contacter", "nom_du_contact")) {
            columns.put(name, "contact_nom");
        }
        for (String name : List.of("contact_courriel", "contact_email", "contact_e_mail", "courriel", "email", "e_mail")) {
            columns.put(name, "contact_courriel");
        }
        for (String name : List.of("contact_telephone", "telephone", "contact_tel", "tel")) {
            columns.put(name, "contact_telephone");
        }
        return columns;
    }

    private static <E extends Enum<E>> Map<String, E> byCodeAndLabel(E[] values, java.util.function.Function<E, String> label) {
        Map<String, E> byName = new HashMap<>();
        for (E value : values) {
            byName.put(normalise(value.name()), value);
            byName.put(normalise(label.apply(value)), value);
        }
        return byName;
    }
}
