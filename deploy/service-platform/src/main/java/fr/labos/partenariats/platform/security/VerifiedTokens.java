package fr.labos.partenariats.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A JWT decoder that remembers the tokens whose signature it has verified. A client sends the same bearer token with
 * every request until it expires, and parsing it and checking its RSA signature was a tenth of the CPU of an
 * introduction command; once a token is verified, the same string needs no second check.
 *
 * <p>What still runs on every request: the validators (expiry and not-before with the clock skew, issuer, audience,
 * subject), so an expired token is refused at the same instant as before. What is remembered is keyed by the whole
 * compact token, signature included: a token that differs by one character is another key and is verified anew. A
 * token that fails is never remembered. An entry is forgotten when its token expires, or when the most recently used
 * {@code capacity} tokens no longer include it.
 *
 * <p>The one difference with checking every time: a signing key withdrawn from the provider's key set keeps its tokens
 * accepted until they expire, where the decoder alone would refuse them once its own copy of the key set (kept five
 * minutes by Spring Security) was refreshed. Access tokens live minutes; revoking a key is not how a session ends.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier  parses, verifies the signature and validates (the decoder this one saves work to)
     * @param validator the same validations as {@code verifier}'s, run again on a remembered token
     * @param capacity  tokens remembered at most
     * @param clockSkew tolerance on {@code exp}, as the validator's: a token is remembered until then
     * @param clock     the validator's clock, for the time a token is remembered
     */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity, Duration clockSkew,
                   Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> rememberedFor(jwt, clockSkew, clock)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(remembered);
        if (result.hasErrors()) {
            verified.invalidate(token);
            // The message NimbusJwtDecoder gives for the same failure.
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return remembered;
    }

    /** Tokens remembered now (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static Duration rememberedFor(Jwt jwt, Duration clockSkew, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            // Refused by the validators anyway; nothing to keep.
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt.plus(clockSkew));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
