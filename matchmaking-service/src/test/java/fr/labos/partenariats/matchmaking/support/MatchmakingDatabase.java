package fr.labos.partenariats.matchmaking.support;

import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;

import java.util.Arrays;
import java.util.List;

/** matchmaking-service's event store in tests: a database of its own on the embedded PostgreSQL. */
public final class MatchmakingDatabase {

    private static final String URL = "spring.datasource.url";

    private MatchmakingDatabase() {
    }

    /** Settings ({@code key=value}) for a new, empty database. */
    public static List<String> newDatabase() {
        return List.of(URL + "=" + EmbeddedPostgresInitializer.newDatabase(),
                "spring.datasource.username=" + EmbeddedPostgresInitializer.USER,
                "spring.datasource.password=" + EmbeddedPostgresInitializer.PASSWORD);
    }

    /** Settings for a new database, or none if the given settings name one already. */
    static List<String> properties(String... given) {
        return Arrays.stream(given).anyMatch(p -> p.startsWith(URL + "=")) ? List.of() : newDatabase();
    }
}
