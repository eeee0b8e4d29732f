package fr.labos.partenariats.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.time.Duration;
import java.util.List;

/**
 * Sign-in settings, all from environment variables ({@code LAB_OIDC_ISSUER} binds {@code lab.oidc.issuer}, and so
 * on); the defaults fit a local run against the authorization server that {@code ./deploy/run.sh} starts.
 *
 * @param oidc  the OpenID Connect provider whose tokens are trusted
 * @param claim names of the claims that carry the lab's role, territories and actors
 * @param cors  browser origins allowed to call the API; none by default
 */
@ConfigurationProperties("lab")
public record LabSecurityProperties(@DefaultValue Oidc oidc, @DefaultValue Claim claim, @DefaultValue Cors cors) {

    /**
     * @param issuer            {@code LAB_OIDC_ISSUER}: the {@code iss} every token must carry
     * @param jwkSetUri         {@code LAB_OIDC_JWK_SET_URI}: where the provider publishes its signing keys; by default
     *                          {@code <issuer>/oauth2/jwks} (Spring Authorization Server's path; Keycloak's is
     *                          {@code <issuer>/protocol/openid-connect/certs}). Fetched on the first token, not at start-up.
     * @param audience          {@code LAB_OIDC_AUDIENCE}: a value the {@code aud} claim must contain
     * @param publicKeyLocation {@code LAB_OIDC_PUBLIC_KEY_LOCATION}: a PEM RSA public key to trust instead of the JWK
     *                          set. Meant for tests, which sign their own tokens; unset in production.
     * @param clockSkew         tolerance on {@code exp} and {@code nbf}
     * @param jwsAlgorithms     {@code LAB_OIDC_JWS_ALGORITHMS}: accepted signature algorithms
     * @param verifiedTokens    {@code LAB_OIDC_VERIFIED_TOKENS}: how many tokens whose signature was verified are
     *                          remembered until they expire, so that the next requests with them skip that check
     *                          (about 3 KB each); 0 verifies every request's token
     */
    public record Oidc(@DefaultValue("http://localhost:9000") String issuer, String jwkSetUri,
                       @DefaultValue("partnership-lab") String audience, Resource publicKeyLocation,
                       @DefaultValue("30s") Duration clockSkew, @DefaultValue("RS256") List<String> jwsAlgorithms,
                       @DefaultValue("2000") int verifiedTokens) {

        public String effectiveJwkSetUri() {
            if (jwkSetUri != null && !jwkSetUri.isBlank()) {
                return jwkSetUri;
            }
            return issuer.replaceAll("/+$", "") + "/oauth2/jwks";
        }
    }

    /**
     * {@code LAB_CLAIM_ROLE}, {@code LAB_CLAIM_TERRITORIES}, {@code LAB_CLAIM_ACTORS}, {@code LAB_CLAIM_NAME}: the
     * claims' names. The person's name ({@code name} in OpenID Connect) is read only where a member is shown to its
     * colleagues ({@link PersonNames}); it never enters the principal, the events or their metadata.
     */
    public record Claim(@DefaultValue("lab_role") String role, @DefaultValue("lab_territories") String territories,
                        @DefaultValue("lab_actors") String actors, @DefaultValue("name") String name) {
    }

    /** {@code LAB_CORS_ALLOWED_ORIGINS}: a comma-separated list of origins, e.g. {@code https://lab.example.fr}. */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
