package fr.labos.partenariats.matchmaking.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background refresh of a set of gauges (a scrape never waits for them): a refresh that fails leaves the gauges at
 * their last values, which the owner's log says once as a warning rather than at every attempt, then says when they
 * are recomputed again. Meant for one scheduler thread.
 */
public final class GaugeRefresh {

    private final Logger log;
    private final String gauges;
    /** Refreshes failed in a row since the last that succeeded. */
    private int failedInARow;

    /** @param gauges what the log calls them, plural: « the introduction gauges » */
    public GaugeRefresh(Class<?> owner, String gauges) {
        this.log = LoggerFactory.getLogger(owner);
        this.gauges = gauges;
    }

    public void run(Runnable refresh) {
        try {
            refresh.run();
            if (failedInARow > 0) {
                log.info("{} are recomputed again, after {} failed attempt(s)", capitalised(), failedInARow);
                failedInARow = 0;
            }
        } catch (RuntimeException e) {
            if (failedInARow++ == 0) {
                log.warn("Cannot recompute {}: they keep their last values until a refresh succeeds", gauges, e);
            } else {
                log.debug("Cannot recompute {} ({} failed in a row)", gauges, failedInARow, e);
            }
        }
    }

    private String capitalised() {
        return gauges.isEmpty() ? gauges : Character.toUpperCase(gauges.charAt(0)) + gauges.substring(1);
    }
}
