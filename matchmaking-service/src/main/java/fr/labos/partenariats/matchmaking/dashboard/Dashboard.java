package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Delays;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Funnel;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;

/**
 * The dashboards, answered from this instance's facts ({@link DashboardFacts}) joined with the actors' and posts'
 * dimensions ({@link DashboardDimensions}), compiled into a {@link DashboardTable}.
 *
 * <p>The table is rebuilt off the query path, when a poll of the facts or a refresh of the dimensions changed
 * something, and published for the queries. A query answers from the published table if it was built from the
 * facts and dimensions as they stand when the query starts; otherwise (the first query after the start, or one that
 * comes between a change and its rebuild) it builds the table itself, or waits for the build under way: a dashboard
 * never counts facts older than those {@link DashboardFacts#all()} holds.
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

    Dashboard(DashboardFacts facts, DashboardDimensions dimensions, Clock clock) {
        this.facts = facts;
        this.dimensions = dimensions;
        this.zone = clock.getZone();
        facts.whenChanged(this::rebuild);
        dimensions.whenChanged(this::rebuild);
    }

    Funnel funnel(DashboardFilter filter) {
        return table().funnel(filter);
    }

    /** By home département (or région, {@code byRegion}) of either side: a cross-border introduction counts in both. */
    Breakdown territories(DashboardFilter filter, boolean byRegion) {
        return table().territories(filter, byRegion);
    }

    /** By the unordered pair of the two sides' families. */
    Breakdown familyPairs(DashboardFilter filter) {
        return table().familyPairs(filter);
    }

    /** By the resource categories of the needs and offers an introduction rests on; "NONE" for one made by hand. */
    Breakdown categories(DashboardFilter filter) {
        return table().categories(filter);
    }

    /** By the SDGs of either side (an introduction counts once per SDG of its two actors). */
    Breakdown sdgs(DashboardFilter filter) {
        return table().sdgs(filter);
    }

    /** By week or month: the steps taken in each period by the introductions the filter keeps. */
    Breakdown periods(DashboardFilter filter, Period period) {
        return table().periods(filter, period);
    }

    /** Median days from proposal to (double) acceptance, and from the first meeting held to a partnership formed. */
    Delays delays(DashboardFilter filter) {
        return table().delays(filter);
    }

    /** Where the introductions stand, by stage; what the metrics publish. */
    Map<IntroductionStage, Long> byStage() {
        return table().byStage();
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
        try {
            table();
        } catch (RuntimeException e) {
            // MongoDB away while reading new actors or posts: the next query builds the table, or says why it cannot.
            log.debug("Cannot rebuild the dashboards' table", e);
        }
    }
}
