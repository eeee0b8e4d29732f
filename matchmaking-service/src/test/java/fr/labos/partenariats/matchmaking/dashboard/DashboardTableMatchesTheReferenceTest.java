package fr.labos.partenariats.matchmaking.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.matchmaking.dashboard.DashboardDimensions.ActorDimensions;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of the compiled dashboards ({@link DashboardTable} through {@link Dashboard}) against the
 * straightforward per-fact computation they replaced ({@link ReferenceDashboard}): random facts and dimensions from a
 * seed (unknown actors and posts, introductions without a post, cross-border pairs, missing milestones, days over
 * several years with their week 53s and midnights in Paris), random filters (each alone, combined, empty ranges,
 * territories no actor is in), and every view compared as the JSON and the CSV the API would send.
 *
 * <p>A failure names its seed: {@code -Ddashboard.seed=<seed>} replays it.
 */
class DashboardTableMatchesTheReferenceTest {

    private static final ZoneId PARIS = LabCalendar.ZONE;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), PARIS);
    private static final TerritoryDirectory TERRITORIES = TerritoryDirectory.official();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final int DATASETS = 30;

    @Test
    void everyViewAnswersAsTheReferenceWhateverTheDataAndTheFilter() {
        long seed = Long.getLong("dashboard.seed", System.nanoTime());
        for (int dataset = 0; dataset < DATASETS; dataset++) {
            Random random = new Random(seed + dataset);
            FakeFacts facts = new FakeFacts(CLOCK);
            FakeDimensions dimensions = new FakeDimensions();
            Data data = fill(random, facts, dimensions);
            Dashboard dashboard = new Dashboard(facts, dimensions, CLOCK);
            ReferenceDashboard reference = new ReferenceDashboard(facts, dimensions, CLOCK);
            String context = "seed " + seed + " (replay: -Ddashboard.seed=" + seed + "), dataset " + dataset + ", "
                    + facts.all().size() + " facts";
            assertThat(List.copyOf(dashboard.table().byStage().entrySet())).as(context + ", byStage")
                    .isEqualTo(List.copyOf(reference.byStage().entrySet()));
            for (DashboardFilter filter : filters(random, data)) {
                sameViews(reference, dashboard, filter, context + ", filter " + filter);
            }
        }
    }

    @Test
    void anEmptyLabAnswersAsTheReference() {
        FakeFacts facts = new FakeFacts(CLOCK);
        FakeDimensions dimensions = new FakeDimensions();
        sameViews(new ReferenceDashboard(facts, dimensions, CLOCK), new Dashboard(facts, dimensions, CLOCK),
                DashboardFilter.NONE, "no facts");
    }

    private static void sameViews(ReferenceDashboard reference, Dashboard dashboard, DashboardFilter filter, String context) {
        same(context + ", funnel", () -> reference.funnel(filter), () -> dashboard.funnel(filter),
                funnel -> DashboardCsv.funnel(funnel));
        for (boolean byRegion : new boolean[]{false, true}) {
            same(context + ", territories byRegion=" + byRegion, () -> reference.territories(filter, byRegion),
                    () -> dashboard.territories(filter, byRegion), breakdown -> DashboardCsv.breakdown(breakdown, "T"));
        }
        same(context + ", family-pairs", () -> reference.familyPairs(filter), () -> dashboard.familyPairs(filter),
                DashboardTableMatchesTheReferenceTest::csv);
        same(context + ", categories", () -> reference.categories(filter), () -> dashboard.categories(filter),
                DashboardTableMatchesTheReferenceTest::csv);
        same(context + ", sdgs", () -> reference.sdgs(filter), () -> dashboard.sdgs(filter),
                DashboardTableMatchesTheReferenceTest::csv);
        for (Period period : Period.values()) {
            same(context + ", periods " + period, () -> reference.periods(filter, period),
                    () -> dashboard.periods(filter, period), breakdown -> DashboardCsv.periods(breakdown, "Clé"));
        }
        same(context + ", delays", () -> reference.delays(filter), () -> dashboard.delays(filter),
                delays -> DashboardCsv.delays(delays));
    }

    private static byte[] csv(Breakdown breakdown) {
        return DashboardCsv.breakdown(breakdown, "Clé");
    }

    /** Equal as values, and as the bytes the API sends (JSON: the order of rows and of the stages too; CSV). */
    private static <T> void same(String context, Supplier<T> reference, Supplier<T> compiled, Function<T, byte[]> csv) {
        T expected = reference.get();
        T actual = compiled.get();
        assertThat(actual).as(context).isEqualTo(expected);
        assertThat(json(actual)).as(context + " (JSON)").isEqualTo(json(expected));
        assertThat(new String(csv.apply(actual), StandardCharsets.UTF_8)).as(context + " (CSV)")
                .isEqualTo(new String(csv.apply(expected), StandardCharsets.UTF_8));
    }

    private static String json(Object view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the filters pick from: the territories the actors are in, and some no actor is in. */
    private record Data(List<String> departements, List<String> regions, long firstDay, long lastDay) {
    }

    private static Data fill(Random random, FakeFacts facts, FakeDimensions dimensions) {
        List<String> allCommunes = TERRITORIES.communeCodes();
        List<String> communes = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(15); i < n; i++) {
            communes.add(allCommunes.get(random.nextInt(allCommunes.size())));
        }
        int actors = 3 + random.nextInt(60);
        Set<String> departements = new TreeSet<>();
        Set<String> regions = new TreeSet<>();
        for (int a = 0; a < actors; a++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                continue; // never read: unknown
            }
            if (kind == 1) {
                dimensions.actor("a" + a, new ActorDimensions(null, null, null, List.of()));
                continue;
            }
            ActorFamily family = random.nextInt(10) == 0 ? null : oneOf(random, ActorFamily.values());
            String departement = null;
            String region = null;
            if (random.nextInt(10) != 0) {
                TerritoryRef commune = TerritoryRef.commune(communes.get(random.nextInt(communes.size())));
                departement = TERRITORIES.departementOf(commune).map(TerritoryRef::code).orElse(null);
                region = TERRITORIES.regionOf(commune).map(TerritoryRef::code).orElse(null);
                departements.add(departement);
                regions.add(region);
            }
            List<Integer> sdgs = new ArrayList<>();
            for (int s = 0, n = random.nextInt(5); s < n; s++) {
                // 1 to 17 as profiles hold them, and now and then a number out of range (grouped modulo 18).
                sdgs.add(random.nextInt(20) == 0 ? random.nextInt(40) - 2 : 1 + random.nextInt(17));
            }
            dimensions.actor("a" + a, new ActorDimensions(family, departement, region, List.copyOf(sdgs)));
        }
        int posts = 1 + random.nextInt(40);
        for (int p = 0; p < posts; p++) {
            if (random.nextInt(6) != 0) {
                dimensions.post("p" + p, oneOf(random, ResourceCategory.values()));
            }
        }
        int size = random.nextInt(5) == 0 ? random.nextInt(6) : 50 + random.nextInt(1500);
        // A span of days from a few weeks to seven years, over the years with a week 53 (2020, 2026) or not.
        long firstDay = LocalDate.of(2019, 12, 1).toEpochDay() + random.nextInt(2000);
        long span = 20 + random.nextInt(random.nextBoolean() ? 60 : 2500);
        for (int i = 0; i < size; i++) {
            facts.put(fact(random, "i" + i, actors, posts, firstDay, span));
        }
        return new Data(List.copyOf(departements), List.copyOf(regions), firstDay, firstDay + span);
    }

    private static IntroductionFact fact(Random random, String id, int actors, int posts, long firstDay, long span) {
        String actor = random.nextInt(50) == 0 ? null : "a" + random.nextInt(actors + 3);
        String partner = random.nextInt(50) == 0 ? null : "a" + random.nextInt(actors + 3);
        Set<String> postIds = new LinkedHashSet<>();
        for (int p = 0, n = random.nextInt(4); p < n; p++) {
            postIds.add("p" + random.nextInt(posts + 2));
        }
        Instant proposedAt = instant(random, firstDay + random.nextInt((int) span));
        Instant acceptedAt = random.nextInt(2) == 0 ? null : later(random, proposedAt);
        Instant firstMetAt = acceptedAt == null || random.nextInt(3) == 0 ? null : later(random, acceptedAt);
        LocalDate followUpOn = random.nextInt(4) == 0 ? dayNear(random, firstMetAt, proposedAt) : null;
        LocalDate partnershipOn = random.nextInt(4) == 0 ? dayNear(random, firstMetAt, proposedAt) : null;
        LocalDate noFitOn = random.nextInt(8) == 0 ? dayNear(random, firstMetAt, proposedAt) : null;
        Instant declinedAt = random.nextInt(6) == 0 ? later(random, proposedAt) : null;
        Instant expiredAt = random.nextInt(8) == 0 ? later(random, proposedAt) : null;
        Instant withdrawnAt = random.nextInt(10) == 0 ? later(random, proposedAt) : null;
        // Every source, speed meetings (left out of the acceptance median) included; now and then none.
        IntroductionSource source = random.nextInt(50) == 0 ? null : oneOf(random, IntroductionSource.values());
        // Now and then steps taken again: more meetings held, outcomes of a kind recorded again (on the first's day
        // too), in any order; and some facts that know their first steps only.
        List<Instant> held = new ArrayList<>();
        List<RecordedOutcome> outcomes = new ArrayList<>();
        if (random.nextInt(3) != 0) {
            if (firstMetAt != null) {
                held.add(firstMetAt);
                for (int k = 0, n = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0; k < n; k++) {
                    // The first meeting is the earliest held, as the views keep it.
                    held.add(firstMetAt.plusMillis(random.nextInt(5) == 0 ? 0 : random.nextLong(86_400_000L * 120)));
                }
            }
            Object[][] kinds = {{Outcome.FOLLOW_UP_PLANNED, followUpOn}, {Outcome.PARTNERSHIP_FORMED, partnershipOn},
                    {Outcome.NO_FIT, noFitOn}, {Outcome.PARTNERSHIP_ENDED, partnershipOn}};
            for (Object[] kind : kinds) {
                LocalDate first = (LocalDate) kind[1];
                if (first != null) {
                    outcomes.add(new RecordedOutcome((Outcome) kind[0], first));
                    for (int k = 0, n = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0; k < n; k++) {
                        outcomes.add(new RecordedOutcome((Outcome) kind[0], first.plusDays(random.nextInt(400))));
                    }
                }
            }
            Collections.shuffle(held, random);
            Collections.shuffle(outcomes, random);
        }
        return new IntroductionFact(id, actor, partner, List.copyOf(postIds), source,
                oneOf(random, IntroductionStage.values()), LocalDate.ofInstant(proposedAt, PARIS).toEpochDay(),
                proposedAt, acceptedAt, declinedAt, expiredAt, withdrawnAt, firstMetAt, followUpOn, partnershipOn,
                noFitOn, List.copyOf(held), List.copyOf(outcomes));
    }

    /** A moment of the day, often close to midnight in Paris (where the day in UTC is another). */
    private static Instant instant(Random random, long epochDay) {
        LocalDateTime midnight = LocalDate.ofEpochDay(epochDay).atStartOfDay();
        long millis = random.nextInt(3) == 0 ? 86_400_000L - random.nextInt(3_600_000) + random.nextInt(7_200_000)
                : random.nextLong(86_400_000L);
        return midnight.atZone(PARIS).toInstant().plusMillis(millis);
    }

    /** Mostly later, by up to four months; now and then a little earlier (clocks, back-dated events). */
    private static Instant later(Random random, Instant after) {
        long millis = random.nextInt(15) == 0 ? -random.nextLong(86_400_000L * 3) : random.nextLong(86_400_000L * 120);
        return after.plusMillis(millis);
    }

    /** A day around the first meeting (before it now and then: a partnership that did not follow from it). */
    private static LocalDate dayNear(Random random, Instant firstMetAt, Instant proposedAt) {
        Instant around = firstMetAt != null ? firstMetAt : proposedAt;
        return LocalDate.ofInstant(around, PARIS).plusDays(random.nextInt(200) - 20);
    }

    private static List<DashboardFilter> filters(Random random, Data data) {
        List<DashboardFilter> filters = new ArrayList<>();
        filters.add(DashboardFilter.NONE);
        LocalDate from = randomDay(random, data);
        LocalDate to = from.plusDays(random.nextInt(400));
        filters.add(new DashboardFilter(from, null, null, null, null, null));
        filters.add(new DashboardFilter(null, to, null, null, null, null));
        filters.add(new DashboardFilter(from, to, null, null, null, null));
        filters.add(new DashboardFilter(from, from, null, null, null, null));
        // Empty ranges: from after to, and a period before every introduction.
        filters.add(new DashboardFilter(to.plusDays(1), to, null, null, null, null));
        filters.add(new DashboardFilter(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31), null, null, null, null));
        for (String departement : territories(random, data.departements(), TerritoryLevel.DEPARTEMENT)) {
            filters.add(new DashboardFilter(null, null, departement, null, null, null));
        }
        for (String region : territories(random, data.regions(), TerritoryLevel.REGION)) {
            filters.add(new DashboardFilter(null, null, null, region, null, null));
        }
        for (ActorFamily family : ActorFamily.values()) {
            filters.add(new DashboardFilter(null, null, null, null, family, null));
        }
        for (ResourceCategory category : ResourceCategory.values()) {
            filters.add(new DashboardFilter(null, null, null, null, null, category));
        }
        for (int i = 0; i < 25; i++) {
            LocalDate start = random.nextInt(3) == 0 ? randomDay(random, data) : null;
            LocalDate end = random.nextInt(3) == 0 ? (start == null ? randomDay(random, data)
                    : start.plusDays(random.nextInt(500) - 30)) : null;
            filters.add(new DashboardFilter(start, end,
                    random.nextInt(3) == 0 ? oneOf(random, territories(random, data.departements(), TerritoryLevel.DEPARTEMENT)) : null,
                    random.nextInt(3) == 0 ? oneOf(random, territories(random, data.regions(), TerritoryLevel.REGION)) : null,
                    random.nextInt(3) == 0 ? oneOf(random, ActorFamily.values()) : null,
                    random.nextInt(3) == 0 ? oneOf(random, ResourceCategory.values()) : null));
        }
        return filters;
    }

    private static LocalDate randomDay(Random random, Data data) {
        return LocalDate.ofEpochDay(data.firstDay() - 10 + random.nextLong(data.lastDay() - data.firstDay() + 20));
    }

    /** A few territories the actors are in, and one of the level that may be anywhere (most often no actor's). */
    private static List<String> territories(Random random, List<String> present, TerritoryLevel level) {
        List<String> all = TERRITORIES.codes(level);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < Math.min(3, present.size()); i++) {
            picked.add(present.get(random.nextInt(present.size())));
        }
        picked.add(all.get(random.nextInt(all.size())));
        return picked;
    }

    private static <T> T oneOf(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
