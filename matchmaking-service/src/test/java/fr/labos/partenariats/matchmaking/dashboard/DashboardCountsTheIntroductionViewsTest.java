package fr.labos.partenariats.matchmaking.dashboard;

import ch.qos.logback.classic.Level;
import fr.labos.partenariats.matchmaking.dashboard.DashboardDimensions.ActorDimensions;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Counts;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Delays;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Funnel;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.FunnelStep;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Median;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Row;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionView;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionViewsWriter;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.IntroductionStories;
import fr.labos.partenariats.matchmaking.support.IntroductionStories.Told;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.matching.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards and gauges over introduction views written as the consumer writes them, in MongoDB's stand-in, and
 * read by {@link DashboardFacts} as in the service: what the views' stage and source become in the counts.
 */
class DashboardCountsTheIntroductionViewsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), LabCalendar.ZONE);
    private static final Instant JANUARY_5 = Instant.parse("2026-01-05T09:00:00Z");
    private static final LocalDate FEBRUARY_1 = LocalDate.of(2026, 2, 1);
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private InMemoryMongo mongo;
    private IntroductionViewsWriter views;
    private FakeDimensions dimensions;

    @BeforeEach
    void lab() {
        mongo = InMemoryMongo.start();
        views = new IntroductionViewsWriter(mongo.template(), CLOCK);
        dimensions = new FakeDimensions();
        dimensions.actor("a", new ActorDimensions(ActorFamily.PEERS, "38", "84", List.of(8)));
        dimensions.actor("b", new ActorDimensions(ActorFamily.PUBLIC, "73", "84", List.of(11)));
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void anOutcomeRecordedLateButDatedEarlierLeavesThePartnershipCounted() {
        List<Told> events = new IntroductionStories()
                // Formed on 1 March, recorded the next day; the follow-up of 1 February, forgotten, recorded in April.
                .accepted("i-backdated", "a", "b", JANUARY_5, Duration.ofDays(2))
                .met("i-backdated", JANUARY_5.plus(Duration.ofDays(10)))
                .outcome("i-backdated", Outcome.PARTNERSHIP_FORMED, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .outcome("i-backdated", Outcome.FOLLOW_UP_PLANNED, FEBRUARY_1, Instant.parse("2026-04-15T10:00:00Z"))
                // The same outcomes recorded in the order they happened.
                .accepted("i-in-order", "a", "b", JANUARY_5, Duration.ofDays(2))
                .met("i-in-order", JANUARY_5.plus(Duration.ofDays(10)))
                .outcome("i-in-order", Outcome.FOLLOW_UP_PLANNED, FEBRUARY_1, Instant.parse("2026-02-02T10:00:00Z"))
                .outcome("i-in-order", Outcome.PARTNERSHIP_FORMED, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                // A follow-up planned after the partnership, which goes on: still a partnership.
                .accepted("i-follow-up-after", "a", "b", JANUARY_5, Duration.ofDays(2))
                .met("i-follow-up-after", JANUARY_5.plus(Duration.ofDays(10)))
                .outcome("i-follow-up-after", Outcome.PARTNERSHIP_FORMED, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .outcome("i-follow-up-after", Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2026, 3, 20),
                        Instant.parse("2026-03-21T10:00:00Z"))
                .events();
        views.apply(events);

        Dashboard dashboard = dashboard();
        Funnel funnel = dashboard.funnel(DashboardFilter.NONE);
        assertThat(funnel.byStatus()).containsEntry("partnership", 3L).containsEntry("follow-up", 0L)
                .containsEntry("met", 0L);
        assertThat(funnel.steps()).extracting(FunnelStep::count).as("every one reached both outcomes")
                .containsExactly(3L, 3L, 3L, 3L, 3L);
        assertThat(dashboard.table().byStage()).containsEntry(IntroductionStage.PARTNERSHIP, 3L)
                .containsEntry(IntroductionStage.FOLLOW_UP, 0L);
        MeterRegistry meters = new SimpleMeterRegistry();
        new DashboardMetrics(dashboard, meters).refresh();
        assertThat(meters.get(DashboardMetrics.BY_STATUS).tag("status", "partnership").gauge().value()).isEqualTo(3.0);
        assertThat(meters.get(DashboardMetrics.BY_STATUS).tag("status", "follow-up").gauge().value()).isEqualTo(0.0);

        List<String> written = mongo.rawDocuments(IntroductionView.COLLECTION);
        assertThat(views.apply(events)).as("every event redelivered changes nothing").isZero();
        assertThat(mongo.rawDocuments(IntroductionView.COLLECTION)).isEqualTo(written);
        assertThat(views.rebuild(events)).as("every event applied again from the first").isEqualTo(events.size());
        assertThat(mongo.rawDocuments(IntroductionView.COLLECTION)).as("rebuilt as they were").isEqualTo(written);
        assertThat(dashboard().funnel(DashboardFilter.NONE)).isEqualTo(funnel);
    }

    @Test
    void theMedianFromProposalToAcceptanceLeavesOutSpeedMeetingsOnly() {
        Instant round = Instant.parse("2026-02-10T08:00:00Z");
        Instant recorded = round.plus(Duration.ofMinutes(20));
        List<Told> events = new IntroductionStories()
                // Accepted 2 days after the proposal, met 10 days after it, partners 30 days after the meeting.
                .fullLifecycle("i-asked-2d", "a", "b", new NeedOfferPair("n-a", "o-b"), JANUARY_5)
                .accepted("i-asked-4d", "a", "b", JANUARY_5.plus(Duration.ofDays(1)), Duration.ofDays(4))
                .accepted("i-asked-9d", "b", "a", JANUARY_5.plus(Duration.ofDays(2)), Duration.ofDays(9))
                // From a lab's past records: proposed on 3 November, accepted on the 9th, 6 days.
                .past("i-past-6d", "a", "b", LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 9))
                // Made at a session: proposed and accepted at the same instant; one partnership 10 days after it.
                .speedMeeting("i-speed-1", "a", "b", round, recorded)
                .speedMeeting("i-speed-2", "b", "a", round, recorded)
                .speedMeeting("i-speed-3", "a", "b", round, recorded)
                .outcome("i-speed-1", Outcome.PARTNERSHIP_FORMED, LocalDate.of(2026, 2, 20), Instant.parse("2026-02-21T10:00:00Z"))
                .waiting("i-waiting", "b", "a", JANUARY_5, Duration.ofDays(14))
                .events();
        views.apply(events);

        Dashboard dashboard = dashboard();
        Delays delays = dashboard.delays(DashboardFilter.NONE);

        assertThat(delays.proposalToAcceptance()).as("2, 4, 6 and 9 days; not the speed meetings' 0")
                .isEqualTo(new Median(4, 5.0));
        assertThat(delays.meetingToPartnership()).as("30 days, and the speed meeting's 10")
                .isEqualTo(new Median(2, 20.0));
        Funnel funnel = dashboard.funnel(DashboardFilter.NONE);
        assertThat(funnel.steps()).extracting(FunnelStep::count).as("speed meetings counted at every step")
                .containsExactly(8L, 7L, 4L, 2L, 2L);
        assertThat(funnel.steps().get(1).rateFromPrevious()).isEqualTo(7 / 8.0);
        MeterRegistry meters = new SimpleMeterRegistry();
        new DashboardMetrics(dashboard, meters).refresh();
        assertThat(meters.get(DashboardMetrics.CONVERSION).tag("step", "accepted").gauge().value()).isEqualTo(7 / 8.0);
    }

    @Test
    void aNoFitFollowedByAPartnershipIsNotHowItClosedButStaysAStepOfItsMonth() {
        List<Told> events = new IntroductionStories()
                // No fit on 1 March, then a partnership after all on 1 June: the status says partnership.
                .accepted("i-no-fit-then-partners", "a", "b", JANUARY_5, Duration.ofDays(2))
                .met("i-no-fit-then-partners", JANUARY_5.plus(Duration.ofDays(10)))
                .outcome("i-no-fit-then-partners", Outcome.NO_FIT, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .outcome("i-no-fit-then-partners", Outcome.PARTNERSHIP_FORMED, LocalDate.of(2026, 6, 1),
                        Instant.parse("2026-06-02T10:00:00Z"))
                // A follow-up on 1 February, then no fit on 1 March: it did close with no fit.
                .accepted("i-follow-up-then-no-fit", "a", "b", JANUARY_5, Duration.ofDays(2))
                .met("i-follow-up-then-no-fit", JANUARY_5.plus(Duration.ofDays(10)))
                .outcome("i-follow-up-then-no-fit", Outcome.FOLLOW_UP_PLANNED, FEBRUARY_1, Instant.parse("2026-02-02T10:00:00Z"))
                .outcome("i-follow-up-then-no-fit", Outcome.NO_FIT, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .events();
        views.apply(events);

        Dashboard dashboard = dashboard();
        Funnel funnel = dashboard.funnel(DashboardFilter.NONE);
        assertThat(funnel.byStatus()).containsEntry("partnership", 1L).containsEntry("no-fit", 1L);
        assertThat(funnel.counts().partnership()).isEqualTo(1);
        assertThat(funnel.counts().noFit()).as("closed with no fit: the one whose status says so, not the partnership")
                .isEqualTo(1);
        assertThat(dashboard.territories(DashboardFilter.NONE, false).rows())
                .allSatisfy(row -> assertThat(row.counts().noFit()).isEqualTo(1));
        Row march = dashboard.periods(DashboardFilter.NONE, Period.MONTH).rows().stream()
                .filter(row -> row.key().equals("2026-03")).findFirst().orElseThrow();
        assertThat(march.counts().noFit()).as("both no-fits were recorded in March: steps of that month").isEqualTo(2);
    }

    /**
     * A pair that met again, and formed a second partnership after the first ended: {@code periods} counts every meeting
     * held and every partnership on its day, read back from the views (the funnel still counts the introduction once).
     */
    @Test
    void periodsCountEveryMeetingHeldAndEveryPartnershipNotOnlyTheFirst() {
        List<Told> events = new IntroductionStories()
                .accepted("i-again", "a", "b", JANUARY_5, Duration.ofDays(2))
                .met("i-again", Instant.parse("2026-02-10T09:00:00Z"))
                .outcome("i-again", Outcome.PARTNERSHIP_FORMED, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .met("i-again", Instant.parse("2026-05-12T09:00:00Z"))
                .outcome("i-again", Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 6, 30), Instant.parse("2026-07-01T10:00:00Z"))
                .outcome("i-again", Outcome.PARTNERSHIP_FORMED, LocalDate.of(2026, 9, 1), Instant.parse("2026-09-02T10:00:00Z"))
                .events();
        views.apply(events);

        Dashboard dashboard = dashboard();
        Breakdown months = dashboard.periods(DashboardFilter.NONE, Period.MONTH);
        Map<String, Counts> byMonth = months.rows().stream().collect(Collectors.toMap(Row::key, Row::counts));
        assertThat(byMonth.get("2026-02").met()).isEqualTo(1);
        assertThat(byMonth.get("2026-05").met()).as("the second meeting held, in May").isEqualTo(1);
        assertThat(byMonth.get("2026-03").partnership()).isEqualTo(1);
        assertThat(byMonth.get("2026-09").partnership()).as("the second partnership, in September").isEqualTo(1);
        assertThat(months.total()).as("one introduction").isEqualTo(1);
        assertThat(months.totalCounts().met()).as("two meetings held over the periods").isEqualTo(2);
        assertThat(months.totalCounts().partnership()).isEqualTo(2);
        Breakdown may = dashboard.periods(new DashboardFilter(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), null,
                null, null, null), Period.MONTH);
        assertThat(may.total()).as("its step of May keeps it in a range of May alone").isEqualTo(1);
        assertThat(may.totalCounts().met()).isEqualTo(1);
        assertThat(dashboard.funnel(DashboardFilter.NONE).steps()).extracting(FunnelStep::count)
                .as("the funnel counts the introduction once at each step").containsExactly(1L, 1L, 1L, 1L, 1L);
    }

    @Test
    void aStageOrSourceWrittenByANewerReleaseCountsInTheUnknownGroup() {
        views.apply(new IntroductionStories()
                .accepted("i-known", "a", "b", JANUARY_5, Duration.ofDays(2))
                .accepted("i-newer-stage", "a", "b", JANUARY_5, Duration.ofDays(2))
                .waiting("i-newer-source", "b", "a", JANUARY_5, Duration.ofDays(14))
                .events());
        // During a rolling upgrade, an instance of a newer release writes values this one does not know.
        mongo.template().updateFirst(Query.query(Criteria.where("_id").is("i-newer-stage")),
                Update.update("stage", "ON_HOLD"), IntroductionView.COLLECTION);
        mongo.template().updateFirst(Query.query(Criteria.where("_id").is("i-newer-source")),
                Update.update("source", "PARTNER_NETWORK"), IntroductionView.COLLECTION);

        try (LoggedEvents logged = LoggedEvents.of(DashboardFacts.class)) {
            Dashboard dashboard = dashboard();
            Funnel funnel = dashboard.funnel(DashboardFilter.NONE);

            assertThat(funnel.steps()).extracting(FunnelStep::count).as("all three counted, by their dates")
                    .containsExactly(3L, 2L, 0L, 0L, 0L);
            assertThat(funnel.byStatus()).as("the unknown stage in no status").containsEntry("accepted", 1L)
                    .containsEntry("proposed", 1L);
            assertThat(funnel.byStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L);
            assertThat(logged.at(Level.WARN)).hasSize(2)
                    .anySatisfy(message -> assertThat(message).contains("IntroductionStage ON_HOLD"))
                    .anySatisfy(message -> assertThat(message).contains("IntroductionSource PARTNER_NETWORK"));
        }
    }

    /** Dashboards over the views as they stand, read by facts of their own (as at an instance's start). */
    private Dashboard dashboard() {
        DashboardFacts facts = new DashboardFacts(mongo.template(), CLOCK, Duration.ZERO);
        return new Dashboard(facts, dimensions, CLOCK);
    }
}
