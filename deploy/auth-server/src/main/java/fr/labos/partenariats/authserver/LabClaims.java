package fr.labos.partenariats.authserver;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;

/**
 * Puts the lab's claims into every token it issues for a demo account (the identity contract, docs/identity.md):
 * a pseudonymous {@code sub}, {@code lab_role}, {@code lab_territories}, {@code lab_actors}, the person's {@code name},
 * and the lab's audience on access tokens. The account is the client itself (client credentials) or the signed-in
 * user (authorization code).
 */
final class LabClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLE = "lab_role";
    static final String TERRITORIES = "lab_territories";
    static final String ACTORS = "lab_actors";
    static final String NAME = "name";

    private final AuthServerProperties properties;

    LabClaims(AuthServerProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        String name = context.getPrincipal().getName();
        AuthServerProperties.Account account = properties.account(name)
                .orElseThrow(() -> new IllegalStateException("No demo account " + name));
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        context.getClaims()
                .subject(account.subject())
                .claim(ROLE, account.role())
                .claim(TERRITORIES, account.territories())
                .claim(ACTORS, account.actors());
        if (account.displayName() != null) {
            // OpenID Connect's standard claim, as any provider gives it: the services show it to a member's colleagues
            // only, and never write it into an event.
            context.getClaims().claim(NAME, account.displayName());
        }
        if (accessToken) {
            // The services accept a token only if it is meant for the lab, whichever client asked for it.
            context.getClaims().audience(List.of(properties.audience()));
        }
    }
}
