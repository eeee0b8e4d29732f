package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The local OpenID Connect provider ({@code deploy/auth-server}) as a child JVM, and the way to get a token from it
 * for a demo account: the OAuth2 client-credentials grant, each account being a client whose secret is the demo
 * secret the provider keeps in its data folder. The signing key is kept there too, so tokens survive a restart.
 */
public final class LocalAuthServer implements AutoCloseable {

    /** The audience every token carries, and the services require. */
    static final String AUDIENCE = "partnership-lab";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(150);

    private final ServiceProcess process;
    private final Path dataDir;
    private final URI issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LocalAuthServer(Path jar, int port, Path dataDir, List<String> jvmOptions, Path logFile) {
        this.dataDir = dataDir.toAbsolutePath();
        this.issuer = URI.create("http://localhost:" + port);
        this.process = new ServiceProcess("auth-server", jar, port,
                Map.of("AUTH_SERVER_PORT", Integer.toString(port),
                        "AUTH_SERVER_ISSUER", issuer.toString(),
                        "AUTH_SERVER_DATA_DIR", this.dataDir.toString(),
                        "LAB_OIDC_AUDIENCE", AUDIENCE),
                jvmOptions, logFile);
    }

    /**
     * Starts a provider from the jar that {@code mvn package} built in {@code deploy/auth-server}, on a free port,
     * with its key and secret in {@code dataDir}, and waits until it answers. For tests and tools.
     */
    public static LocalAuthServer start(Path dataDir) {
        Path jar = Path.of(System.getProperty("auth.server.jar", "auth-server/target/auth-server-0.1.0-SNAPSHOT-exec.jar"));
        LocalAuthServer server = new LocalAuthServer(jar, Ports.freePort(), dataDir,
                List.of(LauncherSettings.DEFAULT_SERVICE_JVM_OPTIONS.split(" ")), dataDir.resolve("auth-server.log"));
        server.start();
        try {
            server.awaitReady();
        } catch (InterruptedException e) {
            server.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the authorization server started", e);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    void start() {
        process.start();
    }

    void awaitReady() throws InterruptedException {
        process.awaitHealthy(HEALTH_TIMEOUT);
    }

    ServiceProcess process() {
        return process;
    }

    /** {@code http://localhost:<port>}: what the services expect in {@code iss} ({@code LAB_OIDC_ISSUER}). */
    public URI issuer() {
        return issuer;
    }

    /** The folder with the signing key ({@code signing-key.jwk.json}), the demo secret and the account list. */
    Path dataDir() {
        return dataDir;
    }

    /** The names of the demo accounts, as the provider lists them in its data folder. */
    List<String> accounts() {
        try {
            return Files.readAllLines(dataDir.resolve("accounts.txt")).stream()
                    .map(String::trim).filter(line -> !line.isEmpty())
                    .map(line -> line.split("\\s+")[0]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The authorization server has not described its accounts yet", e);
        }
    }

    /** A fresh access token (a signed JWT) for the demo account, by the client-credentials grant. */
    String token(String account) {
        try {
            String secret = Files.readString(dataDir.resolve("demo-secret")).trim();
            String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(account, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                throw new IllegalArgumentException("No token for account '" + account + "' (" + response.statusCode() + " "
                        + response.body() + "); demo accounts: " + accounts());
            }
            return body.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("The authorization server at " + issuer + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for a token", e);
        }
    }

    /** {@code "Bearer <token>"}, for an {@code Authorization} header. */
    public String bearer(String account) {
        return "Bearer " + token(account);
    }

    @Override
    public void close() {
        process.close();
    }
}
