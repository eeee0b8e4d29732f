package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The objects the authorization matrix reads for the introductions' history and the tree over it: an introduction
 * of actor A (member-tremplin's, which the plain member of A joined) with a Savoie actor (own), and one of actor B
 * (member-mobilite's) with the same Savoie actor (another's), proposed by an admin as an intermediary. Reads only: one
 * of each serves every cell.
 */
final class HistoryCells {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String own;
    private static String others;
    private static String savoie;

    private HistoryCells() {
    }

    static boolean handles(String path) {
        return path.startsWith("/api/introductions/{id}/") || path.startsWith("/api/introduction-log/");
    }

    /** The concrete path (with its query) of a cell. */
    static String prepare(SignedInLab lab, String path, boolean ownObject) {
        String introduction = introduction(lab, ownObject);
        if (path.startsWith("/api/introductions/{id}/")) {
            return path.replace("{id}", introduction);
        }
        return switch (path) {
            case "/api/introduction-log/heads/{treeSize}" -> path.replace("{treeSize}",
                    read(lab, "/api/introduction-log/head").path("treeSize").asText());
            case "/api/introduction-log/inclusion" -> path + "?eventId=" + read(lab,
                    "/api/introductions/" + introduction + "/history").path("steps").get(0).path("eventId").asText();
            case "/api/introduction-log/consistency" -> path + "?first=1";
            default -> path;
        };
    }

    private static synchronized String introduction(SignedInLab lab, boolean ownObject) {
        if (savoie == null) {
            savoie = lab.create("/api/actors", "facilitator-savoie", AuthorizationMatrixTest.SAVOIE_ACTOR);
        }
        if (ownObject && own == null) {
            String a = actorKnownWithItsMember(lab, "member-tremplin");
            AuthorizationMatrixTest.joinAsPlainMemberOfBothServices(lab, a);
            own = introduce(lab, a, savoie);
        } else if (!ownObject && others == null) {
            others = introduce(lab, actorKnownWithItsMember(lab, "member-mobilite"), savoie);
        }
        return ownObject ? own : others;
    }

    /** A new Isère actor, once the matchmaking projection knows it and its member (ActorMemberJoinedEvent). */
    private static String actorKnownWithItsMember(SignedInLab lab, String member) {
        String email = "history-" + UUID.randomUUID().toString().substring(0, 8) + "@matrice.example.org";
        String actor = lab.create("/api/actors", member,
                AuthorizationMatrixTest.ISERE_ACTOR.formatted("Association de l'historique " + member, email));
        // Asking for an introduction to nobody: 404 once the member is known to act for the actor, 403 before.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                lab.send("POST", lab.matchmaking.resolve("/api/introductions"), member,
                        "{\"actorId\": \"%s\", \"partnerId\": \"nobody-%s\"}".formatted(actor, UUID.randomUUID()))
                        .statusCode() == 404);
        return actor;
    }

    /** An admin's intermediation, once both actors reached the matchmaking projection (404 before: nothing written). */
    private static String introduce(SignedInLab lab, String actor, String partner) {
        String body = "{\"actorId\": \"%s\", \"partnerId\": \"%s\", \"source\": \"FACILITATOR\", \"note\": \"Historique\"}"
                .formatted(actor, partner);
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            HttpResponse<String> response = lab.send("POST", lab.matchmaking.resolve("/api/introductions"), "admin", body);
            if (response.statusCode() == 201) {
                id[0] = JSON.readTree(response.body()).path("id").asText();
            }
            return id[0] != null;
        });
        return id[0];
    }

    private static JsonNode read(SignedInLab lab, String path) {
        HttpResponse<String> response = lab.send("GET", lab.matchmaking.resolve(path), "admin", null);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
