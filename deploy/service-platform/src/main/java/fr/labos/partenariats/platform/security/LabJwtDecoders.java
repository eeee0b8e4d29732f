package fr.labos.partenariats.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import org.springframework.boot.web.client.RestTemplateBuilder;
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
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Builds the JWT decoder: signature, issuer, audience, expiry with a clock skew, and a subject, all required; a token
 * already verified is remembered until it expires ({@link VerifiedTokens}).
 */
final class LabJwtDecoders {

    private LabJwtDecoders() {
    }

    static JwtDecoder create(LabSecurityProperties.Oidc oidc) {
        if (oidc.issuer() == null || oidc.issuer().isBlank()) {
            throw new IllegalStateException("LAB_OIDC_ISSUER is empty: set it to the OpenID Connect provider's issuer");
        }
        NimbusJwtDecoder decoder;
        if (oidc.publicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(oidc)).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            // The key set is fetched on the first token and cached, so the provider need not be up when we start.
            decoder = NimbusJwtDecoder.withJwkSetUri(oidc.effectiveJwkSetUri())
                    .jwsAlgorithms(algorithms -> oidc.jwsAlgorithms().forEach(name -> algorithms.add(signatureAlgorithm(name))))
                    .restOperations(new RestTemplateBuilder()
                            .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5)).build())
                    .build();
        }
        OAuth2TokenValidator<Jwt> validator = validator(oidc);
        decoder.setJwtValidator(validator);
        if (oidc.verifiedTokens() <= 0) {
            return decoder;
        }
        return new VerifiedTokens(decoder, validator, oidc.verifiedTokens(), oidc.clockSkew(), Clock.systemUTC());
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
