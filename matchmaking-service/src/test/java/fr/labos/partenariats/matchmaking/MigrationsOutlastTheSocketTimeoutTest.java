package fr.labos.partenariats.matchmaking;

import com.zaxxer.hikari.HikariDataSource;
import fr.labos.partenariats.platform.database.MigrationsWithoutSocketTimeout;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The socket timeout that gives up on a silent database ({@code MATCHMAKING_DB_SOCKET_TIMEOUT_S}) does not cut a
 * migration short, which would fail every start-up after it: Flyway's connections come from the pool without it
 * (service-platform's {@link MigrationsWithoutSocketTimeout}), and go back to the pool with it.
 */
class MigrationsOutlastTheSocketTimeoutTest {

    private static final String SLOW_MIGRATION = "classpath:db/slow-migration";

    @Test
    void aMigrationLongerThanTheSocketTimeoutCompletesAndThePoolKeepsItsTimeout() throws Exception {
        try (HikariDataSource pool = poolWithASocketTimeoutOfOneSecond()) {
            FluentConfiguration migrations = Flyway.configure().dataSource(pool).locations(SLOW_MIGRATION);
            new MigrationsWithoutSocketTimeout().customize(migrations);

            assertThat(migrations.load().migrate().migrationsExecuted).isEqualTo(1);

            // Every connection of the pool, those Flyway had included, gives up after the socket timeout again.
            try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
                assertCutShort(first);
                assertCutShort(second);
            }
        }
    }

    @Test
    void withTheSocketTimeoutTheSameMigrationWouldFail() {
        try (HikariDataSource pool = poolWithASocketTimeoutOfOneSecond()) {
            assertThatThrownBy(() -> Flyway.configure().dataSource(pool).locations(SLOW_MIGRATION).load().migrate())
                    .isInstanceOf(FlywayException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
    }

    /** The pool as the service configures it (its socket timeout a data source property), with two connections. */
    private static HikariDataSource poolWithASocketTimeoutOfOneSecond() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(EmbeddedPostgresInitializer.newDatabase());
        pool.setUsername(EmbeddedPostgresInitializer.USER);
        pool.setPassword(EmbeddedPostgresInitializer.PASSWORD);
        pool.setMaximumPoolSize(2);
        pool.addDataSourceProperty("socketTimeout", "1");
        return pool;
    }

    private static void assertCutShort(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(2)"))
                    .isInstanceOf(SQLException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
    }
}
