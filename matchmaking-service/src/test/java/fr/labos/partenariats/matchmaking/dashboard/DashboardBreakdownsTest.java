package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardDimensions.ActorDimensions;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Funnel;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Row;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the breakdowns' groups and columns mean, on a few introductions told in full (facts in memory). */
class DashboardBreakdownsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), LabCalendar.ZONE);

    /** The dashboards of a lab whose actors are in Isère and Savoie (Auvergne-Rhône-Alpes) and Paris. */
    static Dashboard lab(FactBuilder... introductions) {
        FakeFacts facts = new FakeFacts(CLOCK);
        FakeDimensions dimensions = new FakeDimensions();
        dimensions.actor("isere", new ActorDimensions(ActorFamily.PUBLIC, "38", "84", List.of(3)));
        dimensions.actor("savoie", new ActorDimensions(ActorFamily.PRIVATE, "73", "84", List.of()));
        dimensions.actor("paris", new ActorDimensions(ActorFamily.PEERS, "75", "11", List.of()));
        for (FactBuilder introduction : introductions) {
            facts.put(introduction.fact());
        }
        return new Dashboard(facts, dimensions, CLOCK);
    }

    @Test
    void byRegionWithADepartementFilterCountsThatDepartementsRegionOnly() {
        Dashboard dashboard = lab(FactBuilder.proposed("i-isere-paris", "isere", "paris", "2026-01-05"),
                FactBuilder.proposed("i-savoie-paris", "savoie", "paris", "2026-01-06"));
        DashboardFilter isere = new DashboardFilter(null, null, "38", null, null, null);

        Breakdown regions = dashboard.territories(isere, true);

        assertThat(keys(regions)).as("Auvergne-Rhône-Alpes, where Isère lies; not Paris's Île-de-France")
                .containsExactly("84");
        assertThat(regions.rows().get(0).counts().proposed()).isEqualTo(1);
        assertThat(regions.total()).isEqualTo(1);
        assertThat(keys(dashboard.territories(isere, false))).containsExactly("38");
        assertThat(keys(dashboard.territories(DashboardFilter.NONE, true))).as("without a filter, both sides' régions")
                .containsExactly("11", "84");
    }

    @Test
    void anIntroductionNeitherOfWhoseActorsHasAnSdgCountsInTheUnknownGroup() {
        Dashboard dashboard = lab(FactBuilder.proposed("i-isere-paris", "isere", "paris", "2026-01-05"),
                FactBuilder.proposed("i-savoie-paris", "savoie", "paris", "2026-01-06"),
                FactBuilder.proposed("i-savoie-unknown", "savoie", "never-read", "2026-01-07"));

        Breakdown sdgs = dashboard.sdgs(DashboardFilter.NONE);

        assertThat(keys(sdgs)).as("Isère's SDG 3, and the two with no SDG known").containsExactly("03", "?");
        assertThat(sdgs.rows().get(1).label()).isEqualTo("aucun ODD connu");
        assertThat(sdgs.rows().get(1).counts().proposed()).isEqualTo(2);
        assertThat(sdgs.rows().stream().mapToLong(row -> row.counts().proposed()).sum())
                .as("every introduction in some row, as in the other breakdowns").isEqualTo(sdgs.total());
    }

    @Test
    void theFunnelSaysHowManyProposalsAreStillWaitingForAnAnswerItsRatesCountingThem() {
        Dashboard dashboard = lab(FactBuilder.proposed("i-accepted", "isere", "paris", "2026-01-05").accepted("2026-01-07"),
                FactBuilder.proposed("i-declined", "savoie", "paris", "2026-01-06").declined("2026-01-08"),
                FactBuilder.proposed("i-waiting", "isere", "savoie", "2026-01-20"));

        Funnel funnel = dashboard.funnel(DashboardFilter.NONE);

        assertThat(funnel.pending()).isEqualTo(1);
        assertThat(funnel.steps().get(1).rateFromPrevious()).as("1 accepted of the 3 proposals, the waiting one included")
                .isEqualTo(1 / 3.0);
        assertThat(new String(DashboardCsv.funnel(funnel), StandardCharsets.UTF_8))
                .endsWith("\r\nEn attente de réponse (parmi les proposées);1;\r\n");
    }

    static List<String> keys(Breakdown breakdown) {
        return breakdown.rows().stream().map(Row::key).toList();
    }
}
