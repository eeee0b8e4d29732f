package fr.labos.partenariats.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), in place of Spring Boot's: a filter's failure or a
 * {@code sendError} outside Spring MVC is answered with a problem document too, never with Boot's JSON or an HTML page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final Problems problems;

    ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemTypes type = ProblemTypes.forStatus(status);
        ProblemDetail problem = problems.create(type, status, ProblemMessages.localeOf(request),
                original instanceof String path ? path : null,
                problems.messages().get("problem." + type.slug() + ".detail", ProblemMessages.localeOf(request)));
        return ResponseEntity.status(status).body(problem);
    }
}
