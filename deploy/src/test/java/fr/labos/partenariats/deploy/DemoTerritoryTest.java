package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo territory is what a newcomer sees first: every value in it must be one profile-service accepts, or the
 * launcher stops half-way through loading it.
 */
class DemoTerritoryTest {

    private final JsonNode demo = DemoTerritory.fromClasspath().document();
    private final TerritoryDirectory territories = TerritoryDirectory.official();

    @Test
    void hasAFewDozenActorsEachWithOneToThreeNeedsOrOffers() {
        assertThat(demo.path("actors").size()).isBetween(30, 40);
        for (JsonNode actor : demo.path("actors")) {
            int posts = actor.path("needs").size() + actor.path("offers").size();
            assertThat(posts).as(actor.path("name").asText()).isBetween(1, 3);
        }
    }

    @Test
    void everyActorUsesValuesProfileServiceAccepts() {
        List<String> problems = new ArrayList<>();
        for (JsonNode actor : demo.path("actors")) {
            String name = actor.path("name").asText();
            check(problems, name + " type", () -> ActorType.valueOf(actor.path("type").asText()));
            if (!territories.isKnown(TerritoryRef.commune(actor.path("homeTerritory").asText()))) {
                problems.add(name + ": home territory " + actor.path("homeTerritory").asText() + " is not an INSEE commune code");
            }
            checkThemesAndSdgs(problems, name, actor);
            assertThat(actor.path("contact").path("email").asText()).as(name).endsWith(".example.org");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyNeedAndOfferUsesValuesProfileServiceAccepts() {
        List<String> problems = new ArrayList<>();
        for (JsonNode post : posts("needs", "offers")) {
            String title = post.path("title").asText();
            assertThat(title).isNotBlank();
            check(problems, title + " category", () -> ResourceCategory.valueOf(post.path("category").asText()));
            check(problems, title + " form", () -> PartnershipForm.valueOf(post.path("form").asText()));
            checkThemesAndSdgs(problems, title, post);
            JsonNode territory = post.path("territory");
            try {
                TerritoryRef ref = new TerritoryRef(territory.path("code").asText(), TerritoryLevel.valueOf(territory.path("level").asText()));
                if (!territories.isKnown(ref)) {
                    problems.add(title + ": unknown territory " + ref);
                }
            } catch (IllegalArgumentException e) {
                problems.add(title + ": " + e.getMessage());
            }
            // A fixed end would one day be past: profile-service would refuse the post, and the demo would not load.
            assertThat(post.path("validUntil").isTextual()).as(title + ": a fixed end").isFalse();
            LocalDate today = LocalDate.now(LabCalendar.ZONE);
            JsonNode validUntil = DemoTerritory.postBody(post, today).path("validUntil");
            if (!validUntil.isNull()) {
                assertThat(LocalDate.parse(validUntil.asText())).as(title).isAfter(today);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void territoriesRangeFromCommuneToNational() {
        Set<String> levels = new HashSet<>();
        posts("needs", "offers").forEach(p -> levels.add(p.path("territory").path("level").asText()));
        assertThat(levels).containsExactlyInAnyOrder("COMMUNE", "EPCI", "DEPARTEMENT", "REGION", "NATIONAL");
    }

    @Test
    void everyNeedHasAnOfferOfTheSameCategoryAndFormFromAnotherActor() {
        List<String> lonely = new ArrayList<>();
        for (JsonNode actor : demo.path("actors")) {
            for (JsonNode need : actor.path("needs")) {
                boolean paired = false;
                for (JsonNode other : demo.path("actors")) {
                    if (other == actor) {
                        continue;
                    }
                    for (JsonNode offer : other.path("offers")) {
                        paired |= offer.path("category").equals(need.path("category")) && offer.path("form").equals(need.path("form"));
                    }
                }
                if (!paired) {
                    lonely.add(need.path("key").asText());
                }
            }
        }
        assertThat(lonely).isEmpty();
    }

    @Test
    void keysAreUniqueAndTheShowcaseNeedExists() {
        List<String> keys = new ArrayList<>();
        demo.path("actors").forEach(a -> keys.add(a.path("key").asText()));
        posts("needs", "offers").forEach(p -> keys.add(p.path("key").asText()));
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(DemoTerritory.fromClasspath().needKeys()).contains(DemoTerritory.fromClasspath().showcaseNeedKey());
    }

    @Test
    void eachActorIsRegisteredByAnAccountEntitledToAndEachDemoMemberHasItsOwnActor() {
        DemoTerritory territory = DemoTerritory.fromClasspath();
        List<String> members = new ArrayList<>();
        for (JsonNode actor : demo.path("actors")) {
            String account = territory.registeredBy(actor);
            assertThat(account).as(actor.path("key").asText()).isNotBlank();
            if (account.equals("facilitator-isere")) {
                // The facilitator of Isère registers actors whose home commune is in Isère only.
                assertThat(actor.path("homeTerritory").asText()).as(actor.path("key").asText()).startsWith("38");
            }
            if (account.startsWith("member-")) {
                members.add(account);
            }
        }
        assertThat(members).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
    }

    private List<JsonNode> posts(String... kinds) {
        List<JsonNode> posts = new ArrayList<>();
        for (JsonNode actor : demo.path("actors")) {
            for (String kind : kinds) {
                actor.path(kind).forEach(posts::add);
            }
        }
        return posts;
    }

    private static void checkThemesAndSdgs(List<String> problems, String owner, JsonNode node) {
        assertThat(node.path("themes").size()).as(owner + " themes").isPositive();
        node.path("themes").forEach(t -> check(problems, owner + " theme", () -> Theme.valueOf(t.asText())));
        assertThat(node.path("sdgs").size()).as(owner + " SDGs").isPositive();
        node.path("sdgs").forEach(s -> {
            if (!s.isInt() || s.asInt() < 1 || s.asInt() > 17) {
                problems.add(owner + ": SDG " + s + " is not 1-17");
            }
        });
    }

    private static void check(List<String> problems, String what, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            problems.add(what + ": " + e.getMessage());
        }
    }
}
