package fr.labos.partenariats.platform.security;

import fr.labos.partenariats.schema.common.TerritoryRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the lab's claims of a validated token into a {@link LabPrincipal}. A token without a known role stays
 * signed in but holds no authority, so every protected endpoint answers 403: its holder exists, it may do nothing here.
 */
final class LabTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger LOG = LoggerFactory.getLogger(LabTokenConverter.class);

    private final LabSecurityProperties.Claim claims;

    LabTokenConverter(LabSecurityProperties.Claim claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Optional<LabRole> role = role(jwt.getClaim(claims.role()));
        if (role.isEmpty()) {
            LOG.warn("Token of subject {} carries no known role in claim '{}'", jwt.getSubject(), claims.role());
            return new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject());
        }
        return new LabAuthentication(jwt, new LabPrincipal(jwt.getSubject(), role.get(), territories(jwt), actors(jwt)));
    }

    /** A single string, or a list holding exactly one known role (as some providers map roles). */
    private static Optional<LabRole> role(Object claim) {
        if (claim instanceof String name) {
            return LabRole.named(name);
        }
        if (claim instanceof Collection<?> names) {
            List<LabRole> known = names.stream().map(String::valueOf).map(LabRole::named).flatMap(Optional::stream)
                    .distinct().toList();
            return known.size() == 1 ? Optional.of(known.get(0)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Each entry {@code LEVEL:code}; an entry that is malformed or unknown grants nothing and is logged. */
    private Set<TerritoryRef> territories(Jwt jwt) {
        Set<TerritoryRef> territories = new LinkedHashSet<>();
        for (String entry : strings(jwt, claims.territories())) {
            TerritoryScope.parse(entry).ifPresentOrElse(territories::add,
                    () -> LOG.warn("Token of subject {}: ignored territory '{}' (expected DEPARTEMENT:code or REGION:code)",
                            jwt.getSubject(), entry));
        }
        return territories;
    }

    private Set<String> actors(Jwt jwt) {
        return new LinkedHashSet<>(strings(jwt, claims.actors()));
    }

    private static List<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
