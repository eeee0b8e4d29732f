package fr.labos.partenariats.matchmaking;

import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorInvitationRedeemedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberInvitedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.MemberRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console's files are public, with their own content security policy, and its live stream tells a signed-in
 * reader of each event read from Kafka (type and aggregate only), while an anonymous caller gets nothing.
 */
class ConsoleAndLiveStreamTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static InMemoryMongo mongo;
    private static ProfileEventPublisher publisher;
    private static RunningMatchmaking service;

    @BeforeAll
    static void start() {
        String topic = SharedKafka.newTopic("it.live.profile.events");
        mongo = InMemoryMongo.start();
        publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, "it-live",
                "lab.console.profile-service-url=http://localhost:18081");
    }

    @AfterAll
    static void stop() {
        service.close();
        publisher.close();
        mongo.close();
    }

    @Test
    void theConsoleIsPublicAndMayConnectOnlyToTheServicesAndTheProvider() {
        HttpResponse<String> page = service.get("/console/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\">", "js/app.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self';", "connect-src 'self' http://localhost:18081 " + TestTokens.ISSUER + ";", "frame-ancestors 'none'"));
        assertThat(service.get("/console/js/app.js", null).statusCode()).isEqualTo(200);
        assertThat(service.get("/webjars/echarts/5.3.1/dist/echarts.min.js", null).statusCode()).isEqualTo(200);
        HttpResponse<String> settings = service.get("/console/settings.json", null);
        assertThat(RunningMatchmaking.parse(settings.body()).path("profileService").asText()).isEqualTo("http://localhost:18081");
        assertThat(RunningMatchmaking.parse(settings.body()).path("clientId").asText()).isEqualTo("lab-console");
        // The API around it still needs a token. (That the page's settings are no operation of the API, and the live
        // stream is one, the authorization matrix checks against the OpenAPI document.)
        assertThat(service.get("/api/live", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedInReaderIsToldOfEachEventAsItIsRead() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/api/live"))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.bearer(TestTokens.viewer().sign())).GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = stream.thenAccept(response -> response.body().forEach(lines::add));
        try {
            await().atMost(ofSeconds(10)).until(() -> lines.contains("event:ready"));
            String actor = "live-" + UUID.randomUUID();
            // The stream reads the partitions found at start or within seconds: publish until one arrives.
            await().atMost(ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                publisher.publish(actor, 0, new ActorRegisteredEvent(actor, "Association en direct", ActorType.ASSOCIATION,
                        "38185", Set.of(Theme.MOBILITY), Set.of(), "Direct", Instant.now()));
                return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(actor));
            });
            String data = lines.stream().filter(line -> line.contains(actor)).findFirst().orElseThrow();
            assertThat(data).contains("\"source\":\"profile\"", "\"type\":\"ActorRegisteredEvent\"", "\"aggregateId\":\"" + actor + "\"")
                    .doesNotContain("Association en direct"); // what happened to which aggregate, never the content
            assertThat(service.get("/api/live", TestTokens.viewer().sign()).body()).contains(actor);

            // An invitation is for the actor's managers only: no reader hears of it, not even that it happened; the
            // colleague's joining, read after it from the same partition, is heard of.
            publisher.publish(actor, 1, new ActorMemberInvitedEvent(actor, "inv-live", "0".repeat(64),
                    Instant.now().plus(Duration.ofDays(7)), Instant.now()));
            publisher.publish(actor, 2, new ActorInvitationRedeemedEvent(actor, "inv-live", "u-colleague", Instant.now()));
            publisher.publish(actor, 3, new ActorMemberJoinedEvent(actor, "u-colleague", MemberRole.MEMBER, Instant.now()));
            await().atMost(ofSeconds(30)).until(() -> lines.stream().anyMatch(line -> line.contains("ActorMemberJoinedEvent")));
            assertThat(lines).noneMatch(line -> line.contains("Invit"));
            assertThat(service.get("/api/live", TestTokens.viewer().sign()).body()).contains("ActorMemberJoinedEvent")
                    .doesNotContain("Invit");
        } finally {
            reading.cancel(true);
            stream.thenAccept(response -> response.body().close());
        }
    }
}
