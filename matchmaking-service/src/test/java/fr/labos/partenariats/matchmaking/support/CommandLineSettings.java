package fr.labos.partenariats.matchmaking.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Settings given as {@code key=value} command-line arguments, where a key given twice would bind as "a,b". */
final class CommandLineSettings {

    private CommandLineSettings() {
    }

    /** The defaults, each replaced by the override of the same key, followed by the overrides of other keys. */
    static List<String> overriddenBy(List<String> defaults, String... overrides) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String property : defaults) {
            merged.put(key(property), property);
        }
        for (String property : Arrays.asList(overrides)) {
            merged.put(key(property), property);
        }
        return new ArrayList<>(merged.values());
    }

    private static String key(String property) {
        int equals = property.indexOf('=');
        return equals < 0 ? property : property.substring(0, equals);
    }
}
