package fr.labos.partenariats.platform.security;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decoder the services use against a provider's key set served over HTTP (a local server counting its
 * requests): tokens naming keys the provider never published, sent by anyone, do not make each request a call to the
 * provider.
 */
class ProviderKeySetTest {

    private HttpServer provider;
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private JwtDecoder decoder;

    @BeforeEach
    void aProviderPublishingTheTestIssuersKey() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/oauth2/jwks", exchange -> {
            keySetFetches.incrementAndGet();
            byte[] body = TestTokens.publicKeySet().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        decoder = LabJwtDecoders.create(oidc());
    }

    /** The lab's settings against this provider; no token remembered, so that every decoding asks for the key. */
    private LabSecurityProperties.Oidc oidc() {
        String keySet = "http://127.0.0.1:" + provider.getAddress().getPort() + "/oauth2/jwks";
        return new LabSecurityProperties.Oidc(TestTokens.ISSUER, keySet, TestTokens.AUDIENCE, null,
                Duration.ofSeconds(30), List.of("RS256"), 0);
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void tokensNamingUnknownKeysFetchTheKeySetAtMostOnceAnInterval() {
        assertThat(decoder.decode(TestTokens.viewer().sign()).getSubject()).isNotBlank();
        int afterFirstToken = keySetFetches.get();
        assertThat(afterFirstToken).isEqualTo(1);

        for (int i = 0; i < 20; i++) {
            String forged = TestTokens.viewer().signedByAnotherKey().sign(); // a key id the provider never published
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        }

        // One fetch again for the first unknown key (it may have been rotated in), then none within the interval.
        assertThat(keySetFetches.get() - afterFirstToken).isEqualTo(1);
        assertThat(decoder.decode(TestTokens.viewer().sign()).getSubject()).isNotBlank();
    }

    /**
     * A key id is not the only thing a token's header asks of a key: the provider's own key id with a made-up
     * certificate thumbprint, or a thumbprint and no key id, match no key held either, and may not make every request
     * a call to the provider.
     */
    @Test
    void headersMatchingNoKeyHeldFetchTheKeySetAtMostOnceAnIntervalWhateverTheyName() {
        String valid = TestTokens.viewer().sign();
        assertThat(decoder.decode(valid).getSubject()).isNotBlank();
        int afterFirstToken = keySetFetches.get();
        String[] parts = valid.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String thumbprint = "\"x5t#S256\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]) + "\"";
        String withItsKidAndAThumbprint = header.replaceFirst("\\{", "{" + thumbprint + ",");
        String withAThumbprintOnly = withItsKidAndAThumbprint.replaceAll(",?\"kid\":\"[^\"]*\"", "");
        assertThat(withAThumbprintOnly).doesNotContain("kid").contains("x5t#S256");

        for (int i = 0; i < 10; i++) {
            for (String forged : List.of(withItsKidAndAThumbprint, withAThumbprintOnly)) {
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8))
                        + "." + parts[1] + "." + parts[2];
                assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
            }
        }

        assertThat(keySetFetches.get() - afterFirstToken).isLessThanOrEqualTo(1);
        assertThat(decoder.decode(TestTokens.viewer().sign()).getSubject()).isNotBlank();
    }

    /**
     * The allowance for unknown key ids spent by made-up ones, the cached key set still renews when its time is up:
     * a valid token after that is taken (a limit shared with the renewal refused it — 401 for every new sign-in).
     */
    @Test
    void madeUpKeyIdsNeverKeepTheKeySetFromRenewing() throws InterruptedException {
        JwtDecoder shortCache = LabJwtDecoders.create(oidc(), Duration.ofSeconds(1));
        assertThat(shortCache.decode(TestTokens.viewer().sign()).getSubject()).isNotBlank();
        for (int i = 0; i < 5; i++) {
            String forged = TestTokens.viewer().signedByAnotherKey().sign();
            assertThatThrownBy(() -> shortCache.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        int beforeRenewal = keySetFetches.get();

        Thread.sleep(1_500); // past the cache's time to live

        assertThat(shortCache.decode(TestTokens.viewer().sign()).getSubject()).isNotBlank();
        assertThat(keySetFetches.get()).as("the key set fetched again on renewal").isEqualTo(beforeRenewal + 1);
    }
}
