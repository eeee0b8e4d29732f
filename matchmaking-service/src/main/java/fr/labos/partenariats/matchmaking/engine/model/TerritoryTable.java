package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The official hierarchy turned into {@link Place}s with integer ids, made on first use of each territory and then
 * shared. Thread-safe.
 *
 * <p>A territory the official reference does not know (a code retired since, a typing error that slipped through) is
 * still given a place, contained only by itself and by national: it matches national posts and posts of the very
 * same code, nothing else.
 */
public final class TerritoryTable {

    private final TerritoryDirectory directory;
    private final ConcurrentHashMap<TerritoryRef, Place> places = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final Place national;

    public TerritoryTable(TerritoryDirectory directory) {
        this.directory = directory;
        this.national = place(TerritoryRef.national());
    }

    public TerritoryDirectory directory() {
        return directory;
    }

    public Place national() {
        return national;
    }

    /** The place of a territory; a missing territory or level is national (a post without scope reaches everywhere). */
    public Place place(TerritoryRef ref) {
        if (ref == null || ref.level() == null || ref.code() == null || ref.level() == TerritoryLevel.NATIONAL) {
            ref = TerritoryRef.national();
        }
        Place known = places.get(ref);
        if (known != null) {
            return known;
        }
        // Not computeIfAbsent: building a place builds its containers, which would re-enter the map. Two threads may
        // both build a place; one wins and the other's id is simply never used.
        Place built = build(ref);
        Place raced = places.putIfAbsent(ref, built);
        return raced != null ? raced : built;
    }

    /** How many places have been made so far; every id is below this. */
    public int size() {
        return nextId.get();
    }

    private Place build(TerritoryRef ref) {
        int id = nextId.getAndIncrement();
        if (ref.level() == TerritoryLevel.NATIONAL) {
            return new Place(id, ref, "France", new int[] {id}, new TerritoryLevel[] {TerritoryLevel.NATIONAL},
                    new String[] {"France"});
        }
        if (!directory.isKnown(ref)) {
            return new Place(id, ref, ref.code(), new int[] {id, national.id()},
                    new TerritoryLevel[] {ref.level(), TerritoryLevel.NATIONAL}, new String[] {ref.code(), "France"});
        }
        Set<TerritoryRef> containers = new LinkedHashSet<>(directory.ancestry(ref));
        if (ref.level() == TerritoryLevel.EPCI) {
            // The primary chain follows the EPCI's main département; contains() also puts it in the others it touches.
            for (TerritoryLevel level : List.of(TerritoryLevel.DEPARTEMENT, TerritoryLevel.REGION)) {
                for (String code : directory.codes(level)) {
                    TerritoryRef candidate = new TerritoryRef(code, level);
                    if (!containers.contains(candidate) && directory.contains(candidate, ref)) {
                        containers.add(candidate);
                    }
                }
            }
            // Keep national last, as everywhere else.
            containers.remove(TerritoryRef.national());
            containers.add(TerritoryRef.national());
        }
        int[] ids = new int[containers.size()];
        TerritoryLevel[] levels = new TerritoryLevel[containers.size()];
        String[] names = new String[containers.size()];
        String name = directory.nameOf(ref).orElse(ref.code());
        int i = 0;
        for (TerritoryRef container : containers) {
            // Containers are of higher levels, so this recursion ends at national.
            Place containerPlace = container.equals(ref) ? null : place(container);
            ids[i] = containerPlace == null ? id : containerPlace.id();
            names[i] = containerPlace == null ? name : containerPlace.name();
            levels[i++] = container.level();
        }
        return new Place(id, ref, name, ids, levels, names);
    }
}
