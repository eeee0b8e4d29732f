package fr.labos.partenariats.deploy.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every HTTP call of the crash tests goes through here, so that signing in is one place: the {@code Authorization}
 * header, when the services require one, comes from the supplier given at construction.
 */
final class LabHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration TOKEN_REFRESH = Duration.ofMinutes(20);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<Optional<String>> authorization;

    /** @param authorization the {@code Authorization} header's value for each request, if any (e.g. "Bearer ...") */
    LabHttp(Supplier<Optional<String>> authorization) {
        this.authorization = authorization;
    }

    /**
     * Signed in with a bearer token from {@code freshBearer} ("Bearer ..."), fetched once and again every
     * {@link #TOKEN_REFRESH}, well within the local provider's token lifetime (one hour).
     */
    static LabHttp signedIn(Supplier<String> freshBearer) {
        return new LabHttp(new CachedBearer(freshBearer));
    }

    HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(URI uri, String json) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
        authorization.get().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One token for every request until it is due for renewal. */
    private static final class CachedBearer implements Supplier<Optional<String>> {

        private final Supplier<String> freshBearer;
        private String bearer;
        private long fetchedAt;

        CachedBearer(Supplier<String> freshBearer) {
            this.freshBearer = freshBearer;
        }

        @Override
        public synchronized Optional<String> get() {
            if (bearer == null || System.nanoTime() - fetchedAt > TOKEN_REFRESH.toNanos()) {
                bearer = freshBearer.get();
                fetchedAt = System.nanoTime();
            }
            return Optional.of(bearer);
        }
    }
}
