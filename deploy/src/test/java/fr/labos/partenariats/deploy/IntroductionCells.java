package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.labos.partenariats.schema.common.LabCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The objects the authorization matrix acts on for the introduction write API: an introduction between actor A
 * (member-tremplin's) and actor B (member-mobilite's), made fresh for every cell and taken as far as the operation
 * needs (accepted, with a meeting). "own" acts for A, "another's" for B; asking for an introduction asks it for A
 * (own) or B (another's) on a fresh pair the matcher proposes, and withdrawing one withdraws a proposal A's member
 * (own) or B's member (another's) made. For the cells of the plain member of A on A's side, the plain member joins
 * that cell's A, and the cell waits until matchmaking-service knows it acts for it.
 */
final class IntroductionCells {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The resource category of the fresh pairs' needs and offers, which no other fixture of the matrix uses. */
    private static final String CATEGORY = "EXPERIMENTATION";

    private IntroductionCells() {
    }

    static boolean handles(String path) {
        return path.equals("/api/introductions") || path.startsWith("/api/introductions/{introductionId}/");
    }

    /** The concrete path and body of a cell. */
    record Cell(String path, String body, String contentType) {
        Cell(String path, String body) {
            this(path, body, "application/json");
        }
    }

    /** {@code plainMemberOfA}: the cell is the plain member's on A's side, which joins the cell's A first. */
    static Cell prepare(SignedInLab lab, String path, boolean own, boolean plainMemberOfA) {
        if (path.equals("/api/introductions")) {
            Pair pair = withPlainMember(lab, freshPair(lab), plainMemberOfA);
            return new Cell(path, """
                    {"actorId": "%s", "partnerId": "%s", "note": "Matrice des droits"}"""
                    .formatted(own ? pair.a() : pair.b(), own ? pair.b() : pair.a()));
        }
        if (path.endsWith("/withdraw")) {
            Pair pair = withPlainMember(lab, freshPair(lab), plainMemberOfA);
            String id = create(lab, "/api/introductions", own ? "member-tremplin" : "member-mobilite",
                    "{\"actorId\": \"%s\", \"partnerId\": \"%s\"}".formatted(own ? pair.a() : pair.b(), own ? pair.b() : pair.a()));
            return new Cell(path.replace("{introductionId}", id), "{\"reason\": \"plus d'actualité\"}");
        }
        Pair pair = withPlainMember(lab, plainPair(lab), plainMemberOfA);
        String actingFor = own ? pair.a() : pair.b();
        String id = create(lab, "/api/introductions", "admin", """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}""".formatted(pair.a(), pair.b()));
        String introduction = "/api/introductions/" + id;
        if (path.endsWith("/accept")) {
            return new Cell(introduction + "/accept", "{\"actingFor\": \"%s\"}".formatted(actingFor));
        }
        if (path.endsWith("/decline")) {
            return new Cell(introduction + "/decline", """
                    {"actingFor": "%s", "reason": "NOT_NOW", "text": "Pas avant l'automne"}""".formatted(actingFor));
        }
        if (path.endsWith("/reminders")) {
            // A facilitator's note that it reminded a side (own: A, another's: B) of an introduction awaiting answers.
            return new Cell(introduction + "/reminders", """
                    {"remindedActorId": "%s", "channel": "PHONE", "note": "Réponse promise"}""".formatted(actingFor));
        }
        accept(lab, introduction, pair.a());
        accept(lab, introduction, pair.b());
        if (path.endsWith("/meetings")) {
            return new Cell(introduction + "/meetings", """
                    {"startsAt": "%s", "place": "Tiers-lieu", "actingFor": "%s"}"""
                    .formatted(Instant.now().plus(Duration.ofDays(7)), actingFor));
        }
        if (path.endsWith("/outcomes")) {
            return new Cell(introduction + "/outcomes", """
                    {"actingFor": "%s", "outcome": "FOLLOW_UP_PLANNED", "day": "%s", "note": "On se revoit"}"""
                    .formatted(actingFor, LocalDate.now(LabCalendar.ZONE)));
        }
        String meeting = create(lab, introduction + "/meetings", "admin",
                "{\"startsAt\": \"%s\", \"place\": \"Tiers-lieu\"}".formatted(Instant.now().minus(Duration.ofHours(2))));
        String concluded = path.substring(path.lastIndexOf('/'));
        return new Cell(introduction + "/meetings/" + meeting + concluded,
                "{\"actingFor\": \"%s\", \"note\": \"Compte rendu\"}".formatted(actingFor));
    }

    /** A's and B's ids. */
    record Pair(String a, String b) {
    }

    /** The pair, whose A the plain member joined when {@code join}, once both services know it. */
    private static Pair withPlainMember(SignedInLab lab, Pair pair, boolean join) {
        if (join) {
            AuthorizationMatrixTest.joinAsPlainMemberOfBothServices(lab, pair.a());
        }
        return pair;
    }

    /**
     * Pairs for the cells that need no proposal of the matcher (a facilitator's proposals rest on none), one per
     * cell: a pair with an introduction in progress is not introduced again. Made a dozen at a time, without posts,
     * so that one wait covers them all.
     */
    private static final Deque<Pair> PLAIN_PAIRS = new ArrayDeque<>();
    private static final int PLAIN_PAIRS_AT_ONCE = 12;

    private static synchronized Pair plainPair(SignedInLab lab) {
        if (PLAIN_PAIRS.isEmpty()) {
            List<Pair> made = new ArrayList<>();
            for (int i = 0; i < PLAIN_PAIRS_AT_ONCE; i++) {
                made.add(new Pair(actor(lab, "member-tremplin"), actor(lab, "member-mobilite")));
            }
            // Each actor's inbox answers its member once matchmaking-service knows the actor and that member.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> made.stream()
                    .allMatch(pair -> readsItsInbox(lab, pair.a(), "member-tremplin")
                            && readsItsInbox(lab, pair.b(), "member-mobilite")));
            PLAIN_PAIRS.addAll(made);
        }
        return PLAIN_PAIRS.pop();
    }

    /**
     * A new actor for each member, each with a need and an offer that answer the other's, once the matcher proposes
     * them to each other and knows both members (ActorMemberJoinedEvent, relayed from profile-service).
     */
    static Pair freshPair(SignedInLab lab) {
        String a = actorWithPosts(lab, "member-tremplin");
        String b = actorWithPosts(lab, "member-mobilite");
        // Only these cells post in this category: its partners are the few fresh pairs, whatever else the lab holds.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                lab.send("GET", lab.matchmaking.resolve("/api/actors/" + a + "/partners?limit=100&category=" + CATEGORY),
                        "admin", null).body().contains(b)
                        && knowsItsMember(lab, a, "member-tremplin") && knowsItsMember(lab, b, "member-mobilite"));
        return new Pair(a, b);
    }

    private static boolean readsItsInbox(SignedInLab lab, String actor, String member) {
        return lab.send("GET", lab.matchmaking.resolve("/api/actors/" + actor + "/introductions"), member, null)
                .statusCode() == 200;
    }

    /** An actor's member may ask for it (404 for an unknown partner) rather than be refused (403): nothing is written. */
    private static boolean knowsItsMember(SignedInLab lab, String actor, String member) {
        return lab.send("POST", lab.matchmaking.resolve("/api/introductions"), member,
                "{\"actorId\": \"%s\", \"partnerId\": \"nobody-%s\"}".formatted(actor, UUID.randomUUID())).statusCode() == 404;
    }

    private static String actor(SignedInLab lab, String member) {
        String email = "intro-" + UUID.randomUUID().toString().substring(0, 8) + "@matrice.example.org";
        return lab.create("/api/actors", member,
                AuthorizationMatrixTest.ISERE_ACTOR.formatted("Association de la matrice " + member, email));
    }

    private static String actorWithPosts(SignedInLab lab, String member) {
        String actor = actor(lab, member);
        lab.create("/api/actors/" + actor + "/needs", member, AuthorizationMatrixTest.NEED.replace("FUNDING", CATEGORY));
        lab.create("/api/actors/" + actor + "/offers", member, AuthorizationMatrixTest.OFFER.replace("FUNDING", CATEGORY));
        return actor;
    }

    private static void accept(SignedInLab lab, String introduction, String actor) {
        HttpResponse<String> response = lab.send("POST", lab.matchmaking.resolve(introduction + "/accept"), "admin",
                "{\"actingFor\": \"%s\"}".formatted(actor));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("accept " + introduction + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static String create(SignedInLab lab, String path, String account, String body) {
        HttpResponse<String> response = lab.send("POST", lab.matchmaking.resolve(path), account, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " as " + account + ": " + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
