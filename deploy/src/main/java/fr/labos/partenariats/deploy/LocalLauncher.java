package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.schema.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the whole system on one machine with embedded defaults: PostgreSQL, a Kafka broker, MongoDB's wire protocol,
 * then both services as child JVMs; loads the demo territory once; prints where to look; and on Ctrl-C or SIGTERM
 * stops everything it started, services first, then Kafka, MongoDB and PostgreSQL. Data is kept under {@code .data/}.
 */
public final class LocalLauncher {

    private static final Logger log = LoggerFactory.getLogger(LocalLauncher.class);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration MATCHES_TIMEOUT = Duration.ofSeconds(60);

    private final LauncherSettings settings;
    private final Path pidFile;
    private final List<ServiceProcess> services = new java.util.concurrent.CopyOnWriteArrayList<>();
    private KafkaBrokerProcess kafka;
    private MongoWireServer mongo;
    private EmbeddedPostgresServer postgres;
    private final CountDownLatch startupFinished = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Thread startupThread;

    LocalLauncher(LauncherSettings settings) {
        this.settings = settings;
        this.pidFile = settings.dataDir().resolve("launcher.pid");
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        Path dataDir = LauncherSettings.dataDir(env);
        Optional<ProcessHandle> running = runningLauncher(dataDir.resolve("launcher.pid"));
        if (running.isPresent()) {
            System.err.println("The launcher is already running (pid " + running.get().pid() + "); run ./deploy/run.sh again to stop it.");
            System.exit(2);
        }
        // Before choosing ports: a launcher killed outright may have left servers holding them.
        new StaleProcesses(dataDir.resolve("pids")).stopLeftovers();
        LocalLauncher launcher = new LocalLauncher(LauncherSettings.fromEnvironment(env));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdownFromSignal, "lab-launcher-shutdown"));
        try {
            launcher.run();
        } catch (AlreadyRunning e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (CancellationException e) {
            // a signal arrived during start-up; the shutdown hook stops what was started
        } catch (Exception e) {
            if (launcher.stopping) {
                return; // interrupted by Ctrl-C or SIGTERM: the shutdown hook stops what was started
            }
            log.error("Start-up failed: {}", e.getMessage(), e instanceof IllegalStateException ? null : e);
            launcher.stopAll();
            System.exit(1);
        }
    }

    void run() throws Exception {
        startupThread = Thread.currentThread();
        long begin = System.nanoTime();
        StartedSystem system;
        try {
            claimPidFile();
            system = startEverything();
        } finally {
            startupFinished.countDown();
            startupThread = null;
        }
        printWelcome(system, Duration.ofNanos(System.nanoTime() - begin));
        stopped.await();
    }

    private record StartedSystem(ServiceProcess profile, ServiceProcess matchmaking, LocalAuthServer auth, KafkaBrokerProcess kafka,
                                 EmbeddedPostgresServer postgres, MongoWireServer mongo,
                                 DemoTerritory demo, DemoTerritory.Loaded loaded, JsonNode showcaseMatches) {
    }

    private StartedSystem startEverything() throws Exception {
        Path data = settings.dataDir();
        for (Path jar : List.of(settings.profileServiceJar(), settings.matchmakingServiceJar(), settings.kafkaBrokerLib(),
                settings.authServerJar())) {
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build with `mvn -B -q install -DskipTests` at " + settings.root());
            }
        }
        Files.createDirectories(settings.logs());
        StaleProcesses stale = new StaleProcesses(pidsFolder());

        log.info("Starting PostgreSQL, Kafka and MongoDB (data in {})", data);
        // Kafka is the slowest to start: run it alongside PostgreSQL.
        KafkaBrokerProcess broker = new KafkaBrokerProcess(settings.kafkaBrokerLib(), data.resolve("kafka"),
                settings.kafkaPort(), settings.kafkaControllerPort(), settings.logs().resolve("kafka.log"));
        String kafkaMarker = "-Dlab.kafka.data=" + data.resolve("kafka").toAbsolutePath();
        // Recorded as soon as it is spawned, not once ready seconds later: a launcher killed in between (kill -9) left
        // a broker holding the port and the data folder's lock, and every later start failed on it.
        CompletableFuture<KafkaBrokerProcess> kafkaStart = CompletableFuture.supplyAsync(() -> broker.start(pid -> {
            try {
                stale.record("kafka", pid, kafkaMarker);
            } catch (IOException e) {
                log.warn("Could not record the Kafka broker's pid {}: {}", pid, e.getMessage());
            }
        }));
        try {
            LocalAuthServer auth = new LocalAuthServer(settings.authServerJar(), settings.authServerPort(),
                    data.resolve("auth-server"), settings.serviceJvmOptions(), settings.logs().resolve("auth-server.log"));
            register(auth.process()).start();
            stale.record("auth-server", auth.process().pid(), auth.process().jar().toString());
            EmbeddedPostgresServer database = register(EmbeddedPostgresServer.start(data.resolve("postgres"),
                    settings.postgresPort(), settings.logs().resolve("postgres.log")));
            database.ensureDatabase("profile").ensureDatabase("matchmaking");
            stale.record("postgres", database.serverPid(), "-D " + data.resolve("postgres").toAbsolutePath());
            MongoWireServer documents = register(MongoWireServer.withH2File(data.resolve("mongo.mv"), settings.mongoPort()));

            register(awaitFuture(kafkaStart));
            broker.createTopics(List.of(
                    KafkaBrokerProcess.foreverTopic(Topics.PROFILE_EVENTS, 3),
                    KafkaBrokerProcess.foreverTopic(Topics.MATCHMAKING_EVENTS, 3)));

            ServiceProcess profile = new ServiceProcess("profile-service", settings.profileServiceJar(), settings.profilePort(),
                    Map.of("PROFILE_DB_URL", database.jdbcUrl("profile"),
                            "PROFILE_DB_USER", EmbeddedPostgresServer.USER,
                            "PROFILE_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                            "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                            "LAB_OIDC_ISSUER", auth.issuer().toString(),
                            // --- web console: the page, served by matchmaking-service, calls profile-service ---
                            "LAB_CORS_ALLOWED_ORIGINS", consoleOrigin()),
                    settings.serviceJvmOptions(), settings.logs().resolve("profile-service.log"));
            ServiceProcess matchmaking = new ServiceProcess("matchmaking-service", settings.matchmakingServiceJar(),
                    settings.matchmakingPort(),
                    Map.of("MATCHMAKING_DB_URL", database.jdbcUrl("matchmaking"),
                            "MATCHMAKING_DB_USER", EmbeddedPostgresServer.USER,
                            "MATCHMAKING_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                            "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                            "MONGODB_URI", documents.uri("matchmaking"),
                            "LAB_OIDC_ISSUER", auth.issuer().toString(),
                            "LAB_CONSOLE_PROFILE_SERVICE_URL", "http://localhost:" + settings.profilePort(),
                            // The key that signs the introductions' tree heads: made once, kept with the data.
                            "INTRODUCTION_LOG_SIGNING_KEY",
                            data.resolve("matchmaking/introduction-log-key.pem").toAbsolutePath().toString(),
                            "INTRODUCTION_LOG_CREATE_SIGNING_KEY", "true"),
                    settings.serviceJvmOptions(), settings.logs().resolve("matchmaking-service.log"));
            for (ServiceProcess service : List.of(profile, matchmaking)) {
                register(service);
                service.start();
                stale.record(service.name(), service.pid(), service.jar().toString());
            }
            profile.awaitHealthy(HEALTH_TIMEOUT);
            matchmaking.awaitHealthy(HEALTH_TIMEOUT);
            auth.awaitReady();
            watch(profile);
            watch(matchmaking);
            watch(auth.process());

            DemoTerritory demo = DemoTerritory.fromClasspath();
            // The databases deleted, not the data folder: the history and the session recorded as made are gone with
            // them, and are made again for the new actors.
            DemoTerritory.Loaded loaded = demo.load(profile.baseUri(), data.resolve("demo-territory.json"), auth,
                    List.of(data.resolve("demo-introductions.json"), data.resolve("demo-session.json")));
            log.info(loaded.posted() == 0 ? "Demo territory already loaded ({} actors)"
                    : "Demo territory loaded: {} actors, " + loaded.posted() + " items posted", loaded.actors().size());
            String showcaseNeed = loaded.needId(demo.showcaseNeedKey());
            JsonNode matches = demo.awaitMatches(matchmaking.baseUri(), showcaseNeed, MATCHES_TIMEOUT,
                    auth.token(DemoTerritory.SHOWCASE_ACCOUNT));
            if (matches.isEmpty()) {
                log.warn("No match for the showcase need yet after {} s; see {}", MATCHES_TIMEOUT.toSeconds(), settings.logs());
            }
            // A history of introductions between the demo actors (every state), through matchmaking-service's API. The
            // system is usable without it: a refusal is reported, not fatal, and the next start tries again.
            try {
                int introductions = new DemoIntroductions(matchmaking.baseUri(), auth, loaded.actors())
                        .loadOnce(data.resolve("demo-introductions.json"));
                if (introductions > 0) {
                    log.info("Demo introductions loaded: {}", introductions);
                }
            } catch (IllegalStateException e) {
                log.warn("Demo introductions not loaded: {}", e.getMessage());
            }
            // A speed-meeting session of the demo territory, ready to generate (same rules: a refusal is not fatal).
            try {
                String session = new DemoSession(matchmaking.baseUri(), auth.token(DemoSession.FACILITATOR),
                        loaded.actors()).loadOnce(data.resolve("demo-session.json"));
                if (session != null) {
                    log.info("Demo speed-meeting session planned, ready to generate: /api/sessions/{}", session);
                }
            } catch (IllegalStateException e) {
                log.warn("Demo speed-meeting session not planned: {}", e.getMessage());
            }
            return new StartedSystem(profile, matchmaking, auth, broker, database, documents, demo, loaded, matches);
        } catch (Exception e) {
            // Do not leave a broker behind that finishes starting after a failure elsewhere — nor after a stop asked
            // during the start (Ctrl-C, a second run.sh): that one interrupts this thread, and an interrupted wait
            // would end at once, before the broker could be stopped, its pid record then forgotten with it running.
            boolean interrupted = Thread.interrupted();
            try {
                kafkaStart.handle((k, err) -> null).get(120, TimeUnit.SECONDS);
            } catch (InterruptedException again) {
                interrupted = true;
            } catch (ExecutionException | TimeoutException notStarted) {
                log.warn("The Kafka broker did not finish starting: {}", notStarted.toString());
            } finally {
                if (broker.isRunning() && !isRegistered(broker)) {
                    broker.stop();
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw e;
        }
    }

    /** Services first (together), then Kafka, MongoDB and PostgreSQL: the reverse of the start order. */
    synchronized void stopAll() {
        stopping = true;
        if (!services.isEmpty() || kafka != null || mongo != null || postgres != null) {
            log.info("Stopping everything the launcher started");
        }
        CompletableFuture.allOf(services.stream()
                .map(service -> CompletableFuture.runAsync(service::close))
                .toArray(CompletableFuture[]::new)).join();
        services.clear();
        closeQuietly(kafka);
        kafka = null;
        closeQuietly(mongo);
        mongo = null;
        closeQuietly(postgres);
        postgres = null;
        new StaleProcesses(pidsFolder()).forget();
        try {
            if (Files.exists(pidFile) && Files.readString(pidFile).trim().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            log.warn("Could not remove {}", pidFile);
        }
        stopped.countDown();
    }

    private Path pidsFolder() {
        return settings.dataDir().resolve("pids");
    }

    private void shutdownFromSignal() {
        stopping = true;
        Thread starting = startupThread;
        if (starting != null) {
            starting.interrupt();
            try {
                startupFinished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopAll();
        log.info("Stopped.");
    }

    /** Records what has started so that it is stopped; if a stop is under way already, stops it at once instead. */
    private synchronized <T extends AutoCloseable> T register(T component) {
        if (stopping) {
            closeQuietly(component);
            throw new CancellationException("stopping");
        }
        if (component instanceof ServiceProcess service) {
            services.add(service);
        } else if (component instanceof KafkaBrokerProcess broker) {
            kafka = broker;
        } else if (component instanceof MongoWireServer server) {
            mongo = server;
        } else if (component instanceof EmbeddedPostgresServer server) {
            postgres = server;
        }
        return component;
    }

    private synchronized boolean isRegistered(KafkaBrokerProcess broker) {
        return kafka == broker;
    }

    private static void closeQuietly(AutoCloseable component) {
        if (component == null) {
            return;
        }
        try {
            component.close();
        } catch (Exception e) {
            log.warn("Could not stop {} cleanly: {}", component.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static <T> T awaitFuture(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Says so at once if a service dies while the system is up. */
    private void watch(ServiceProcess service) {
        service.process().onExit().thenAccept(p -> {
            if (!stopping) {
                log.error("{} exited unexpectedly with status {}; see {}", service.name(), p.exitValue(),
                        settings.logs().resolve(service.name() + ".log"));
            }
        });
    }

    private void claimPidFile() throws IOException {
        Files.createDirectories(settings.dataDir());
        Optional<ProcessHandle> running = runningLauncher(pidFile);
        if (running.isPresent()) {
            throw new AlreadyRunning("The launcher is already running (pid " + running.get().pid() + "); run ./deploy/run.sh again to stop it.");
        }
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
    }

    static Optional<ProcessHandle> runningLauncher(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(LocalLauncher.class.getName())).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void printWelcome(StartedSystem s, Duration took) {
        String profile = s.profile().baseUri().toString();
        String matchmaking = s.matchmaking().baseUri().toString();
        String needKey = s.demo().showcaseNeedKey();
        String needId = s.loaded().needId(needKey);
        JsonNode need = findPost(s.demo(), "needs", needKey);
        StringBuilder out = new StringBuilder();
        out.append('\n')
                .append("  Partnership lab is up in ").append(took.toSeconds()).append(" s, with the demo territory of Isère (")
                .append(s.loaded().actors().size()).append(" actors, ").append(s.loaded().needs().size()).append(" needs, ")
                .append(s.loaded().offers().size()).append(" offers).\n\n")
                .append(line("profile-service", profile + "   (OpenAPI: " + profile + "/swagger-ui.html)"))
                .append(line("matchmaking-service", matchmaking + "   (OpenAPI: " + matchmaking + "/swagger-ui.html)"))
                .append(line("sign-in (OIDC)", s.auth().issuer() + "   (" + s.auth().issuer() + "/.well-known/openid-configuration)"))
                .append(consoleBlock(s))
                .append(line("health", profile + "/actuator/health   " + matchmaking + "/actuator/health"))
                .append(line("metrics", profile + "/actuator/prometheus   " + matchmaking + "/actuator/prometheus   (admin)"))
                .append(line("Kafka", s.kafka().bootstrapServers() + "   topic " + Topics.PROFILE_EVENTS))
                .append(line("PostgreSQL", s.postgres().jdbcUrl("profile") + "   " + s.postgres().jdbcUrl("matchmaking")
                        + "   (user " + EmbeddedPostgresServer.USER + ")"))
                .append(line("MongoDB", s.mongo().uri("matchmaking") + "   (mongo-java-server, H2 file)"))
                .append(line("data", settings.dataDir() + "   (kept between runs; delete it to start afresh)"))
                .append(line("logs", settings.logs() + "/"))
                .append('\n')
                .append("  Token:     TOKEN=$(").append(tokenCommand()).append(' ').append(DemoTerritory.SHOWCASE_ACCOUNT).append(")\n")
                .append("             (demo accounts: ").append(String.join(", ", s.auth().accounts())).append(")\n")
                .append("  Actors:    curl -s -H \"Authorization: Bearer $TOKEN\" ").append(profile).append("/api/actors\n")
                .append("  Matches for « ").append(need.path("title").asText()).append(" » (")
                .append(actorOf(s.demo(), "needs", needKey)).append("):\n")
                .append("             curl -s -H \"Authorization: Bearer $TOKEN\" '").append(matchmaking).append("/api/needs/").append(needId).append("/matches?limit=5'\n");
        if (s.showcaseMatches().isEmpty()) {
            out.append("             (no match yet: the events may still be on their way; see the logs)\n");
        } else {
            int shown = 0;
            for (JsonNode match : s.showcaseMatches()) {
                if (shown++ == 3) {
                    break;
                }
                out.append("             → ").append(match.path("title").asText(match.path("offerId").asText()))
                        .append(" — ").append(match.path("actorName").asText(match.path("actorId").asText()))
                        .append(String.format(java.util.Locale.ROOT, " (score %.2f)", match.path("score").asDouble())).append('\n');
                String sentence = match.path("explanation").path("sentence").asText("");
                if (!sentence.isEmpty() && shown == 1) {
                    out.append("               « ").append(sentence).append(" »\n");
                }
            }
        }
        out.append('\n').append("  Stop with Ctrl-C, or run ./deploy/run.sh again from another terminal.\n");
        System.out.println(out);
        System.out.flush();
    }

    // --- web console ---

    /**
     * The console's origin. A loopback address, not "localhost": the provider accepts a loopback redirect URI on any
     * port (RFC 8252), and never a "localhost" one it was not given exactly.
     */
    private String consoleOrigin() {
        return "http://127.0.0.1:" + settings.matchmakingPort();
    }

    private String consoleBlock(StartedSystem s) {
        return line("web console", consoleOrigin() + "/console/")
                + line("", "sign in as " + String.join(", ", s.auth().accounts()))
                + line("", "password: the demo secret, `cat " + settings.dataDir().resolve("auth-server/demo-secret") + "`");
    }

    /** {@code ./deploy/token.sh}, with the data folder when it is not the default one. */
    private String tokenCommand() {
        boolean defaultData = settings.dataDir().equals(settings.root().resolve(".data"));
        return (defaultData ? "" : "LAB_DATA_DIR=" + settings.dataDir() + " ") + "./deploy/token.sh";
    }

    private static String line(String label, String value) {
        return String.format("  %-20s %s%n", label, value);
    }

    private static JsonNode findPost(DemoTerritory demo, String kind, String key) {
        for (JsonNode actor : demo.document().path("actors")) {
            for (JsonNode post : actor.path(kind)) {
                if (key.equals(post.path("key").asText())) {
                    return post;
                }
            }
        }
        throw new IllegalStateException("No " + kind + " " + key + " in the demo territory");
    }

    private static String actorOf(DemoTerritory demo, String kind, String key) {
        for (JsonNode actor : demo.document().path("actors")) {
            for (JsonNode post : actor.path(kind)) {
                if (key.equals(post.path("key").asText())) {
                    return actor.path("name").asText();
                }
            }
        }
        return "?";
    }

    static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning(String message) {
            super(message);
        }
    }
}
