package fr.labos.partenariats.platform.testing;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An empty database of the embedded PostgreSQL for each test, that the test migrates itself with a service's
 * migrations — up to a version, fills as a release before a migration left it, then to the end — to see what the
 * migration makes of the data already there. Registered with {@code @RegisterExtension}.
 */
public final class DatabaseToMigrate implements BeforeEachCallback, AfterEachCallback {

    private final String[] locations;
    private SingleConnectionDataSource database;
    private JdbcTemplate jdbc;

    /** @param locations the migrations' locations, as Flyway takes them ({@code classpath:db/migration/axon}…) */
    public DatabaseToMigrate(String... locations) {
        this.locations = locations.clone();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database = new SingleConnectionDataSource(EmbeddedPostgresInitializer.newDatabase(),
                EmbeddedPostgresInitializer.USER, EmbeddedPostgresInitializer.PASSWORD, true);
        jdbc = new JdbcTemplate(database);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        database.destroy();
    }

    /** Runs the migrations up to this version, included. */
    public void migrateTo(String version) {
        Flyway.configure().dataSource(database).locations(locations).target(version).load().migrate();
    }

    /** Runs every migration not run yet. */
    public void migrate() {
        Flyway.configure().dataSource(database).locations(locations).load().migrate();
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
