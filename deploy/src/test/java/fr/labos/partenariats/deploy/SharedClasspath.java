package fr.labos.partenariats.deploy;

import fr.labos.partenariats.matchmaking.MatchmakingServiceApplication;
import fr.labos.partenariats.profile.ProfileServiceApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Both services run in the test JVM on one class path, so each context must be kept off the other's
 * infrastructure: each opens only its own PostgreSQL database (profile, matchmaking), profile-service gets no MongoDB
 * auto-configuration and no deadline scheduler (matchmaking-service's db-scheduler).
 */
final class SharedClasspath {

    /** matchmaking-service's own database, beside profile-service's on the same server. */
    static final String MATCHMAKING_DATABASE = "matchmaking";

    private SharedClasspath() {
    }

    /**
     * Starts profile-service in this JVM on a free port, against the given PostgreSQL and Kafka. Settings are
     * command-line arguments because they outrank any environment variable of the machine running the build.
     */
    static ConfigurableApplicationContext startProfileService(EmbeddedPostgresServer postgres, KafkaBrokerProcess kafka,
                                                              String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--SERVER_PORT=0",
                "--spring.main.banner-mode=off",
                "--PROFILE_DB_URL=" + postgres.jdbcUrl("profile"),
                "--PROFILE_DB_USER=" + EmbeddedPostgresServer.USER,
                "--PROFILE_DB_PASSWORD=" + EmbeddedPostgresServer.PASSWORD,
                "--KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                profileServiceExclusions()));
        arguments.addAll(Arrays.asList(extraArguments));
        return ProfileServiceApplication.builder().run(arguments.toArray(String[]::new));
    }

    /**
     * Starts matchmaking-service in this JVM on a free port, against its own database of the given PostgreSQL (created
     * if missing), Kafka and MongoDB.
     */
    static ConfigurableApplicationContext startMatchmakingService(EmbeddedPostgresServer postgres, KafkaBrokerProcess kafka,
                                                                  String mongoUri, String... extraArguments) {
        postgres.ensureDatabase(MATCHMAKING_DATABASE);
        List<String> arguments = new ArrayList<>(List.of(
                "--SERVER_PORT=0",
                "--spring.main.banner-mode=off",
                "--MATCHMAKING_DB_URL=" + postgres.jdbcUrl(MATCHMAKING_DATABASE),
                "--MATCHMAKING_DB_USER=" + EmbeddedPostgresServer.USER,
                "--MATCHMAKING_DB_PASSWORD=" + EmbeddedPostgresServer.PASSWORD,
                "--MONGODB_URI=" + mongoUri,
                "--KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers()));
        arguments.addAll(Arrays.asList(extraArguments));
        return MatchmakingServiceApplication.builder().run(arguments.toArray(String[]::new));
    }

    /** Argument for either service: accept the tokens of this authorization server (and only those). */
    static String signInWith(LocalAuthServer auth) {
        // The property itself rather than LAB_OIDC_ISSUER: an environment variable name binds only from the environment.
        return "--lab.oidc.issuer=" + auth.issuer();
    }

    /** Argument for profile-service: leave MongoDB and the deadline scheduler (matchmaking-service's) alone. */
    static String profileServiceExclusions() {
        List<String> excluded = new ArrayList<>(List.of(
                "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
                "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
                "org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration"));
        // db-scheduler's starter would otherwise poll a table that profile-service's database does not have.
        StreamSupport.stream(ImportCandidates.load(AutoConfiguration.class, SharedClasspath.class.getClassLoader())
                        .spliterator(), false)
                .filter(name -> name.startsWith("com.github.kagkarlsson."))
                .forEach(excluded::add);
        return "--spring.autoconfigure.exclude=" + String.join(",", excluded);
    }
}
