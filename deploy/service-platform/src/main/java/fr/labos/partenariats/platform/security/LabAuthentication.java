package fr.labos.partenariats.platform.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import java.util.List;
import java.util.Map;

/** A validated JWT whose principal is the {@link LabPrincipal} read from it, with its role as sole authority. */
final class LabAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    LabAuthentication(Jwt jwt, LabPrincipal principal) {
        super(jwt, principal, jwt, List.of(new SimpleGrantedAuthority(principal.role().authority())));
        setAuthenticated(true);
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return ((LabPrincipal) getPrincipal()).subject();
    }
}
