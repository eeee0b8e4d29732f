package fr.labos.partenariats.deploy.fault;

import fr.labos.partenariats.deploy.EmbeddedPostgresServer;
import fr.labos.partenariats.deploy.KafkaBrokerProcess;
import fr.labos.partenariats.deploy.LocalAuthServer;
import fr.labos.partenariats.deploy.MongoWireServerProcess;
import fr.labos.partenariats.deploy.Ports;
import fr.labos.partenariats.deploy.ServiceProcess;
import fr.labos.partenariats.matchmaking.introduction.history.store.SigningKey;
import fr.labos.partenariats.schema.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The system as separate processes that a test can kill one at a time with SIGKILL and start again on the same port
 * and data: profile-service and matchmaking-service from their executable jars, a Kafka broker, and the MongoDB
 * stand-in. PostgreSQL (zonky's embedded server, already a process of its own) and the local authorization server,
 * which signs the clients' tokens, are not killed.
 */
final class CrashLab implements AutoCloseable {

    /** What can be killed. */
    enum Component {
        PROFILE_SERVICE("profile-service"),
        MATCHMAKING_SERVICE("matchmaking-service"),
        KAFKA_BROKER("Kafka broker"),
        MONGODB("MongoDB stand-in");

        private final String label;

        Component(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** matchmaking-service's database: its PostgreSQL event store and its MongoDB read side have the same name. */
    static final String MATCHMAKING_DATABASE = "matchmaking";
    /** The demo account the clients act as: an admin may register actors anywhere and post for them. */
    static final String ACCOUNT = "admin";

    private static final Logger log = LoggerFactory.getLogger(CrashLab.class);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(300);
    private static final int BROKER_START_ATTEMPTS = 3;
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path data;
    private LocalAuthServer auth;
    private EmbeddedPostgresServer postgres;
    private KafkaBrokerProcess kafka;
    private MongoWireServerProcess mongo;
    private ServiceProcess profile;
    private ServiceProcess matchmaking;

    private CrashLab(Path data) {
        this.data = data;
    }

    /**
     * Starts everything over {@code data}; the services' executable jars are taken from the build of the repository
     * whose root is {@code root}.
     */
    static CrashLab start(Path root, Path data) throws InterruptedException {
        CrashLab lab = new CrashLab(data);
        try {
            lab.startAll(root);
            return lab;
        } catch (RuntimeException | InterruptedException e) {
            // A start that failed elsewhere may still be under way: close() waits for the processes it knows of.
            lab.close();
            throw e;
        }
    }

    private void startAll(Path root) throws InterruptedException {
        Path logs = data.resolve("logs");
        CompletableFuture<LocalAuthServer> authStarted = CompletableFuture.supplyAsync(() -> LocalAuthServer.start(data.resolve("auth-server")));
        // Each is recorded before it starts, so that close() stops whatever did start.
        kafka = new KafkaBrokerProcess(Path.of(System.getProperty("kafka.broker.lib", "kafka-broker/target/lib")),
                data.resolve("kafka"), Ports.freePort(), 0, logs.resolve("kafka.log"));
        mongo = MongoWireServerProcess.onFreePort(data.resolve("mongo.mv"), logs.resolve("mongo.log"));
        // The broker is the slowest to start: alongside PostgreSQL and MongoDB.
        CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(this::startBroker);
        CompletableFuture<MongoWireServerProcess> mongoStarted = CompletableFuture.supplyAsync(mongo::start);
        postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), Ports.freePort(), logs.resolve("postgres.log"))
                .ensureDatabase("profile").ensureDatabase(MATCHMAKING_DATABASE);
        CompletableFuture.allOf(kafkaStarted, mongoStarted, authStarted).join();
        auth = authStarted.join();
        Map<String, String> signIn = Map.of("LAB_OIDC_ISSUER", auth.issuer().toString());
        kafka.createTopics(List.of(KafkaBrokerProcess.foreverTopic(Topics.PROFILE_EVENTS, 3)));

        Map<String, String> profileEnvironment = new java.util.HashMap<>(Map.of(
                "PROFILE_DB_URL", postgres.jdbcUrl("profile"),
                "PROFILE_DB_USER", EmbeddedPostgresServer.USER,
                "PROFILE_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
        profileEnvironment.putAll(signIn);
        Map<String, String> matchmakingEnvironment = new java.util.HashMap<>(Map.of(
                "MATCHMAKING_DB_URL", postgres.jdbcUrl(MATCHMAKING_DATABASE),
                "MATCHMAKING_DB_USER", EmbeddedPostgresServer.USER,
                "MATCHMAKING_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MONGODB_URI", mongo.uri(MATCHMAKING_DATABASE),
                // The checker compares this gauge with the projection: recount it often.
                "MATCHMAKING_METRICS_OPEN_POSTS_REFRESH", "1s"));
        matchmakingEnvironment.putAll(signIn);
        // The introductions' history signs a head every few seconds, with one key kept across the kills, so that the
        // checker's audit of the topic has heads from before and after each kill to recompute and check.
        matchmakingEnvironment.put("INTRODUCTION_LOG_HEAD_INTERVAL", "PT5S");
        matchmakingEnvironment.put("INTRODUCTION_LOG_SIGNING_KEY", data.resolve("introduction-log-key.pem").toString());
        matchmakingEnvironment.put("INTRODUCTION_LOG_CREATE_SIGNING_KEY", "true");
        // The loads and the checker act as one principal, and the checker asks every post's ranking: after a soak,
        // thousands of reads in a minute, which the per-principal rate limit (1,200 reads a minute) refuses with 429s
        // that read as posts the index lost. The limits have their own tests; here they are off.
        profileEnvironment.put("LAB_RATE_LIMITS_ENABLED", "false");
        matchmakingEnvironment.put("LAB_RATE_LIMITS_ENABLED", "false");
        profile = new ServiceProcess("profile-service", executableJar(root, "profile-service"), Ports.freePort(),
                profileEnvironment, SERVICE_JVM_OPTIONS, logs.resolve("profile-service.log"));
        matchmaking = new ServiceProcess("matchmaking-service", executableJar(root, "matchmaking-service"), Ports.freePort(),
                matchmakingEnvironment, SERVICE_JVM_OPTIONS, logs.resolve("matchmaking-service.log"));
        profile.start();
        matchmaking.start();
        profile.awaitHealthy(HEALTH_TIMEOUT);
        matchmaking.awaitHealthy(HEALTH_TIMEOUT);
    }

    private static Path executableJar(Path root, String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No executable jar at " + jar + ": build the services first (`mvn package`)");
        }
        return jar;
    }

    /** SIGKILL, then waits until the process is gone: no shutdown hook, no flush, no goodbye to Kafka's group. */
    void kill(Component component) throws InterruptedException {
        log.warn("kill -9 {}", component.label());
        switch (component) {
            case PROFILE_SERVICE -> killNow(profile.process());
            case MATCHMAKING_SERVICE -> killNow(matchmaking.process());
            case KAFKA_BROKER -> {
                ProcessHandle broker = ProcessHandle.of(kafka.pid())
                        .orElseThrow(() -> new IllegalStateException("The Kafka broker is not running"));
                broker.destroyForcibly();
                awaitGone(broker);
            }
            case MONGODB -> mongo.kill();
        }
    }

    /** Starts the component again on its port and data and waits until it serves. */
    void restart(Component component) throws InterruptedException {
        log.info("Restarting {}", component.label());
        switch (component) {
            case PROFILE_SERVICE -> {
                profile.start();
                profile.awaitHealthy(HEALTH_TIMEOUT);
            }
            case MATCHMAKING_SERVICE -> {
                matchmaking.start();
                matchmaking.awaitHealthy(HEALTH_TIMEOUT);
            }
            case KAFKA_BROKER -> startBroker();
            case MONGODB -> mongo.start();
        }
    }

    /**
     * After a SIGKILL the broker recovers its logs before it answers, which on a loaded two-core machine can outlast
     * the broker's own 90 s readiness wait; that wait stops it, and it is started again on the same data.
     */
    private void startBroker() {
        for (int attempt = 1; ; attempt++) {
            try {
                kafka.start();
                return;
            } catch (IllegalStateException notReady) {
                if (attempt == BROKER_START_ATTEMPTS) {
                    throw notReady;
                }
                log.warn("Kafka broker not ready yet (attempt {} of {}): {}", attempt, BROKER_START_ATTEMPTS, notReady.getMessage());
            }
        }
    }

    private static void killNow(Process process) throws InterruptedException {
        process.destroyForcibly();
        awaitGone(process.toHandle());
    }

    private static void awaitGone(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Process " + process.pid() + " survived SIGKILL", e);
        }
    }

    /** A client of the services signed in as {@link #ACCOUNT}. */
    LabHttp http() {
        return LabHttp.signedIn(() -> auth.bearer(ACCOUNT));
    }

    URI profileService() {
        return profile.baseUri();
    }

    URI matchmakingService() {
        return matchmaking.baseUri();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The public half of the key matchmaking-service signs its history's heads with. */
    PublicKey introductionLogPublicKey() {
        try {
            return SigningKey.read(Files.readString(data.resolve("introduction-log-key.pem"))).publicKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String mongoUri() {
        return mongo.uri(MATCHMAKING_DATABASE);
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    Path logs() {
        return data.resolve("logs");
    }

    /** In the reverse order of the start, each gracefully. */
    @Override
    public void close() {
        for (AutoCloseable component : new AutoCloseable[]{matchmaking, profile, mongo, kafka, postgres, auth}) {
            if (component != null) {
                try {
                    component.close();
                } catch (Exception e) {
                    log.warn("Could not stop {}: {}", component.getClass().getSimpleName(), e.getMessage());
                }
            }
        }
    }
}
