package fr.labos.partenariats.authserver;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationValidator;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the provider sends the browser back after a sign-out the console asked for (OpenID Connect RP-initiated
 * logout): one of the client's registered addresses, as by default, or — as the authorization request accepts a
 * loopback redirect on any port (RFC 8252 §7.3) — a loopback address registered with another port, so that a console
 * started on a free port signs out as it signs in.
 */
final class ConsoleSignOutRedirects implements Consumer<OidcLogoutAuthenticationContext> {

    private static final Consumer<OidcLogoutAuthenticationContext> REGISTERED_ONLY = new OidcLogoutAuthenticationValidator();

    @Override
    public void accept(OidcLogoutAuthenticationContext context) {
        OidcLogoutAuthenticationToken request = context.getAuthentication();
        String requested = request.getPostLogoutRedirectUri();
        if (requested != null && context.getRegisteredClient().getPostLogoutRedirectUris().stream()
                .anyMatch(registered -> sameLoopbackAddressButThePort(registered, requested))) {
            return;
        }
        REGISTERED_ONLY.accept(context);
    }

    static boolean sameLoopbackAddressButThePort(String registered, String requested) {
        try {
            URI a = URI.create(registered);
            URI b = URI.create(requested);
            return isLoopback(a.getHost()) && Objects.equals(a.getScheme(), b.getScheme())
                    && Objects.equals(a.getHost(), b.getHost()) && Objects.equals(a.getRawPath(), b.getRawPath())
                    && b.getRawQuery() == null && b.getRawFragment() == null && b.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "OpenID Connect 1.0 Logout Request Parameter: post_logout_redirect_uri", null));
        }
    }

    static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "[::1]".equals(host);
    }
}
