package fr.labos.partenariats.schema.common;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** Normalises the sets carried by messages so that their JSON form is deterministic (sorted) and never null. */
public final class Sets {
    private Sets() {
    }

    public static <E extends Comparable<? super E>> SortedSet<E> sorted(Collection<E> values) {
        return values == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
