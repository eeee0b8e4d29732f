package fr.labos.partenariats.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Real signed JWTs for tests. One RSA key per test JVM; a service under test trusts it through
 * {@code lab.oidc.public-key-location} (see {@link #properties()} and {@link Initializer}), and every token then goes
 * through the service's real validation: signature, issuer, audience, expiry. Also makes the bad tokens: expired,
 * from another issuer, for another audience, signed by another key, tampered with.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.test.labos-partenariats.fr";
    public static final String AUDIENCE = "partnership-lab";

    private static final RSAKey KEY = generateKey();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {
    }

    /** Settings that make a service trust this class's tokens, as {@code key=value}. */
    public static List<String> properties() {
        return List.of("lab.oidc.issuer=" + ISSUER, "lab.oidc.audience=" + AUDIENCE,
                "lab.oidc.public-key-location=" + PUBLIC_KEY.toUri());
    }

    /** The same settings for a {@code @SpringBootTest}: {@code @ContextConfiguration(initializers = TestTokens.Initializer.class)}. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(properties()).applyTo(context);
        }
    }

    public static Token admin() {
        return new Token("admin-" + UUID.randomUUID(), "ADMIN");
    }

    /** A facilitator of territories written {@code LEVEL:code}, e.g. {@code DEPARTEMENT:38}. */
    public static Token facilitator(String... territories) {
        return new Token("facilitator-" + UUID.randomUUID(), "FACILITATOR").territories(territories);
    }

    /** A member of the given actors (by the token's own claim). */
    public static Token member(String... actors) {
        return new Token("member-" + UUID.randomUUID(), "ACTOR_MEMBER").actors(actors);
    }

    public static Token viewer() {
        return new Token("viewer-" + UUID.randomUUID(), "VIEWER");
    }

    /** The issuer's public key as a provider publishes it (a JWK set, in JSON). */
    public static String publicKeySet() {
        return new com.nimbusds.jose.jwk.JWKSet(KEY.toPublicJWK()).toString();
    }

    /** {@code Authorization} header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A token being described; {@link #sign()} makes it. Each setter changes it and returns it. */
    public static final class Token {
        private String subject;
        private String role;
        private List<String> territories = List.of();
        private List<String> actors = List.of();
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE);
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(10);
        private RSAKey signingKey = KEY;
        private String personalName;
        private boolean withoutName;

        private Token(String subject, String role) {
            this.subject = subject;
            this.role = role;
        }

        public String subject() {
            return subject;
        }

        /**
         * The {@code name} claim, as providers add it: personal data that must go nowhere but the list of an
         * organisation's members, to its colleagues. By default, one that holds the subject.
         */
        public String personalName() {
            return personalName != null ? personalName : "Dominique Testeur " + subject;
        }

        /** Another name, or none at all with {@link #withoutName()}. */
        public Token personalName(String name) {
            this.personalName = name;
            return this;
        }

        /** A token without a {@code name} claim, as some providers issue them. */
        public Token withoutName() {
            this.withoutName = true;
            return this;
        }

        /** The {@code email} claim every token carries. */
        public String personalEmail() {
            return subject + "@personnes.example.org";
        }

        public Token subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** Any value, including an unknown role, or null for none. */
        public Token role(String role) {
            this.role = role;
            return this;
        }

        public Token territories(String... territories) {
            this.territories = List.of(territories);
            return this;
        }

        public Token actors(String... actors) {
            this.actors = List.of(actors);
            return this;
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Token audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** Issued at {@code issuedAt}, valid for {@code lifetime}. */
        public Token valid(Instant issuedAt, Duration lifetime) {
            this.issuedAt = issuedAt;
            this.lifetime = lifetime;
            return this;
        }

        /** Expired {@code ago}. */
        public Token expired(Duration ago) {
            return valid(Instant.now().minus(ago).minus(Duration.ofMinutes(5)), Duration.ofMinutes(5));
        }

        /** Signed by a key nobody trusts. */
        public Token signedByAnotherKey() {
            this.signingKey = generateKey();
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    // As an OpenID Connect provider would add them: a service must never copy these anywhere.
                    .claim("name", withoutName ? null : personalName())
                    .claim("email", personalEmail())
                    .issuer(issuer)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString());
            if (role != null) {
                claims.claim("lab_role", role);
            }
            if (!territories.isEmpty()) {
                claims.claim("lab_territories", territories);
            }
            if (!actors.isEmpty()) {
                claims.claim("lab_actors", actors);
            }
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(signingKey));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Signed, then its payload changed (the role raised to ADMIN) without signing again. */
        public String signTampered() {
            String[] parts = sign().split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            String forged = payload.replace("\"lab_role\":\"" + role + "\"", "\"lab_role\":\"ADMIN\"");
            if (forged.equals(payload)) {
                throw new IllegalStateException("nothing to tamper with in " + payload);
            }
            return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(KEY.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Path file = Files.createTempFile("lab-test-issuer-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
