package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo introductions must be ones matchmaking-service accepts, or the launcher reports them refused: actors of
 * the demo territory, all in Isère (the facilitator who introduces them serves Isère), asked for by the members that
 * registered them, and every state of an introduction represented.
 */
class DemoIntroductionsTest {

    private final JsonNode demo = DemoTerritory.fromClasspath().document();

    @Test
    void everyStoryIsBetweenTwoDifferentActorsOfIsere() {
        Map<String, String> homes = new HashMap<>();
        demo.path("actors").forEach(actor -> homes.put(actor.path("key").asText(), actor.path("homeTerritory").asText()));
        for (List<String> story : DemoIntroductions.STORIES) {
            assertThat(story.get(0)).as(story.toString()).isNotEqualTo(story.get(1));
            for (String actor : story.subList(0, 2)) {
                assertThat(homes).as(story.toString()).containsKey(actor);
                assertThat(homes.get(actor)).as(actor + ": home in Isère").startsWith("38");
            }
        }
    }

    @Test
    void theAskingMembersRegisteredTheirActors() {
        DemoTerritory territory = DemoTerritory.fromClasspath();
        DemoIntroductions.ASKING_MEMBERS.forEach((key, member) -> {
            JsonNode actor = null;
            for (JsonNode candidate : demo.path("actors")) {
                if (candidate.path("key").asText().equals(key)) {
                    actor = candidate;
                }
            }
            assertThat(actor).as(key).isNotNull();
            assertThat(territory.registeredBy(actor)).isEqualTo(member);
        });
    }

    @Test
    void everyStateOfAnIntroductionIsThere() {
        Set<String> steps = new HashSet<>();
        DemoIntroductions.STORIES.forEach(story -> story.subList(2, story.size())
                .forEach(step -> steps.add(step.split(":")[0] + (step.startsWith("outcome") || step.startsWith("decline")
                        ? ":" + step.split(":")[1] : ""))));
        assertThat(steps).contains("accept-a", "accept-b", "withdraw", "meeting-planned", "meeting-held",
                "meeting-missed", "decline-b:NOT_RELEVANT", "decline-b:ALREADY_PARTNERS", "decline-b:NOT_NOW",
                "decline-b:COMPETITOR", "decline-b:OTHER", "outcome:NO_FIT", "outcome:FOLLOW_UP_PLANNED",
                "outcome:PARTNERSHIP_FORMED", "outcome:PARTNERSHIP_ENDED");
        assertThat(DemoIntroductions.STORIES).anyMatch(story -> story.size() == 2);
        assertThat(DemoIntroductions.STORIES.size() + DemoIntroductions.ASKING_MEMBERS.size()).isBetween(24, 48);
    }

    /**
     * The demo's session seats its two mutual wishes only if no demo introduction keeps those pairs apart for good
     * (partners, or declined as competitor or as already partners): the README's demo and the session's end-to-end
     * test both load the introductions and the session into one system.
     */
    @Test
    void noDemoIntroductionKeepsTheDemoSessionsMutualWishesApart() {
        for (List<String> wish : DemoSession.MUTUAL_WISHES) {
            for (List<String> story : DemoIntroductions.STORIES) {
                if (!Set.copyOf(story.subList(0, 2)).equals(Set.copyOf(wish))) {
                    continue;
                }
                List<String> steps = story.subList(2, story.size());
                assertThat(steps).as(story.toString())
                        .noneMatch(step -> step.equals("decline-b:COMPETITOR") || step.equals("decline-b:ALREADY_PARTNERS"));
                String lastOutcome = steps.stream().filter(step -> step.startsWith("outcome:")).reduce((a, b) -> b).orElse("");
                assertThat(lastOutcome).as(story.toString()).doesNotStartWith("outcome:PARTNERSHIP_FORMED");
            }
        }
    }
}
