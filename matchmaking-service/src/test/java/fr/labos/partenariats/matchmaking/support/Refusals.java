package fr.labos.partenariats.matchmaking.support;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.platform.problem.ProblemTypes;

import java.net.http.HttpResponse;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the service must refuse without writing anything. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The answer is a problem document of that status and type (a {@link ProblemTypes} slug), and the event store, where
     * anything the request changed would be written first, holds exactly as many events as before. Returns the problem.
     */
    public static JsonNode refusedWritingNothing(EventStoreRows store, int status, String type,
                                                 Supplier<HttpResponse<String>> request) {
        long before = store.events();
        HttpResponse<String> response = request.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = RunningMatchmaking.parse(response.body());
        assertThat(problem.path("type").asText()).isEqualTo(ProblemTypes.BASE + type);
        assertThat(store.events()).as("events after a refused request").isEqualTo(before);
        return problem;
    }
}
