package fr.labos.partenariats.matchmaking.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.matchmaking.MatchmakingServiceApplication;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.ProjectionMetrics;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * matchmaking-service started the way the deploy launcher and the end-to-end suite start it
 * ({@link MatchmakingServiceApplication#builder()}), on a random port, spoken to over real HTTP with real tokens
 * ({@link TestTokens}): as an admin unless a token is given.
 */
public final class RunningMatchmaking implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    /** The admin's token and when it was signed: tokens live 10 minutes, benchmarks run longer. */
    private String adminToken;
    private long adminTokenSignedAt;

    private RunningMatchmaking(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Starts the service on the given infrastructure, with test-friendly retry pauses and extra properties
     * ({@code key=value}, outranking the defaults here). Its event store is a new database of the embedded PostgreSQL
     * unless {@code spring.datasource.url} is given, e.g. {@link #databaseUrl()} of an earlier instance to restart on
     * the same data.
     */
    public static RunningMatchmaking start(String bootstrapServers, String mongoUri, String topic, String groupId,
                                           String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.kafka.bootstrap-servers=" + bootstrapServers,
                "spring.data.mongodb.uri=" + mongoUri,
                "matchmaking.projection.topic=" + topic,
                "spring.kafka.consumer.group-id=" + groupId,
                "matchmaking.projection.retry-initial-interval=100ms",
                "matchmaking.projection.retry-max-interval=1s",
                "matchmaking.projection.poison-interval=50ms",
                "matchmaking.metrics.open-posts-refresh=200ms"));
        properties.addAll(TestTokens.properties());
        properties.addAll(MatchmakingDatabase.properties(extraProperties));
        properties = CommandLineSettings.overriddenBy(properties, extraProperties);
        // As command-line arguments: they outrank matchmaking-service.yml, which default properties would not.
        return new RunningMatchmaking(MatchmakingServiceApplication.builder()
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new)));
    }

    /** The admin's token, signed again once it is five minutes old. */
    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenSignedAt > Duration.ofMinutes(5).toNanos()) {
            adminToken = TestTokens.admin().sign();
            adminTokenSignedAt = System.nanoTime();
        }
        return adminToken;
    }

    public int port() {
        return port;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** The JDBC URL of this instance's event store. */
    public String databaseUrl() {
        return context.getEnvironment().getRequiredProperty("spring.datasource.url");
    }

    /** Axon's command gateway of this instance: to send commands without the REST API. */
    public CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    /** Total of {@code lab.projection.events} for one outcome since this context started. */
    public double events(EventOutcome outcome) {
        return context.getBean(ProjectionMetrics.class).count(outcome);
    }

    /** Records consumed since this context started, whatever became of them. */
    public double received() {
        double total = 0;
        for (EventOutcome outcome : EventOutcome.values()) {
            total += events(outcome);
        }
        return total;
    }

    public HttpResponse<String> get(String path) {
        return get(path, adminToken());
    }

    /** GET with that bearer token, or none if null. */
    public HttpResponse<String> get(String path, String token) {
        return get(path, token, Duration.ofSeconds(10));
    }

    /** The same, waiting up to {@code timeout} for the answer (a benchmark's slowest reads). */
    public HttpResponse<String> get(String path, String token, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout).GET();
        if (token != null) {
            builder.header("Authorization", TestTokens.bearer(token));
        }
        HttpRequest request = builder.build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET as an admin, with extra request headers (name, value, name, value...), the body as bytes. */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return getBytesAs(path, adminToken(), headers);
    }

    /** The same with that bearer token. */
    public HttpResponse<byte[]> getBytesAs(String path, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().header("Authorization", TestTokens.bearer(token));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST of a JSON body with that bearer token (none if null), in French unless told otherwise. */
    public HttpResponse<String> post(String path, String token, String json) {
        return post(path, token, json, "fr");
    }

    /** POST of a JSON body with that bearer token (none if null) and {@code Accept-Language}. */
    public HttpResponse<String> post(String path, String token, String json, String language) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(json));
        return send(builder, token);
    }

    /** POST of a body of that content type, as bytes, with that bearer token (none if null), in French. */
    public HttpResponse<String> postBytes(String path, String token, String contentType, byte[] body) {
        return postBytes(path, token, contentType, body, Duration.ofSeconds(30));
    }

    /** The same, waiting up to {@code timeout} for the answer (a benchmark's largest files). */
    public HttpResponse<String> postBytes(String path, String token, String contentType, byte[] body, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout).header("Content-Type", contentType)
                .header("Accept-Language", "fr").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(builder, token);
    }

    /** DELETE with that bearer token (none if null), in French. */
    public HttpResponse<String> delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept-Language", "fr").DELETE(), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", TestTokens.bearer(token));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET, expecting 200 and JSON. */
    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
