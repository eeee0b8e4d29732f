package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardDimensions.ActorDimensions;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Row;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import fr.labos.partenariats.platform.testing.MovableClock;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the dashboards' table is built, and that a query never answers from facts or dimensions older than those at
 * hand when it starts (unit test: facts and dimensions in memory).
 */
class DashboardAnswersFromTheCurrentFactsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), LabCalendar.ZONE);

    private FakeFacts facts;
    private FakeDimensions dimensions;
    private Dashboard dashboard;

    @BeforeEach
    void lab() {
        facts = new FakeFacts(CLOCK);
        dimensions = new FakeDimensions();
        dimensions.actor("isere", new ActorDimensions(ActorFamily.PUBLIC, "38", "84", List.of(3)));
        dimensions.actor("savoie", new ActorDimensions(ActorFamily.PRIVATE, "73", "84", List.of(5)));
        dimensions.actor("gironde", new ActorDimensions(ActorFamily.PEERS, "33", "75", List.of()));
        dashboard = new Dashboard(facts, dimensions, CLOCK);
    }

    @Test
    void theFirstQueryBuildsTheTableAndTheNextOnesReuseIt() {
        facts.put(introduction("i1", "isere", "savoie"));

        DashboardTable first = dashboard.table();

        assertThat(dashboard.funnel(DashboardFilter.NONE).total()).isEqualTo(1);
        assertThat(dashboard.table()).isSameAs(first).isSameAs(dashboard.published());
    }

    @Test
    void aQueryAfterAChangeTheRefreshHasNotSeenYetCountsTheNewFacts() {
        facts.put(introduction("i1", "isere", "savoie"));
        assertThat(dashboard.funnel(DashboardFilter.NONE).total()).isEqualTo(1);

        // Changed as a poll in progress changes them, before any refresh ran.
        facts.put(introduction("i2", "isere", "gironde"));

        assertThat(dashboard.funnel(DashboardFilter.NONE).total()).isEqualTo(2);
        assertThat(keys(dashboard.territories(DashboardFilter.NONE, false).rows())).containsExactly("33", "38", "73");
    }

    @Test
    void aPollThatChangedTheFactsBuildsTheTableBeforeAnyQuery() {
        facts.put(introduction("i1", "isere", "savoie"));
        assertThat(dashboard.funnel(DashboardFilter.NONE).total()).isEqualTo(1);
        DashboardTable before = dashboard.published();
        facts.arrive(introduction("i2", "isere", "gironde"));

        facts.refresh();

        DashboardTable built = dashboard.published();
        assertThat(built).isNotSameAs(before);
        assertThat(built.size()).isEqualTo(2);
        assertThat(built.factsVersion).isEqualTo(facts.version());
        assertThat(dashboard.table()).isSameAs(built);
    }

    @Test
    void theTableOfDashboardsNobodyLooksAtIsNotRebuiltAtEveryPoll() {
        MovableClock time = new MovableClock(CLOCK.instant(), CLOCK.getZone());
        Dashboard watched = new Dashboard(facts, dimensions, time, Duration.ofMinutes(10));
        facts.put(introduction("i1", "isere", "savoie"));
        // The gauges build the table, but are not someone looking at a dashboard.
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new DashboardMetrics(watched, registry).refresh();
        assertThat(registry.get(DashboardMetrics.BY_STATUS).tag("status", IntroductionStage.PROPOSED.slug()).gauge()
                .value()).isEqualTo(1);
        DashboardTable forTheMetrics = watched.published();

        facts.arrive(introduction("i2", "isere", "gironde"));
        facts.refresh();
        assertThat(watched.published()).as("nobody has looked yet").isSameAs(forTheMetrics);

        assertThat(watched.funnel(DashboardFilter.NONE).total()).isEqualTo(2);
        facts.arrive(introduction("i3", "savoie", "gironde"));
        time.advance(Duration.ofMinutes(9));
        facts.refresh();
        assertThat(watched.published().size()).as("looked at 9 minutes ago: rebuilt").isEqualTo(3);

        facts.arrive(introduction("i4", "gironde", "isere"));
        time.advance(Duration.ofMinutes(2));
        facts.refresh();
        assertThat(watched.published().size()).as("11 minutes since the last look: left").isEqualTo(3);
        assertThat(watched.funnel(DashboardFilter.NONE).total()).as("the next look counts everything").isEqualTo(4);
    }
    @Test
    void aPollThatChangedNothingBuildsNothing() {
        facts.put(introduction("i1", "isere", "savoie"));
        DashboardTable before = dashboard.table();

        facts.refresh();

        assertThat(dashboard.published()).isSameAs(before);
    }

    @Test
    void changedDimensionsAreCountedAtTheNextQueryWithoutReadingTheFactsAgain() {
        facts.put(introduction("i1", "isere", "savoie"));
        assertThat(keys(dashboard.territories(DashboardFilter.NONE, false).rows())).containsExactly("38", "73");
        int covered = dimensions.covered.get();

        // The actor moved to Gironde: read again by the dimensions' refresh.
        dimensions.actor("savoie", new ActorDimensions(ActorFamily.PRIVATE, "33", "75", List.of(5)));

        assertThat(keys(dashboard.territories(DashboardFilter.NONE, false).rows())).containsExactly("33", "38");
        assertThat(dimensions.covered.get()).as("only new facts can name actors not read yet").isEqualTo(covered);
    }

    @Test
    void newFactsAreCoveredBeforeTheTableIsBuilt() {
        facts.put(introduction("i1", "isere", "savoie"));
        dashboard.table();
        int covered = dimensions.covered.get();

        facts.put(introduction("i2", "isere", "gironde"));
        dashboard.table();

        assertThat(dimensions.covered.get()).isEqualTo(covered + 1);
    }

    @Test
    void byStageCountsFromTheTable() {
        facts.put(introduction("i1", "isere", "savoie"));
        facts.put(introduction("i2", "isere", "gironde"));

        assertThat(dashboard.table().byStage().get(IntroductionStage.PROPOSED)).isEqualTo(2);
        assertThat(dashboard.table().byStage().get(IntroductionStage.MET)).isZero();
    }

    private static List<String> keys(List<Row> rows) {
        return rows.stream().map(Row::key).toList();
    }

    private static IntroductionFact introduction(String id, String actor, String partner) {
        Instant proposedAt = Instant.parse("2026-11-02T09:00:00Z");
        return new IntroductionFact(id, actor, partner, List.of(), IntroductionSource.MATCHER,
                IntroductionStage.PROPOSED, LocalDate.of(2026, 11, 2).toEpochDay(), proposedAt, null, null, null, null,
                null, null, null, null);
    }
}
