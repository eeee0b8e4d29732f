package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The open pairs' table in a database whose collation is French (ICU), as a lab's PostgreSQL may well be created:
 * the pairs are kept and compared in the service's order of ids whatever the database's collation (V14).
 */
class OpenPairsCollationTest {

    private static final String[] LOCATIONS = {"classpath:db/migration/axon", "classpath:db/migration/matchmaking"};

    private String name;
    private SingleConnectionDataSource database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void frenchDatabase() throws Exception {
        name = "french_" + System.nanoTime();
        administer("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' "
                + "LOCALE_PROVIDER icu ICU_LOCALE 'fr-FR'");
        database = new SingleConnectionDataSource(EmbeddedPostgresInitializer.postgres().getJdbcUrl(
                EmbeddedPostgresInitializer.USER, name), EmbeddedPostgresInitializer.USER,
                EmbeddedPostgresInitializer.PASSWORD, true);
        jdbc = new JdbcTemplate(database);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.destroy();
        administer("DROP DATABASE " + name);
    }

    private static void administer(String sql) throws Exception {
        try (Connection connection = EmbeddedPostgresInitializer.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void aPairTheCollationOrdersOtherwiseIsClaimedFoundAndReleased() {
        migrate("13");
        JdbcOpenPairs pairs = new JdbcOpenPairs(jdbc);
        // The database sorts "alpha" before "Zulu"; the service sorts "Zulu" first (upper case before lower case).
        assertThat(jdbc.queryForObject("SELECT 'alpha' < 'Zulu'", Boolean.class)).isTrue();
        assertThat(ActorPair.of("alpha", "Zulu").first()).isEqualTo("Zulu");
        // Before V14, such a claim broke the table's CHECK instead of being recorded.
        assertThatThrownBy(() -> pairs.claim("intro-before", "alpha", "Zulu"))
                .isInstanceOf(DataIntegrityViolationException.class);

        migrate(null);

        pairs.claim("intro-1", "alpha", "Zulu");
        assertThat(pairs.claimedBy("Zulu", "alpha")).contains("intro-1");
        assertThatThrownBy(() -> pairs.claim("intro-2", "Zulu", "alpha")).isInstanceOf(PairAlreadyInIntroduction.class);
        pairs.release("intro-1");
        assertThat(pairs.claimedBy("alpha", "Zulu")).isEmpty();
        pairs.claim("intro-2", "Zulu", "alpha");
        assertThat(pairs.claimedBy("alpha", "Zulu")).contains("intro-2");
    }

    @Test
    void pairsClaimedInTheCollationsOrderBeforeAreTurnedRound() {
        migrate("13");
        // As V12 and V13 stored them: LEAST/GREATEST, in the database's order.
        jdbc.update("INSERT INTO open_introduction_pair VALUES ('alpha', 'Zulu', 'intro-1'), ('beta', 'gamma', 'intro-2')");

        migrate(null);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT first_actor_id, second_actor_id, introduction_id FROM open_introduction_pair ORDER BY introduction_id");
        assertThat(rows).containsExactly(
                Map.of("first_actor_id", "Zulu", "second_actor_id", "alpha", "introduction_id", "intro-1"),
                Map.of("first_actor_id", "beta", "second_actor_id", "gamma", "introduction_id", "intro-2"));
        JdbcOpenPairs pairs = new JdbcOpenPairs(jdbc);
        assertThat(pairs.claimedBy("alpha", "Zulu")).contains("intro-1");
        assertThatThrownBy(() -> pairs.claim("intro-3", "alpha", "Zulu")).isInstanceOf(PairAlreadyInIntroduction.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO open_introduction_pair VALUES ('alpha', 'Zulu', 'intro-4')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void migrate(String target) {
        var configuration = Flyway.configure().dataSource(database).locations(LOCATIONS);
        (target == null ? configuration : configuration.target(target)).load().migrate();
    }
}
