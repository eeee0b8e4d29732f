package fr.labos.partenariats.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running as a separate JVM, started
 * from the class path that the {@code deploy/kafka-broker} module copies to its {@code target/lib}.
 *
 * <p>The data directory is formatted on first start and kept afterwards, so {@link #restart()} or a new instance on
 * the same directory finds its topics and offsets again. The controller port is remembered in the data directory
 * because the KRaft voter set records it.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path libDir;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    // Kafka's own generator, as its storage tool uses: it never yields an id that starts with a dash.
    private Supplier<String> clusterIds = () -> Uuid.randomUuid().toString();
    private Process process;

    /**
     * @param libDir         the broker's class path folder, e.g. {@code deploy/kafka-broker/target/lib}
     * @param dataDir        where the broker keeps its configuration and logs (created if missing)
     * @param port           the client port (PLAINTEXT listener on localhost)
     * @param controllerPort the KRaft controller port; 0 reuses the one recorded in the data directory or picks a free one
     * @param logFile        where the broker's output goes; {@code null} for {@code dataDir/broker.log}
     */
    public KafkaBrokerProcess(Path libDir, Path dataDir, int port, int controllerPort, Path logFile) {
        this.libDir = libDir.toAbsolutePath();
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort != 0 ? controllerPort : recordedControllerPort(this.dataDir);
        this.logFile = logFile != null ? logFile.toAbsolutePath() : this.dataDir.resolve("broker.log");
    }

    /** A broker on a free port whose class path is given by the {@code kafka.broker.lib} system property (set by the build). */
    public static KafkaBrokerProcess forTests(Path dataDir) {
        String lib = System.getProperty("kafka.broker.lib", "kafka-broker/target/lib");
        return new KafkaBrokerProcess(Path.of(lib), dataDir, Ports.freePort(), 0, null);
    }

    /** Formats a new data directory with this cluster id rather than a random one. */
    KafkaBrokerProcess withClusterId(String clusterId) {
        this.clusterIds = () -> clusterId;
        return this;
    }

    /** Formats the data directory if it is new, starts the broker and waits until it answers an admin request. */
    public KafkaBrokerProcess start() {
        return start(pid -> {
        });
    }

    /**
     * As {@link #start()}, telling {@code spawned} the broker's pid as soon as its process exists, before it is ready
     * (seconds later): a caller killed in between can still have it stopped.
     */
    public synchronized KafkaBrokerProcess start(LongConsumer spawned) {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            checkClassPath();
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            Path config = writeConfiguration();
            if (!Files.exists(logDirs().resolve("meta.properties"))) {
                format(config);
            }
            long started = System.nanoTime();
            process = new ProcessBuilder(command(List.of("-Xmx256m", "-Xms256m"), "kafka.Kafka", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            spawned.accept(process.pid());
            awaitReady();
            log.info("Kafka broker ready on {} in {} ms (pid {}, data {})", bootstrapServers(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), process.pid(), dataDir);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while starting the Kafka broker", e);
        }
    }

    /** Stops the broker (controlled shutdown on SIGTERM) and waits for its process to end. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ChildProcesses.stopGracefully(process, "Kafka broker");
        process = null;
    }

    /** Stops then starts again on the same port and data: what a broker outage looks like to its clients. */
    public KafkaBrokerProcess restart() {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's process id, or -1 when it is not running. */
    public long pid() {
        Process p = process;
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    /** A topic that keeps its events forever (retention -1), as the design requires for rebuildable read models. */
    public static NewTopic foreverTopic(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(adminProperties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                log.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create Kafka topics " + topics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        }
    }

    private void checkClassPath() throws IOException {
        boolean present = Files.isDirectory(libDir);
        if (present) {
            try (var files = Files.list(libDir)) {
                present = files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
            }
        }
        if (!present) {
            throw new IllegalStateException("No Kafka broker class path in " + libDir
                    + ": build it first with `mvn -B -q package -f deploy/kafka-broker/pom.xml` (or `mvn install` at the root)");
        }
    }

    private Path logDirs() {
        return dataDir.resolve("logs");
    }

    private Path writeConfiguration() throws IOException {
        String props = String.join("\n",
                "# Written by KafkaBrokerProcess at each start; the data lives in logs/.",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "log.dirs=" + logDirs(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // The default 128 MiB dedupe buffer does not fit the 256 MiB heap we give the broker.
                "log.cleaner.dedupe.buffer.size=16777216",
                "");
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, props);
        Files.writeString(dataDir.resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                ""));
        return config;
    }

    private void format(Path config) throws IOException, InterruptedException {
        String clusterId = clusterIds.get();
        Process formatter = new ProcessBuilder(command(List.of("-Xmx128m"), "kafka.tools.StorageTool",
                "format", "--standalone", "--ignore-formatted",
                // Joined to its option, so that an id starting with a dash cannot be read as an option itself.
                "--cluster-id=" + clusterId, "-c", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
            formatter.destroyForcibly();
            throw new IllegalStateException("Formatting Kafka storage in " + logDirs() + " failed; see " + logFile);
        }
        log.info("Formatted Kafka storage in {} (cluster {})", logDirs(), clusterId);
    }

    private List<String> command(List<String> jvmOptions, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-XX:+UseG1GC");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"));
        // Marks the process as ours, so a launcher can recognise a broker it left behind.
        cmd.add("-Dlab.kafka.data=" + dataDir);
        cmd.add("-cp");
        cmd.add(libDir + "/*");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        if (!Ports.awaitListening(port, process, READY_TIMEOUT)) {
            throw notReady();
        }
        try (Admin admin = Admin.create(adminProperties())) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw notReady();
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    Thread.sleep(200);
                }
            }
        }
        throw notReady();
    }

    private IllegalStateException notReady() {
        boolean alive = process.isAlive();
        stop();
        return new IllegalStateException("Kafka broker on port " + port + (alive ? " did not become ready" : " exited")
                + "; see " + logFile);
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "lab-deploy-admin");
        return props;
    }

    private static int recordedControllerPort(Path dataDir) {
        Path config = dataDir.resolve("server.properties");
        if (Files.exists(config)) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(config)) {
                props.load(reader);
                String servers = props.getProperty("controller.quorum.bootstrap.servers", "");
                int colon = servers.lastIndexOf(':');
                if (colon > 0) {
                    return Integer.parseInt(servers.substring(colon + 1).trim());
                }
            } catch (IOException | NumberFormatException e) {
                log.warn("Cannot read the controller port from {}: picking a new one", config);
            }
        }
        return Ports.freePort();
    }
}
