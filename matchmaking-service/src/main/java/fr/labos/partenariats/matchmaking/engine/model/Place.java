package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;

/**
 * A territory as the matcher reads it: a small integer id and the ids of every territory that contains it, so that
 * "is this post inside that territory?" is a scan of a handful of ints rather than a walk of the official hierarchy.
 * Built by {@link TerritoryTable}, one instance per territory, shared by every post scoped there.
 *
 * @param id         dense id given by the table (not an INSEE code)
 * @param ref        the official code and level
 * @param name       official name, for explanations
 * @param containers ids of every territory containing this one in the sense of {@code TerritoryDirectory.contains},
 *                   itself first, then nearest first along the primary chain (EPCI, département, région), national
 *                   last; an EPCI lying across départements also lists its secondary départements and their régions
 * @param containerLevels the level of each of those containers, in the same order
 * @param containerNames  the official name of each of those containers, in the same order, for explanations
 */
public record Place(int id, TerritoryRef ref, String name, int[] containers, TerritoryLevel[] containerLevels,
                    String[] containerNames) {

    public TerritoryLevel level() {
        return ref.level();
    }

    /** Whether {@code outer} contains this place (a place contains itself). */
    public boolean isWithin(Place outer) {
        return hasContainer(outer.id);
    }

    /** Whether the place of that id contains this place. */
    public boolean hasContainer(int placeId) {
        for (int container : containers) {
            if (container == placeId) {
                return true;
            }
        }
        return false;
    }

    // Identity is the id: two places of one table with one id are the same territory (arrays compare by reference).
    @Override
    public boolean equals(Object other) {
        return other instanceof Place place && place.id == id;
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return ref.level() + " " + ref.code() + " (" + name + ")";
    }
}
