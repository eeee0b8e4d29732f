package fr.labos.partenariats.authserver;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider hands out, by the client-credentials grant, access tokens with the lab's claims (identity contract),
 * signed with the key it keeps in its data folder, and only to a demo account that knows the demo secret.
 */
class AuthServerTokensTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    private static ConfigurableApplicationContext server;
    private static URI base;

    @BeforeAll
    static void start() {
        server = AuthServerApplication.builder().run("--server.port=0", "--spring.main.banner-mode=off",
                "--lab.auth.issuer=http://issuer.test", "--lab.auth.data-dir=" + data);
        base = URI.create("http://localhost:" + server.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFacilitatorsTokenCarriesItsRoleTerritoriesPseudonymNameAndTheLabsAudience() throws Exception {
        HttpResponse<String> response = tokenRequest("facilitator-isere", Files.readString(data.resolve("demo-secret")).trim());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        SignedJWT jwt = SignedJWT.parse(token);

        JWSVerifier keptKey = new RSASSAVerifier(new DataFolder(data).signingKey().toRSAPublicKey());
        assertThat(jwt.verify(keptKey)).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://issuer.test");
        assertThat(claims.getAudience()).containsExactly("partnership-lab");
        assertThat(claims.getSubject()).isEqualTo("u-8f23c06e51");
        assertThat(claims.getStringClaim("lab_role")).isEqualTo("FACILITATOR");
        assertThat(claims.getStringListClaim("lab_territories")).containsExactly("DEPARTEMENT:38");
        assertThat(claims.getStringListClaim("lab_actors")).isEmpty();
        // The person's name, as any OpenID Connect provider gives it: for its colleagues to see, never for an event.
        assertThat(claims.getStringClaim("name")).isEqualTo("Julien Roux");
    }

    @Test
    void noTokenWithoutTheDemoSecretOrForAnUnknownAccount() throws Exception {
        String secret = Files.readString(data.resolve("demo-secret")).trim();
        assertThat(tokenRequest("admin", secret + "x").statusCode()).isEqualTo(401);
        assertThat(tokenRequest("nobody", secret).statusCode()).isEqualTo(401);
    }

    @Test
    void theAccountsAndTheIssuerAreDescribedForTheTokenScript() throws Exception {
        assertThat(Files.readAllLines(data.resolve("accounts.txt"))).extracting(line -> line.split("\\s+")[0])
                .containsExactly("admin", "facilitator-isere", "facilitator-savoie", "member-tremplin", "member-mobilite",
                        "member-fonds", "member-newcomer", "member-colleague", "viewer");
        assertThat(Files.readString(data.resolve("issuer")).trim()).isEqualTo("http://issuer.test");
    }

    @Test
    void itIsAnOpenIdProviderWhoseBrowserClientSignsInThroughTheForm() throws Exception {
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(base.resolve("/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"http://issuer.test\"", "\"jwks_uri\":\"http://issuer.test/oauth2/jwks\"");

        // The public client of a browser application: authorization code with PKCE, through the sign-in form. The
        // console's loopback redirect URI (registered on 8082) is accepted on the port the console really runs on.
        assertThat(authorize("http://127.0.0.1:25123/console/").statusCode()).isEqualTo(302);
        assertThat(authorize("http://127.0.0.1:25123/console/").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(base.resolve("/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<html lang=\"fr\">", "<label for=\"username\">Identifiant</label>", "name=\"_csrf\"");
    }

    @Test
    void theConsolesOriginMayCallTheTokenEndpointAndNoOtherOrigin() throws Exception {
        assertThat(preflight("http://127.0.0.1:25123").headers().firstValue("Access-Control-Allow-Origin"))
                .contains("http://127.0.0.1:25123");
        assertThat(preflight("http://attacker.test").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpResponse<String> authorize(String redirectUri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/oauth2/authorize?response_type=code"
                        + "&client_id=lab-console&scope=openid&redirect_uri=" + redirectUri
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSigningKeyIsKeptAcrossRestarts() {
        assertThat(new DataFolder(data).signingKey()).isEqualTo(new DataFolder(data).signingKey());
        assertThat(new DataFolder(data).signingKey().isPrivate()).isTrue();
    }

    private static HttpResponse<String> tokenRequest(String account, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((account + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
