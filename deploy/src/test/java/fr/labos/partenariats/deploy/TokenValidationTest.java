package fr.labos.partenariats.deploy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both services accept only tokens that the configured provider signed, for the lab, still valid: an expired token, a
 * token from another issuer, one for another audience and a tampered one are all {@code 401}. The invalid tokens are
 * made from a genuine one of the real local authorization server, changed in one claim and signed again with that
 * server's own key (kept in its data folder); the same re-signing without a change is accepted, so each refusal is due
 * to the changed claim alone.
 */
@ExtendWith(SignedInLab.Resolver.class)
class TokenValidationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SignedInLab lab;
    private static RSAKey serverKey;

    @BeforeAll
    static void readTheServersKey(SignedInLab signedInLab) throws Exception {
        lab = signedInLab;
        serverKey = RSAKey.parse(Files.readString(lab.auth.dataDir().resolve("signing-key.jwk.json")));
    }

    @Test
    void aGenuineTokenSignedAgainUnchangedIsAccepted() throws Exception {
        assertStatusOnBothServices(resigned(claims -> claims), 200);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        // Beyond the 30 s of clock skew the services allow.
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        assertStatusOnBothServices(resigned(claims -> new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(past.minusSeconds(60))).notBeforeTime(Date.from(past.minusSeconds(60)))
                .expirationTime(Date.from(past)).build()), 401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        assertStatusOnBothServices(resigned(claims -> new JWTClaimsSet.Builder(claims)
                .issuer("https://idp.elsewhere.example.org").build()), 401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertStatusOnBothServices(resigned(claims -> new JWTClaimsSet.Builder(claims)
                .audience(List.of("another-application")).build()), 401);
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        // A viewer's genuine token whose payload is rewritten to claim the admin role, signature kept.
        String[] parts = lab.auth.token("viewer").split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"lab_role\":\"VIEWER\"");
        String forged = Base64URL.encode(payload.replace("\"lab_role\":\"VIEWER\"", "\"lab_role\":\"ADMIN\"")).toString();
        assertStatusOnBothServices(parts[0] + "." + forged + "." + parts[2], 401);

        // And a genuine payload with a signature that is not the server's.
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        assertStatusOnBothServices(parts[0] + "." + parts[1] + "." + new String(signature), 401);
    }

    @Test
    void noTokenOrAMalformedOneIsRefused() throws Exception {
        assertStatusOnBothServices(null, 401);
        assertStatusOnBothServices("not-a-jwt", 401);
    }

    /** A genuine viewer token of the real server, changed, then signed with the server's key under its key id. */
    private static String resigned(UnaryOperator<JWTClaimsSet> change) throws Exception {
        SignedJWT genuine = SignedJWT.parse(lab.auth.token("viewer"));
        assertThat(genuine.getHeader().getKeyID()).isEqualTo(serverKey.getKeyID());
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(serverKey.getKeyID()).build(),
                change.apply(genuine.getJWTClaimsSet()));
        token.sign(new RSASSASigner(serverKey));
        return token.serialize();
    }

    private static void assertStatusOnBothServices(String token, int expected) throws Exception {
        for (URI uri : List.of(lab.profile.resolve("/api/actors?limit=1"),
                lab.matchmaking.resolve("/api/actors/" + lab.actor("tremplin-insertion") + "/partners?limit=1"))) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(expected);
            if (expected == 401) {
                assertThat(response.headers().firstValue("WWW-Authenticate")).as("a bearer challenge").isPresent();
            }
        }
    }
}
