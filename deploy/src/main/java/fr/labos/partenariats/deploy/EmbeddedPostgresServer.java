package fr.labos.partenariats.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Genuine PostgreSQL from the zonky embedded binaries, with a data directory that is kept between runs.
 *
 * <p>Zonky's own JVM shutdown hook is switched off: it would stop the server concurrently with the services still
 * using it. Whoever starts this server closes it, after the services, in its own orderly shutdown.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser of the embedded cluster; it authenticates with "trust", so any password is accepted. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir == null ? null : dataDir.toAbsolutePath();
    }

    /**
     * Starts PostgreSQL on the port over the data directory (created and initialised when new, reused otherwise).
     *
     * @param dataDir the cluster's data directory, kept across runs; {@code null} for a throw-away one
     * @param logFile where the server writes its log; {@code null} to log through SLF4J
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Path logFile) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100");
            if (dataDir != null) {
                Files.createDirectories(dataDir.getParent());
                // Kept data is meant to survive: undo zonky's test-friendly fsync and synchronous_commit off.
                builder.setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on");
            }
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                ProcessBuilder.Redirect toFile = ProcessBuilder.Redirect.appendTo(logFile.toFile());
                builder.setOutputRedirector(toFile).setErrorRedirector(toFile);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), dataDir);
            log.info("PostgreSQL ready on port {} in {} ms (data {})", port,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), dataDir == null ? "temporary" : dataDir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL on port " + port
                    + (dataDir == null ? "" : " over " + dataDir), e);
        }
    }

    /** Creates the database unless it exists already. */
    public EmbeddedPostgresServer ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, name);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
                log.info("Created PostgreSQL database {}", name);
            }
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create PostgreSQL database " + name, e);
        }
    }

    /** The postmaster's process id (first line of postmaster.pid), or -1 if unknown. */
    public long serverPid() {
        if (dataDir == null) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** A plain JDBC URL (credentials passed separately, as the services expect). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
