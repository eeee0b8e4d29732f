package fr.labos.partenariats.deploy;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MongoDB's wire protocol served by mongo-java-server (no real {@code mongod} can run on these machines), with the
 * oplog on so change streams work. Locally it keeps its documents in an H2 MVStore file; tests may pass any backend.
 */
public final class MongoWireServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    private final MongoServer server;
    private final int port;

    /** Serves the backend on localhost; port 0 picks a free one. */
    public MongoWireServer(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        server.enableOplog();
        server.bind("localhost", port);
        this.port = server.getLocalAddress().getPort();
    }

    /**
     * A server whose data lives in an H2 file (e.g. {@code .data/mongo.mv}), kept across runs; every write it
     * acknowledges is in the file first ({@link CommittingH2Backend}).
     */
    public static MongoWireServer withH2File(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of " + file, e);
        }
        MongoWireServer server = new MongoWireServer(new CommittingH2Backend(file.toAbsolutePath().toString()), port);
        log.info("MongoDB wire protocol (mongo-java-server, H2 file {}) on port {}", file, server.port());
        return server;
    }

    public int port() {
        return port;
    }

    /** A connection string for the database. */
    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    /** Stops listening, closes client connections and the backend (which flushes the H2 file). */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
