package fr.labos.partenariats.platform.security;

import fr.labos.partenariats.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.UrlResource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Remembered tokens skip the signature check and nothing else: tokens signed by the test issuer's RSA key, verified by
 * the decoder the services use, with a counter on how often the signature is actually checked.
 */
class VerifiedTokensTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final LabSecurityProperties.Oidc oidc = oidc(2000);
    private final JwtDecoder signatureCheck = LabJwtDecoders.create(oidc(0));
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.now(), ZoneOffset.UTC);
    private final VerifiedTokens decoder = new VerifiedTokens(token -> {
        signatureChecks.incrementAndGet();
        return signatureCheck.decode(token);
    }, validatorAt(clock), 100, SKEW, clock);

    @Test
    void theServicesDecoderRemembersVerifiedTokensUnlessToldNotTo() {
        assertThat(LabJwtDecoders.create(oidc)).isInstanceOf(VerifiedTokens.class);
        assertThat(signatureCheck).isNotInstanceOf(VerifiedTokens.class);
    }

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        String token = TestTokens.facilitator("departement:38").sign();

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(signatureChecks).hasValue(1);
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(second.getClaimAsString("lab_role")).isEqualTo("FACILITATOR");
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpiresAsBefore() {
        Instant issued = Instant.now();
        String token = TestTokens.member("actor-1").valid(issued, Duration.ofMinutes(5)).sign();
        decoder.decode(token);

        clock.set(issued.plus(Duration.ofMinutes(5)).plus(SKEW).minusSeconds(1));
        assertThat(decoder.decode(token).getSubject()).isNotBlank();
        clock.set(issued.plus(Duration.ofMinutes(5)).plus(SKEW).plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(signatureChecks).hasValue(1);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void theSignatureOfARememberedTokenDoesNotCoverAnotherPayload() {
        String token = TestTokens.member("actor-1").sign();
        decoder.decode(token);
        // The same header and signature, the payload raised to ADMIN.
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"ACTOR_MEMBER\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(forged).isNotEqualTo(token);

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks).hasValue(2);
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        String untrusted = TestTokens.admin().signedByAnotherKey().sign();

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> decoder.decode(untrusted)).isInstanceOf(BadJwtException.class);
        }

        assertThat(signatureChecks).hasValue(3);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void onlyTheMostRecentTokensAreRememberedUpToTheCapacity() {
        VerifiedTokens small = new VerifiedTokens(token -> {
            signatureChecks.incrementAndGet();
            return signatureCheck.decode(token);
        }, validatorAt(clock), 3, SKEW, clock);
        for (int i = 0; i < 20; i++) {
            small.decode(TestTokens.member("actor-" + i).sign());
        }

        assertThat(small.size()).isLessThanOrEqualTo(3);
    }

    /** The services' validators, with the expiry checked against the test's clock too. */
    private OAuth2TokenValidator<Jwt> validatorAt(Clock clock) {
        JwtTimestampValidator expiry = new JwtTimestampValidator(SKEW);
        expiry.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(LabJwtDecoders.validator(oidc), expiry);
    }

    private static LabSecurityProperties.Oidc oidc(int verifiedTokens) {
        String location = TestTokens.properties().stream().filter(p -> p.startsWith("lab.oidc.public-key-location="))
                .findFirst().orElseThrow().substring("lab.oidc.public-key-location=".length());
        try {
            return new LabSecurityProperties.Oidc(TestTokens.ISSUER, null, TestTokens.AUDIENCE,
                    new UrlResource(URI.create(location)), SKEW, List.of("RS256"), verifiedTokens);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
