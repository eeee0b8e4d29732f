package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.matchmaking.matching.PostNotOpenException;
import fr.labos.partenariats.matchmaking.projection.PostKind;
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
 * RFC 7807 problems for the matches endpoints. Replaces Spring Boot's default problem handler (same base class) so
 * that a bad parameter is named in the answer rather than reported as a bare "Validation failure".
 */
@RestControllerAdvice
class MatchProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(MatchProblems.class);

    @ExceptionHandler(PostNotOpenException.class)
    ProblemDetail postNotOpen(PostNotOpenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle(e.kind() == PostKind.NEED ? "Need not open" : "Offer not open");
        problem.setProperty(e.kind() == PostKind.NEED ? "needId" : "offerId", e.postId());
        return problem;
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
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("value", result.getArgument());
            entry.put("reason", reasons);
            invalid.add(entry);
            messages.add(name + " " + reasons + " (was " + result.getArgument() + ")");
        });
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request parameter: " + String.join("; ", messages));
        problem.setTitle("Invalid request parameter");
        problem.setProperty("invalidParams", invalid);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
