package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.labos.partenariats.schema.Topics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole system with authentication on, started once for the run and shared by the authorization tests: real
 * PostgreSQL, Kafka broker process, MongoDB wire protocol, the real local authorization server, both services
 * in-process, and the demo territory of Isère loaded signed in as the launcher does (actors registered by the
 * facilitator of Isère, three of them by the demo members, who thereby became their members). Use it with
 * {@code @ExtendWith(SignedInLab.Resolver.class)} and a {@code SignedInLab} parameter.
 */
final class SignedInLab {

    /** How many times a request the rate limits refuse (429) is sent in all: about a minute of waiting at most. */
    private static final int MAX_ATTEMPTS_WHEN_LIMITED = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    final LocalAuthServer auth;
    final URI profile;
    final URI matchmaking;
    final DemoTerritory demo;
    final DemoTerritory.Loaded loaded;
    /** matchmaking-service's own PostgreSQL database (its event store), for the tests that alter it by SQL. */
    final String matchmakingDatabaseUrl;
    /** profile-service's database (its event store and views), for the tests that alter it by SQL. */
    final String profileDatabaseUrl;
    /** The broker both services use, for the tests that watch how far a consumer group has read. */
    final String kafkaBootstrapServers;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** One token per account for the whole run (they are valid for an hour): asking for one costs a hash check. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private SignedInLab(LocalAuthServer auth, URI profile, URI matchmaking, DemoTerritory demo, DemoTerritory.Loaded loaded,
                        String matchmakingDatabaseUrl, String profileDatabaseUrl, String kafkaBootstrapServers) {
        this.auth = auth;
        this.profile = profile;
        this.matchmaking = matchmaking;
        this.demo = demo;
        this.loaded = loaded;
        this.matchmakingDatabaseUrl = matchmakingDatabaseUrl;
        this.profileDatabaseUrl = profileDatabaseUrl;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    /** Resolves a {@code SignedInLab} parameter to the one lab of the run. */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SignedInLab.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
            LocalAuthServer auth = SharedAuthServer.shared(context);
            return store.getOrComputeIfAbsent(Running.class, key -> new Running(auth), Running.class).lab;
        }
    }

    /** The demo actor's id, by its key in the demo territory. */
    String actor(String key) {
        return loaded.actors().get(key);
    }

    /** An association of Isère registered by a demo member (its member then), once the matcher knows it. */
    String isereNewcomer(String account, String name) {
        String actor = create("/api/actors", account, AuthorizationMatrixTest.ISERE_ACTOR.formatted(
                name, "nouvelle-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.org"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> send("GET",
                matchmaking.resolve("/api/actors/" + actor + "/introductions"), account, null).statusCode() == 200);
        return actor;
    }

    /** The demo territory's actors' ids. */
    List<String> demoActors() {
        return List.copyOf(loaded.actors().values());
    }

    /** The web console's address: a loopback origin, which the provider accepts as a redirect on any port. */
    URI console() {
        return URI.create(consoleOrigin(matchmaking.getPort()) + "/console/");
    }

    private static String consoleOrigin(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** A token of the account, signed by the real local authorization server. */
    String token(String account) {
        return tokens.computeIfAbsent(account, auth::token);
    }

    /** The pseudonymous subject ({@code sub}) of the account's token: what the history and memberships record. */
    String subjectOf(String account) {
        return claimOf(account, "sub");
    }

    /** The person's name the account's token gives ({@code name}): what its colleagues see in the list of members. */
    String nameOf(String account) {
        return claimOf(account, "name");
    }

    private String claimOf(String account, String claim) {
        String payload = token(account).split("\\.")[1];
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(payload)).path(claim).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The account leaves every organisation it was made a member of in the lab, so that a test that makes the demo's
     * {@code member-newcomer} join one leaves it as the next test expects it: a member of nothing.
     */
    void leaveEveryOrganisation(String account) {
        try {
            for (JsonNode actor : JSON.readTree(send("GET", profile.resolve("/api/me/actors"), account, null).body())) {
                HttpResponse<String> left = send("DELETE", profile.resolve("/api/actors/" + actor.path("id").asText()
                        + "/members/" + subjectOf(account)), account, null);
                if (left.statusCode() != 204) {
                    throw new IllegalStateException(account + " could not leave " + actor + ": " + left.body());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(String method, URI uri, String account, String body) {
        return send(method, uri, account, body, "application/json");
    }

    /**
     * A request whose body (if any) is of that content type, e.g. {@code text/csv;charset=UTF-8}. A 429 is asked again
     * once its {@code Retry-After} passed, as a well-behaved client does (it wrote nothing): the lab's rate limits count
     * all the tests' requests, which come from one address and faster than people make them.
     */
    HttpResponse<String> send(String method, URI uri, String account, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (account != null) {
            request.header("Authorization", "Bearer " + token(account));
        }
        try {
            HttpRequest built = request.build();
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt == MAX_ATTEMPTS_WHEN_LIMITED) {
                    return response;
                }
                long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request that must succeed with a new id: registration of an actor, a need or an offer. */
    String create(String path, String account, String body) {
        HttpResponse<String> response = send("POST", profile.resolve(path), account, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " as " + account + ": " + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a temporary folder the run made, with what is in it; one left behind is the system's to clean. */
    static void deleteQuietly(Path folder) {
        try {
            if (folder != null) {
                FileSystemUtils.deleteRecursively(folder);
            }
        } catch (IOException e) {
            System.err.println("Could not delete " + folder + ": " + e);
        }
    }

    /** Started on first use, closed by JUnit at the end of the run. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {

        private final EmbeddedPostgresServer postgres;
        private final KafkaBrokerProcess kafka;
        private final MongoWireServer mongo;
        private final ConfigurableApplicationContext profileService;
        private final ConfigurableApplicationContext matchmakingService;
        private final SignedInLab lab;
        private final Path data;

        Running(LocalAuthServer auth) {
            try {
                data = Files.createTempDirectory("signed-in-lab");
                postgres = EmbeddedPostgresServer.start(null, Ports.freePort(), null).ensureDatabase("profile");
                kafka = KafkaBrokerProcess.forTests(data.resolve("kafka")).start();
                kafka.createTopics(List.of(KafkaBrokerProcess.foreverTopic(Topics.PROFILE_EVENTS, 3)));
                mongo = new MongoWireServer(new MemoryBackend(), 0);
                // The web console is served by matchmaking-service and calls profile-service from its origin.
                // Both ports drawn here: profile-service on port 0 could be given matchmaking-service's, not yet listened on.
                int matchmakingPort = Ports.freePort();
                profileService = SharedClasspath.startProfileService(postgres, kafka, SharedClasspath.signInWith(auth),
                        "--server.port=" + Ports.freePort(), "--lab.cors.allowed-origins=" + consoleOrigin(matchmakingPort));
                String profileUrl = "http://localhost:" + profileService.getEnvironment().getProperty("local.server.port");
                matchmakingService = SharedClasspath.startMatchmakingService(postgres, kafka, mongo.uri("matchmaking"),
                        SharedClasspath.signInWith(auth),
                        // server.port outranks the SERVER_PORT=0 the helper sets (a repeated argument would be a list)
                        "--server.port=" + matchmakingPort, "--lab.console.profile-service-url=" + profileUrl);
                URI profile = URI.create("http://localhost:" + profileService.getEnvironment().getProperty("local.server.port"));
                URI matchmaking = URI.create("http://localhost:" + matchmakingService.getEnvironment().getProperty("local.server.port"));
                DemoTerritory demo = DemoTerritory.fromClasspath();
                DemoTerritory.Loaded loaded = demo.load(profile, data.resolve("demo-territory.json"), auth);
                JsonNode matches = demo.awaitMatches(matchmaking, loaded.needId(demo.showcaseNeedKey()), Duration.ofSeconds(90),
                        auth.token("viewer"));
                if (matches.isEmpty()) {
                    throw new IllegalStateException("The demo territory never reached matchmaking-service");
                }
                lab = new SignedInLab(auth, profile, matchmaking, demo, loaded,
                        postgres.jdbcUrl(SharedClasspath.MATCHMAKING_DATABASE), postgres.jdbcUrl("profile"),
                        kafka.bootstrapServers());
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            // Services first, then the infrastructure they use; PostgreSQL last, as the launcher does.
            for (AutoCloseable closeable : new AutoCloseable[]{matchmakingService, profileService, kafka, mongo, postgres}) {
                try {
                    if (closeable != null) {
                        closeable.close();
                    }
                } catch (Exception e) {
                    System.err.println("Could not stop " + closeable + ": " + e);
                }
            }
            deleteQuietly(data); // the broker's logs and the demo's progress: a few megabytes at each run
        }
    }
}
