package fr.labos.partenariats.platform.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.SocketTimeoutException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A tiny service on the platform: echoes a query parameter, accepts a body, fails on demand. */
@SpringBootConfiguration
// Sign-in is tested on its own; here the problems and limits are, as any servlet application would see them.
@EnableAutoConfiguration(excludeName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        // The platform's command gateway is Axon's with retries: no Axon, no command bus to send through.
        "fr.labos.partenariats.platform.axon.CommandGatewayAutoConfiguration",
        "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
        "fr.labos.partenariats.platform.security.LabSecurityAutoConfiguration",
        "fr.labos.partenariats.platform.security.PrincipalMetadataAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration"})
public class ProblemTestApplication {

    /** Requests that reached the controller's write endpoint. */
    public static final AtomicInteger WRITES = new AtomicInteger();

    record Note(@NotBlank @Size(max = 200) String title, Set<Integer> numbers, @Size(max = 3) List<String> tags, Instant startsAt,
                Month month, LocalDate day) {
    }

    static class Boom extends RuntimeException {
        Boom() {
            super("secret internal state: com.example.Thing@1234");
        }
    }

    /** pgjdbc's answer to a socket timeout: the connection is lost (SQL state class 08). */
    private static final Supplier<SQLException> IO_ERROR = () -> new SQLException(
            "An I/O error occurred while sending to the backend.", "08006", new SocketTimeoutException("Read timed out"));

    /** Registered as a member class of the configuration. */
    @RestController
    static class Endpoints {

        @GetMapping("/api/echo")
        String echo(@RequestParam String reason) {
            return reason;
        }

        @GetMapping("/api/page")
        String page(@RequestParam(defaultValue = "1") @Max(10) int number) {
            return Integer.toString(number);
        }

        @PostMapping({"/api/notes", "/api/drafts"})
        ResponseEntity<Void> write(@Valid @RequestBody Note note) {
            WRITES.incrementAndGet();
            return ResponseEntity.status(201).build();
        }

        /** A command taking its reason from the query, as a post's withdrawal does. */
        @DeleteMapping("/api/notes/{id}")
        ResponseEntity<Void> withdraw(@RequestParam(required = false) String reason) {
            WRITES.incrementAndGet();
            return ResponseEntity.noContent().build();
        }

        /** A CSV import: the lines it received. */
        @PostMapping(path = "/api/imports", consumes = {"text/csv", "text/plain"})
        ResponseEntity<String> importCsv(@RequestBody String csv) {
            WRITES.incrementAndGet();
            return ResponseEntity.status(201).body(Long.toString(csv.lines().count()));
        }

        /** The database failing as the connection pool, the event store and the transaction manager report it. */
        @GetMapping("/api/database")
        String database(@RequestParam String failure) {
            throw switch (failure) {
                case "pool-timeout" -> new DataAccessResourceFailureException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms"));
                case "rollback" -> new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
                // The database fell silent while the events were being written: the socket timeout, before any commit.
                case "append-timeout" -> new EventStoreException("An event for aggregate [i-1] at sequence [1] was already inserted",
                        new BatchUpdateException("Batch entry 0 INSERT INTO DomainEventEntry (…) was aborted: An I/O error "
                                + "occurred while sending to the backend.", "08006", 0, new int[0], IO_ERROR.get()));
                // The same while committing, as JdbcTransactionManager translates it when left to itself.
                case "commit-translated" -> new DataAccessResourceFailureException(
                        "JDBC commit; An I/O error occurred while sending to the backend.", IO_ERROR.get());
                case "commit-mapped" -> new QueryTimeoutException("JDBC commit; canceling statement due to statement timeout",
                        new SQLException("canceling statement due to statement timeout", "57014"));
                // A store busy or away, as Spring's data access reports it, the connection itself unharmed.
                case "query-timeout" -> new QueryTimeoutException("PreparedStatementCallback; canceling statement due to "
                        + "statement timeout", new SQLException("canceling statement due to statement timeout", "57014"));
                case "lock-timeout" -> new CannotAcquireLockException("PreparedStatementCallback; could not obtain lock "
                        + "on row in relation \"actor_view\"", new SQLException("could not obtain lock", "55P03"));
                case "store-away" -> new DataAccessResourceFailureException("Timed out after 1000 ms while waiting to "
                        + "connect to the store");
                // A race lost to another change, which « réessayez » would not describe.
                case "optimistic-lock" -> new OptimisticLockingFailureException("Row was updated by another transaction");
                // A fault of the service's own, which asking again will not mend.
                case "duplicate" -> new DuplicateKeyException("PreparedStatementCallback; duplicate key value violates "
                        + "unique constraint \"actor_view_pkey\"", new SQLException("duplicate key value", "23505"));
                default -> new TransactionSystemException("JDBC commit failed", IO_ERROR.get());
            };
        }

        @GetMapping("/api/boom")
        String boom() {
            throw new Boom();
        }
    }
}
