package fr.labos.partenariats.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the local launcher puts things, read from environment variables with defaults. A default port that is taken
 * is replaced by a free one (and said so); a port set explicitly is used as given.
 */
record LauncherSettings(Path root, Path dataDir, Path kafkaBrokerLib,
                        int profilePort, int matchmakingPort,
                        int kafkaPort, int kafkaControllerPort, int postgresPort, int mongoPort,
                        List<String> serviceJvmOptions, int authServerPort) {

    private static final Logger log = LoggerFactory.getLogger(LauncherSettings.class);

    static final String DEFAULT_SERVICE_JVM_OPTIONS = "-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    static Path root(Map<String, String> env) {
        return Path.of(setting(env, "LAB_ROOT", System.getProperty("lab.root", "."))).toAbsolutePath().normalize();
    }

    static Path dataDir(Map<String, String> env) {
        return root(env).resolve(setting(env, "LAB_DATA_DIR", ".data")).normalize();
    }

    /** Resolves the ports too, so call it once leftovers of an earlier run no longer hold them. */
    static LauncherSettings fromEnvironment(Map<String, String> env) {
        Path root = root(env);
        Path data = dataDir(env);
        Path kafkaLib = root.resolve(setting(env, "LAB_KAFKA_BROKER_LIB", "deploy/kafka-broker/target/lib")).normalize();
        List<String> jvmOptions = Arrays.stream(setting(env, "LAB_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JVM_OPTIONS).trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        return new LauncherSettings(root, data, kafkaLib,
                port(env, "PROFILE_SERVICE_PORT", 8081),
                port(env, "MATCHMAKING_SERVICE_PORT", 8082),
                port(env, "KAFKA_PORT", 9092),
                // 0: the port recorded in Kafka's data directory, or a free one the first time.
                Integer.parseInt(setting(env, "KAFKA_CONTROLLER_PORT", "0").trim()),
                port(env, "POSTGRES_PORT", 5432),
                port(env, "MONGODB_PORT", 27017),
                jvmOptions,
                port(env, "AUTH_SERVER_PORT", 9000));
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    Path profileServiceJar() {
        return root.resolve("profile-service/target/profile-service-0.1.0-SNAPSHOT-exec.jar");
    }

    Path matchmakingServiceJar() {
        return root.resolve("matchmaking-service/target/matchmaking-service-0.1.0-SNAPSHOT-exec.jar");
    }

    Path authServerJar() {
        return root.resolve("deploy/auth-server/target/auth-server-0.1.0-SNAPSHOT-exec.jar");
    }

    /**
     * A variable's value, its default when unset or blank — as {@code run.sh} reads them (${VAR:-default}): an empty
     * LAB_DATA_DIR made the script use .data and the launcher the repository's root, each its own lab.
     */
    static String setting(Map<String, String> env, String variable, String defaultValue) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    private static int port(Map<String, String> env, String variable, int defaultPort) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            return Integer.parseInt(value.trim());
        }
        if (Ports.isFree(defaultPort)) {
            return defaultPort;
        }
        int free = Ports.freePort();
        log.warn("Port {} is taken: using {} instead (set {} to choose)", defaultPort, free, variable);
        return free;
    }
}
