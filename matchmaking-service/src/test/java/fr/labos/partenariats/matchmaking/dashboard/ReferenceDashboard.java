package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardDimensions.ActorDimensions;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Counts;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Delays;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Funnel;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.FunnelStep;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Median;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Row;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The oracle of the dashboards' differential test: the straightforward per-fact computation the service ran before
 * the facts were compiled into columns ({@link DashboardTable}), kept as it was (a stream of every fact, hash lookups
 * of the dimensions, a set of keys per fact, tree maps). Its filter ({@code DashboardFilter.keeps} then) and tally
 * ({@code Tally} then) are copied in below. Do not optimise it: its worth is being obviously right.
 */
final class ReferenceDashboard {

    static final String UNKNOWN = "?";
    /** The key of each pair of families, the lower ordinal first, made once. */
    private static final String[][] FAMILY_PAIRS = familyPairs();
    /** "01" to "17": keys that sort as numbers, made once rather than formatted for every introduction. */
    private static final String[] SDG_KEYS = IntStream.rangeClosed(0, 17)
            .mapToObj(n -> "%02d".formatted(n)).toArray(String[]::new);

    /** Counts one step in a tally: in the order of {@link #stepDays}. */
    private static final List<Consumer<Tally>> STEPS = List.of(t -> t.proposed++, t -> t.accepted++, t -> t.met++,
            t -> t.followUp++, t -> t.partnership++, t -> t.declined++, t -> t.expired++, t -> t.withdrawn++,
            t -> t.noFit++);

    private final DashboardFacts facts;
    private final DashboardDimensions dimensions;
    private final ZoneId zone;
    private final TerritoryDirectory territories = TerritoryDirectory.official();
    private volatile long coveredVersion = -1;
    private TreeSet<LocalDate> everyStep;
    private long everyStepVersion = -1;

    ReferenceDashboard(DashboardFacts facts, DashboardDimensions dimensions, Clock clock) {
        this.facts = facts;
        this.dimensions = dimensions;
        this.zone = clock.getZone();
    }

    Funnel funnel(DashboardFilter filter) {
        List<IntroductionFact> kept = kept(filter);
        Tally tally = new Tally();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (IntroductionStage stage : IntroductionStage.values()) {
            byStatus.put(stage.slug(), 0L);
        }
        for (IntroductionFact fact : kept) {
            tally.add(fact);
            byStatus.merge(fact.stage().slug(), 1L, Long::sum);
        }
        List<FunnelStep> steps = new ArrayList<>();
        Long previous = null;
        for (Step step : Step.values()) {
            long count = tally.count(step);
            Double rate = previous == null || previous == 0 ? null : (double) count / previous;
            steps.add(new FunnelStep(step.slug(), step.header(), count, rate));
            previous = count;
        }
        long waitingForAnAnswer = kept.stream().filter(fact -> fact.stage() == IntroductionStage.PROPOSED).count();
        return new Funnel(filter, kept.size(), waitingForAnAnswer, steps, byStatus, tally.counts());
    }

    /** By home département (or région, {@code byRegion}) of either side: a cross-border introduction counts in both. */
    Breakdown territories(DashboardFilter filter, boolean byRegion) {
        TerritoryLevel level = byRegion ? TerritoryLevel.REGION : TerritoryLevel.DEPARTEMENT;
        return breakdown(byRegion ? "regions" : "departements", filter, fact -> {
            String a = territoryOf(dimensions.actor(fact.actorId()), byRegion);
            String b = territoryOf(dimensions.actor(fact.partnerActorId()), byRegion);
            boolean keepA = withinFilter(a, level, filter);
            boolean keepB = !b.equals(a) && withinFilter(b, level, filter);
            return keepA && keepB ? Set.of(a, b) : keepA ? Set.of(a) : keepB ? Set.of(b) : Set.of();
        }, code -> code.equals(UNKNOWN) ? "territoire inconnu"
                : territories.nameOf(new TerritoryRef(code, level)).orElse(code));
    }

    /** By the unordered pair of the two sides' families. */
    Breakdown familyPairs(DashboardFilter filter) {
        return breakdown("family-pairs", filter, fact -> Set.of(familyPair(fact)), ReferenceDashboard::familyPairLabel);
    }

    /**
     * By the resource categories of the needs and offers an introduction rests on; "NONE" for one made by hand. With a
     * category filter, that category's group alone.
     */
    Breakdown categories(DashboardFilter filter) {
        return breakdown("categories", filter, fact -> {
            Set<String> categories = new TreeSet<>();
            for (String post : fact.postIds()) {
                ResourceCategory category = dimensions.category(post);
                categories.add(category == null ? UNKNOWN : category.name());
            }
            if (filter.category() != null) {
                categories.retainAll(Set.of(filter.category().name()));
            }
            return categories.isEmpty() && filter.category() == null ? Set.of("NONE") : categories;
        }, key -> switch (key) {
            case "NONE" -> "sans besoin ni offre";
            case UNKNOWN -> "catégorie inconnue";
            default -> ResourceCategory.valueOf(key).shortLabel();
        });
    }

    /** By the SDGs of either side (an introduction counts once per SDG of its two actors), "?" if neither has one. */
    Breakdown sdgs(DashboardFilter filter) {
        return breakdown("sdgs", filter, fact -> {
            Set<String> sdgs = new TreeSet<>();
            for (ActorDimensions side : sides(fact)) {
                side.sdgs().forEach(sdg -> sdgs.add(SDG_KEYS[Math.floorMod(sdg, SDG_KEYS.length)]));
            }
            return sdgs.isEmpty() ? Set.of(UNKNOWN) : sdgs;
        }, key -> key.equals(UNKNOWN) ? "aucun ODD connu" : "ODD " + Integer.parseInt(key));
    }

    /**
     * By week or month: each column counts the steps taken in that period (proposals, acceptances, first meetings,
     * follow-ups, partnerships, closings) whose own day is within the filter's days, of the introductions the
     * filter's other conditions keep, whenever they were proposed; {@code total}: the introductions with a step counted.
     * A row for every period holding a day from {@code from} (else the first step counted) to {@code to} (else the
     * last), zeros included, those days kept within the first and last steps of every introduction.
     */
    Breakdown periods(DashboardFilter filter, Period period) {
        Map<String, Tally> tallies = new TreeMap<>();
        Map<LocalDate, Tally> byDay = new HashMap<>();
        Tally range = new Tally();
        DashboardFilter anyProposalDay = new DashboardFilter(null, null, filter.departement(), filter.region(),
                filter.family(), filter.category());
        long withAStep = 0;
        TreeSet<LocalDate> counted = new TreeSet<>();
        for (IntroductionFact fact : kept(anyProposalDay)) {
            List<LocalDate> days = stepDays(fact);
            boolean any = false;
            for (int k = 0; k < days.size(); k++) {
                LocalDate day = days.get(k);
                if (day != null && (filter.from() == null || !day.isBefore(filter.from()))
                        && (filter.to() == null || !day.isAfter(filter.to()))) {
                    step(byDay, tallies, period, day, STEPS.get(k));
                    STEPS.get(k).accept(range);
                    counted.add(day);
                    any = true;
                }
            }
            for (Map.Entry<Integer, LocalDate> again : stepsTakenAgain(fact)) {
                LocalDate day = again.getValue();
                if ((filter.from() == null || !day.isBefore(filter.from()))
                        && (filter.to() == null || !day.isAfter(filter.to()))) {
                    step(byDay, tallies, period, day, STEPS.get(again.getKey()));
                    STEPS.get(again.getKey()).accept(range);
                    counted.add(day);
                    any = true;
                }
            }
            withAStep += any ? 1 : 0;
        }
        TreeSet<LocalDate> everyStep = everyStep();
        List<Row> rows = new ArrayList<>();
        LocalDate first = filter.from() != null ? filter.from() : counted.isEmpty() ? null : counted.first();
        LocalDate last = filter.to() != null ? filter.to() : counted.isEmpty() ? null : counted.last();
        if (first != null && last != null && !everyStep.isEmpty()) {
            first = first.isBefore(everyStep.first()) ? everyStep.first() : first;
            last = last.isAfter(everyStep.last()) ? everyStep.last() : last;
            // Every period holding a day of first..last: sampled every 7 days (weeks) or 28 (months, none shorter),
            // and last.
            Set<String> axis = new TreeSet<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(period == Period.WEEK ? 7 : 28)) {
                axis.add(period.keyOf(day));
            }
            if (!first.isAfter(last)) {
                axis.add(period.keyOf(last));
            }
            for (String key : axis) {
                // The label of a period the range cuts says so (its wording checked by PeriodLabelTest).
                rows.add(new Row(key, period.label(key, filter.from(), filter.to()),
                        tallies.getOrDefault(key, new Tally()).counts()));
            }
        }
        return new Breakdown(period.view(), filter, withAStep, range.counts(), rows);
    }

    /** The days of every step of every introduction, filters aside; read again when the facts change. */
    private TreeSet<LocalDate> everyStep() {
        long version = facts.version();
        if (version != everyStepVersion) {
            TreeSet<LocalDate> days = new TreeSet<>();
            for (IntroductionFact fact : facts.all()) {
                stepDays(fact).stream().filter(Objects::nonNull).forEach(days::add);
                stepsTakenAgain(fact).forEach(again -> days.add(again.getValue()));
            }
            everyStep = days;
            everyStepVersion = version;
        }
        return everyStep;
    }

    /** The day of each step (null: not taken): proposed, accepted, met, follow-up, partnership, the closings. */
    private List<LocalDate> stepDays(IntroductionFact fact) {
        return Arrays.asList(day(fact.proposedAt()), day(fact.acceptedAt()), day(fact.firstMetAt()),
                fact.followUpOn(), fact.partnershipOn(), day(fact.declinedAt()), day(fact.expiredAt()),
                day(fact.withdrawnAt()), fact.noFitOn());
    }

    /**
     * The steps an introduction took again after the first time, each (index in {@link #STEPS}, day): every meeting
     * held and every outcome but the first of their kind, which {@link #stepDays} gives.
     */
    private List<Map.Entry<Integer, LocalDate>> stepsTakenAgain(IntroductionFact fact) {
        List<Map.Entry<Integer, LocalDate>> again = new ArrayList<>();
        List<LocalDate> held = fact.meetingsHeldAt().stream().map(this::day).sorted().toList();
        held.stream().skip(1).forEach(day -> again.add(Map.entry(2, day)));
        int[] steps = {3, 4, 8};
        Outcome[] kinds = {Outcome.FOLLOW_UP_PLANNED, Outcome.PARTNERSHIP_FORMED, Outcome.NO_FIT};
        for (int k = 0; k < kinds.length; k++) {
            int step = steps[k];
            fact.outcomeDays(kinds[k]).stream().sorted().skip(1).forEach(day -> again.add(Map.entry(step, day)));
        }
        return again;
    }

    /**
     * Median days from proposal to (double) acceptance, and from the first meeting held to a partnership formed. An
     * introduction made at a speed-meeting session is proposed and accepted at the same instant: its acceptance
     * answers no proposal and is left out of the first median (only).
     */
    Delays delays(DashboardFilter filter) {
        List<Double> toAcceptance = new ArrayList<>();
        List<Double> toPartnership = new ArrayList<>();
        for (IntroductionFact fact : kept(filter)) {
            if (fact.acceptedAt() != null && fact.source() != IntroductionSource.SPEED_MEETING) {
                toAcceptance.add(Duration.between(fact.proposedAt(), fact.acceptedAt()).toMillis() / 86_400_000.0);
            }
            if (fact.firstMetAt() != null && fact.partnershipOn() != null) {
                long days = ChronoUnit.DAYS.between(day(fact.firstMetAt()), fact.partnershipOn());
                // A partnership dated before the first meeting recorded did not follow from it.
                if (days >= 0) {
                    toPartnership.add((double) days);
                }
            }
        }
        return new Delays(filter, median(toAcceptance), median(toPartnership));
    }

    /** Where the introductions stand, by stage; what the metrics publish. */
    Map<IntroductionStage, Long> byStage() {
        Map<IntroductionStage, Long> counts = new LinkedHashMap<>();
        for (IntroductionStage stage : IntroductionStage.values()) {
            counts.put(stage, 0L);
        }
        facts.all().forEach(fact -> counts.merge(fact.stage(), 1L, Long::sum));
        return counts;
    }

    String familyPair(IntroductionFact fact) {
        ActorFamily a = dimensions.actor(fact.actorId()).family();
        ActorFamily b = dimensions.actor(fact.partnerActorId()).family();
        if (a == null || b == null) {
            return UNKNOWN;
        }
        return FAMILY_PAIRS[a.ordinal()][b.ordinal()];
    }

    private static String[][] familyPairs() {
        ActorFamily[] families = ActorFamily.values();
        String[][] keys = new String[families.length][families.length];
        for (ActorFamily a : families) {
            for (ActorFamily b : families) {
                keys[a.ordinal()][b.ordinal()] = a.ordinal() <= b.ordinal() ? a.name() + "+" + b.name() : b.name() + "+" + a.name();
            }
        }
        return keys;
    }

    static String familyPairLabel(String key) {
        if (key.equals(UNKNOWN)) {
            return "famille inconnue";
        }
        String[] families = key.split("\\+");
        return ActorFamily.valueOf(families[0]).label() + " – " + ActorFamily.valueOf(families[1]).label();
    }

    private Breakdown breakdown(String view, DashboardFilter filter, Function<IntroductionFact, Set<String>> groups,
                                Function<String, String> label) {
        Map<String, Tally> tallies = new TreeMap<>();
        List<IntroductionFact> kept = kept(filter);
        for (IntroductionFact fact : kept) {
            for (String group : groups.apply(fact)) {
                tallies.computeIfAbsent(group, key -> new Tally()).add(fact);
            }
        }
        Tally all = new Tally();
        kept.forEach(all::add);
        List<Row> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> rows.add(new Row(key, label.apply(key), tally.counts())));
        return new Breakdown(view, filter, kept.size(), all.counts(), rows);
    }

    private List<IntroductionFact> kept(DashboardFilter filter) {
        Collection<IntroductionFact> all = facts.all();
        long version = facts.version();
        if (version != coveredVersion) {
            // Only new facts can name actors or posts not read yet.
            dimensions.cover(all);
            coveredVersion = version;
        }
        return all.stream().filter(fact -> keeps(filter, fact, dimensions)).toList();
    }

    private static String territoryOf(ActorDimensions side, boolean byRegion) {
        String code = byRegion ? side.region() : side.departement();
        return code == null ? UNKNOWN : code;
    }

    private List<ActorDimensions> sides(IntroductionFact fact) {
        return List.of(dimensions.actor(fact.actorId()), dimensions.actor(fact.partnerActorId()));
    }

    private boolean withinFilter(String code, TerritoryLevel level, DashboardFilter filter) {
        if (code.equals(UNKNOWN)) {
            return filter.departement() == null && filter.region() == null;
        }
        if (filter.departement() != null && level == TerritoryLevel.DEPARTEMENT && !code.equals(filter.departement())) {
            return false;
        }
        // By région, the filter's département keeps the région it lies in, not the other side's.
        if (filter.departement() != null && level == TerritoryLevel.REGION && !territories.contains(
                new TerritoryRef(code, TerritoryLevel.REGION), new TerritoryRef(filter.departement(), TerritoryLevel.DEPARTEMENT))) {
            return false;
        }
        if (filter.region() != null) {
            String region = level == TerritoryLevel.REGION ? code
                    : territories.regionOf(new TerritoryRef(code, level)).map(TerritoryRef::code).orElse(null);
            return filter.region().equals(region);
        }
        return true;
    }

    private LocalDate day(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toLocalDate();
    }

    /** Counts a step in its period's tally, found by day first: formatting a period key for every step is slow. */
    private static void step(Map<LocalDate, Tally> byDay, Map<String, Tally> tallies, Period period, LocalDate day,
                             Consumer<Tally> count) {
        if (day != null) {
            count.accept(byDay.computeIfAbsent(day, d -> tallies.computeIfAbsent(period.keyOf(d), key -> new Tally())));
        }
    }

    private static Median median(List<Double> values) {
        if (values.isEmpty()) {
            return new Median(0, null);
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Median(n, Math.round(median * 10) / 10.0);
    }

    /** {@code DashboardFilter.keeps} as it was. */
    static boolean keeps(DashboardFilter filter, IntroductionFact fact, DashboardDimensions dimensions) {
        LocalDate from = filter.from();
        LocalDate to = filter.to();
        String departement = filter.departement();
        String region = filter.region();
        ActorFamily family = filter.family();
        ResourceCategory category = filter.category();
        if (from != null && fact.proposedDay() < from.toEpochDay() || to != null && fact.proposedDay() > to.toEpochDay()) {
            return false;
        }
        ActorDimensions actor = dimensions.actor(fact.actorId());
        ActorDimensions partner = dimensions.actor(fact.partnerActorId());
        if (departement != null && !departement.equals(actor.departement()) && !departement.equals(partner.departement())) {
            return false;
        }
        if (region != null && !region.equals(actor.region()) && !region.equals(partner.region())) {
            return false;
        }
        if (family != null && family != actor.family() && family != partner.family()) {
            return false;
        }
        return category == null || fact.postIds().stream().anyMatch(post -> dimensions.category(post) == category);
    }

    /** Counts being added up for one group of a dashboard. */
    static final class Tally {

        long proposed;
        long accepted;
        long met;
        long followUp;
        long partnership;
        long declined;
        long expired;
        long withdrawn;
        long noFit;

        /** Adds an introduction where it got to: every step of the chain it reached, and how it closed. */
        Tally add(IntroductionFact fact) {
            proposed++;
            accepted += fact.reached(Step.ACCEPTED) ? 1 : 0;
            met += fact.reached(Step.MET) ? 1 : 0;
            followUp += fact.reached(Step.FOLLOW_UP) ? 1 : 0;
            partnership += fact.reached(Step.PARTNERSHIP) ? 1 : 0;
            declined += fact.declinedAt() != null ? 1 : 0;
            expired += fact.expiredAt() != null ? 1 : 0;
            withdrawn += fact.withdrawnAt() != null ? 1 : 0;
            // Closed with no fit: no outcome came after it, which is what its status says (a follow-up or a
            // partnership that came after a no fit is how it went on).
            noFit += fact.stage() == IntroductionStage.NO_FIT ? 1 : 0;
            return this;
        }

        long count(Step step) {
            return switch (step) {
                case PROPOSED -> proposed;
                case ACCEPTED -> accepted;
                case MET -> met;
                case FOLLOW_UP -> followUp;
                case PARTNERSHIP -> partnership;
            };
        }

        Counts counts() {
            return new Counts(proposed, accepted, met, followUp, partnership, declined, expired, withdrawn, noFit);
        }
    }
}
