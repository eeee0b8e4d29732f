package fr.labos.partenariats.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB stand-in ({@link MongoWireServer} over an H2 file) in a JVM of its own, so that it can be stopped or
 * killed apart from its clients, as a real {@code mongod} would be. The child runs this class's {@link #main} on the
 * parent's class path; a SIGTERM closes the server, which flushes the H2 file. A SIGKILL loses no write the stand-in
 * acknowledged ({@link CommittingH2Backend}), only those still in flight, as with MongoDB's journal.
 */
public final class MongoWireServerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServerProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path file;
    private final int port;
    private final Path logFile;
    private final String classPath;
    private Process process;

    /**
     * @param file      the H2 file holding the documents, kept across restarts
     * @param port      the port to serve on (fixed, so that clients find the server again after a restart)
     * @param logFile   where the child's output goes
     * @param classPath the child's class path: this module's classes and mongo-java-server's H2 backend
     */
    public MongoWireServerProcess(Path file, int port, Path logFile, String classPath) {
        this.file = file.toAbsolutePath();
        this.port = port;
        this.logFile = logFile.toAbsolutePath();
        this.classPath = classPath;
    }

    /** On a free port, with the class path of the running JVM. */
    public static MongoWireServerProcess onFreePort(Path file, Path logFile) {
        return new MongoWireServerProcess(file, Ports.freePort(), logFile, System.getProperty("java.class.path"));
    }

    /** Starts the child and waits until it accepts connections. */
    public synchronized MongoWireServerProcess start() {
        if (isRunning()) {
            return this;
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // Marks the process as ours, so that a leftover can be recognised by its command line.
                "-Dlab.mongo.data=" + file,
                "-cp", classPath,
                MongoWireServerProcess.class.getName(), file.toString(), Integer.toString(port)));
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!Ports.awaitListening(port, process, READY_TIMEOUT)) {
                boolean alive = process.isAlive();
                kill();
                throw new IllegalStateException("MongoDB stand-in on port " + port + (alive ? " did not listen" : " exited")
                        + "; see " + logFile);
            }
            log.info("MongoDB stand-in ready on port {} (pid {}, H2 file {})", port, process.pid(), file);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the MongoDB stand-in", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("Interrupted while starting the MongoDB stand-in", e);
        }
    }

    /** SIGTERM: the child closes the server and flushes the H2 file; killed if it hangs. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ChildProcesses.stopGracefully(process, "MongoDB stand-in");
        process = null;
    }

    /** SIGKILL, and waits until the process is gone: nothing is flushed. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The child's process id, or -1 when it is not running. */
    public long pid() {
        Process p = process;
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    public int port() {
        return port;
    }

    /** A connection string for the database. */
    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    /** The child: {@code MongoWireServerProcess <h2-file> <port>}; serves until SIGTERM. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("Usage: MongoWireServerProcess <h2-file> <port>");
            System.exit(2);
        }
        MongoWireServer server = MongoWireServer.withH2File(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            closed.countDown();
        }, "mongo-stand-in-shutdown"));
        closed.await();
    }
}
