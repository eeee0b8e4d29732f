package fr.labos.partenariats.matchmaking.bench.dataset;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The official communes flattened into arrays for fast, population-weighted draws, with each commune's EPCI,
 * département and région and the French phrases that name them. Built once from {@link TerritoryDirectory}.
 */
final class Geography {

    final TerritoryDirectory directory;
    final int communes;
    final String[] communeCode;
    final String[] communeName;
    final int[] population;
    /** Index into the EPCI arrays, or -1 for the few communes outside any EPCI. */
    final int[] epciOf;
    final int[] departementOf;
    final int[] regionOf;

    final String[] epciCode;
    final String[] epciName;
    final int[] epciSeat;
    final String[] departementCode;
    final String[] departementName;
    final int[] departementSeat;
    final String[] regionCode;
    final String[] regionName;
    final int[] regionSeat;

    private final long[] cumulativePopulation;
    private final double[] cumulativeRootPopulation;

    private Geography(TerritoryDirectory directory) {
        this.directory = directory;
        List<String> codes = directory.communeCodes();
        this.communes = codes.size();
        communeCode = codes.toArray(String[]::new);
        communeName = new String[communes];
        population = new int[communes];
        epciOf = new int[communes];
        departementOf = new int[communes];
        regionOf = new int[communes];
        Index epcis = new Index();
        Index departements = new Index();
        Index regions = new Index();
        for (int i = 0; i < communes; i++) {
            TerritoryRef commune = TerritoryRef.commune(communeCode[i]);
            communeName[i] = directory.nameOf(commune).orElseThrow();
            population[i] = directory.population(communeCode[i]);
            epciOf[i] = -1;
            for (TerritoryRef link : directory.ancestry(commune)) {
                switch (link.level()) {
                    case EPCI -> epciOf[i] = epcis.indexOf(link.code());
                    case DEPARTEMENT -> departementOf[i] = departements.indexOf(link.code());
                    case REGION -> regionOf[i] = regions.indexOf(link.code());
                    default -> {
                    }
                }
            }
        }
        epciCode = epcis.codes();
        departementCode = departements.codes();
        regionCode = regions.codes();
        epciName = names(TerritoryLevel.EPCI, epciCode);
        departementName = names(TerritoryLevel.DEPARTEMENT, departementCode);
        regionName = names(TerritoryLevel.REGION, regionCode);
        epciSeat = seats(epciOf, epciCode.length);
        departementSeat = seats(departementOf, departementCode.length);
        regionSeat = seats(regionOf, regionCode.length);

        cumulativePopulation = new long[communes];
        cumulativeRootPopulation = new double[communes];
        long sum = 0;
        double rootSum = 0;
        for (int i = 0; i < communes; i++) {
            sum += population[i];
            rootSum += StrictMath.sqrt(population[i]);
            cumulativePopulation[i] = sum;
            cumulativeRootPopulation[i] = rootSum;
        }
    }

    static Geography official() {
        return Official.INSTANCE;
    }

    private static final class Official {
        static final Geography INSTANCE = new Geography(TerritoryDirectory.official());
    }

    /** A commune drawn with probability proportional to its population: where people live, organisations live. */
    int drawByPopulation(SplittableRandom random) {
        long x = random.nextLong(cumulativePopulation[communes - 1]);
        int i = Arrays.binarySearch(cumulativePopulation, x);
        // The commune whose cumulative bound is the first strictly above x.
        i = i >= 0 ? i + 1 : -i - 1;
        return skipEmpty(i);
    }

    /**
     * A commune drawn with probability proportional to the square root of its population: each commune is one
     * actor however large, so small communes are partners far more often than their population alone would say.
     */
    int drawByRootPopulation(SplittableRandom random) {
        double x = random.nextDouble() * cumulativeRootPopulation[communes - 1];
        int i = Arrays.binarySearch(cumulativeRootPopulation, x);
        i = i >= 0 ? i + 1 : -i - 1;
        return skipEmpty(Math.min(i, communes - 1));
    }

    String communeIn(int commune) {
        return FrenchNames.communeIn(communeName[commune]);
    }

    String communeOf(int commune) {
        return FrenchNames.communeOf(communeName[commune]);
    }

    String departementIn(int departement) {
        return FrenchNames.departementIn(departementCode[departement], departementName[departement]);
    }

    String departementOf(int departement) {
        return FrenchNames.departementOf(departementCode[departement], departementName[departement]);
    }

    String regionIn(int region) {
        return FrenchNames.regionIn(regionCode[region], regionName[region]);
    }

    String regionOf(int region) {
        return FrenchNames.regionOf(regionCode[region], regionName[region]);
    }

    String epciFullName(int epci) {
        return FrenchNames.epciFullName(epciName[epci]);
    }

    private int skipEmpty(int i) {
        // A commune of population 0 has a zero-width slot, so the search can only land on it at an exact bound.
        while (i < communes - 1 && population[i] == 0) {
            i++;
        }
        return i;
    }

    private String[] names(TerritoryLevel level, String[] codes) {
        String[] names = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            // A few official EPCI names carry a double space; texts should not.
            names[i] = directory.nameOf(new TerritoryRef(codes[i], level)).orElseThrow().replaceAll("\\s+", " ").strip();
        }
        return names;
    }

    /** For each territory, its most populous commune: a stand-in for the seat (chef-lieu), which the reference does not give. */
    private int[] seats(int[] territoryOf, int territories) {
        int[] seat = new int[territories];
        Arrays.fill(seat, -1);
        for (int i = 0; i < communes; i++) {
            int t = territoryOf[i];
            if (t >= 0 && (seat[t] < 0 || population[i] > population[seat[t]])) {
                seat[t] = i;
            }
        }
        return seat;
    }

    /** Gives each code met an index in order of first appearance (communes are sorted, so this is deterministic). */
    private static final class Index {
        private final Map<String, Integer> indexes = new HashMap<>();
        private final List<String> codes = new ArrayList<>();

        int indexOf(String code) {
            return indexes.computeIfAbsent(code, c -> {
                codes.add(c);
                return codes.size() - 1;
            });
        }

        String[] codes() {
            return codes.toArray(String[]::new);
        }
    }
}
