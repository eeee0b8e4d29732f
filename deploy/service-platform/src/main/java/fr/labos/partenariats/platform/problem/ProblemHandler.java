package fr.labos.partenariats.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.lang.Nullable;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every error answered by Spring MVC becomes a problem document of the one shape ({@link Problems}): Spring's own
 * exceptions (unreadable JSON, wrong parameter types, unknown routes, wrong methods...), Bean Validation failures, and
 * the services' domain exceptions through their {@link ProblemMapping}s. Anything else is a 500 that says nothing of
 * the code; the exception goes to the log.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    /** When a client may send again a request the database (or another store) could not take. */
    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;
    private final ProblemCatalog catalog;
    private final JsonFieldErrors jsonErrors;

    ProblemHandler(Problems problems, ProblemCatalog catalog) {
        this.problems = problems;
        this.catalog = catalog;
        this.jsonErrors = new JsonFieldErrors(problems.messages());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(parameterPath(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return answer(problems.invalid(request, fields), null);
    }

    /** Domain exceptions by their mapping; the rest is an unexpected failure. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> anyOther(Exception e, HttpServletRequest request) throws Exception {
        if (e.getClass().getName().startsWith("org.springframework.security.")) {
            throw e; // the security filter chain answers those (401/403) itself
        }
        List<Throwable> causes = ProblemCatalog.causesOf(e);
        // A commit that failed may have committed: whatever the connection did, whatever the store reported (a
        // timeout is a 503 below) and whatever a service maps its causes to, "try again" could write twice.
        boolean outcomeUnknown = causes.stream().anyMatch(ProblemHandler::isFailedCommit);
        List<Throwable> answerable = outcomeUnknown ? List.of() : causes;
        for (Throwable cause : answerable) {
            ProblemMapping<?> mapping = catalog.find(cause);
            if (mapping != null) {
                HttpHeaders headers = mapping.retryAfter() == null ? new HttpHeaders() : retryAfter(mapping.retryAfter());
                return answer(mapped(mapping, cause, request), headers);
            }
            if (cause instanceof PayloadTooLargeException) {
                return answer(tooLarge(request), null);
            }
            if (isConnectionFailure(cause)) {
                log.warn("Database unavailable answering {} {}: {}", request.getMethod(), request.getRequestURI(),
                        describe(causes));
                return answer(unavailable(request, "problem.unavailable.database"), retryAfter(DATABASE_RETRY_AFTER));
            }
        }
        // Looked for once no cause is mapped nor a lost connection, which say more precisely what happened.
        for (Throwable cause : answerable) {
            if (isStoreUnavailable(cause)) {
                log.warn("Store unavailable answering {} {}: {}", request.getMethod(), request.getRequestURI(),
                        describe(causes));
                return answer(unavailable(request, "problem.unavailable.store"), retryAfter(DATABASE_RETRY_AFTER));
            }
        }
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(problems.of(ProblemTypes.INTERNAL_ERROR, request), null);
    }

    private ProblemDetail mapped(ProblemMapping<?> mapping, Throwable e, HttpServletRequest request) {
        Locale locale = ProblemMessages.localeOf(request);
        MessageSourceResolvable resolvable = mapping.detailOf(e);
        String detail = resolvable == null ? null : problems.messages().get(resolvable, locale);
        String field = mapping.fieldOf(e);
        if (field != null) {
            return problems.invalid(locale, request.getRequestURI(), List.of(new FieldProblem(field,
                    detail == null ? problems.messages().get("problem.field.invalid", locale) : detail)));
        }
        ProblemTypes type = mapping.type();
        return problems.create(type, type.status().value(), locale, request.getRequestURI(),
                detail == null ? problems.messages().get("problem." + type.slug() + ".detail", locale) : detail);
    }

    /**
     * The database connection failed or was lost (no connection from the pool in time, an SQL state of class 08:
     * refused, closed, broken), or a rollback failed on it — the pool closes a connection whose socket broke, and the
     * rollback's "Connection is closed" (no SQL state) then hides the first error: a 503 to retry, not an "internal
     * error". Unless a commit failed somewhere in the causes (see {@link #isFailedCommit}).
     */
    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException) {
            return true; // the pool gave no connection in time (its SQL state is that of its last attempt, or none)
        }
        if (cause instanceof SQLException sql) {
            return sql.getSQLState() != null && sql.getSQLState().startsWith("08");
        }
        return cause instanceof TransactionSystemException failed && failed.getCause() instanceof SQLException
                && String.valueOf(failed.getMessage()).startsWith("JDBC rollback");
    }

    /**
     * A store that Spring's data access reports as unreachable ({@link DataAccessResourceFailureException}: PostgreSQL
     * read through Spring's JDBC, MongoDB...) or busy for a moment ({@link TransientDataAccessException}: a statement
     * or lock timeout, a deadlock, a lock race): nothing was done, and asking again later may work. Any other
     * {@code DataAccessException} (a duplicate key, a bad query, a value the store refuses) is a fault of the service
     * that asking again will not mend: it stays a 500, logged as an error, instead of « réessayez » for ever. The
     * detail is {@code problem.unavailable.store}, which a service's bundle may word for its own data (its bundles are
     * read before the platform's). Unless a commit failed somewhere in the causes (see {@link #isFailedCommit}).
     */
    private static boolean isStoreUnavailable(Throwable cause) {
        // An optimistic lock lost is a race with another change, not a store away: « réessayez » would not say so.
        return cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessException && !(cause instanceof OptimisticLockingFailureException);
    }

    /**
     * A commit the database may or may not have made (its answer lost to a socket timeout or a broken connection):
     * its request is a 500, never a "try again". Spring reports it as a {@code TransactionSystemException} "JDBC commit
     * failed" (the platform keeps it so: {@code CommitFailures}), or translated by a {@code JdbcTransactionManager}
     * left to itself, as a {@code DataAccessException} "JDBC commit; …".
     */
    private static boolean isFailedCommit(Throwable cause) {
        return (cause instanceof TransactionSystemException || cause instanceof DataAccessException)
                && String.valueOf(cause.getMessage()).startsWith("JDBC commit");
    }

    /** The chain of causes in one line for the log: the database's own message says why it is away. */
    private static String describe(List<Throwable> causes) {
        return causes.stream().map(cause -> cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .collect(Collectors.joining(" <- "));
    }

    private ProblemDetail unavailable(HttpServletRequest request, String detailCode) {
        Locale locale = ProblemMessages.localeOf(request);
        return problems.create(ProblemTypes.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE.status().value(),
                locale, request.getRequestURI(), problems.messages().get(detailCode, locale));
    }

    private static HttpHeaders retryAfter(Duration delay) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, delay.toSeconds())));
        return headers;
    }

    private ProblemDetail tooLarge(HttpServletRequest request) {
        return problems.of(ProblemTypes.PAYLOAD_TOO_LARGE, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> fields = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> fields.add(fieldProblem(error)));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                fields.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return entity(problems.invalid(servlet(request), fields), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors errors && errors.hasFieldErrors()) {
                errors.getFieldErrors().forEach(error -> fields.add(fieldProblem(error)));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> fields.add(new FieldProblem(name, error.getDefaultMessage())));
            }
        });
        return entity(problems.invalid(servlet(request), fields), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException) {
                return entity(tooLarge(servlet), headers);
            }
        }
        Locale locale = ProblemMessages.localeOf(servlet);
        FieldProblem field = e.getCause() instanceof JsonProcessingException json
                ? jsonErrors.describe(json, locale)
                : new FieldProblem("body", problems.messages().get("problem.body.missing", locale));
        return entity(problems.invalid(servlet, List.of(field)), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        Class<?> required = e.getRequiredType();
        String message = problems.messages().get("problem.field.wrong-type", ProblemMessages.localeOf(servlet),
                e.getValue(), ProblemMessages.written(
                        JsonFieldErrors.typeName(required, ProblemMessages.localeOf(servlet), problems.messages())));
        return entity(problems.invalid(servlet, List.of(new FieldProblem(name == null ? "parameter" : name, message))),
                headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        return entity(problems.invalid(servlet, List.of(new FieldProblem(e.getParameterName(),
                problems.messages().get("problem.field.required", ProblemMessages.localeOf(servlet))))), headers);
    }

    /** Every other exception Spring MVC knows: its status, the generic detail of that status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception e, @Nullable Object body,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        ProblemTypes type = ProblemTypes.forStatus(status.value());
        Locale locale = ProblemMessages.localeOf(servlet);
        String detail = problems.messages().get("problem." + type.slug() + ".detail", locale);
        if (e instanceof HttpMediaTypeNotSupportedException media && !media.getSupportedMediaTypes().isEmpty()
                && media.getSupportedMediaTypes().stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
            // An import that takes a file (text/csv): the generic "must be JSON" would send the user the wrong way.
            detail = problems.messages().get("problem.unsupported-media-type.detail-expected", locale,
                    ProblemMessages.written(media.getSupportedMediaTypes().stream().map(MediaType::toString)
                            .collect(Collectors.joining(", "))));
        }
        ProblemDetail problem = problems.create(type, status.value(), locale, servlet.getRequestURI(), detail);
        return entity(problem, headers);
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    private static ResponseEntity<Object> entity(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }

    /** "update.reason" → "reason", "register.request.title" → "title": drop the method and argument names. */
    private static String parameterPath(String propertyPath) {
        String[] nodes = propertyPath.split("\\.");
        return nodes.length <= 1 ? propertyPath
                : String.join(".", Arrays.copyOfRange(nodes, nodes.length > 2 ? 2 : 1, nodes.length));
    }
}
