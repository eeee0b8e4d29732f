package fr.labos.partenariats.matchmaking.live;

import fr.labos.partenariats.platform.security.LabPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The live stream of committed events for the web console (server-sent events), fed by the Kafka topics: a page
 * showing a session, a dashboard or an actor's posts reloads what changed without the user reloading it. Any
 * signed-in role may listen: a notification says only which aggregate changed — and names an introduction or a
 * session only to a reader who may read it ({@link LiveAudience}) — and what the reader then asks the API for is
 * checked there.
 */
@RestController
class LiveController implements DisposableBean {

    /** A stream ends after this; the browser opens a new one (and reads {@code GET /api/live} for what it missed). */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    private static final Duration SHORTEST_STREAM = Duration.ofSeconds(1);
    /** Comments keep idle connections open through proxies, and reveal closed ones. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /**
     * Streams one signed-in person holds open on this instance: a few tabs and devices (the console opens one per
     * tab). A stream more ends that person's oldest, which is, as a rule, a page already left: a browser that
     * reloads leaves its former stream open on the server until a write finds it closed. Without a cap, one account
     * could hold every connection the server has, each for half an hour.
     */
    static final int STREAMS_PER_PERSON = 10;
    /** The event that tells a page its stream was ended for a newer one of the same person. */
    static final String REPLACED = "remplace";
    /** Streams this instance holds open in all, well under the server's connections, which requests also need. */
    static final int STREAMS_IN_ALL = 2_000;

    private final LiveEvents events;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    /** Each person's open streams, oldest first. */
    private final Map<String, Deque<SseEmitter>> streamsBySubject = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    LiveController(LiveEvents events) {
        this.events = events;
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One operation in the OpenAPI document for both handlers of {@code GET /api/live} (a path has one GET there):
     * its 200 declares the stream and the JSON list, and {@link #recent} is left out of the scan, so that the
     * operation's id and answers do not depend on which handler is scanned first.
     */
    @Operation(operationId = "liveEvents",
            summary = "Événements validés, en direct (text/event-stream) ; en JSON, les 100 derniers",
            description = "Le type et l'agrégat de chaque événement, jamais son contenu. Une mise en relation ou une "
                    + "session n'est nommée qu'à qui peut la lire ; les autres apprennent qu'un événement de ce type a "
                    + "eu lieu, sans aggregateId.",
            responses = @ApiResponse(responseCode = "200",
                    description = "With Accept: text/event-stream, server-sent events (a « ready » event, then one per "
                            + "committed event, named after its source, whose data is a LiveNotification in JSON); "
                            + "with Accept: application/json, the 100 latest notifications",
                    content = {@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")),
                            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    array = @ArraySchema(schema = @Schema(implementation = LiveNotification.class)))}))
    @GetMapping(path = "/api/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal LabPrincipal reader, Authentication authentication,
                      HttpServletResponse response) {
        // Bytes as they come, through a reverse proxy too (nginx buffers answers by default): the console takes a
        // stream it hears nothing from for 45 seconds for dead, keep-alives included.
        response.setHeader("X-Accel-Buffering", "no");
        String subject = authentication.getName();
        // A person at its cap replaces its own oldest stream: the instance holds no more streams for it.
        Deque<SseEmitter> own = streamsBySubject.get(subject);
        if (open.size() >= STREAMS_IN_ALL && (own == null || own.size() < STREAMS_PER_PERSON)) {
            throw new LiveStreamsFull();
        }
        SseEmitter emitter = new SseEmitter(lifetime(authentication).toMillis());
        AtomicBoolean ended = new AtomicBoolean();
        Consumer<LiveEvent> forward = event -> send(emitter, event == LiveEvent.KEEP_ALIVE ? null : event.toldTo(reader));
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                events.unsubscribe(forward);
                open.remove(emitter);
                letGo(subject, emitter);
            }
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        open.add(emitter);
        holdOneMore(subject, emitter);
        // Dropped for falling behind (a browser that stopped reading): ended, the page opens a new stream.
        events.subscribe(forward, emitter::complete);
        try {
            // Tells the page its stream is open: what it shows from now on cannot miss an event; and since when this
            // instance tells of every event, for a page that was last told of one before (see send's keep-alive).
            emitter.send(SseEmitter.event().name("ready")
                    .data("{\"since\":\"" + events.completeSince() + "\"}", MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            end.run();
        }
        return emitter;
    }

    /** Keeps {@code emitter} among {@code subject}'s streams, and ends the oldest of them past the cap. */
    private void holdOneMore(String subject, SseEmitter emitter) {
        SseEmitter[] oldest = new SseEmitter[1];
        streamsBySubject.compute(subject, (s, held) -> {
            Deque<SseEmitter> streams = held == null ? new ArrayDeque<>() : held;
            streams.addLast(emitter);
            if (streams.size() > STREAMS_PER_PERSON) {
                oldest[0] = streams.pollFirst();
            }
            return streams;
        });
        if (oldest[0] != null) {
            SseEmitter replaced = oldest[0];
            // Told first, so that a page still open (an eleventh tab) waits to be looked at again before opening a
            // new stream, instead of ending another of this person's at once, and that one another, round and round.
            events.closeAside(() -> {
                try {
                    replaced.send(SseEmitter.event().name(REPLACED).data("{}", MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException gone) {
                    // a page already left: nothing to tell
                }
                replaced.complete();
            });
        }
    }

    private void letGo(String subject, SseEmitter emitter) {
        streamsBySubject.computeIfPresent(subject, (s, held) -> {
            held.remove(emitter);
            return held.isEmpty() ? null : held;
        });
    }

    /**
     * Until the token expires, at most {@link #STREAM_LIFETIME}: what a reader hears was decided by its token's role,
     * territories and actors, which must not outlive it (a member removed at the identity provider, a facilitator
     * moved to another territory). The browser then opens a new stream with its renewed token, or hears nothing more.
     */
    private static Duration lifetime(Authentication authentication) {
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> signedIn
                && signedIn.getToken().getExpiresAt() != null) {
            Duration left = Duration.between(Instant.now(), signedIn.getToken().getExpiresAt());
            if (left.compareTo(STREAM_LIFETIME) < 0) {
                return left.compareTo(SHORTEST_STREAM) > 0 ? left : SHORTEST_STREAM; // 0 would mean no timeout
            }
        }
        return STREAM_LIFETIME;
    }

    @Operation(hidden = true) // documented with the stream: see there
    @GetMapping(path = "/api/live", produces = MediaType.APPLICATION_JSON_VALUE)
    List<LiveNotification> recent(@AuthenticationPrincipal LabPrincipal reader) {
        return events.recent().stream().map(event -> event.toldTo(reader)).toList();
    }

    /** Writes one notification, or a keep-alive comment when {@code notification} is null. */
    private static void send(SseEmitter emitter, LiveNotification notification) {
        try {
            // A keep-alive says this instance's time: the page knows until when it was told of every event.
            emitter.send(notification == null ? SseEmitter.event().comment("keep-alive " + Instant.now())
                    : SseEmitter.event().id(notification.eventId()).name(notification.source())
                    .data(notification, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
            throw new IllegalStateException("live stream no longer writable", e); // LiveEvents drops it
        }
    }

    private void beat() {
        events.keepAlive();
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        open.forEach(SseEmitter::complete);
    }
}
