package fr.labos.partenariats.matchmaking.live;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.introduction.api.IntroductionParties;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionReadAccess;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.session.api.SessionReaders;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.EventCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Who hears which aggregate an event belongs to. An actor, its posts and the introduction log's signed heads are
 * public: every signed-in reader hears their ids; but an event about an actor's people (its members' comings and
 * goings, its contact person's erasure: {@code ActorPrivate}) names the actor only to those who act for it. An introduction's events name it only to those who may read the
 * introduction, a session's only to those who see the session; the others hear that an event of that type happened,
 * without the id (a dashboard, which counts every introduction, reloads on it). The id of an introduction born of a
 * speed meeting or of a batch is derived from its two actors: heard by everyone, it would tell who is being introduced
 * to whom, and what came of it.
 *
 * <p>An event of a type this release does not know (written by a newer one) names its aggregate as an introduction's
 * or a session's would, whichever its id is, and to admins only if neither; of profile-service's, as an actor's
 * private event would.
 *
 * <p>Decided per event on this instance, and only once a reader other than an admin asks (the stream's thread for
 * its open streams, or a catch-up): the introduction's two actors (from the event store, kept once read, then their
 * projection entries in one query) or the session as it stands then (its participants' entries in one query) are
 * read, and each reader is tested against them in memory. A reading that fails names the aggregate to admins only.
 * The answer is kept a minute ({@link #KEPT}), then read again at the next test: the catch-up serves the latest events
 * for as long as they are among them (days, in a quiet lab), and a member removed since, a participant withdrawn, must
 * stop hearing their ids.
 */
@Component
class LiveAudience {

    private static final Logger log = LoggerFactory.getLogger(LiveAudience.class);
    private static final Predicate<LabPrincipal> ADMINS = principal -> principal.is(LabRole.ADMIN);
    private static final Set<String> INTRODUCTION_EVENTS = typeNames(EventCatalog.matchingEvents());
    private static final Set<String> SESSION_EVENTS = typeNames(EventCatalog.sessionEvents());
    private static final Set<String> LOG_EVENTS = typeNames(EventCatalog.introductionLogEvents());

    /** How long who may hear an event is kept once read. */
    static final Duration KEPT = Duration.ofMinutes(1);

    private final IntroductionParties parties;
    private final IntroductionReadAccess introductionReaders;
    private final SessionReaders sessionReaders;
    private final ActorAccess actors;
    private final LongSupplier nanoTime;

    @Autowired
    LiveAudience(IntroductionParties parties, IntroductionReadAccess introductionReaders, SessionReaders sessionReaders,
                 ActorAccess actors) {
        this(parties, introductionReaders, sessionReaders, actors, System::nanoTime);
    }

    LiveAudience(IntroductionParties parties, IntroductionReadAccess introductionReaders, SessionReaders sessionReaders,
                 ActorAccess actors, LongSupplier nanoTime) {
        this.actors = actors;
        this.parties = parties;
        this.introductionReaders = introductionReaders;
        this.sessionReaders = sessionReaders;
        this.nanoTime = nanoTime;
    }

    /** Who may hear the notification's aggregate: tested in memory once its readers are known (on the first test). */
    Predicate<LabPrincipal> of(LiveNotification notification) {
        String id = notification.aggregateId();
        // A record without a type (outside the contract) is taken as one of an unknown type.
        String type = notification.type() == null ? "" : notification.type();
        // An actor's private event, or one of a type this release does not know (a newer release's, which may be
        // private, or its managers' only): its actor named only to those who act for it.
        if ("profile".equals(notification.source())
                && (EventCatalog.isActorPrivate(type) || EventCatalog.typeFor(type).isEmpty())) {
            // Its actor: the aggregate for an actor's event, the one a post's event names for a need's or an offer's.
            String actorId = notification.actorId() != null ? notification.actorId() : id;
            return new Once(() -> actorsOwn(actorId), notification);
        }
        if (!"matchmaking".equals(notification.source()) || LOG_EVENTS.contains(type)) {
            return principal -> true;
        }
        if (INTRODUCTION_EVENTS.contains(type)) {
            return new Once(() -> introductionReaders(id).orElse(ADMINS), notification);
        }
        if (SESSION_EVENTS.contains(type)) {
            return new Once(() -> sessionReaders.of(id), notification);
        }
        // A type this release does not know (a newer release wrote it, during a rolling upgrade): an introduction's
        // or a session's all the same, as their ids say, and never public by default.
        return new Once(() -> introductionReaders(id).orElseGet(() -> sessionReaders.of(id)), notification);
    }

    /** Those who may read for the actor ({@link ActorAccess#mayReadFor}), as introductions' readers are told. */
    private Predicate<LabPrincipal> actorsOwn(String actorId) {
        Map<String, ActorEntry> read = actors.read(List.of(actorId));
        return principal -> actors.mayReadFor(principal, actorId, read);
    }

    private Optional<Predicate<LabPrincipal>> introductionReaders(String introductionId) {
        return parties.find(introductionId).map(sides -> introductionReaders.readersOf(sides.get(0), sides.get(1)));
    }

    private static Set<String> typeNames(List<Class<?>> types) {
        return types.stream().map(EventCatalog::typeName).collect(Collectors.toUnmodifiableSet());
    }

    /** Reads who may hear the aggregate on the first test, and keeps the answer for {@link #KEPT}. */
    private final class Once implements Predicate<LabPrincipal> {

        private final Supplier<Predicate<LabPrincipal>> readers;
        private final LiveNotification notification;
        private volatile Predicate<LabPrincipal> known;
        private volatile long readAt;

        Once(Supplier<Predicate<LabPrincipal>> readers, LiveNotification notification) {
            this.readers = readers;
            this.notification = notification;
        }

        @Override
        public boolean test(LabPrincipal principal) {
            if (principal.is(LabRole.ADMIN)) {
                return true; // every aggregate, without reading who else may hear it
            }
            Predicate<LabPrincipal> current = known;
            if (current == null || stale()) {
                synchronized (this) {
                    if (known == null || stale()) {
                        known = read();
                        readAt = nanoTime.getAsLong();
                    }
                    current = known;
                }
            }
            return current.test(principal);
        }

        private boolean stale() {
            return nanoTime.getAsLong() - readAt > KEPT.toNanos();
        }

        private Predicate<LabPrincipal> read() {
            try {
                return readers.get();
            } catch (RuntimeException e) {
                log.warn("Who may hear of {} {} could not be read ({}): named to admins only",
                        notification.type(), notification.aggregateId(), e.toString());
                return ADMINS;
            }
        }
    }
}
