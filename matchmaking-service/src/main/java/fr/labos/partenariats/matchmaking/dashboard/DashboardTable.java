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
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The facts joined with their dimensions once, compiled into columns of primitives: what every dashboard reads.
 * Built off the query path whenever the facts or the dimensions change ({@link Dashboard}), never changed after.
 *
 * <p>Why: joining per query (hash lookups of each side's actor and each post, a set of keys per introduction, tree
 * maps) cost a few hundred nanoseconds per introduction, tens of milliseconds per dashboard with 100,000 of them. Here
 * the introductions are sorted by proposal day, so the period filter is a binary search (but {@link #periods}, which
 * keeps the steps by their own days, reads every row and compares each step's day index); every other filter compares
 * ints; groups are array indexes; and the introductions of a group are counted by their "class" (the distinct
 * combinations of steps reached and closings, a dozen in practice), the nine columns of a row being derived from
 * these counts at the end. A query is a tight loop over the rows the period keeps.
 *
 * <p>The answers are exactly those of the per-fact computation (kept in the tests as the oracle): same keys, labels
 * and order of rows, same {@value #UNKNOWN} and {@value #NO_POST} groups, same rounding of medians.
 */
final class DashboardTable {

    static final String UNKNOWN = "?";
    static final String NO_POST = "NONE";

    private static final TerritoryDirectory TERRITORIES = TerritoryDirectory.official();
    private static final ActorFamily[] FAMILIES = ActorFamily.values();
    private static final ResourceCategory[] CATEGORIES = ResourceCategory.values();
    private static final IntroductionStage[] STAGES = IntroductionStage.values();
    /** The category bits: one per {@link ResourceCategory} ordinal, then a post of unknown category, then no post. */
    private static final int UNKNOWN_CATEGORY_BIT = CATEGORIES.length;
    private static final int NO_POST_BIT = CATEGORIES.length + 1;
    /** SDGs are grouped by their number modulo 18 ("00" to "17"), as the keys always were. */
    private static final int SDG_SLOTS = 18;
    /** The SDG bit of an introduction neither of whose actors has an SDG known. */
    private static final int NO_SDG_BIT = SDG_SLOTS;
    private static final String[] SDG_KEYS = IntStream.range(0, SDG_SLOTS)
            .mapToObj(n -> "%02d".formatted(n)).toArray(String[]::new);

    /**
     * The columns of {@link Counts}, in its order; for the breakdowns, bit {@code c - 1} of an introduction's count
     * flags says it counts in column {@code c} (the proposals column counts every introduction).
     */
    private static final int COLUMNS = 9;
    private static final int PROPOSED = 0;
    private static final int ACCEPTED = 1;
    private static final int MET = 2;
    private static final int FOLLOW_UP = 3;
    private static final int PARTNERSHIP = 4;
    private static final int DECLINED = 5;
    private static final int EXPIRED = 6;
    private static final int WITHDRAWN = 7;
    private static final int NO_FIT = 8;

    private static final int NONE = -1;
    /** A day or a delay that is not there. */
    private static final long ABSENT = Long.MIN_VALUE;

    final long factsVersion;
    final long dimensionsVersion;

    private final int size;
    /** Epoch day (lab's zone) of each proposal, ascending: every column below is in this order. */
    private final long[] proposedDay;
    /** Codes into {@link #departements} and {@link #regions}; {@value #NONE}: unknown. */
    private final int[] departementA;
    private final int[] departementB;
    private final int[] regionA;
    private final int[] regionB;
    /** {@link ActorFamily} ordinals; {@value #NONE}: unknown. */
    private final byte[] familyA;
    private final byte[] familyB;
    /** {@code low * families + high} of the two families' ordinals; {@value #NONE} if either is unknown. */
    private final int[] familyPair;
    /** Bits of the posts' categories ({@link #UNKNOWN_CATEGORY_BIT}, {@link #NO_POST_BIT}). */
    private final int[] categoryBits;
    /** Bits of either side's SDGs, by slot; {@link #NO_SDG_BIT} alone if neither has one. */
    private final int[] sdgBits;
    /** The introduction's count class: an index into {@link #classFlags}. */
    private final byte[] countClass;
    /** Per count class, its flags: bit {@code c - 1} set if it counts in column {@code c}. */
    private final int[] classFlags;
    private final byte[] stage;
    /** {@code COLUMNS} per introduction: the day of each milestone as an index into {@link #days}, {@value #NONE}: none. */
    private final int[] milestones;
    /**
     * The steps taken again after the first time (a second meeting held, a partnership after one that ended), which
     * {@link #periods} counts each on its day: those of introduction {@code i} are {@code furtherStart[i]} to
     * {@code furtherStart[i + 1]} (exclusive), each a column and a day (an index into {@link #days}).
     */
    private final int[] furtherStart;
    private final byte[] furtherColumn;
    private final int[] furtherDay;
    /** The epoch days milestones fell on, ascending, each once: what {@link #milestones} indexes. */
    private final long[] days;
    /** For each day a milestone fell on ({@link #milestones}), the index of its week and of its month. */
    private final int[] weekOfDay;
    private final int[] monthOfDay;
    /** The keys of the weeks and months, ascending as strings (as the rows are). */
    private final String[] weekKeys;
    private final String[] monthKeys;
    /**
     * The delays, ascending, and each introduction's rank among them ({@value #NONE}: no such delay): a median of the
     * introductions a filter keeps is found by marking their ranks, never by sorting per query.
     */
    private final long[] acceptanceMillis;
    private final int[] acceptanceRank;
    private final long[] meetingToPartnershipDays;
    private final int[] meetingToPartnershipRank;
    /** The codes of the départements and régions the actors are at home in, in no order. */
    private final String[] departements;
    private final String[] regions;
    /** The région of each département, per the official directory (what the territories breakdown compares). */
    private final String[] regionOfDepartement;

    /** A side of an introduction, compiled once per actor. */
    private record Side(int departement, int region, int family, int sdgBits) {
    }

    /** Compiles the facts, sorted by proposal day, with the dimensions as they stand. */
    private DashboardTable(IntroductionFact[] sorted, DashboardDimensions dimensions, ZoneId zone, long factsVersion,
                           long dimensionsVersion) {
        this.factsVersion = factsVersion;
        this.dimensionsVersion = dimensionsVersion;
        int n = sorted.length;
        size = n;
        proposedDay = new long[n];
        departementA = new int[n];
        departementB = new int[n];
        regionA = new int[n];
        regionB = new int[n];
        familyA = new byte[n];
        familyB = new byte[n];
        familyPair = new int[n];
        categoryBits = new int[n];
        sdgBits = new int[n];
        countClass = new byte[n];
        stage = new byte[n];
        milestones = new int[n * COLUMNS];
        acceptanceRank = new int[n];
        meetingToPartnershipRank = new int[n];
        ZoneRules rules = zone.getRules();
        Map<String, Integer> departementCodes = new HashMap<>();
        Map<String, Integer> regionCodes = new HashMap<>();
        Map<String, Side> sides = new HashMap<>();
        // The class of each combination of count flags met, in the order met; -1: not met yet.
        int[] classOfFlags = new int[1 << (COLUMNS - 1)];
        Arrays.fill(classOfFlags, NONE);
        int[] flagsOfClass = new int[1 << (COLUMNS - 1)];
        int classes = 0;
        long[] milestoneDays = new long[n * COLUMNS];
        furtherStart = new int[n + 1];
        List<Integer> furtherColumns = new ArrayList<>();
        List<Long> furtherDays = new ArrayList<>();
        long[] acceptance = new long[n];
        long[] meetingToPartnership = new long[n];
        for (int i = 0; i < n; i++) {
            IntroductionFact fact = sorted[i];
            proposedDay[i] = fact.proposedDay();
            Side a = sides.computeIfAbsent(fact.actorId(),
                    id -> side(dimensions.actor(id), departementCodes, regionCodes));
            Side b = sides.computeIfAbsent(fact.partnerActorId(),
                    id -> side(dimensions.actor(id), departementCodes, regionCodes));
            departementA[i] = a.departement;
            departementB[i] = b.departement;
            regionA[i] = a.region;
            regionB[i] = b.region;
            familyA[i] = (byte) a.family;
            familyB[i] = (byte) b.family;
            familyPair[i] = a.family == NONE || b.family == NONE ? NONE
                    : Math.min(a.family, b.family) * FAMILIES.length + Math.max(a.family, b.family);
            sdgBits[i] = (a.sdgBits | b.sdgBits) == 0 ? 1 << NO_SDG_BIT : a.sdgBits | b.sdgBits;
            int categories = 0;
            for (String post : fact.postIds()) {
                ResourceCategory category = dimensions.category(post);
                categories |= 1 << (category == null ? UNKNOWN_CATEGORY_BIT : category.ordinal());
            }
            categoryBits[i] = fact.postIds().isEmpty() ? 1 << NO_POST_BIT : categories;
            int flags = countFlags(fact);
            if (classOfFlags[flags] == NONE) {
                flagsOfClass[classes] = flags;
                classOfFlags[flags] = classes++;
            }
            // The steps reached form a chain, so there are at most 5 × 16 classes: a byte holds them.
            countClass[i] = (byte) classOfFlags[flags];
            stage[i] = (byte) (fact.stage() == null ? NONE : fact.stage().ordinal());

            int base = i * COLUMNS;
            milestoneDays[base + PROPOSED] = day(fact.proposedAt(), rules);
            milestoneDays[base + ACCEPTED] = day(fact.acceptedAt(), rules);
            milestoneDays[base + MET] = day(fact.firstMetAt(), rules);
            milestoneDays[base + FOLLOW_UP] = day(fact.followUpOn());
            milestoneDays[base + PARTNERSHIP] = day(fact.partnershipOn());
            milestoneDays[base + DECLINED] = day(fact.declinedAt(), rules);
            milestoneDays[base + EXPIRED] = day(fact.expiredAt(), rules);
            milestoneDays[base + WITHDRAWN] = day(fact.withdrawnAt(), rules);
            milestoneDays[base + NO_FIT] = day(fact.noFitOn());
            furtherStart[i] = furtherDays.size();
            List<Long> heldDays = new ArrayList<>();
            fact.meetingsHeldAt().forEach(held -> heldDays.add(day(held, rules)));
            further(MET, milestoneDays[base + MET], heldDays, furtherColumns, furtherDays);
            further(FOLLOW_UP, milestoneDays[base + FOLLOW_UP], epochDays(fact.outcomeDays(Outcome.FOLLOW_UP_PLANNED)),
                    furtherColumns, furtherDays);
            further(PARTNERSHIP, milestoneDays[base + PARTNERSHIP],
                    epochDays(fact.outcomeDays(Outcome.PARTNERSHIP_FORMED)), furtherColumns, furtherDays);
            further(NO_FIT, milestoneDays[base + NO_FIT], epochDays(fact.outcomeDays(Outcome.NO_FIT)), furtherColumns,
                    furtherDays);

            acceptance[i] = fact.acceptedAt() == null || !fact.acceptanceAnsweredTheProposal() ? ABSENT
                    : Duration.between(fact.proposedAt(), fact.acceptedAt()).toMillis();
            long toPartnership = fact.firstMetAt() == null || fact.partnershipOn() == null ? -1
                    : ChronoUnit.DAYS.between(LocalDate.ofInstant(fact.firstMetAt(), zone), fact.partnershipOn());
            // A partnership dated before the first meeting recorded did not follow from it.
            meetingToPartnership[i] = toPartnership >= 0 ? toPartnership : ABSENT;
        }
        classFlags = Arrays.copyOf(flagsOfClass, classes);
        furtherStart[n] = furtherDays.size();
        long[] stepDays = Arrays.copyOf(milestoneDays, milestoneDays.length + furtherDays.size());
        for (int k = 0; k < furtherDays.size(); k++) {
            stepDays[milestoneDays.length + k] = furtherDays.get(k);
        }
        days = distinct(stepDays);
        for (int k = 0; k < milestoneDays.length; k++) {
            milestones[k] = milestoneDays[k] == ABSENT ? NONE : Arrays.binarySearch(days, milestoneDays[k]);
        }
        furtherColumn = new byte[furtherDays.size()];
        furtherDay = new int[furtherDays.size()];
        for (int k = 0; k < furtherDays.size(); k++) {
            furtherColumn[k] = furtherColumns.get(k).byteValue();
            furtherDay[k] = Arrays.binarySearch(days, furtherDays.get(k));
        }
        String[] weekOfEachDay = keys(days, Period.WEEK);
        String[] monthOfEachDay = keys(days, Period.MONTH);
        weekKeys = sortedDistinct(weekOfEachDay);
        monthKeys = sortedDistinct(monthOfEachDay);
        weekOfDay = indexes(weekOfEachDay, weekKeys);
        monthOfDay = indexes(monthOfEachDay, monthKeys);
        acceptanceMillis = rank(acceptance, acceptanceRank);
        meetingToPartnershipDays = rank(meetingToPartnership, meetingToPartnershipRank);
        departements = codes(departementCodes);
        regions = codes(regionCodes);
        regionOfDepartement = Arrays.stream(departements)
                .map(code -> TERRITORIES.regionOf(new TerritoryRef(code, TerritoryLevel.DEPARTEMENT))
                        .map(TerritoryRef::code).orElse(null))
                .toArray(String[]::new);
    }

    int size() {
        return size;
    }

    /**
     * Compiles the facts with the dimensions as they stand (the caller has had them {@code cover} the facts), and
     * labels the table with the versions read before (a change while building makes the table stale, not wrong).
     */
    static DashboardTable build(Collection<IntroductionFact> facts, DashboardDimensions dimensions, ZoneId zone,
                                long factsVersion, long dimensionsVersion) {
        IntroductionFact[] sorted = facts.toArray(IntroductionFact[]::new);
        Arrays.sort(sorted, Comparator.comparingLong(IntroductionFact::proposedDay));
        return new DashboardTable(sorted, dimensions, zone, factsVersion, dimensionsVersion);
    }

    private static Side side(ActorDimensions actor, Map<String, Integer> departementCodes, Map<String, Integer> regionCodes) {
        int sdgs = 0;
        for (int sdg : actor.sdgs()) {
            sdgs |= 1 << Math.floorMod(sdg, SDG_SLOTS);
        }
        return new Side(code(actor.departement(), departementCodes), code(actor.region(), regionCodes),
                actor.family() == null ? NONE : actor.family().ordinal(), sdgs);
    }

    private static int code(String value, Map<String, Integer> codes) {
        return value == null ? NONE : codes.computeIfAbsent(value, v -> codes.size());
    }

    private static String[] codes(Map<String, Integer> codes) {
        String[] values = new String[codes.size()];
        codes.forEach((value, code) -> values[code] = value);
        return values;
    }

    private static int countFlags(IntroductionFact fact) {
        return flag(fact.reached(Step.ACCEPTED), ACCEPTED) | flag(fact.reached(Step.MET), MET)
                | flag(fact.reached(Step.FOLLOW_UP), FOLLOW_UP) | flag(fact.reached(Step.PARTNERSHIP), PARTNERSHIP)
                | flag(fact.declinedAt() != null, DECLINED) | flag(fact.expiredAt() != null, EXPIRED)
                | flag(fact.withdrawnAt() != null, WITHDRAWN) | flag(closedWithNoFit(fact), NO_FIT);
    }

    /**
     * Whether it closed with no fit: its latest outcome is a no fit, which is what its stage says. A no fit followed
     * by a follow-up or a partnership is a step it took (counted in {@link #periods} on its day), not how it closed.
     */
    private static boolean closedWithNoFit(IntroductionFact fact) {
        return fact.stage() == IntroductionStage.NO_FIT;
    }

    private static int flag(boolean set, int column) {
        return set ? 1 << (column - 1) : 0;
    }

    /** The day of an instant in the lab's zone, as {@code LocalDate.ofInstant} computes it, without the object. */
    private static long day(Instant instant, ZoneRules rules) {
        return instant == null ? ABSENT
                : Math.floorDiv(instant.getEpochSecond() + rules.getOffset(instant).getTotalSeconds(), 86_400L);
    }

    private static long day(LocalDate date) {
        return date == null ? ABSENT : date.toEpochDay();
    }

    /**
     * The days of a step beyond its first ({@code first}, the milestone): every day of {@code all} but one occurrence of
     * the first. When {@code all} misses the first (a fact knowing its first step only), none.
     */
    private static void further(int column, long first, List<Long> all, List<Integer> columns, List<Long> days) {
        List<Long> others = new ArrayList<>(all);
        if (first == ABSENT || !others.remove((Long) first)) {
            return;
        }
        for (long day : others) {
            columns.add(column);
            days.add(day);
        }
    }

    private static List<Long> epochDays(List<LocalDate> dates) {
        return dates.stream().map(DashboardTable::day).toList();
    }

    /** The values present, ascending, each once. */
    private static long[] distinct(long[] values) {
        long[] sorted = Arrays.stream(values).filter(value -> value != ABSENT).sorted().toArray();
        int count = 0;
        for (long value : sorted) {
            if (count == 0 || sorted[count - 1] != value) {
                sorted[count++] = value;
            }
        }
        return Arrays.copyOf(sorted, count);
    }

    /** The key of the period of each distinct day: formatted once per day and table, never per query. */
    private static String[] keys(long[] days, Period period) {
        String[] keys = new String[days.length];
        for (int d = 0; d < days.length; d++) {
            keys[d] = period.keyOf(LocalDate.ofEpochDay(days[d]));
        }
        return keys;
    }

    private static String[] sortedDistinct(String[] keys) {
        return Arrays.stream(keys).distinct().sorted().toArray(String[]::new);
    }

    private static int[] indexes(String[] keys, String[] sortedKeys) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < sortedKeys.length; k++) {
            index.put(sortedKeys[k], k);
        }
        int[] indexes = new int[keys.length];
        for (int d = 0; d < keys.length; d++) {
            indexes[d] = index.get(keys[d]);
        }
        return indexes;
    }

    /**
     * The values present ({@code Long.MIN_VALUE}: absent), ascending; sets each one's rank among them (equal values
     * take consecutive ranks) into {@code ranks}, {@value #NONE} for the absent.
     */
    private static long[] rank(long[] values, int[] ranks) {
        long[] sorted = Arrays.stream(values).filter(v -> v != ABSENT).sorted().toArray();
        int[] taken = new int[sorted.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == ABSENT) {
                ranks[i] = NONE;
            } else {
                int first = lowerBound(sorted, values[i]);
                ranks[i] = first + taken[first]++;
            }
        }
        return sorted;
    }

    /** The first index whose value is at least {@code value}. */
    private static int lowerBound(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Queries

    /**
     * The rows a filter keeps: a range of proposal days (unless {@code byProposalDay} is false: every day), then int
     * comparisons.
     */
    private final class Selection {
        final DashboardFilter filter;
        final int from;
        final int to;
        final boolean byDimension;
        final int departement;
        final int region;
        final int family;
        final int categoryMask;

        Selection(DashboardFilter filter) {
            this(filter, true);
        }

        Selection(DashboardFilter filter, boolean byProposalDay) {
            this.filter = filter;
            int first = filter.from() == null || !byProposalDay ? 0 : lowerBound(proposedDay, filter.from().toEpochDay());
            int last = filter.to() == null || !byProposalDay ? size
                    : lowerBound(proposedDay, filter.to().toEpochDay() + 1);
            departement = filter.departement() == null ? NONE : indexOf(departements, filter.departement());
            region = filter.region() == null ? NONE : indexOf(regions, filter.region());
            family = filter.family() == null ? NONE : filter.family().ordinal();
            categoryMask = filter.category() == null ? 0 : 1 << filter.category().ordinal();
            // A territory no actor is at home in keeps nothing.
            boolean nothing = filter.departement() != null && departement == NONE
                    || filter.region() != null && region == NONE;
            this.from = first;
            this.to = nothing ? first : Math.max(first, last);
            byDimension = departement != NONE || region != NONE || family != NONE || categoryMask != 0;
        }

        boolean keeps(int i) {
            return !byDimension
                    || (departement == NONE || departementA[i] == departement || departementB[i] == departement)
                    && (region == NONE || regionA[i] == region || regionB[i] == region)
                    && (family == NONE || familyA[i] == family || familyB[i] == family)
                    && (categoryMask == 0 || (categoryBits[i] & categoryMask) != 0);
        }
    }

    private static int indexOf(String[] codes, String code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(code)) {
                return i;
            }
        }
        return NONE;
    }

    Funnel funnel(DashboardFilter filter) {
        Selection kept = new Selection(filter);
        int classes = classFlags.length;
        int[] byClass = new int[classes];
        int[] byStage = new int[STAGES.length];
        int total = 0;
        for (int i = kept.from; i < kept.to; i++) {
            if (kept.keeps(i)) {
                byClass[(countClass[i] & 0xFF)]++;
                if (stage[i] >= 0) {
                    byStage[stage[i]]++;
                }
                total++;
            }
        }
        Counts counts = counts(byClass, 0);
        long[] columns = {counts.proposed(), counts.accepted(), counts.met(), counts.followUp(), counts.partnership()};
        List<FunnelStep> steps = new ArrayList<>();
        Long previous = null;
        for (Step step : Step.values()) {
            long count = columns[step.ordinal()];
            Double rate = previous == null || previous == 0 ? null : (double) count / previous;
            steps.add(new FunnelStep(step.slug(), step.header(), count, rate));
            previous = count;
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (IntroductionStage s : STAGES) {
            byStatus.put(s.slug(), (long) byStage[s.ordinal()]);
        }
        return new Funnel(filter, total, byStage[IntroductionStage.PROPOSED.ordinal()], steps, byStatus, counts);
    }

    /**
     * By home département (or région) of either side; a cross-border introduction counts in both, each side only if
     * its territory passes the filter's département and région (an unknown one only without them). By région with a
     * département filter, that is the département's région only: an introduction between Isère and Paris, kept for
     * Isère, counts in Auvergne-Rhône-Alpes, not in Île-de-France.
     */
    Breakdown territories(DashboardFilter filter, boolean byRegion) {
        TerritoryLevel level = byRegion ? TerritoryLevel.REGION : TerritoryLevel.DEPARTEMENT;
        String[] codes = byRegion ? regions : departements;
        // What a side's département must be (by département) or its région (by région) for the filter's département.
        String departementAs = filter.departement() == null ? null : byRegion
                ? TERRITORIES.regionOf(new TerritoryRef(filter.departement(), TerritoryLevel.DEPARTEMENT))
                        .map(TerritoryRef::code).orElse(null)
                : filter.departement();
        // Slot 0: unknown; slot code + 1: the territory.
        boolean[] within = new boolean[codes.length + 1];
        within[0] = filter.departement() == null && filter.region() == null;
        for (int c = 0; c < codes.length; c++) {
            String code = codes[c];
            within[c + 1] = (filter.departement() == null || code.equals(departementAs))
                    && (filter.region() == null || filter.region().equals(byRegion ? code : regionOfDepartement[c]));
        }
        int[] sideA = byRegion ? regionA : departementA;
        int[] sideB = byRegion ? regionB : departementB;
        Selection kept = new Selection(filter);
        int classes = classFlags.length;
        int[] tallies = new int[within.length * classes];
        int[] keptByClass = new int[classes];
        for (int i = kept.from; i < kept.to; i++) {
            if (kept.keeps(i)) {
                keptByClass[countClass[i] & 0xFF]++;
                int a = sideA[i] + 1;
                int b = sideB[i] + 1;
                if (within[a]) {
                    tallies[a * classes + (countClass[i] & 0xFF)]++;
                }
                if (b != a && within[b]) {
                    tallies[b * classes + (countClass[i] & 0xFF)]++;
                }
            }
        }
        return breakdown(byRegion ? "regions" : "departements", kept, keptByClass, tallies,
                slot -> slot == 0 ? UNKNOWN : codes[slot - 1],
                key -> key.equals(UNKNOWN) ? "territoire inconnu"
                        : TERRITORIES.nameOf(new TerritoryRef(key, level)).orElse(key));
    }

    /** By the unordered pair of the two sides' families. */
    Breakdown familyPairs(DashboardFilter filter) {
        Selection kept = new Selection(filter);
        int classes = classFlags.length;
        int[] tallies = new int[(1 + FAMILIES.length * FAMILIES.length) * classes];
        int[] keptByClass = new int[classes];
        for (int i = kept.from; i < kept.to; i++) {
            if (kept.keeps(i)) {
                keptByClass[countClass[i] & 0xFF]++;
                tallies[(familyPair[i] + 1) * classes + (countClass[i] & 0xFF)]++;
            }
        }
        return breakdown("family-pairs", kept, keptByClass, tallies, slot -> slot == 0 ? UNKNOWN
                : FAMILIES[(slot - 1) / FAMILIES.length].name() + "+" + FAMILIES[(slot - 1) % FAMILIES.length].name(),
                DashboardTable::familyPairLabel);
    }

    static String familyPairLabel(String key) {
        if (key.equals(UNKNOWN)) {
            return "famille inconnue";
        }
        String[] families = key.split("\\+");
        return ActorFamily.valueOf(families[0]).label() + " – " + ActorFamily.valueOf(families[1]).label();
    }

    /**
     * By the resource categories of the needs and offers an introduction rests on; "NONE" for one made by hand. A
     * category filter keeps only its own group, as a territory filter does: the other categories its introductions
     * also rest on are not its rows.
     */
    Breakdown categories(DashboardFilter filter) {
        int onlyBits = filter.category() == null ? -1 : 1 << filter.category().ordinal();
        return byBits("categories", filter, categoryBits, onlyBits, NO_POST_BIT + 1,
                bit -> bit == UNKNOWN_CATEGORY_BIT ? UNKNOWN : bit == NO_POST_BIT ? NO_POST : CATEGORIES[bit].name(),
                key -> switch (key) {
                    case NO_POST -> "sans besoin ni offre";
                    case UNKNOWN -> "catégorie inconnue";
                    default -> ResourceCategory.valueOf(key).shortLabel(); // as the console's filter names it
                });
    }

    /**
     * By the SDGs of either side (an introduction counts once per SDG of its two actors); {@value #UNKNOWN} for one
     * neither of whose actors has an SDG known.
     */
    Breakdown sdgs(DashboardFilter filter) {
        return byBits("sdgs", filter, sdgBits, -1, NO_SDG_BIT + 1, slot -> slot == NO_SDG_BIT ? UNKNOWN : SDG_KEYS[slot],
                key -> key.equals(UNKNOWN) ? "aucun ODD connu" : "ODD " + Integer.parseInt(key));
    }

    /** @param onlyBits the groups that may have rows (-1: all) */
    private Breakdown byBits(String view, DashboardFilter filter, int[] bits, int onlyBits, int slots,
                             IntFunction<String> key, Function<String, String> label) {
        Selection kept = new Selection(filter);
        int classes = classFlags.length;
        int[] tallies = new int[slots * classes];
        int[] keptByClass = new int[classes];
        for (int i = kept.from; i < kept.to; i++) {
            if (kept.keeps(i)) {
                keptByClass[countClass[i] & 0xFF]++;
                int cls = countClass[i] & 0xFF;
                for (int set = bits[i] & onlyBits; set != 0; set &= set - 1) {
                    tallies[Integer.numberOfTrailingZeros(set) * classes + cls]++;
                }
            }
        }
        return breakdown(view, kept, keptByClass, tallies, key, label);
    }

    /**
     * By week or month: each column counts the steps taken in that period (proposals, acceptances, meetings held,
     * follow-ups, partnerships, closings: every meeting and every outcome, a second one too) by the introductions the
     * filter's territory, family and category keep.
     * Unlike the other views, {@code from} and {@code to} select the steps by their own day, not the introductions by
     * their proposal day: an acceptance of 5 January counts in January for {@code from=2026-01-01} whenever the
     * introduction was proposed, and one of 10 April is left out of {@code to=2026-03-31}. {@code total}: the
     * introductions with at least one step counted.
     *
     * <p>A row for every period of the axis, zeros included (a chart's time axis is not squeezed): from the period of
     * {@code from} (or of the first step counted) to that of {@code to} (or of the last step counted); a period
     * {@code from} or {@code to} cuts says so in its label (« avril 2026 (jusqu'au 15/04/2026) »). The range is
     * clipped to the days of the first and last steps of the whole lab, so {@code from=2000-01-01&to=2100-12-31} by
     * week is as long as the lab's history, not 5,200 rows.
     */
    Breakdown periods(DashboardFilter filter, Period period) {
        int[] periodOf = period == Period.WEEK ? weekOfDay : monthOfDay;
        String[] keys = period == Period.WEEK ? weekKeys : monthKeys;
        Selection kept = new Selection(filter, false);
        // The milestones counted: those whose day (an index into days) is in [firstDay, endDay).
        int firstDay = filter.from() == null ? 0 : lowerBound(days, filter.from().toEpochDay());
        int endDay = filter.to() == null ? days.length : lowerBound(days, filter.to().toEpochDay() + 1);
        int[] tallies = new int[keys.length * COLUMNS];
        int total = 0;
        int firstCounted = Integer.MAX_VALUE;
        int lastCounted = NONE;
        for (int i = kept.from; i < kept.to; i++) {
            if (kept.keeps(i)) {
                int base = i * COLUMNS;
                boolean counted = false;
                for (int column = 0; column < COLUMNS; column++) {
                    int day = milestones[base + column];
                    if (day >= firstDay && day < endDay) {
                        tallies[periodOf[day] * COLUMNS + column]++;
                        counted = true;
                        firstCounted = Math.min(firstCounted, day);
                        lastCounted = Math.max(lastCounted, day);
                    }
                }
                for (int k = furtherStart[i]; k < furtherStart[i + 1]; k++) {
                    int day = furtherDay[k];
                    if (day >= firstDay && day < endDay) {
                        tallies[periodOf[day] * COLUMNS + furtherColumn[k]]++;
                        counted = true;
                        firstCounted = Math.min(firstCounted, day);
                        lastCounted = Math.max(lastCounted, day);
                    }
                }
                total += counted ? 1 : 0;
            }
        }
        // The axis: from..to clipped to the lab's first and last steps, else the first and last steps counted.
        List<String> axis = List.of();
        if (days.length > 0) {
            long first = filter.from() != null ? Math.max(filter.from().toEpochDay(), days[0])
                    : lastCounted == NONE ? Long.MAX_VALUE : days[firstCounted];
            long last = filter.to() != null ? Math.min(filter.to().toEpochDay(), days[days.length - 1])
                    : lastCounted == NONE ? Long.MIN_VALUE : days[lastCounted];
            axis = first > last ? axis : period.keysBetween(LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
        }
        List<Row> rows = new ArrayList<>();
        // The steps of the range: an introduction met twice in it counts two meetings held.
        long[] sums = new long[COLUMNS];
        for (String key : axis) {
            int p = Arrays.binarySearch(keys, key);
            long[] c = new long[COLUMNS];
            for (int column = 0; p >= 0 && column < COLUMNS; column++) {
                c[column] = tallies[p * COLUMNS + column];
                sums[column] += c[column];
            }
            // The first and last periods may be cut by from and to: their labels say so.
            rows.add(new Row(key, period.label(key, filter.from(), filter.to()), counts(c)));
        }
        return new Breakdown(period.view(), filter, total, counts(sums), rows);
    }

    /**
     * Median days from proposal to (double) acceptance, of the introductions whose acceptance answered the proposal
     * (not those made at a speed-meeting session), and from the first meeting held to a partnership formed.
     */
    Delays delays(DashboardFilter filter) {
        Selection kept = new Selection(filter);
        long[] acceptances = new long[(acceptanceMillis.length + 63) >>> 6];
        long[] partnerships = new long[(meetingToPartnershipDays.length + 63) >>> 6];
        int acceptanceCount = 0;
        int partnershipCount = 0;
        for (int i = kept.from; i < kept.to; i++) {
            if (kept.keeps(i)) {
                int rank = acceptanceRank[i];
                if (rank != NONE) {
                    acceptances[rank >>> 6] |= 1L << rank;
                    acceptanceCount++;
                }
                rank = meetingToPartnershipRank[i];
                if (rank != NONE) {
                    partnerships[rank >>> 6] |= 1L << rank;
                    partnershipCount++;
                }
            }
        }
        return new Delays(filter,
                median(acceptances, acceptanceCount, acceptanceMillis, 86_400_000.0),
                median(partnerships, partnershipCount, meetingToPartnershipDays, 1));
    }

    /** Where the introductions stand, by stage. */
    Map<IntroductionStage, Long> byStage() {
        long[] counts = new long[STAGES.length];
        for (int i = 0; i < size; i++) {
            if (stage[i] >= 0) {
                counts[stage[i]]++;
            }
        }
        Map<IntroductionStage, Long> byStage = new LinkedHashMap<>();
        for (IntroductionStage s : STAGES) {
            byStage.put(s, counts[s.ordinal()]);
        }
        return byStage;
    }

    /** The median of the values whose ranks are marked, each divided by {@code unit}; rounded to a tenth of a day. */
    private static Median median(long[] marked, int count, long[] sorted, double unit) {
        if (count == 0) {
            return new Median(0, null);
        }
        double median;
        if (count % 2 == 1) {
            median = sorted[nthMarked(marked, count / 2)] / unit;
        } else {
            median = (sorted[nthMarked(marked, count / 2 - 1)] / unit + sorted[nthMarked(marked, count / 2)] / unit) / 2;
        }
        return new Median(count, Math.round(median * 10) / 10.0);
    }

    /** The index of the {@code n}th (from 0) bit set. */
    private static int nthMarked(long[] marked, int n) {
        int remaining = n;
        for (int word = 0; word < marked.length; word++) {
            int bits = Long.bitCount(marked[word]);
            if (remaining < bits) {
                long value = marked[word];
                for (int k = 0; k < remaining; k++) {
                    value &= value - 1;
                }
                return (word << 6) + Long.numberOfTrailingZeros(value);
            }
            remaining -= bits;
        }
        throw new IllegalStateException("fewer than " + (n + 1) + " marked");
    }

    /** The rows of the groups that counted an introduction, ascending by key. */
    private Breakdown breakdown(String view, Selection kept, int[] keptByClass, int[] tallies, IntFunction<String> key,
                                Function<String, String> label) {
        int classes = classFlags.length;
        TreeMap<String, Counts> groups = new TreeMap<>();
        for (int slot = 0; slot < tallies.length / Math.max(1, classes); slot++) {
            Counts counts = counts(tallies, slot * classes);
            if (counts.proposed() > 0) {
                groups.put(key.apply(slot), counts);
            }
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((k, counts) -> rows.add(new Row(k, label.apply(k), counts)));
        Counts distinct = counts(keptByClass, 0);
        return new Breakdown(view, kept.filter, distinct.proposed(), distinct, rows);
    }

    /** The nine columns of a group from its introductions counted by class. */
    private Counts counts(int[] tallies, int base) {
        long[] c = new long[COLUMNS];
        for (int cls = 0; cls < classFlags.length; cls++) {
            int n = tallies[base + cls];
            if (n != 0) {
                c[PROPOSED] += n;
                for (int flags = classFlags[cls]; flags != 0; flags &= flags - 1) {
                    c[Integer.numberOfTrailingZeros(flags) + 1] += n;
                }
            }
        }
        return counts(c);
    }

    private static Counts counts(long[] c) {
        return new Counts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
    }
}
