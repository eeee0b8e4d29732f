package fr.labos.partenariats.matchmaking;

import com.zaxxer.hikari.HikariDataSource;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import fr.labos.partenariats.platform.testing.FailureText;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The service's connections, as matchmaking-service.yml configures them, keep the values of a refused statement out
 * of its exception (pgjdbc's {@code logServerErrorDetail}), and so out of the logs: an introduction's events carry
 * the names and e-mails of the people introduced.
 */
class PostgresErrorsWithoutValuesTest {

    private static final String PROPERTY = "spring.datasource.hikari.data-source-properties.logServerErrorDetail";
    private static final String EMAIL = "camille.martin@example.org";

    @Test
    void aRefusedBatchInsertDoesNotCarryTheValuesInserted() throws Exception {
        Object setting = serviceSettings().getProperty(PROPERTY);
        assertThat(setting).hasToString("false");

        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(EmbeddedPostgresInitializer.newDatabase());
            pool.setUsername(EmbeddedPostgresInitializer.USER);
            pool.setPassword(EmbeddedPostgresInitializer.PASSWORD);
            pool.setMaximumPoolSize(1);
            pool.addDataSourceProperty("logServerErrorDetail", setting.toString());
            try (Connection connection = pool.getConnection()) {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("CREATE TABLE contact (email VARCHAR(255) PRIMARY KEY)");
                }
                BatchUpdateException refused = catchThrowableOfType(BatchUpdateException.class, () -> {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact VALUES (?)")) {
                        insert.setString(1, EMAIL);
                        insert.addBatch();
                        insert.setString(1, EMAIL);
                        insert.addBatch();
                        insert.executeBatch();
                    }
                });
                assertThat(FailureText.of(refused)).contains("contact_pkey").doesNotContain(EMAIL);
                assertThat(refused.getNextException().getSQLState()).isEqualTo("23505");
            }
        }
    }

    private static PropertySource<?> serviceSettings() throws Exception {
        return new YamlPropertySourceLoader()
                .load("matchmaking-service", new ClassPathResource("matchmaking-service.yml")).get(0);
    }
}
