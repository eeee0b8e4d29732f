package fr.labos.partenariats.platform.database;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Flyway's connections, taken from the service's pool, without the socket timeout every other statement has
 * ({@code *_DB_SOCKET_TIMEOUT_S}): a migration may scan the whole event store (a backfill, an index on
 * {@code domainevententry}) for longer than any request should wait, and one cut short would fail every start-up
 * after it. The pool gives its connections back their own timeout when Flyway returns them. A database that falls
 * silent during a migration holds the start-up, which never reports healthy, as before.
 */
public class MigrationsWithoutSocketTimeout implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource pool = configuration.getDataSource();
        if (pool != null) {
            configuration.dataSource(new DelegatingDataSource(pool) {
                @Override
                public Connection getConnection() throws SQLException {
                    return withoutTimeout(super.getConnection());
                }

                @Override
                public Connection getConnection(String username, String password) throws SQLException {
                    return withoutTimeout(super.getConnection(username, password));
                }
            });
        }
    }

    private static Connection withoutTimeout(Connection connection) throws SQLException {
        try {
            connection.setNetworkTimeout(Runnable::run, 0); // 0: wait for the database's answer as long as it takes
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
