package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The benchmark's HTTP client for both services. Every request is built by {@link #request}, the one place where a
 * bearer token is added once the services require sign-in.
 */
final class LabClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool())
            .build();
    private final Supplier<Optional<String>> bearerToken;

    /** @param bearerToken the access token to send, or empty while the services are open */
    LabClient(Supplier<Optional<String>> bearerToken) {
        this.bearerToken = bearerToken;
    }

    /**
     * Signed in as a demo account of the local authorization server ({@code admin} unless {@code bench.account}
     * says otherwise). Its token is asked for once: it is valid for an hour, longer than a run.
     */
    static LabClient signedIn(LocalAuthServer auth) {
        Optional<String> token = Optional.of(auth.token(System.getProperty("bench.account", "admin")));
        return new LabClient(() -> token);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        bearerToken.get().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        return builder;
    }

    /** POSTs JSON; returns the created resource's id, or fails unless the answer is 201. */
    String create(URI uri, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("POST " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** The status code of a GET, body discarded. */
    int status(URI uri) throws IOException, InterruptedException {
        return http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    JsonNode getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    String getText(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }
}
