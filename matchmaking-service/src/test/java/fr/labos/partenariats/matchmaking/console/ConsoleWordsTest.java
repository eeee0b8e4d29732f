package fr.labos.partenariats.matchmaking.console;

import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Theme;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console names actor types, partnership forms, themes and resource categories with the services' own words, so
 * that a facilitator who types in a spreadsheet what the console shows has the import take it, and a chart's bars
 * read as the filter above them: the labels of events-schema, capitalised with the console's apostrophe, and a
 * category by its short label.
 */
class ConsoleWordsTest {

    private static final Path UI = Path.of("src/main/resources/static/console/js/ui.js");

    @Test
    void theConsolesWordsAreTheServicesWords() throws IOException {
        String ui = Files.readString(UI);
        assertThat(dictionary(ui, "ACTOR_TYPES")).isEqualTo(expected(ActorType.values(), t -> asShown(t.label())));
        assertThat(dictionary(ui, "FORMS")).isEqualTo(expected(PartnershipForm.values(), f -> asShown(f.label())));
        assertThat(dictionary(ui, "THEMES")).isEqualTo(expected(Theme.values(), t -> asShown(t.label())));
        assertThat(dictionary(ui, "CATEGORIES")).isEqualTo(expected(ResourceCategory.values(), ResourceCategory::shortLabel));
    }

    /** « établissement d'enseignement… » as a label shows it: « Établissement d’enseignement… ». */
    private static String asShown(String label) {
        return label.substring(0, 1).toUpperCase(Locale.FRENCH) + label.substring(1).replace('\'', '’');
    }

    private static <E extends Enum<E>> Map<String, String> expected(E[] values, Function<E, String> word) {
        Map<String, String> words = new LinkedHashMap<>();
        Arrays.stream(values).forEach(value -> words.put(value.name(), word.apply(value)));
        return words;
    }

    /** {@code export const NAME = { CODE: 'mot', … };} of ui.js, in its order. */
    private static Map<String, String> dictionary(String ui, String name) {
        Matcher block = Pattern.compile("export const " + name + " = \\{(.*?)\\};", Pattern.DOTALL).matcher(ui);
        assertThat(block.find()).as(name + " in ui.js").isTrue();
        Map<String, String> words = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("([A-Z_]+): '([^']*)'").matcher(block.group(1));
        while (entry.find()) {
            words.put(entry.group(1), entry.group(2));
        }
        return words;
    }
}
