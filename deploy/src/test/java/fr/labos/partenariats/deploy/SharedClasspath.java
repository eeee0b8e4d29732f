package fr.labos.partenariats.deploy;

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
 * infrastructure: profile-service gets no MongoDB auto-configuration, matchmaking-service no DataSource,
 * Flyway or Axon.
 */
final class SharedClasspath {

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

    /** Argument for either service: accept the tokens of this authorization server (and only those). */
    static String signInWith(LocalAuthServer auth) {
        // The property itself rather than LAB_OIDC_ISSUER: an environment variable name binds only from the environment.
        return "--lab.oidc.issuer=" + auth.issuer();
    }

    /** Argument for profile-service: leave MongoDB (matchmaking-service's) alone. */
    static String profileServiceExclusions() {
        return "--spring.autoconfigure.exclude=" + String.join(",", List.of(
                "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
                "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
                "org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration"));
    }

    /** Argument for matchmaking-service: leave PostgreSQL, Flyway and Axon (profile-service's) alone. */
    static String matchmakingServiceExclusions() {
        List<String> excluded = new ArrayList<>(List.of(
                "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
                "org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration",
                "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration",
                "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"));
        StreamSupport.stream(ImportCandidates.load(AutoConfiguration.class, SharedClasspath.class.getClassLoader())
                        .spliterator(), false)
                .filter(name -> name.startsWith("org.axonframework."))
                .forEach(excluded::add);
        return "--spring.autoconfigure.exclude=" + String.join(",", excluded);
    }
}
