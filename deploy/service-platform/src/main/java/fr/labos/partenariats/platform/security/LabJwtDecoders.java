package fr.labos.partenariats.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the JWT decoder: signature, issuer, audience, expiry with a clock skew, and a subject, all required; a token
 * already verified is remembered until it expires ({@link VerifiedTokens}).
 */
final class LabJwtDecoders {

    /** The shortest time between two fetches of the provider's key set asked by tokens naming unknown key ids. */
    static final Duration KEY_SET_REFRESH = Duration.ofSeconds(30);
    /** How long the provider's key set is kept before it is fetched again. */
    static final Duration KEY_SET_CACHE = Duration.ofMinutes(5);
    private static final Duration KEY_SET_TIMEOUT = Duration.ofSeconds(5);
    private static final int KEY_SET_SIZE_LIMIT = 512 * 1024;

    private LabJwtDecoders() {
    }

    static JwtDecoder create(LabSecurityProperties.Oidc oidc) {
        return create(oidc, KEY_SET_CACHE);
    }

    /** With the provider's key set kept {@code keySetCache} (a test's short one). */
    static JwtDecoder create(LabSecurityProperties.Oidc oidc, Duration keySetCache) {
        if (oidc.issuer() == null || oidc.issuer().isBlank()) {
            throw new IllegalStateException("LAB_OIDC_ISSUER is empty: set it to the OpenID Connect provider's issuer");
        }
        NimbusJwtDecoder decoder;
        if (oidc.publicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(oidc)).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            // The key set is fetched on the first token and cached, so the provider need not be up when we start.
            JWKSource<SecurityContext> keys = providerKeys(oidc.effectiveJwkSetUri(), keySetCache);
            Set<JWSAlgorithm> accepted = oidc.jwsAlgorithms().stream()
                    .map(name -> JWSAlgorithm.parse(signatureAlgorithm(name).getName())).collect(Collectors.toSet());
            decoder = NimbusJwtDecoder.withJwkSetUri(oidc.effectiveJwkSetUri())
                    .jwsAlgorithms(algorithms -> oidc.jwsAlgorithms().forEach(name -> algorithms.add(signatureAlgorithm(name))))
                    .jwtProcessorCustomizer(processor ->
                            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(accepted, keys)))
                    .build();
        }
        OAuth2TokenValidator<Jwt> validator = validator(oidc);
        decoder.setJwtValidator(validator);
        if (oidc.verifiedTokens() <= 0) {
            return decoder;
        }
        return new VerifiedTokens(decoder, validator, oidc.verifiedTokens(), oidc.clockSkew(), Clock.systemUTC());
    }

    /**
     * The provider's keys, cached {@link #KEY_SET_CACHE} and renewed then, and fetched again when a token names a key
     * id never seen (the provider rotated its keys) — that at most once every {@link #KEY_SET_REFRESH}
     * ({@link UnknownKeyFetchLimit}): Spring's own key source fetches again for every such token, so that anyone,
     * without an account, could make each request a call to the provider with made-up key ids.
     */
    static JWKSource<SecurityContext> providerKeys(String jwkSetUri, Duration cacheFor) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(jwkSetUri).toURL(),
                            new DefaultResourceRetriever((int) KEY_SET_TIMEOUT.toMillis(), (int) KEY_SET_TIMEOUT.toMillis(),
                                    KEY_SET_SIZE_LIMIT))
                    .cache(cacheFor.toMillis(), Math.min(KEY_SET_TIMEOUT.multipliedBy(3).toMillis(), cacheFor.toMillis() / 2))
                    // Renewed in the background before it expires, unless kept too short for that (a test's).
                    .refreshAheadCache(cacheFor.compareTo(Duration.ofMinutes(1)) > 0)
                    .rateLimited(false)
                    .build();
            return new UnknownKeyFetchLimit(keys, KEY_SET_REFRESH, Clock.systemUTC());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("LAB_OIDC_JWK_SET_URI is not a URL: " + jwkSetUri, e);
        }
    }

    static OAuth2TokenValidator<Jwt> validator(LabSecurityProperties.Oidc oidc) {
        String audience = oidc.audience();
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                new JwtTimestampValidator(oidc.clockSkew()),
                // JwtTimestampValidator accepts a token without exp; a token that never expires is not accepted here.
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(oidc.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static SignatureAlgorithm signatureAlgorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(JWSAlgorithm.parse(name.strip()).getName());
        if (algorithm == null) {
            throw new IllegalStateException("LAB_OIDC_JWS_ALGORITHMS: unsupported signature algorithm " + name);
        }
        return algorithm;
    }

    private static RSAPublicKey readPublicKey(LabSecurityProperties.Oidc oidc) {
        try (InputStream pem = oidc.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read LAB_OIDC_PUBLIC_KEY_LOCATION " + oidc.publicKeyLocation(), e);
        }
    }
}
