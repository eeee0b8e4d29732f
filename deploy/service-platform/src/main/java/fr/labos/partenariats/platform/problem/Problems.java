package fr.labos.partenariats.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Builds and writes the one problem-document shape of both services: {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, and for input errors {@code errors: [{field, message}]}. Used by the MVC exception
 * handler, the filters that answer before MVC (limits) and the servlet container's own error reports.
 */
public final class Problems {

    /** Longest request path echoed as {@code instance}. */
    private static final int INSTANCE_LIMIT = 200;

    private final ProblemMessages messages;
    private final ObjectMapper json;

    Problems(ProblemMessages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemMessages messages() {
        return messages;
    }

    /** A problem of that type whose detail is the message {@code detailCode} of the bundles. */
    public ProblemDetail of(ProblemTypes type, HttpServletRequest request, String detailCode, Object... arguments) {
        Locale locale = ProblemMessages.localeOf(request);
        return create(type, type.status().value(), locale, request.getRequestURI(),
                messages.get(detailCode, locale, arguments));
    }

    /** A problem with the generic detail of its type. */
    public ProblemDetail of(ProblemTypes type, HttpServletRequest request) {
        return of(type, request, "problem." + type.slug() + ".detail");
    }

    /** A 400 listing each rejected field; the detail sums them up. */
    public ProblemDetail invalid(HttpServletRequest request, List<FieldProblem> fields) {
        Locale locale = ProblemMessages.localeOf(request);
        return invalid(locale, request.getRequestURI(), fields);
    }

    /**
     * A 400 listing each rejected input in the order given, for inputs that have an order of their own (the lines of
     * an imported file: line 10 after line 9, which sorting by name would not keep).
     */
    public ProblemDetail invalidAsListed(HttpServletRequest request, List<FieldProblem> fields) {
        return listed(ProblemMessages.localeOf(request), request.getRequestURI(), fields.stream().distinct().toList());
    }

    ProblemDetail invalid(Locale locale, String path, List<FieldProblem> fields) {
        return listed(locale, path, fields.stream().sorted(Comparator.comparing(FieldProblem::field)).distinct().toList());
    }

    private ProblemDetail listed(Locale locale, String path, List<FieldProblem> sorted) {
        ProblemDetail problem = create(ProblemTypes.INVALID_INPUT, 400, locale, path,
                messages.get("problem.invalid-input.fields", locale, sorted.size(), summary(sorted, locale)));
        problem.setProperty("errors", sorted);
        return problem;
    }

    /**
     * The fields and their messages in one sentence, for a problem's detail: whole (up to the bound of text the
     * service wrote), since a reader shown the detail alone — a page's banner — would otherwise lose the end of the
     * first message and every other field. Each message quotes the client's input already, cut as it should be.
     */
    public static ProblemMessages.Written summary(List<FieldProblem> fields, Locale locale) {
        // French sets a space before « ; » as before « : ».
        String separator = Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? " ; " : "; ";
        return ProblemMessages.written(String.join(separator, fields.stream().map(f -> f.field() + " : " + f.message()).toList()));
    }

    ProblemDetail create(ProblemTypes type, int status, Locale locale, String path, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type.uri());
        problem.setTitle(messages.get("problem." + type.slug() + ".title", locale));
        problem.setDetail(detail);
        URI instance = instance(path);
        if (instance != null) {
            problem.setInstance(instance);
        }
        return problem;
    }

    /** Writes a problem straight to the response, for code that runs before or outside Spring MVC. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(toJson(problem));
        response.flushBuffer();
    }

    byte[] toJson(ProblemDetail problem) throws IOException {
        return json.writeValueAsBytes(problem);
    }

    private static URI instance(String path) {
        if (path == null || path.isEmpty() || path.length() > INSTANCE_LIMIT) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
