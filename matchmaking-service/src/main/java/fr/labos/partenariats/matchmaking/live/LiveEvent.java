package fr.labos.partenariats.matchmaking.live;

import fr.labos.partenariats.platform.security.LabPrincipal;

import java.util.function.Predicate;

/**
 * An event read for the live stream, and who may hear which aggregate it belongs to ({@link LiveAudience}).
 *
 * @param namedTo the readers told the aggregate; the others are told the event without it
 */
record LiveEvent(LiveNotification notification, Predicate<LabPrincipal> namedTo) {

    /** Not an event: a comment that keeps an idle stream open through proxies, and reveals a closed one. */
    static final LiveEvent KEEP_ALIVE = new LiveEvent(null, reader -> false);

    /** The notification as this reader hears it. */
    LiveNotification toldTo(LabPrincipal reader) {
        return namedTo.test(reader) ? notification : notification.withoutAggregate();
    }
}
