package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.ResourceCategory;
import org.springframework.context.ApplicationContext;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The dashboards' in-memory cost alone, on the facts and dimensions of a running service (no HTTP, no sign-in, no
 * JSON): the table's build, each query of {@code DashboardBenchmark} on the table, and the same query by the per-fact
 * computation the table replaced ({@link ReferenceDashboard}) for comparison. Called by {@code DashboardBenchmark}.
 */
public final class DashboardInMemoryBenchmark {

    private static final DashboardFilter NONE = DashboardFilter.NONE;
    private static final Map<String, Function<Views, Object>> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("funnel", v -> v.funnel(NONE));
        QUERIES.put("funnel?departement=38&from=2025-06-01&to=2025-12-31", v -> v.funnel(
                new DashboardFilter(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-12-31"), "38", null, null, null)));
        QUERIES.put("territories", v -> v.territories(NONE, false));
        QUERIES.put("territories?level=region", v -> v.territories(NONE, true));
        QUERIES.put("family-pairs", v -> v.familyPairs(NONE));
        QUERIES.put("family-pairs?family=PUBLIC", v -> v.familyPairs(filter(ActorFamily.PUBLIC, null, null)));
        QUERIES.put("categories", v -> v.categories(NONE));
        QUERIES.put("categories?category=FUNDING", v -> v.categories(filter(null, ResourceCategory.FUNDING, null)));
        QUERIES.put("sdgs", v -> v.sdgs(NONE));
        QUERIES.put("periods?granularity=week", v -> v.periods(NONE, Period.WEEK));
        QUERIES.put("periods?granularity=month&region=84", v -> v.periods(filter(null, null, "84"), Period.MONTH));
        QUERIES.put("delays", v -> v.delays(NONE));
        QUERIES.put("territories?format=csv", v -> DashboardCsv.breakdown(v.territories(NONE, false), "Département"));
    }

    /** The views, whichever computes them. */
    private interface Views {
        Object funnel(DashboardFilter filter);

        DashboardViews.Breakdown territories(DashboardFilter filter, boolean byRegion);

        Object familyPairs(DashboardFilter filter);

        Object categories(DashboardFilter filter);

        Object sdgs(DashboardFilter filter);

        Object periods(DashboardFilter filter, Period period);

        Object delays(DashboardFilter filter);
    }

    private DashboardInMemoryBenchmark() {
    }

    private static DashboardFilter filter(ActorFamily family, ResourceCategory category, String region) {
        return new DashboardFilter(null, null, null, region, family, category);
    }

    /** Prints the build time of the table ({@code builds} times) and each query's ({@code runs} times, after warming up). */
    public static void report(ApplicationContext context, int builds, int runs, PrintStream out) {
        DashboardFacts facts = context.getBean(DashboardFacts.class);
        DashboardDimensions dimensions = context.getBean(DashboardDimensions.class);
        Clock clock = context.getBean(Clock.class);
        Dashboard dashboard = context.getBean(Dashboard.class);
        DashboardTable current = dashboard.table();
        List<Double> buildMillis = new ArrayList<>();
        for (int i = 0; i < builds + 3; i++) {
            long started = System.nanoTime();
            DashboardTable.build(facts.all(), dimensions, clock.getZone(), facts.version(), dimensions.version());
            if (i >= 3) {
                buildMillis.add((System.nanoTime() - started) / 1e6);
            }
        }
        out.printf("%nIn memory, no HTTP (%,d introductions)%n", current.size());
        out.printf("%-60s %8s %8s %8s%n", "table build (off the query path)", "p50 ms", "p99 ms", "max ms");
        out.printf("%-60s %8.1f %8.1f %8.1f%n", "DashboardTable.build", percentile(buildMillis, 50),
                percentile(buildMillis, 99), percentile(buildMillis, 100));
        Views table = views(current);
        Views reference = views(new ReferenceDashboard(facts, dimensions, clock));
        out.printf("%-60s %8s %8s %8s %10s %10s%n", "query, computation only", "p50 ms", "p99 ms", "max ms",
                "per-fact p50", "per-fact p99");
        for (Map.Entry<String, Function<Views, Object>> query : QUERIES.entrySet()) {
            List<Double> compiled = time(table, query.getValue(), runs);
            List<Double> perFact = time(reference, query.getValue(), Math.max(10, runs / 5));
            out.printf("%-60s %8.2f %8.2f %8.2f %10.1f %10.1f%n", query.getKey(), percentile(compiled, 50),
                    percentile(compiled, 99), percentile(compiled, 100), percentile(perFact, 50), percentile(perFact, 99));
        }
    }

    private static List<Double> time(Views views, Function<Views, Object> query, int runs) {
        for (int i = 0; i < Math.max(5, runs / 10); i++) {
            query.apply(views);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            query.apply(views);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        return millis;
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static Views views(DashboardTable table) {
        return new Views() {
            public Object funnel(DashboardFilter filter) {
                return table.funnel(filter);
            }

            public DashboardViews.Breakdown territories(DashboardFilter filter, boolean byRegion) {
                return table.territories(filter, byRegion);
            }

            public Object familyPairs(DashboardFilter filter) {
                return table.familyPairs(filter);
            }

            public Object categories(DashboardFilter filter) {
                return table.categories(filter);
            }

            public Object sdgs(DashboardFilter filter) {
                return table.sdgs(filter);
            }

            public Object periods(DashboardFilter filter, Period period) {
                return table.periods(filter, period);
            }

            public Object delays(DashboardFilter filter) {
                return table.delays(filter);
            }
        };
    }

    private static Views views(ReferenceDashboard reference) {
        return new Views() {
            public Object funnel(DashboardFilter filter) {
                return reference.funnel(filter);
            }

            public DashboardViews.Breakdown territories(DashboardFilter filter, boolean byRegion) {
                return reference.territories(filter, byRegion);
            }

            public Object familyPairs(DashboardFilter filter) {
                return reference.familyPairs(filter);
            }

            public Object categories(DashboardFilter filter) {
                return reference.categories(filter);
            }

            public Object sdgs(DashboardFilter filter) {
                return reference.sdgs(filter);
            }

            public Object periods(DashboardFilter filter, Period period) {
                return reference.periods(filter, period);
            }

            public Object delays(DashboardFilter filter) {
                return reference.delays(filter);
            }
        };
    }
}
