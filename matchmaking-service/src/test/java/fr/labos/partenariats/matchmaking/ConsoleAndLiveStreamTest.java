package fr.labos.partenariats.matchmaking;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.ProfileRecords;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorInvitationRedeemedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberInvitedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.MemberRole;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    /**
     * Where each stream is read, line after line until it ends: a reading chained with thenAccept ran on the test's
     * own thread whenever the answer had come already, and the test then read the stream until it ended (30 minutes).
     */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "live-stream-reader");
        thread.setDaemon(true);
        return thread;
    });
    private static InMemoryMongo mongo;
    private static ProfileEventPublisher publisher;
    private static RunningMatchmaking service;
    /** Where the service relays its own events, and its live stream reads them. */
    private static String matchmakingTopic;
    private static String profileTopic;

    @BeforeAll
    static void start() {
        profileTopic = SharedKafka.newTopic("it.live.profile.events");
        matchmakingTopic = SharedKafka.newTopic("it.live.matchmaking.events");
        mongo = InMemoryMongo.start();
        publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), profileTopic, "it-live",
                "lab.console.profile-service-url=http://localhost:18081",
                "lab.relay.topic=" + matchmakingTopic);
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

    /**
     * An introduction's id is derived from its actors when a speed meeting or a batch proposes it: heard by everyone,
     * it would tell who is being introduced to whom. Only those who may read the introduction (the sides' members,
     * the facilitators of their territories) or the session (those who run it, its participants' members) hear which
     * one an event belongs to; the others hear that one happened (a dashboard reloads on it), live and at catch-up.
     */
    @Test
    void anIntroductionOrASessionIsNamedOnlyToThoseWhoMayReadIt() {
        String tremplin = "tremplin-" + UUID.randomUUID();
        String fonds = "fonds-" + UUID.randomUUID();
        String savoie = "savoie-" + UUID.randomUUID();
        String tremplinMember = "u-tremplin-" + UUID.randomUUID();
        String savoieMember = "u-savoie-" + UUID.randomUUID();
        Instant now = Instant.now();
        publisher.publish(tremplin, 0, new ActorRegisteredEvent(tremplin, "Tremplin Insertion", ActorType.ASSOCIATION,
                "38185", Set.of(Theme.MOBILITY), Set.of(), "Chantier d'insertion", now));
        publisher.publish(tremplin, 1, new ActorMemberJoinedEvent(tremplin, tremplinMember, MemberRole.MEMBER, now));
        publisher.publish(fonds, 0, new ActorRegisteredEvent(fonds, "Fonds Alpes Solidarités", ActorType.FOUNDATION,
                "38151", Set.of(Theme.MOBILITY), Set.of(), "Mécénat en Isère", now));
        publisher.publish(savoie, 0, new ActorRegisteredEvent(savoie, "Mobilité Savoie", ActorType.ASSOCIATION,
                "73065", Set.of(Theme.MOBILITY), Set.of(), "Savoie", now));
        publisher.publish(savoie, 1, new ActorMemberJoinedEvent(savoie, savoieMember, MemberRole.MEMBER, now));
        // Who may read for an actor is read from the projection's actor entries.
        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            assertThat(mongo.template().findAll(ActorEntry.class)).extracting(ActorEntry::id).contains(tremplin, fonds, savoie);
            assertThat(mongo.template().findById(tremplin, ActorEntry.class).members()).contains(tremplinMember);
            assertThat(mongo.template().findById(savoie, ActorEntry.class).members()).contains(savoieMember);
        });
        String isereFacilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        Map<String, String> readers = Map.of(
                "Tremplin's member", TestTokens.member().subject(tremplinMember).sign(),
                "the facilitator of Isère", isereFacilitator,
                "Mobilité Savoie's member", TestTokens.member().subject(savoieMember).sign(),
                "the facilitator of Savoie", TestTokens.facilitator("DEPARTEMENT:73").sign(),
                "a viewer", TestTokens.viewer().sign());
        Map<String, LiveListener> listeners = new LinkedHashMap<>();
        readers.forEach((reader, token) -> listeners.put(reader, LiveListener.open(service.port(), token)));
        try {
            HttpResponse<String> proposed = service.post("/api/introductions", isereFacilitator, """
                    {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(tremplin, fonds));
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
            String introduction = RunningMatchmaking.parse(proposed.body()).path("id").asText();
            HttpResponse<String> planned = service.post("/api/sessions", isereFacilitator, """
                    {"title": "Rencontres de la mobilité", "territory": {"code": "38", "level": "DEPARTEMENT"},
                     "place": "Maison des associations, Grenoble", "date": "%s", "startsAt": "09:00",
                     "rounds": 2, "minutesPerRound": 12, "tables": 2}""".formatted(LocalDate.now().plusDays(7)));
            assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
            String session = RunningMatchmaking.parse(planned.body()).path("id").asText();
            // Who sees the session is read once its first reader hears of the event: all have heard of the planning
            // before Tremplin is registered.
            listeners.forEach((reader, listener) -> await(reader).atMost(ofSeconds(30))
                    .until(() -> listener.heard("SessionPlannedEvent")));
            assertThat(service.post("/api/sessions/" + session + "/participants", isereFacilitator,
                    "{\"actorId\": \"%s\"}".formatted(tremplin)).statusCode()).isEqualTo(204);

            listeners.forEach((reader, listener) -> await(reader).atMost(ofSeconds(30)).until(() ->
                    listener.heard("IntroductionProposedEvent") && listener.heard("ParticipantRegisteredEvent")));
            for (String reader : List.of("Tremplin's member", "the facilitator of Isère")) {
                assertThat(listeners.get(reader).data()).as(reader)
                        .anyMatch(line -> line.contains("IntroductionProposedEvent") && line.contains(introduction))
                        .anyMatch(line -> line.contains("ParticipantRegisteredEvent") && line.contains(session));
            }
            for (String reader : List.of("Mobilité Savoie's member", "the facilitator of Savoie", "a viewer")) {
                assertThat(listeners.get(reader).data()).as(reader)
                        .anyMatch(line -> line.contains("IntroductionProposedEvent") && line.contains("\"aggregateId\":null"))
                        .noneMatch(line -> line.contains(introduction) || line.contains(session));
            }
            // The session was heard of before Tremplin took part in it: only those who run it were told which.
            assertThat(listeners.get("Tremplin's member").data())
                    .anyMatch(line -> line.contains("SessionPlannedEvent") && !line.contains(session));
            assertThat(listeners.get("the facilitator of Isère").data())
                    .anyMatch(line -> line.contains("SessionPlannedEvent") && line.contains(session));

            // Who joined Tremplin is its own people's business (ActorPrivate): the others hear that someone joined
            // an organisation, not which.
            assertThat(told(readers.get("the facilitator of Isère"), "ActorMemberJoinedEvent")).contains(tremplin);
            assertThat(told(readers.get("Tremplin's member"), "ActorMemberJoinedEvent")).contains(tremplin)
                    .doesNotContain(savoie);
            for (String reader : List.of("the facilitator of Savoie", "a viewer")) {
                assertThat(told(readers.get(reader), "ActorMemberJoinedEvent")).as(reader)
                        .doesNotContain(tremplin).contains("(none)");
            }

            // The same at catch-up, from the latest events.
            assertThat(service.get("/api/live", readers.get("Tremplin's member")).body()).contains(introduction, session);
            assertThat(service.get("/api/live", readers.get("Mobilité Savoie's member")).body())
                    .contains("IntroductionProposedEvent", "ParticipantRegisteredEvent")
                    .doesNotContain(introduction, session);

            // An event of a type of a newer release (written during a rolling upgrade) about the same introduction:
            // named as the introduction's own are, never to everyone by default.
            publishOfANewerRelease(matchmakingTopic, "IntroductionRenegotiatedEvent", introduction, 1, listeners);
            assertThat(listeners.get("Tremplin's member").data())
                    .anyMatch(line -> line.contains("IntroductionRenegotiatedEvent") && line.contains(introduction));
            assertThat(listeners.get("Mobilité Savoie's member").data())
                    .anyMatch(line -> line.contains("IntroductionRenegotiatedEvent"))
                    .noneMatch(line -> line.contains(introduction));

            // A profile event of a type of a newer release: it may be about the actor's people, or its managers' only
            // — its actor named only to those who act for it, as an actor's private events are.
            publishOfANewerRelease(profileTopic, "ActorMentorAssignedEvent", tremplin, 2, listeners);
            assertThat(listeners.get("Tremplin's member").data())
                    .anyMatch(line -> line.contains("ActorMentorAssignedEvent") && line.contains(tremplin));
            for (String reader : List.of("the facilitator of Savoie", "a viewer")) {
                assertThat(listeners.get(reader).data()).as(reader)
                        .noneMatch(line -> line.contains("ActorMentorAssignedEvent") && line.contains(tremplin));
            }
        } finally {
            listeners.values().forEach(LiveListener::close);
        }
    }

    @Test
    void aSignedInReaderIsToldOfEachEventAsItIsRead() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/api/live"))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.bearer(TestTokens.viewer().sign())).GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = stream.thenAcceptAsync(response -> response.body().forEach(lines::add), READERS);
        try {
            await().atMost(ofSeconds(10)).until(() -> lines.contains("event:ready"));
            // A reverse proxy (nginx) would otherwise hold the stream's bytes back, keep-alives included: the page
            // would take its stream for dead every 45 seconds.
            assertThat(stream.join().headers().firstValue("X-Accel-Buffering")).hasValue("no");
            // Since when this instance tells of every event: its start, which a page compares with when it last heard.
            await().atMost(ofSeconds(10)).until(() -> lines.size() > lines.indexOf("event:ready") + 1);
            String since = lines.get(lines.indexOf("event:ready") + 1);
            assertThat(since).startsWith("data:{\"since\":\"");
            assertThat(Instant.parse(since.substring("data:{\"since\":\"".length(), since.length() - 2)))
                    .isBefore(Instant.now()).isAfter(Instant.now().minus(Duration.ofHours(1)));
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

            // A record no relay writes (its sequence unreadable) is passed over: the stream goes on with the next one.
            ProducerRecord<String, String> unreadable = new ProducerRecord<>(publisher.topic(), actor, "{}");
            unreadable.headers().add(EventHeaders.EVENT_TYPE, "ActorRenamedEvent".getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.AGGREGATE_SEQUENCE, "un".getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.TIMESTAMP, null);
            publisher.send(unreadable);

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

    @Test
    void aStreamEndsWhenItsTokenExpires() {
        // What a reader hears was decided by its token's claims, which must not outlive it.
        LiveListener listener = LiveListener.open(service.port(),
                TestTokens.viewer().valid(Instant.now(), Duration.ofSeconds(4)).sign());
        try {
            await().atMost(ofSeconds(20)).until(() -> listener.reading().isDone());
        } finally {
            listener.close();
        }
    }

    /**
     * One account holds a few streams (tabs, devices), not every connection of the server: past ten, a new stream
     * ends the account's oldest — as a rule a page already left (a reload leaves its former stream open on the server
     * until a write finds it closed), so that reloading a page never costs it its live updates. Another account is
     * not touched.
     */
    @Test
    void anAccountsEleventhStreamEndsItsOldest() {
        String token = TestTokens.viewer().sign();
        LiveListener otherAccount = LiveListener.open(service.port(), TestTokens.viewer().sign());
        List<LiveListener> listeners = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                listeners.add(LiveListener.open(service.port(), token));
            }
            assertThat(listeners).noneMatch(listener -> listener.reading().isDone());

            listeners.add(LiveListener.open(service.port(), token));

            await().atMost(ofSeconds(10)).until(() -> listeners.get(0).reading().isDone());
            // Told why, so that a page still open waits to be looked at before opening a stream again.
            assertThat(listeners.get(0).lines()).contains("event:" + "remplace");
            assertThat(listeners.subList(1, 11)).noneMatch(listener -> listener.reading().isDone());
            assertThat(otherAccount.reading().isDone()).isFalse();
        } finally {
            listeners.forEach(LiveListener::close);
            otherAccount.close();
        }
    }

    /**
     * Publishes an event of a type this release does not know (a newer release's, written during a rolling upgrade),
     * step {@code sequence} of {@code aggregateId}, and waits until every listener heard of it.
     */
    private static void publishOfANewerRelease(String topic, String type, String aggregateId, long sequence,
                                               Map<String, LiveListener> listeners) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, aggregateId, "{}");
        ProfileRecords.add(record.headers(), EventHeaders.EVENT_TYPE, type);
        ProfileRecords.add(record.headers(), EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        ProfileRecords.add(record.headers(), EventHeaders.AGGREGATE_ID, aggregateId);
        ProfileRecords.add(record.headers(), EventHeaders.AGGREGATE_SEQUENCE, Long.toString(sequence));
        publisher.send(record);
        listeners.forEach((reader, listener) -> await(reader).atMost(ofSeconds(30)).until(() -> listener.heard(type)));
    }

    /** The aggregates the reader is told of for events of that type, at catch-up; « (none) » for an event told without. */
    private static List<String> told(String token, String type) {
        List<String> aggregates = new ArrayList<>();
        RunningMatchmaking.parse(service.get("/api/live", token).body()).forEach(notification -> {
            if (type.equals(notification.path("type").asText())) {
                aggregates.add(notification.path("aggregateId").isNull() ? "(none)" : notification.path("aggregateId").asText());
            }
        });
        return aggregates;
    }

    /** A reader's open live stream, and the lines it was sent. */
    private record LiveListener(List<String> lines, CompletableFuture<HttpResponse<Stream<String>>> stream,
                                CompletableFuture<Void> reading) {

        /** Opens the stream and waits until it says it is open. */
        static LiveListener open(int port, String token) {
            List<String> lines = new CopyOnWriteArrayList<>();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/live"))
                    .header("Accept", "text/event-stream").header("Authorization", TestTokens.bearer(token)).GET().build();
            CompletableFuture<HttpResponse<Stream<String>>> stream = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            LiveListener listener = new LiveListener(lines, stream, stream.thenAcceptAsync(response -> response.body().forEach(lines::add), READERS));
            await().atMost(ofSeconds(10)).until(() -> lines.contains("event:ready"));
            return listener;
        }

        List<String> data() {
            return lines.stream().filter(line -> line.startsWith("data:")).toList();
        }

        boolean heard(String type) {
            return data().stream().anyMatch(line -> line.contains("\"type\":\"" + type + "\""));
        }

        void close() {
            reading.cancel(true);
            stream.thenAccept(response -> response.body().close());
        }
    }
}
