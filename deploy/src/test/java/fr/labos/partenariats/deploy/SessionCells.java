package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;


/**
 * The objects the authorization matrix acts on for the speed-meeting session API: a session in Isère planned by the
 * admin or the facilitator of Isère with actor A (member-tremplin's, which the plain member of A joined) and actor B
 * (member-mobilite's) registered, made fresh for every write cell and taken as far as the operation needs (generated,
 * published, a round started). "own" acts for A, "another's" for B; planning a session plans it in Isère (own) or in Savoie (another's);
 * a participant list imported (CSV) names A (own) or B (another's). Reads share one generated session; the list of
 * sessions is read with the planning cell's body, which a GET ignores. The cells of one row that expect a refusal
 * share one session made for them: a refused request writes nothing (and one that wrongly succeeded fails its own
 * cell), so only the cells that expect a success need a session of their own — which spares most of the
 * set-up's requests and the waits for an allowance.
 */
final class SessionCells {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = """
            {"title": "Session de la matrice", "territory": {"code": "%s", "level": "DEPARTEMENT"},
             "place": "Grenoble", "date": "%s", "startsAt": "09:00", "rounds": 2, "minutesPerRound": 10, "tables": 1}""";

    private SessionCells() {
    }

    static boolean handles(String path) {
        return path.equals("/api/sessions") || path.equals("/api/sessions/{sessionId}")
                || path.startsWith("/api/sessions/{sessionId}/");
    }

    private static IntroductionCells.Pair pair;
    private static String shared;
    /** By row (operation and object): the cell the callers refused on it act on. */
    private static final java.util.Map<String, IntroductionCells.Cell> forRefusals = new java.util.HashMap<>();

    /** One pair for every cell: the plain member of A joins its A once. */
    private static synchronized IntroductionCells.Pair pair(SignedInLab lab) {
        if (pair == null) {
            IntroductionCells.Pair made = IntroductionCells.freshPair(lab);
            AuthorizationMatrixTest.joinAsPlainMemberOfBothServices(lab, made.a());
            pair = made;
        }
        return pair;
    }

    /**
     * The cell on the row ({@code path}, {@code own}) whose expected status is {@code expected} ({@code 2xx} or a
     * refusal). (The set-up may still spend its organisers' allowance of writes: the cell's own request, refused 429,
     * is asked again by the lab once its Retry-After passed.)
     */
    static synchronized IntroductionCells.Cell prepare(SignedInLab lab, String path, boolean own, String expected) {
        boolean refusal = expected.startsWith("4");
        return refusal
                ? forRefusals.computeIfAbsent(path + (own ? " own" : " other"), row -> prepare(lab, path, own))
                : prepare(lab, path, own);
    }

    private static IntroductionCells.Cell prepare(SignedInLab lab, String path, boolean own) {
        if (path.equals("/api/sessions")) {
            return new IntroductionCells.Cell(path, PLAN.formatted(own ? "38" : "73", LocalDate.now().plusDays(7)));
        }
        IntroductionCells.Pair actors = pair(lab);
        String actor = own ? actors.a() : actors.b();
        String other = own ? actors.b() : actors.a();
        String presence = "{\"actorId\": \"%s\"}".formatted(actor);
        String operation = path.substring("/api/sessions/{sessionId}".length());
        String session;
        switch (operation) {
            case "/participants" -> {
                return cell(path, planned(lab), presence);
            }
            case "/participants/import" -> {
                IntroductionCells.Cell cell = cell(path, planned(lab), "identifiant;organisation\r\n" + actor + ";\r\n");
                return new IntroductionCells.Cell(cell.path(), cell.body(), "text/csv");
            }
            case "/participants/{actorId}" -> {
                // Withdrawn before publication: A (own) or B (another's).
                IntroductionCells.Cell cell = cell(path, registered(lab, actors), null);
                return new IntroductionCells.Cell(cell.path().replace("{actorId}", actor), null);
            }
            case "/wishes" -> {
                return cell(path, registered(lab, actors),
                        "{\"actorId\": \"%s\", \"wishedActorId\": \"%s\"}".formatted(actor, other));
            }
            case "/wishes/{actorId}/{wishedActorId}" -> {
                // A's wish to meet B (own) or B's to meet A (another's), expressed by an organiser, taken back.
                session = registered(lab, actors);
                send(lab, "/api/sessions/" + session + "/wishes",
                        "{\"actorId\": \"%s\", \"wishedActorId\": \"%s\"}".formatted(actor, other), 204);
                IntroductionCells.Cell cell = cell(path, session, null);
                return new IntroductionCells.Cell(cell.path().replace("{actorId}", actor)
                        .replace("{wishedActorId}", other), null);
            }
            case "/schedule/generate" -> {
                return cell(path, registered(lab, actors), null);
            }
            case "/schedule/publish" -> {
                session = registered(lab, actors);
                send(lab, "/api/sessions/" + session + "/schedule/generate", 200);
                return cell(path, session, null);
            }
            case "/schedule/adjustments" -> {
                // Two participants, two rounds, one table: they meet in round 1, at table 1 (A's wish keeps them
                // from being set aside as having met at an earlier session of the matrix).
                session = registered(lab, actors);
                send(lab, "/api/sessions/" + session + "/wishes",
                        "{\"actorId\": \"%s\", \"wishedActorId\": \"%s\"}".formatted(actors.a(), actors.b()), 204);
                send(lab, "/api/sessions/" + session + "/schedule/generate", 200);
                return cell(path, session, "{\"action\": \"LOCK\", \"meeting\": {\"round\": 1, \"table\": 1}}");
            }
            case "/tables-lost" -> {
                // Two tables, so that one can be lost.
                session = planned(lab, PLAN.replace("\"tables\": 1", "\"tables\": 2"));
                return cell(path, session, "{\"table\": 2}");
            }
            case "/check-ins", "/absences", "/rounds/{round}/start", "/close" -> {
                return cell(path, published(lab, actors), presence);
            }
            case "/late-arrivals" -> {
                session = published(lab, actors);
                send(lab, "/api/sessions/" + session + "/rounds/1/start", 204);
                return cell(path, session, presence);
            }
            default -> {
                // Reads: one published session for all of them; a calendar is A's (own) or B's (another's).
                return new IntroductionCells.Cell(path.replace("{sessionId}", sharedSession(lab, actors))
                        .replace("{actorId}", actor), null);
            }
        }
    }

    private static IntroductionCells.Cell cell(String path, String session, String body) {
        return new IntroductionCells.Cell(path.replace("{sessionId}", session).replace("{round}", "1"), body);
    }

    private static synchronized String sharedSession(SignedInLab lab, IntroductionCells.Pair actors) {
        if (shared == null) {
            shared = registered(lab, actors);
            send(lab, "/api/sessions/" + shared + "/schedule/generate", 200);
            // Published: before, a participant's member reads the rounds without their meetings, and no calendar.
            send(lab, "/api/sessions/" + shared + "/schedule/publish", 204);
        }
        return shared;
    }

    private static String planned(SignedInLab lab) {
        return planned(lab, PLAN);
    }

    private static String planned(SignedInLab lab, String plan) {
        HttpResponse<String> response = asOrganiser(lab, "/api/sessions", plan.formatted("38", LocalDate.now().plusDays(7)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("plan a session: " + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String registered(SignedInLab lab, IntroductionCells.Pair actors) {
        String session = planned(lab);
        for (String actor : new String[]{actors.a(), actors.b()}) {
            send(lab, "/api/sessions/" + session + "/participants", "{\"actorId\": \"%s\"}".formatted(actor), 204);
        }
        return session;
    }

    private static String published(SignedInLab lab, IntroductionCells.Pair actors) {
        String session = registered(lab, actors);
        send(lab, "/api/sessions/" + session + "/schedule/generate", 200);
        send(lab, "/api/sessions/" + session + "/schedule/publish", 204);
        return session;
    }

    private static void send(SignedInLab lab, String path, int expected) {
        send(lab, path, null, expected);
    }

    private static void send(SignedInLab lab, String path, String body, int expected) {
        HttpResponse<String> response = asOrganiser(lab, path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** The accounts that run sessions in Isère, taking the set-up's requests in turn. */
    private static final String[] ORGANISERS = {"admin", "facilitator-isere"};
    private static int setUpRequests;

    /**
     * A set-up request, by the admin and the facilitator of Isère in turn: the set-up sends hundreds of writes in two
     * minutes, which would spend one principal's allowance (300 writes a minute) and wait for it. A 429 of the rate
     * limits is asked again by the lab once its Retry-After passed.
     */
    private static HttpResponse<String> asOrganiser(SignedInLab lab, String path, String body) {
        return lab.send("POST", lab.matchmaking.resolve(path), ORGANISERS[setUpRequests++ % ORGANISERS.length], body);
    }
}
