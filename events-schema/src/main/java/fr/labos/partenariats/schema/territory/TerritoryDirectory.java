package fr.labos.partenariats.schema.territory;

import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The official French territorial reference (régions, départements, EPCI, communes), to validate, name and nest the
 * territories that messages refer to.
 *
 * <p>Scope is metropolitan France plus the five DROM, as published by INSEE through Etalab's
 * {@code @etalab/decoupage-administratif} (see {@code LICENCE-etalab.txt} and {@code scripts/derive-territories.mjs}).
 * At {@link TerritoryLevel#COMMUNE} level both current communes and the arrondissements municipaux of Paris, Lyon and
 * Marseille are known, because people and registries use both kinds of INSEE code.
 *
 * <p>An EPCI may straddle départements (and even régions). Its ancestry follows its primary département (the one
 * holding most of its member communes), but {@link #contains} treats it as lying in every département it touches and
 * in their régions, so a filter on any of those départements finds it. A commune, by contrast, lies only in its own
 * département even when its EPCI is mostly elsewhere; hence {@code contains} is not transitive across such EPCI.
 *
 * <p>Instances are immutable and safe to share between threads. Query methods are lenient with unknown territories
 * (false, empty, 0, Paris's zone), except {@link #ancestry}, whose empty answer would be indistinguishable from a bug.
 */
public final class TerritoryDirectory {

    static final String RESOURCE = "territories.tsv.gz";
    static final String NATIONAL_NAME = "France";
    private static final String HEADER = "kind\tcode\tname\tdepartements\tregion\tepci\tcommune\tpopulation";
    private static final int COLUMNS = 8;
    /**
     * The zones of the overseas régions, by INSEE région code; every other région is in metropolitan France (Corsica
     * included), on {@link LabCalendar#ZONE}. The reference holds no collectivité d'outre-mer (see
     * {@code scripts/derive-territories.mjs}), so the five DROM are the only territories off Paris's time.
     */
    private static final Map<String, ZoneId> OVERSEAS_ZONES = Map.of(
            "01", ZoneId.of("America/Guadeloupe"),
            "02", ZoneId.of("America/Martinique"),
            "03", ZoneId.of("America/Cayenne"),
            "04", ZoneId.of("Indian/Reunion"),
            "06", ZoneId.of("Indian/Mayotte"));

    private final Map<TerritoryLevel, Map<String, Territory>> byLevel;
    private final Map<TerritoryLevel, List<String>> sortedCodes;
    private final List<String> communeCodes;
    private final Territory national;

    private TerritoryDirectory(Map<TerritoryLevel, Map<String, Territory>> byLevel, Territory national) {
        this.byLevel = byLevel;
        this.national = national;
        Map<TerritoryLevel, List<String>> codes = new EnumMap<>(TerritoryLevel.class);
        byLevel.forEach((level, territories) -> {
            List<String> sorted = new ArrayList<>(territories.keySet());
            Collections.sort(sorted);
            codes.put(level, Collections.unmodifiableList(sorted));
        });
        this.sortedCodes = Collections.unmodifiableMap(codes);
        this.communeCodes = codes.get(TerritoryLevel.COMMUNE).stream()
                .filter(code -> byLevel.get(TerritoryLevel.COMMUNE).get(code).commune == null)
                .toList();
    }

    /** The directory built from the reference shipped in this jar, loaded on first use and then shared. */
    public static TerritoryDirectory official() {
        return Official.INSTANCE;
    }

    // Holder idiom: the JVM's class initialisation gives lazy, once-only, safely published loading without locks.
    private static final class Official {
        static final TerritoryDirectory INSTANCE = loadOfficial();

        private static TerritoryDirectory loadOfficial() {
            try (InputStream raw = TerritoryDirectory.class.getResourceAsStream(RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException("Territorial reference " + RESOURCE + " is missing from the classpath next to "
                            + TerritoryDirectory.class.getName());
                }
                return read(new GZIPInputStream(raw, 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read territorial reference " + RESOURCE, e);
            }
        }
    }

    /** Whether the territory exists at its level; the only national territory is {@code "FR"}. */
    public boolean isKnown(TerritoryRef ref) {
        return find(ref) != null;
    }

    /** The official French name, e.g. "Isère"; "France" for the national territory. */
    public Optional<String> nameOf(TerritoryRef ref) {
        Territory t = find(ref);
        return t == null ? Optional.empty() : Optional.of(t.name);
    }

    /**
     * The territory itself then the territories enclosing it, nearest first, ending with national: commune → EPCI (when
     * it has one) → département → région → national. An arrondissement municipal comes before its commune's chain; an
     * EPCI continues with its primary département.
     *
     * @throws IllegalArgumentException if the territory is unknown
     */
    public List<TerritoryRef> ancestry(TerritoryRef ref) {
        Territory t = find(ref);
        if (t == null) {
            throw new IllegalArgumentException("Unknown territory " + describe(ref) + " in the official territorial reference");
        }
        List<TerritoryRef> chain = new ArrayList<>(6);
        for (Territory link : chain(t)) {
            chain.add(link.ref);
        }
        return Collections.unmodifiableList(chain);
    }

    /**
     * Whether {@code outer} encloses {@code inner} (a territory encloses itself; national encloses everything). An EPCI
     * lying across départements is enclosed by each of them and by each of their régions. False if either is unknown.
     */
    public boolean contains(TerritoryRef outer, TerritoryRef inner) {
        Territory o = find(outer);
        Territory i = find(inner);
        return o != null && i != null && containers(i).contains(o);
    }

    /**
     * The nearest territory enclosing both, in the sense of {@link #contains}; national at worst, empty if either is
     * unknown. Should two départements qualify (two EPCI straddling the same border), {@code a}'s primary one wins.
     */
    public Optional<TerritoryRef> lowestCommonAncestor(TerritoryRef a, TerritoryRef b) {
        Territory ta = find(a);
        Territory tb = find(b);
        if (ta == null || tb == null) {
            return Optional.empty();
        }
        List<Territory> enclosingB = containers(tb);
        for (Territory candidate : containers(ta)) {
            if (enclosingB.contains(candidate)) {
                return Optional.of(candidate.ref);
            }
        }
        // Unreachable: national encloses everything; kept so a broken invariant shows up as an answer, not a crash.
        return Optional.of(national.ref);
    }

    /** The département a territory lies in (for an EPCI its primary one, for a département itself); empty above that level or if unknown. */
    public Optional<TerritoryRef> departementOf(TerritoryRef ref) {
        Territory t = find(ref);
        if (t == null) {
            return Optional.empty();
        }
        return switch (t.ref.level()) {
            case COMMUNE, EPCI -> Optional.of(t.departements.get(0).ref);
            case DEPARTEMENT -> Optional.of(t.ref);
            case REGION, NATIONAL -> Optional.empty();
        };
    }

    /** The région a territory lies in (for an EPCI that of its primary département, for a région itself); empty for national or if unknown. */
    public Optional<TerritoryRef> regionOf(TerritoryRef ref) {
        Territory t = find(ref);
        if (t == null) {
            return Optional.empty();
        }
        return switch (t.ref.level()) {
            case COMMUNE, EPCI, DEPARTEMENT -> Optional.of(t.region.ref);
            case REGION -> Optional.of(t.ref);
            case NATIONAL -> Optional.empty();
        };
    }

    /**
     * The zone whose clocks the territory's people read: that of its région (Guadeloupe, Martinique, Guyane, La
     * Réunion and Mayotte each have theirs), {@link LabCalendar#ZONE} for metropolitan France. A commune, an EPCI or a
     * département is in its région's zone; national is in {@link LabCalendar#ZONE}, the labs' calendar's.
     *
     * <p>An unknown territory is in {@link LabCalendar#ZONE} too, leniently like the other queries: what is checked
     * against this reference when it is written (a session's territory) becomes unknown only in a later edition of
     * the reference (communes merge every year), and a session's exports should still come out then, not fail.
     */
    public ZoneId zoneOf(TerritoryRef ref) {
        return regionOf(ref).map(region -> OVERSEAS_ZONES.getOrDefault(region.code(), LabCalendar.ZONE))
                .orElse(LabCalendar.ZONE);
    }

    /** Municipal population of a commune or arrondissement municipal as published by INSEE; 0 if unknown or unpublished. */
    public int population(String communeCode) {
        Territory t = byLevel.get(TerritoryLevel.COMMUNE).get(communeCode);
        return t == null ? 0 : t.population;
    }

    /**
     * The current communes' INSEE codes, sorted. Arrondissements municipaux are left out so that weighting by
     * {@link #population} does not count Paris, Lyon and Marseille twice.
     */
    public List<String> communeCodes() {
        return communeCodes;
    }

    /** Every code known at a level, sorted; at COMMUNE level this includes the arrondissements municipaux. */
    public List<String> codes(TerritoryLevel level) {
        Objects.requireNonNull(level, "level");
        return sortedCodes.get(level);
    }

    private Territory find(TerritoryRef ref) {
        Objects.requireNonNull(ref, "ref");
        if (ref.level() == null || ref.code() == null) {
            return null;
        }
        return byLevel.get(ref.level()).get(ref.code());
    }

    private static String describe(TerritoryRef ref) {
        return ref.level() + " '" + ref.code() + "'";
    }

    /** The primary chain behind {@link #ancestry}. */
    private List<Territory> chain(Territory t) {
        List<Territory> chain = new ArrayList<>(6);
        chain.add(t);
        Territory base = t.commune != null ? t.commune : t;
        if (base != t) {
            chain.add(base);
        }
        if (base.epci != null) {
            chain.add(base.epci);
        }
        if (!base.departements.isEmpty()) {
            chain.add(base.departements.get(0));
        }
        if (base.region != null) {
            chain.add(base.region);
        }
        if (base != national) {
            chain.add(national);
        }
        return chain;
    }

    /** Everything enclosing {@code t}, nearest first: its chain, widened for an EPCI by its secondary départements and their régions. */
    private List<Territory> containers(Territory t) {
        if (t.ref.level() != TerritoryLevel.EPCI || t.departements.size() == 1) {
            return chain(t);
        }
        List<Territory> all = new ArrayList<>(2 + 2 * t.departements.size());
        all.add(t);
        all.addAll(t.departements);
        for (Territory departement : t.departements) {
            if (!all.contains(departement.region)) {
                all.add(departement.region);
            }
        }
        all.add(national);
        return all;
    }

    /** Parses the TSV written by {@code scripts/derive-territories.mjs}; rows come parents first, which is checked. */
    static TerritoryDirectory read(InputStream uncompressed) throws IOException {
        Map<TerritoryLevel, Map<String, Territory>> byLevel = new EnumMap<>(TerritoryLevel.class);
        for (TerritoryLevel level : TerritoryLevel.values()) {
            byLevel.put(level, new HashMap<>(level == TerritoryLevel.COMMUNE ? 1 << 16 : 2048));
        }
        Territory national = new Territory(TerritoryRef.national(), NATIONAL_NAME, null, null, List.of(), null, 0);
        byLevel.get(TerritoryLevel.NATIONAL).put(national.ref.code(), national);

        BufferedReader reader = new BufferedReader(new InputStreamReader(uncompressed, StandardCharsets.UTF_8), 1 << 16);
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalStateException("Unexpected territorial reference header: " + header);
        }
        Map<String, Territory> regions = byLevel.get(TerritoryLevel.REGION);
        Map<String, Territory> departements = byLevel.get(TerritoryLevel.DEPARTEMENT);
        Map<String, Territory> epcis = byLevel.get(TerritoryLevel.EPCI);
        Map<String, Territory> communes = byLevel.get(TerritoryLevel.COMMUNE);
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String[] f = line.split("\t", -1);
            if (f.length != COLUMNS) {
                throw new IllegalStateException("Territorial reference line " + lineNumber + " has " + f.length + " columns, expected " + COLUMNS);
            }
            String kind = f[0];
            String code = f[1];
            String name = f[2];
            Territory t;
            Map<String, Territory> target;
            switch (kind) {
                case "region" -> {
                    t = new Territory(new TerritoryRef(code, TerritoryLevel.REGION), name, null, null, List.of(), null, 0);
                    target = regions;
                }
                case "departement" -> {
                    t = new Territory(new TerritoryRef(code, TerritoryLevel.DEPARTEMENT), name, null, null, List.of(),
                            required(regions, f[4], lineNumber), 0);
                    target = departements;
                }
                case "epci" -> {
                    List<Territory> deps = new ArrayList<>(2);
                    for (String dep : f[3].split(",")) {
                        deps.add(required(departements, dep, lineNumber));
                    }
                    Territory region = required(regions, f[4], lineNumber);
                    t = new Territory(new TerritoryRef(code, TerritoryLevel.EPCI), name, null, null, List.copyOf(deps), region, 0);
                    target = epcis;
                }
                case "commune" -> {
                    Territory epci = f[5].isEmpty() ? null : required(epcis, f[5], lineNumber);
                    t = new Territory(new TerritoryRef(code, TerritoryLevel.COMMUNE), name, null, epci,
                            List.of(required(departements, f[3], lineNumber)), required(regions, f[4], lineNumber),
                            Integer.parseInt(f[7]));
                    target = communes;
                }
                case "arrondissement" -> {
                    Territory commune = required(communes, f[6], lineNumber);
                    t = new Territory(new TerritoryRef(code, TerritoryLevel.COMMUNE), name, commune, null,
                            commune.departements, commune.region, Integer.parseInt(f[7]));
                    target = communes;
                }
                default -> throw new IllegalStateException("Unknown kind '" + kind + "' on territorial reference line " + lineNumber);
            }
            if (target.putIfAbsent(code, t) != null) {
                throw new IllegalStateException("Duplicate " + kind + " code " + code + " on territorial reference line " + lineNumber);
            }
        }
        Map<TerritoryLevel, Map<String, Territory>> frozen = new EnumMap<>(TerritoryLevel.class);
        byLevel.forEach((level, map) -> frozen.put(level, Collections.unmodifiableMap(map)));
        return new TerritoryDirectory(Collections.unmodifiableMap(frozen), national);
    }

    private static Territory required(Map<String, Territory> map, String code, int lineNumber) {
        Territory t = map.get(code);
        if (t == null) {
            throw new IllegalStateException("Territorial reference line " + lineNumber + " refers to unknown code '" + code + "'");
        }
        return t;
    }

    // A class rather than a record: territories point at each other, and record equality would walk those links.
    private static final class Territory {
        final TerritoryRef ref;
        final String name;
        /** For an arrondissement municipal, its commune; otherwise null. */
        final Territory commune;
        final Territory epci;
        /** Primary first; empty for régions and national, and for a département, whose own département is itself. */
        final List<Territory> departements;
        final Territory region;
        final int population;

        Territory(TerritoryRef ref, String name, Territory commune, Territory epci, List<Territory> departements,
                  Territory region, int population) {
            this.ref = ref;
            this.name = name;
            this.commune = commune;
            this.epci = epci;
            this.departements = departements;
            this.region = region;
            this.population = population;
        }
    }
}
