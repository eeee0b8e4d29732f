package fr.labos.partenariats.profile.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.EventJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;

/** profile-service over real HTTP, each call with the bearer token given (or none). */
final class ProfileHttp {

    static final String ACTOR_IN_GRENOBLE = """
            {"name": "Wimoov Isère", "type": "ASSOCIATION", "homeTerritory": "38185",
             "themes": ["MOBILITY"], "sdgs": [8, 10], "description": "Plateforme de mobilité",
             "contact": {"name": "Camille Martin", "email": "camille@example.org", "phone": "0476000000"}}
            """;
    static final String CONTACT_EMAIL = "camille@example.org";
    static final String NEED = """
            {"category": "FUNDING", "form": "RESOURCES", "title": "Financer une plateforme de mobilité",
             "description": "Un mécène pour La Mure", "themes": ["MOBILITY"], "sdgs": [8],
             "territory": {"code": "38", "level": "DEPARTEMENT"}}
            """;

    private final RestClient http;

    ProfileHttp(int port) {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                })
                .build();
    }

    ResponseEntity<String> call(HttpMethod method, String token, String uri, String jsonBody) {
        RestClient.RequestBodySpec request = http.method(method).uri(uri);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        if (jsonBody != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.retrieve().toEntity(String.class);
    }

    ResponseEntity<String> get(String token, String uri) {
        return call(HttpMethod.GET, token, uri, null);
    }

    ResponseEntity<String> post(String token, String uri, String jsonBody) {
        return call(HttpMethod.POST, token, uri, jsonBody);
    }

    /** Registers an actor in Grenoble (Isère) with a contact person; the token's holder becomes its member. */
    String registerActor(String token) {
        ResponseEntity<String> response = post(token, "/api/actors", ACTOR_IN_GRENOBLE);
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("registration answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return json(response.getBody()).get("id").asText();
    }

    String postNeed(String token, String actorId) {
        ResponseEntity<String> response = post(token, "/api/actors/" + actorId + "/needs", NEED);
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("posting answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return json(response.getBody()).get("id").asText();
    }

    /** Joins the actor an invitation was made for with its code, as a colleague does (201 expected). */
    void joinWithCode(String token, String code) {
        ResponseEntity<String> response = post(token, "/api/me/actors", "{\"invitationCode\": \"" + code + "\"}");
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("joining answered " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    /** Where an actor's members granted here are listed, and one of them removed or given a role. */
    static String membersOf(String actorId) {
        return "/api/actors/" + actorId + "/members";
    }

    /** Where an actor's invitations are made, listed and withdrawn. */
    static String invitationsOf(String actorId) {
        return "/api/actors/" + actorId + "/invitations";
    }

    static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
