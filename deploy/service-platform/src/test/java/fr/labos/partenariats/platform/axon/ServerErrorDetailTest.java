package fr.labos.partenariats.platform.axon;

import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import fr.labos.partenariats.platform.testing.FailureText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * pgjdbc's {@code logServerErrorDetail=false}, as the services set it on their connections: a refused insert's
 * exception no longer carries the values inserted (the error's DETAIL « Key (...)=(...) already exists », a batch's
 * statement with its parameters), which would reach the logs with the events' personal data; what the code reads of
 * the error (SQLSTATE, constraint) is still there, and a unique violation is still recognised as one. Against a real
 * PostgreSQL, with the driver's default alongside to show what the setting removes.
 */
class ServerErrorDetailTest {

    private static final String EMAIL = "camille.martin@example.org";
    private static final String PAYLOAD = "{\"contact\": {\"name\": \"Camille Martin\", \"email\": \"" + EMAIL + "\"}}";
    private static final String CONSTRAINT = "event_email_key";

    private static String url;

    @BeforeAll
    static void database() {
        url = EmbeddedPostgresInitializer.newDatabase();
        jdbc(true).execute("CREATE TABLE event (id VARCHAR(64) PRIMARY KEY, email VARCHAR(255), payload BYTEA, "
                + "CONSTRAINT " + CONSTRAINT + " UNIQUE (email))");
        jdbc(true).update("INSERT INTO event VALUES (?, ?, ?)", "e-0", EMAIL, PAYLOAD.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDuplicateKeysExceptionDoesNotCarryTheValueInserted() {
        DuplicateKeyException refused = insertAgain(jdbc(false), "e-1");

        assertThat(FailureText.of(refused)).doesNotContain(EMAIL).doesNotContain("Camille").doesNotContain("e-1")
                .contains(CONSTRAINT);
        // What code may read of the error is kept on the exception, out of its message.
        PSQLException server = psql(refused);
        assertThat(server.getSQLState()).isEqualTo(UniqueViolations.UNIQUE_VIOLATION);
        assertThat(server.getServerErrorMessage().getConstraint()).isEqualTo(CONSTRAINT);
        assertThat(UniqueViolations.isUniqueViolation(refused)).isTrue();

        assertThat(FailureText.of(insertAgain(jdbc(true), "e-2"))).as("the driver's default").contains(EMAIL);
    }

    /** As Axon's event store appends: a batch, whose failure pgjdbc reports with the refused statement. */
    @Test
    void aRefusedBatchsExceptionDoesNotCarryTheStatementsValues() {
        BatchUpdateException refused = insertInABatch(jdbc(false), "e-3");

        String chain = FailureText.of(refused);
        assertThat(chain).doesNotContain(EMAIL).doesNotContain("Camille").doesNotContain(hex(EMAIL))
                .doesNotContain("e-3").contains(CONSTRAINT);
        assertThat(UniqueViolations.isUniqueViolation(refused)).isTrue();
        assertThat(psql(refused).getServerErrorMessage().getConstraint()).isEqualTo(CONSTRAINT);

        assertThat(FailureText.of(insertInABatch(jdbc(true), "e-4"))).as("the driver's default")
                .contains("e-4").containsAnyOf(EMAIL, hex(EMAIL));
    }

    private static DuplicateKeyException insertAgain(JdbcTemplate jdbc, String id) {
        return catchThrowableOfType(DuplicateKeyException.class, () -> jdbc.update(
                "INSERT INTO event VALUES (?, ?, ?)", id, EMAIL, PAYLOAD.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Two rows in one batch, as Axon's event store appends a command's events (on the connection, not through
     * Spring's JdbcTemplate, which would keep only the batch's next exception): the second one is refused.
     */
    private static BatchUpdateException insertInABatch(JdbcTemplate jdbc, String id) {
        return catchThrowableOfType(BatchUpdateException.class, () -> {
            try (Connection connection = jdbc.getDataSource().getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO event VALUES (?, ?, ?)")) {
                insert.setString(1, id + "-a");
                insert.setString(2, id + "@example.org");
                insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
                insert.setString(1, id);
                insert.setString(2, EMAIL);
                insert.setBytes(3, PAYLOAD.getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
                insert.executeBatch();
            }
        });
    }

    private static JdbcTemplate jdbc(boolean logServerErrorDetail) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedPostgresInitializer.USER);
        properties.setProperty("password", EmbeddedPostgresInitializer.PASSWORD);
        // As the services give it, among the pool's data-source-properties (driver properties, not the URL).
        properties.setProperty("logServerErrorDetail", Boolean.toString(logServerErrorDetail));
        dataSource.setConnectionProperties(properties);
        return new JdbcTemplate(dataSource);
    }


    private static PSQLException psql(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next instanceof PSQLException server && server.getServerErrorMessage() != null) {
                        return server;
                    }
                }
            }
        }
        throw new AssertionError("no server error in " + FailureText.of(failure));
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
