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
    void theLabsPastYearIsBetweenActorsOfIsereAndRepeatsNoPairOfTheStoriesMadeThroughTheApi() {
        Map<String, String> homes = new HashMap<>();
        demo.path("actors").forEach(actor -> homes.put(actor.path("key").asText(), actor.path("homeTerritory").asText()));
        Set<Set<String>> livePairs = new HashSet<>();
        DemoIntroductions.STORIES.forEach(story -> livePairs.add(Set.copyOf(story.subList(0, 2))));
        Set<Set<String>> pastPairs = new HashSet<>();
        for (List<String> past : DemoIntroductions.PAST) {
            for (String actor : past.subList(0, 2)) {
                assertThat(homes.get(actor)).as(past + ": " + actor + " at home in Isère").startsWith("38");
            }
            assertThat(pastPairs.add(Set.copyOf(past.subList(0, 2)))).as(past + " once").isTrue();
            assertThat(livePairs).as(past.toString()).doesNotContain(Set.copyOf(past.subList(0, 2)));
            for (List<String> wish : DemoSession.MUTUAL_WISHES) {
                assertThat(Set.copyOf(past.subList(0, 2))).as("the demo session's wish " + wish).isNotEqualTo(Set.copyOf(wish));
            }
        }
    }

    @Test
    void theLabsPastYearSpansMonthsAndEveryEndingAnIntroductionCanHave() {
        Set<String> months = new HashSet<>();
        Set<String> endings = new HashSet<>();
        for (List<String> past : DemoIntroductions.PAST) {
            months.add(past.get(2));
            endings.add(past.get(3).split(":")[0]);
            past.subList(4, past.size()).forEach(step -> endings.add(step.split("[:+]")[0]));
            if (past.size() > 4) {
                assertThat(Integer.parseInt(past.get(2))).as(past + ": its outcome, two months on, is past").isGreaterThan(2);
            }
            if (past.size() > 5) {
                assertThat(Integer.parseInt(past.get(5).substring("ended+".length()))).as(past + ": ended in the past")
                        .isLessThan(Integer.parseInt(past.get(2)));
            }
        }
        assertThat(months).as("months of proposals").hasSizeGreaterThanOrEqualTo(9);
        assertThat(endings).contains("accepted", "accepted+met", "declined", "unanswered", "NO_FIT",
                "FOLLOW_UP_PLANNED", "PARTNERSHIP_FORMED", "ended");
    }

    @Test
    void theLabsSpreadsheetSaysItInFrenchWithOneIntroductionPerLine() {
        String csv = new DemoIntroductions(java.net.URI.create("http://localhost:1"), null, Map.of())
                .pastIntroductionsCsv(java.time.LocalDate.of(2026, 12, 3));
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(DemoIntroductions.PAST.size() + 1);
        assertThat(lines.get(0)).startsWith("acteur;partenaire;proposée le;acceptée le;");
        // The first: eleven months before 3 December, accepted six days later, met 20 days after the proposal, a
        // partnership two months after it. The fifth, nine months back and four days earlier in the month (the
        // proposals are spread over each month), declined nine days later.
        // The actors by their names in the demo territory, as the lab's own file names them.
        assertThat(lines.get(1)).isEqualTo("Tremplin Insertion Grésivaudan;France Active Isère – Labo des partenariats;"
                + "03/01/2026;09/01/2026;;;;"
                + "23/01/2026;partenariat conclu;03/03/2026;apport de ressources;un financement;;"
                + "Mise en relation du Labo, reprise de son tableau de suivi");
        assertThat(lines.get(5)).as("declined by the partner, for a reason in French")
                .isEqualTo("Habitat Jeunes Grenoble Alpes;Département de l'Isère;27/02/2026;;08/03/2026;partenaire;"
                        + "pas maintenant;;;;;;;"
                        + "Mise en relation du Labo, reprise de son tableau de suivi");
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
