package fr.labos.partenariats.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.lang.NonNull;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * A NUL character ({@code %00}) in the query is refused with a 400 before any code reads it: no value the services
 * take may carry one, and PostgreSQL stores none in text, so such a value would otherwise fail at the database — an
 * "internal error" after the request's other work. (Tomcat already refuses one in the path.)
 */
final class NulInQueryFilter extends OncePerRequestFilter {

    private final Problems problems;

    NulInQueryFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            problems.write(response, problems.of(ProblemTypes.MALFORMED_REQUEST, request, "problem.malformed-request.nul"));
            return;
        }
        chain.doFilter(request, response);
    }
}
