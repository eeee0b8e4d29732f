package fr.labos.partenariats.deploy;

import fr.labos.partenariats.schema.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local run's components, started the way {@link LocalLauncher} starts them but on fresh data and without the demo
 * territory: embedded PostgreSQL, the Kafka broker process, mongo-java-server on an H2 file (in this JVM, as in the
 * launcher), the local authorization server, and both services as child JVMs from their executable jars. Settings are the launcher's environment
 * variables ({@code *_PORT}, {@code LAB_DATA_DIR}, {@code LAB_SERVICE_JAVA_OPTS}); the services inherit this
 * process's environment, so their own knobs ({@code RELAY_BATCH_SIZE}, {@code PROFILE_DB_POOL_SIZE},
 * {@code PROJECTION_CONCURRENCY}...) can be set on the command line.
 */
final class BenchmarkSystem implements AutoCloseable {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);
    private static final String RATE_LIMITS = "LAB_RATE_LIMITS_ENABLED";

    private final LauncherSettings settings;
    private final Path data;
    private final List<AutoCloseable> started = new ArrayList<>();
    private KafkaBrokerProcess kafka;
    private LocalAuthServer auth;
    private ServiceProcess profile;
    private ServiceProcess matchmaking;

    BenchmarkSystem(LauncherSettings settings) throws Exception {
        this.settings = settings;
        this.data = settings.dataDir().resolve("benchmark-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(data);
    }

    BenchmarkSystem start() throws Exception {
        Path logs = data.resolve("logs");
        auth = track(new LocalAuthServer(settings.authServerJar(), settings.authServerPort(), data.resolve("auth-server"),
                settings.serviceJvmOptions(), logs.resolve("auth-server.log")));
        auth.start();
        kafka = track(new KafkaBrokerProcess(settings.kafkaBrokerLib(), data.resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort(), logs.resolve("kafka.log"))).start();
        kafka.createTopics(List.of(KafkaBrokerProcess.foreverTopic(Topics.PROFILE_EVENTS, 3)));
        EmbeddedPostgresServer postgres = track(EmbeddedPostgresServer.start(data.resolve("postgres"),
                settings.postgresPort(), logs.resolve("postgres.log"))).ensureDatabase("profile").ensureDatabase("matchmaking");
        MongoWireServer mongo = track(MongoWireServer.withH2File(data.resolve("mongo.mv"), settings.mongoPort()));

        profile = track(new ServiceProcess("profile-service", settings.profileServiceJar(), settings.profilePort(),
                Map.of("PROFILE_DB_URL", postgres.jdbcUrl("profile"),
                        "PROFILE_DB_USER", EmbeddedPostgresServer.USER,
                        "PROFILE_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "LAB_OIDC_ISSUER", auth.issuer().toString(), RATE_LIMITS, rateLimits()),
                settings.serviceJvmOptions(), logs.resolve("profile-service.log")));
        matchmaking = track(new ServiceProcess("matchmaking-service", settings.matchmakingServiceJar(),
                settings.matchmakingPort(),
                Map.of("MATCHMAKING_DB_URL", postgres.jdbcUrl("matchmaking"),
                        "MATCHMAKING_DB_USER", EmbeddedPostgresServer.USER,
                        "MATCHMAKING_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "MONGODB_URI", mongo.uri("matchmaking"),
                        "LAB_OIDC_ISSUER", auth.issuer().toString(), RATE_LIMITS, rateLimits()),
                settings.serviceJvmOptions(), logs.resolve("matchmaking-service.log")));
        auth.awaitReady();
        profile.start();
        matchmaking.start();
        profile.awaitHealthy(HEALTH_TIMEOUT);
        matchmaking.awaitHealthy(HEALTH_TIMEOUT);
        return this;
    }

    /**
     * Off unless the command line says otherwise: the benchmark's clients post thousands of needs and offers a minute
     * as one account, which the services' rate limits would answer with 429s (counted as failures, and a phase then
     * waits in vain for posts that were never written).
     */
    private static String rateLimits() {
        return System.getenv().getOrDefault(RATE_LIMITS, "false");
    }

    ServiceProcess profile() {
        return profile;
    }

    ServiceProcess matchmaking() {
        return matchmaking;
    }

    /** The local authorization server, which gives the benchmark its tokens. */
    LocalAuthServer auth() {
        return auth;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Path data() {
        return data;
    }

    private <T extends AutoCloseable> T track(T component) {
        started.add(component);
        return component;
    }

    /** Services first, then Kafka, MongoDB and PostgreSQL: the reverse of the start order. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("Could not stop " + started.get(i).getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
