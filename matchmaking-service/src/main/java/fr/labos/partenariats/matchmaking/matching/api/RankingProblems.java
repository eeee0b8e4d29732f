package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.matchmaking.matching.IndexNotReadyException;
import fr.labos.partenariats.matchmaking.matching.PostNotOpenException;
import fr.labos.partenariats.matchmaking.matching.UnknownActorException;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 7807 problems for the ranking endpoints. Replaces Spring Boot's default problem handler (same base class) so
 * that a bad parameter is named in the answer ({@code invalidParams[].name}) rather than reported as a bare
 * "Validation failure".
 */
@RestControllerAdvice
class RankingProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RankingProblems.class);
    static final int RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(PostNotOpenException.class)
    ProblemDetail postNotOpen(PostNotOpenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle(e.kind() == PostKind.NEED ? "Need not open" : "Offer not open");
        problem.setProperty(e.kind() == PostKind.NEED ? "needId" : "offerId", e.postId());
        return problem;
    }

    @ExceptionHandler(UnknownActorException.class)
    ProblemDetail unknownActor(UnknownActorException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown actor");
        problem.setProperty("actorId", e.actorId());
        return problem;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return invalid(List.of(entry(e.parameter(), e.value(), e.reason())), List.of(e.getMessage()));
    }

    @ExceptionHandler(IndexNotReadyException.class)
    ResponseEntity<ProblemDetail> indexNotReady(IndexNotReadyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Matching index loading");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)).body(problem);
    }

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail projectionUnavailable(DataAccessException e) {
        log.warn("Matching projection unavailable: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The matching projection cannot be read right now; try again shortly.");
        problem.setTitle("Matching projection unavailable");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException ex,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<Map<String, Object>> invalid = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            String reasons = String.join(", ", result.getResolvableErrors().stream()
                    .map(MessageSourceResolvable::getDefaultMessage).toList());
            invalid.add(entry(name, result.getArgument(), reasons));
            messages.add(name + " " + reasons + " (was " + result.getArgument() + ")");
        });
        return handleExceptionInternal(ex, invalid(invalid, messages), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail invalid(List<Map<String, Object>> invalidParams, List<String> messages) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request parameter: " + String.join("; ", messages));
        problem.setTitle("Invalid request parameter");
        problem.setProperty("invalidParams", invalidParams);
        return problem;
    }

    private static Map<String, Object> entry(String name, Object value, String reason) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("value", value);
        entry.put("reason", reason);
        return entry;
    }
}
