package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Delays;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Funnel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;

/**
 * The dashboards, answered from this instance's facts ({@link DashboardFacts}) joined with the actors' and posts'
 * dimensions ({@link DashboardDimensions}), compiled into a {@link DashboardTable}.
 *
 * <p>The table is rebuilt off the query path, when a poll of the facts or a refresh of the dimensions changed
 * something, and published for the queries. A query answers from the published table if it was built from the
 * facts and dimensions as they stand when the query starts; otherwise (the first query after the start, or one that
 * comes between a change and its rebuild) it builds the table itself, or waits for the build under way: a dashboard
 * never counts facts older than those {@link DashboardFacts#all()} holds.
 *
 * <p>The rebuilds off the query path are for dashboards being looked at: only while one was queried in the last
 * {@code matchmaking.dashboard.rebuild-while-viewed} (10 minutes by default). A build costs about a quarter of a
 * second of CPU with 100,000 introductions, and the facts change at every poll that brings events, up to once a
 * second: an instance whose dashboards nobody reads would spend a quarter of a core on tables nobody uses. The
 * metrics' gauges ({@link DashboardMetrics}) build the table at their own pace, and the first query after a quiet spell builds it.
 */
@Component
class Dashboard {

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

    private final DashboardFacts facts;
    private final DashboardDimensions dimensions;
    private final ZoneId zone;
    private final Object building = new Object();
    private volatile DashboardTable table;
    private long coveredVersion = -1;
    private final Clock clock;
    private final Duration rebuildWhileViewed;
    /** When a dashboard was last queried (null: never since the start). */
    private volatile Instant lastViewed;

    @Autowired
    Dashboard(DashboardFacts facts, DashboardDimensions dimensions, Clock clock,
              @Value("${matchmaking.dashboard.rebuild-while-viewed:10m}") Duration rebuildWhileViewed) {
        this.facts = facts;
        this.dimensions = dimensions;
        this.zone = clock.getZone();
        this.clock = clock;
        this.rebuildWhileViewed = rebuildWhileViewed;
        facts.whenChanged(this::rebuild);
        dimensions.whenChanged(this::rebuild);
    }

    Dashboard(DashboardFacts facts, DashboardDimensions dimensions, Clock clock) {
        this(facts, dimensions, clock, Duration.ofMinutes(10));
    }

    Funnel funnel(DashboardFilter filter) {
        return viewed().funnel(filter);
    }

    /** By home département (or région, {@code byRegion}) of either side: a cross-border introduction counts in both. */
    Breakdown territories(DashboardFilter filter, boolean byRegion) {
        return viewed().territories(filter, byRegion);
    }

    /** By the unordered pair of the two sides' families. */
    Breakdown familyPairs(DashboardFilter filter) {
        return viewed().familyPairs(filter);
    }

    /** By the resource categories of the needs and offers an introduction rests on; "NONE" for one made by hand. */
    Breakdown categories(DashboardFilter filter) {
        return viewed().categories(filter);
    }

    /** By the SDGs of either side (an introduction counts once per SDG of its two actors; "?" if neither has one). */
    Breakdown sdgs(DashboardFilter filter) {
        return viewed().sdgs(filter);
    }

    /**
     * By week or month: the steps taken in each period, each kept by its own day (not the proposal's) within the
     * filter's days, of the introductions its other conditions keep.
     */
    Breakdown periods(DashboardFilter filter, Period period) {
        return viewed().periods(filter, period);
    }

    /**
     * Median days from proposal to (double) acceptance, of the introductions whose acceptance answered the proposal
     * (not those made at a speed-meeting session), and from the first meeting held to a partnership formed.
     */
    Delays delays(DashboardFilter filter) {
        return viewed().delays(filter);
    }

    /** The table for a dashboard query, which keeps the rebuilds off the query path for a while. */
    private DashboardTable viewed() {
        lastViewed = clock.instant();
        return table();
    }

    /** The table of the facts and dimensions as they stand now: the published one if current, else a new one. */
    DashboardTable table() {
        // Polls first if no poll has succeeded yet (and throws if MongoDB cannot be read: empty dashboards would lie).
        Collection<IntroductionFact> all = facts.all();
        DashboardTable current = table;
        if (isCurrent(current)) {
            return current;
        }
        synchronized (building) {
            current = table;
            if (isCurrent(current)) {
                // Built meanwhile by the refresh or another query.
                return current;
            }
            long factsVersion = facts.version();
            if (factsVersion != coveredVersion) {
                // Only new facts can name actors or posts not read yet.
                dimensions.cover(all);
                coveredVersion = factsVersion;
            }
            current = DashboardTable.build(all, dimensions, zone, factsVersion, dimensions.version());
            table = current;
            return current;
        }
    }

    /** The table published last, current or not (null before the first build). */
    DashboardTable published() {
        return table;
    }

    private boolean isCurrent(DashboardTable candidate) {
        return candidate != null && candidate.factsVersion == facts.version()
                && candidate.dimensionsVersion == dimensions.version();
    }

    /** After a poll or a refresh that changed something: the queries then find the table built. */
    private void rebuild() {
        Instant viewed = lastViewed;
        if (viewed == null || clock.instant().isAfter(viewed.plus(rebuildWhileViewed))) {
            return;
        }
        try {
            table();
        } catch (RuntimeException e) {
            // MongoDB away while reading new actors or posts: the next query builds the table, or says why it cannot.
            log.debug("Cannot rebuild the dashboards' table", e);
        }
    }
}
