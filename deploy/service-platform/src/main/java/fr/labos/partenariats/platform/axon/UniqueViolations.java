package fr.labos.partenariats.platform.axon;

import org.axonframework.common.ExceptionUtils;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;

/**
 * Tells Axon's event store that PostgreSQL refused an append because the (aggregate, sequence) was taken: another
 * command changed the aggregate first. Axon then throws its {@code ConcurrencyException} (a 409 the client may try
 * again, or a command the gateway sends again) instead of a generic {@code EventStoreException} (a 500).
 *
 * <p>Why not Axon's default ({@code SQLErrorCodesResolver}): it compares vendor error <em>codes</em>, and PostgreSQL
 * reports every error with code 0 and a SQLSTATE; the batch insert also wraps the violation in a
 * {@code BatchUpdateException} whose cause is in its chain of next exceptions. A service with an event store imports
 * this configuration; being the application's bean, it replaces Axon's default.
 */
@Configuration(proxyBeanMethods = false)
public class UniqueViolations {

    /** SQLSTATE {@code unique_violation}. */
    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return UniqueViolations::isUniqueViolation;
    }

    static boolean isUniqueViolation(Exception exception) {
        return ExceptionUtils.findException(exception,
                cause -> cause instanceof SQLException sql && reportsUniqueViolation(sql)).isPresent();
    }

    private static boolean reportsUniqueViolation(SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
