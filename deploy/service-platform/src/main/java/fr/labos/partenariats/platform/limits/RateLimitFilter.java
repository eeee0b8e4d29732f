package fr.labos.partenariats.platform.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import fr.labos.partenariats.platform.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.lang.NonNull;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) per route family, one per signed-in principal and one per client address; a request that
 * finds either empty is answered {@code 429} with {@code Retry-After}, before it reaches a controller. Runs after the
 * security filters, so that the principal is known.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final List<Map.Entry<String, LimitsProperties.Family>> families;
    private final Problems problems;
    private final Cache<String, Bucket> buckets;
    private final AntPathMatcher paths = new AntPathMatcher();

    RateLimitFilter(LimitsProperties.Rate rate, Problems problems) {
        this.families = List.copyOf(rate.familiesOrDefaults().entrySet());
        this.problems = problems;
        Duration longest = families.stream().flatMap(f -> java.util.stream.Stream.of(f.getValue().perPrincipal(),
                        f.getValue().perAddress())).filter(java.util.Objects::nonNull)
                .map(LimitsProperties.Allowance::period).max(Duration::compareTo).orElse(Duration.ofMinutes(1));
        // A bucket untouched for a whole period is full again: forgetting it then changes nothing.
        this.buckets = Caffeine.newBuilder().maximumSize(rate.maxClients()).expireAfterAccess(longest).build();
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        Map.Entry<String, LimitsProperties.Family> family = familyOf(request);
        if (family != null) {
            long waitNanos = consume(family.getKey(), family.getValue(), request);
            if (waitNanos > 0) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                ProblemDetail problem = problems.of(ProblemTypes.TOO_MANY_REQUESTS, request,
                        "problem.too-many-requests.retry", seconds);
                problem.setProperty("retryAfterSeconds", seconds);
                problems.write(response, problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Nanoseconds to wait before this request would be allowed; 0 when it is, and then it has been counted. */
    private long consume(String name, LimitsProperties.Family family, HttpServletRequest request) {
        long wait = 0;
        Principal principal = request.getUserPrincipal();
        if (principal != null && family.perPrincipal() != null) {
            wait = tryConsume(name + "|principal|" + principal.getName(), family.perPrincipal());
        }
        if (wait == 0 && family.perAddress() != null) {
            wait = tryConsume(name + "|address|" + request.getRemoteAddr(), family.perAddress());
        }
        return wait;
    }

    private long tryConsume(String key, LimitsProperties.Allowance allowance) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowance.capacity())
                        .refillGreedy(allowance.capacity(), allowance.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private Map.Entry<String, LimitsProperties.Family> familyOf(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        // The path as the controllers match it, decoded and without ;parameters: matched as sent, an export asked
        // for as /api/actors/x/%65xport would reach its controller and be counted as a mere read.
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        for (Map.Entry<String, LimitsProperties.Family> entry : families) {
            LimitsProperties.Family family = entry.getValue();
            boolean methodMatches = family.methods() == null || family.methods().isEmpty()
                    || family.methods().stream().anyMatch(m -> m.equalsIgnoreCase(method));
            if (methodMatches && family.paths() != null && family.paths().stream().anyMatch(p -> paths.match(p, path))) {
                return entry;
            }
        }
        return null;
    }
}
