package fr.labos.partenariats.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.lang.NonNull;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A request whose body is a form ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}) is refused
 * with a 415 before anything reads it. The services take JSON, and CSV for imports; but Tomcat and Spring read a
 * form's fields as request parameters, so they would reach the {@code @RequestParam}s meant for the query past what
 * checks the query (a NUL, {@link NulInQueryFilter}) and the body (its size limit): read outside the controllers, a
 * form too large was a 500. An empty form ({@code curl -d ''} on a command without body), or a request without a body
 * that names the type anyway, carries nothing and passes. Not so any {@code multipart/*} type, with a body or without:
 * Spring's multipart resolver takes every one for parts to parse before any controller (on any path, signed in or not),
 * and Tomcat reads them from its own stream, past the body's limit — an empty or malformed one was a 500.
 */
final class FormBodyFilter extends OncePerRequestFilter {

    private final Problems problems;

    FormBodyFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        if (hasBody(request) && isForm(request.getContentType()) || isMultipart(request.getContentType())) {
            problems.write(response, problems.of(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, request,
                    "problem.unsupported-media-type.form"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** A body declared by its length, or sent in chunks; a request with neither has none (-1 alone says nothing). */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isMultipart(String contentType) {
        return contentType != null && contentType.stripLeading().regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_FORM_URLENCODED.includes(type) || MediaType.MULTIPART_FORM_DATA.includes(type);
        } catch (IllegalArgumentException unreadable) {
            return false; // Spring answers an unreadable Content-Type itself, with its own 415
        }
    }
}
