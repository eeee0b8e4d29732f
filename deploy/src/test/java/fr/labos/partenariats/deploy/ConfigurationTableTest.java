package fr.labos.partenariats.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table is what an operator reads to run the services: every environment variable the
 * services' configuration files read, and every one the production examples set, is in it.
 */
class ConfigurationTableTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern EXAMPLE_SETTING = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)=");
    private static final Pattern TABLE_CELL_NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    @Test
    void everyVariableTheServicesReadIsInTheTable() throws IOException {
        Set<String> read = names(PLACEHOLDER, List.of(
                "profile-service/src/main/resources/profile-service.yml",
                "matchmaking-service/src/main/resources/matchmaking-service.yml"));

        assertThat(read).as("the services' configuration files read variables").hasSizeGreaterThan(40);
        assertThat(table()).containsAll(read);
    }

    @Test
    void everyVariableTheProductionExamplesSetIsInTheTable() throws IOException {
        Set<String> set = names(EXAMPLE_SETTING, List.of(
                "deploy/config/profile-service.env.example",
                "deploy/config/matchmaking-service.env.example"));

        assertThat(set).as("the examples set variables").contains("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI");
        assertThat(table()).containsAll(set);
    }

    /** The variables named in the rows of the README's configuration table. */
    private static Set<String> table() throws IOException {
        String readme = Files.readString(Repository.root().resolve("README.md"));
        int start = readme.indexOf("| variable | service | default |");
        assertThat(start).as("the configuration table").isPositive();
        Set<String> names = new TreeSet<>();
        for (String row : readme.substring(start).lines().takeWhile(line -> line.startsWith("|")).toList()) {
            names.addAll(matches(TABLE_CELL_NAME, row.substring(0, row.indexOf('|', 1))));
        }
        return names;
    }

    private static Set<String> names(Pattern pattern, List<String> files) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String file : files) {
            names.addAll(matches(pattern, Files.readString(Repository.root().resolve(Path.of(file)))));
        }
        return names;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
