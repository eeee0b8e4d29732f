package fr.labos.partenariats.matchmaking.support;

import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two actors of Isère (an association in Meylan, the commune of Échirolles), registered on the profile topic, whom a
 * facilitator of Isère may introduce to each other: the smallest setting of the introduction API's tests.
 */
public record TwoActorsOfIsere(String association, String commune) {

    /** Publishes both actors' registrations, with ids {@code <prefix>-a} and {@code <prefix>-b}. */
    public static TwoActorsOfIsere registered(ProfileEventPublisher profiles, String prefix) {
        TwoActorsOfIsere actors = new TwoActorsOfIsere(prefix + "-a", prefix + "-b");
        Instant registered = Instant.parse("2026-01-05T10:00:00Z");
        profiles.publish(actors.association, 0, new ActorRegisteredEvent(actors.association, "Association Tremplin",
                ActorType.ASSOCIATION, "38185", Set.of(), Set.of(Sdg.of(8)), "Insertion", registered));
        profiles.publish(actors.commune, 0, new ActorRegisteredEvent(actors.commune, "Ville d'Échirolles",
                ActorType.MUNICIPALITY, "38151", Set.of(), Set.of(Sdg.of(11)), "Commune", registered));
        return actors;
    }

    /** Waits until the service knows both (their inboxes answer), which the write API needs too. */
    public TwoActorsOfIsere knownTo(RunningMatchmaking service) {
        await().atMost(ofSeconds(60)).until(() -> service.get("/api/actors/" + association + "/introductions").statusCode() == 200
                && service.get("/api/actors/" + commune + "/introductions").statusCode() == 200);
        return this;
    }

    /** A facilitator of Isère introduces the association to the commune; the new introduction's id. */
    public String introducedBy(RunningMatchmaking service, String facilitatorToken, String note) {
        HttpResponse<String> created = service.post("/api/introductions", facilitatorToken, """
                {"actorId": "%s", "partnerId": "%s", "note": "%s", "source": "FACILITATOR"}"""
                .formatted(association, commune, note));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunningMatchmaking.parse(created.body()).path("id").asText();
    }

    public static String facilitatorOfIsere() {
        return TestTokens.facilitator("DEPARTEMENT:38").sign();
    }
}
