package fr.labos.partenariats.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 401 and 403 as RFC 7807 problem documents in French. The {@code WWW-Authenticate} header is RFC 6750's, written by
 * Spring Security's own bearer-token handlers, to which these delegate before writing the body.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final URI UNAUTHENTICATED = URI.create("https://labos-partenariats.fr/problems/unauthenticated");
    static final URI FORBIDDEN = URI.create("https://labos-partenariats.fr/problems/forbidden");

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        String detail = e instanceof InvalidBearerTokenException
                ? "Le jeton d'accès est refusé : expiré, d'un autre émetteur, pour un autre destinataire ou mal signé."
                : "Authentification requise : présentez un jeton d'accès valide (en-tête Authorization: Bearer …).";
        write(response, problem(HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Authentification requise", detail, request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        write(response, problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Accès refusé", detailOf(e), request));
    }

    /** The French reason of an {@link ActionForbiddenException}, a generic one for Spring Security's own denials. */
    static String detailOf(AccessDeniedException e) {
        return e instanceof ActionForbiddenException forbidden ? forbidden.getMessage()
                : "Votre rôle ne permet pas cette opération.";
    }

    static ProblemDetail forbidden(AccessDeniedException e, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detailOf(e));
        problem.setType(FORBIDDEN);
        problem.setTitle("Accès refusé");
        problem.setInstance(URI.create(path));
        return problem;
    }

    private static Map<String, Object> problem(HttpStatus status, URI type, String title, String detail,
                                               HttpServletRequest request) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        return problem;
    }

    private void write(HttpServletResponse response, Map<String, Object> problem) throws IOException {
        // JSON is UTF-8 by definition (RFC 8259): no charset parameter, as Spring MVC writes its own problems.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
