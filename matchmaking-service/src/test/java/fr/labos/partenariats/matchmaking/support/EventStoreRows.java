package fr.labos.partenariats.matchmaking.support;

import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads matchmaking-service's event store over plain JDBC, as an outsider would: how many events it holds, which
 * ones an aggregate has, which deadlines are pending. "A refused request writes nothing" is checked with these.
 */
public final class EventStoreRows {

    private final String jdbcUrl;

    public EventStoreRows(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Every event of every aggregate, but for the signed heads of the introductions' history, which the service
     * publishes on its own schedule (stream {@code introduction-log}), whatever the requests.
     */
    public long events() {
        return count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier <> 'introduction-log'");
    }

    /** Deadlines still scheduled (db-scheduler's executions), whatever their task. */
    public long pendingDeadlines() {
        return count("SELECT count(*) FROM scheduled_tasks");
    }

    /** The simple type names of an aggregate's events, in sequence order. */
    public List<String> eventTypes(String aggregateId) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            query.setString(1, aggregateId);
            List<String> types = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    types.add(type.substring(type.lastIndexOf('.') + 1));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payloads (JSON) of an aggregate's events, in sequence order. */
    public List<String> payloads(String aggregateId) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payload FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            query.setString(1, aggregateId);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(new String(rows.getBytes(1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, EmbeddedPostgresInitializer.USER, EmbeddedPostgresInitializer.PASSWORD);
    }
}
