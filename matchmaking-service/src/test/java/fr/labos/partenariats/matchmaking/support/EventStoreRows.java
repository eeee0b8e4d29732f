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

    /** The introductions proposed between two actors, in either order, by id. */
    public List<String> introductionsBetween(String actorId, String partnerId) {
        return strings("""
                SELECT aggregateidentifier FROM domainevententry
                WHERE payloadtype = 'fr.labos.partenariats.schema.matching.IntroductionProposedEvent'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'actorId' IN (?, ?)
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'partnerActorId' IN (?, ?)
                ORDER BY globalindex""", actorId, partnerId, actorId, partnerId);
    }

    /** The pairs claimed by introductions waiting for their answers, as "first second introduction", sorted. */
    public List<String> openPairs() {
        return strings("""
                SELECT first_actor_id || ' ' || second_actor_id || ' ' || introduction_id FROM open_introduction_pair
                ORDER BY 1""");
    }

    /**
     * Empties the open pairs and fills them again with the migrations that filled them from the introductions already
     * stored: V12 (those waiting for their answers, when the table was created), then V16 (those accepted and still in
     * progress, when claims came to last until an outcome). V12 orders each pair with the database's collation, which
     * for the tests' ids (lowercase ASCII) is the service's order; V14 turns round the pairs of a database where it is
     * not (OpenPairsCollationTest).
     */
    public void refillOpenPairsAsTheMigrationsDo() {
        String waiting = migration("V12__open_introduction_pairs.sql", "INSERT INTO open_introduction_pair");
        String inProgress = migration("V16__open_pairs_while_in_progress.sql", "WITH RECURSIVE");
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("DELETE FROM open_introduction_pair");
            statement.executeUpdate(waiting);
            statement.executeUpdate(inProgress);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Forgets the pairs the introductions set aside for as long as the reason lasts: for the tests that introduce the
     * same two actors again and again, as if each were the first (the matcher's own reading is kept off their topic).
     */
    public void forgetPairsSetAsideForGood() {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM lasting_pair_exclusion");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A migration's text from its first statement of interest on (the comments and table definitions before it left out). */
    private static String migration(String file, String from) {
        try (var in = EventStoreRows.class.getResourceAsStream("/db/migration/matchmaking/" + file)) {
            String migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return migration.substring(migration.indexOf(from));
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("The migration " + file + " is not on the class path", e);
        }
    }

    private List<String> strings(String sql, String... parameters) {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
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
