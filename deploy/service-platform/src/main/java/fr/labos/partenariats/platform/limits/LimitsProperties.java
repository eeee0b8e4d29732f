package fr.labos.partenariats.platform.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Abuse limits ({@code lab.limits.*}): the largest request body, and request rates per route family, each counted per
 * signed-in principal (the token's subject) and per client address. The first family whose methods and paths match a
 * request counts it; a request no family matches is not counted. Without configured families, {@link #DEFAULTS} apply.
 *
 * @param maxBodySize   largest request body accepted (413 above)
 * @param maxImportSize largest CSV body ({@code text/csv}: the facilitators' imports of actors and participants),
 *                      larger than {@code maxBodySize} so that an import can reach the 1,000 lines it allows (a line
 *                      of an actors' file is a few hundred bytes; 64 KB stopped at a few hundred lines)
 * @param rate          request rates
 */
@ConfigurationProperties("lab.limits")
public record LimitsProperties(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("1MB") DataSize maxImportSize,
                               @DefaultValue Rate rate) {

    /**
     * Exports first (they are the costliest reads), then writes, then reads. A facilitator loading a territory of a
     * few hundred posts at once stays within the writes' burst.
     */
    static final Map<String, Family> DEFAULTS = defaults();

    /**
     * @param enabled      false switches rate limiting off (benchmarks, load tests)
     * @param maxClients   how many principals and addresses are tracked at once (the least recent are forgotten)
     * @param families     route families, in matching order
     */
    public record Rate(@DefaultValue("true") boolean enabled, @DefaultValue("100000") long maxClients,
                       Map<String, Family> families) {

        Map<String, Family> familiesOrDefaults() {
            return families == null || families.isEmpty() ? DEFAULTS : families;
        }
    }

    /**
     * @param methods      HTTP methods of the family (none: all)
     * @param paths        path patterns ({@code /api/**}, {@code /api/actors/*}/export)
     * @param perPrincipal allowance of one signed-in principal (none: not counted per principal)
     * @param perAddress   allowance of one client address, whoever signed in from there (none: not counted per
     *                     address); a request without a valid token is answered 401 before it is counted
     */
    public record Family(List<String> methods, List<String> paths, Allowance perPrincipal, Allowance perAddress) {
    }

    /** {@code capacity} requests per {@code period}, refilled continuously; a burst may use the whole capacity. */
    public record Allowance(long capacity, Duration period) {
    }

    private static Map<String, Family> defaults() {
        Map<String, Family> families = new LinkedHashMap<>();
        // HEAD too: answered by the same handler, it builds the whole export only to leave its body out. The
        // follow-up list as a spreadsheet reads up to 10,000 introductions.
        families.put("exports", new Family(List.of("GET", "HEAD"), List.of("/api/actors/*/export", "/api/introductions.csv"),
                new Allowance(10, Duration.ofMinutes(1)), new Allowance(30, Duration.ofMinutes(1))));
        families.put("writes", new Family(List.of("POST", "PUT", "PATCH", "DELETE"), List.of("/api/**"),
                new Allowance(300, Duration.ofMinutes(1)), new Allowance(1200, Duration.ofMinutes(1))));
        families.put("reads", new Family(List.of("GET", "HEAD"), List.of("/api/**"),
                new Allowance(1200, Duration.ofMinutes(1)), new Allowance(6000, Duration.ofMinutes(1))));
        return Collections.unmodifiableMap(families);
    }
}
