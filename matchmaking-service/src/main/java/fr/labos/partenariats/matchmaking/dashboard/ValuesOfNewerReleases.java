package fr.labos.partenariats.matchmaking.dashboard;

import org.slf4j.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the constants the read models store, leniently: a newer release adding a value (an actor type, a category,
 * an introduction's stage or source) writes it in the read models during a rolling upgrade, and every dashboard, inbox
 * and follow-up list of the instances still running this release would otherwise fail on it. Such a value counts in
 * the dashboards' unknown group (« ? »), or is left out where a reader has none, said once per value and instance.
 */
public final class ValuesOfNewerReleases {

    private final Logger log;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /** @param log the logger of the reader, where an operator looks for what its dashboards count */
    public ValuesOfNewerReleases(Logger log) {
        this.log = log;
    }

    /** The constant of that name, or null for one this release does not know. */
    public <E extends Enum<E>> E known(Class<E> type, String name, String collection) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            if (logged.add(type.getSimpleName() + "." + name)) {
                log.warn("{} {} in {} is unknown to this release (written by a newer one?): the dashboards count it "
                        + "in the unknown group (?), the other readers leave it out, until every instance runs a "
                        + "release that knows it",
                        type.getSimpleName(), name, collection);
            }
            return null;
        }
    }
}
