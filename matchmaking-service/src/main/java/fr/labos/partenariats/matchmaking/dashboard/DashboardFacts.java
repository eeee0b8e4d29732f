package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.infrastructure.GaugeRefresh;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionView;
import fr.labos.partenariats.matchmaking.introduction.view.ViewsOfAnyRelease;
import fr.labos.partenariats.schema.matching.Outcome;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * This instance's copy of every introduction's {@link IntroductionFact}, read from the introduction views in MongoDB:
 * a dashboard query over 100,000 introductions then costs a pass in memory rather than a scan of the collection.
 * Views are written by whichever instance owns their partition, so every instance polls the collection for the views
 * written since its last poll ({@value IntroductionView#TOUCHED_AT}, indexed), with an overlap that covers the
 * writers' clock skew and writes still in flight; a view read twice is simply replaced. A collection that shrank (a
 * rebuild emptied it) is read again whole, and so is every collection once in a while ({@code
 * matchmaking.dashboard.full-read}, an hour): a view whose write landed later than the overlap after the time its
 * writer stamped on it (a failover of MongoDB's primary, a writer's clock further behind than the overlap) is missed by
 * the polls that follow, and would otherwise stay missed until its introduction changes again.
 *
 * <p>A poll first reads the consumer's positions (a few small documents, written after the views they cover) and
 * stops there if they have not moved: an idle topic costs no query of the views. MongoDB's stand-in in tests
 * (mongo-java-server) ignores secondary indexes and would scan every view at each poll.
 */
@Component
class DashboardFacts {

    private static final Logger log = LoggerFactory.getLogger(DashboardFacts.class);
    private static final String[] FIELDS = {"source", "actorId", "partnerActorId", "pairs", "stage", "proposedAt",
            "acceptedAt", "declinedAt", "expiredAt", "withdrawnAt", "firstMetAt", "followUpOn", "partnershipOn",
            "noFitOn", IntroductionView.TOUCHED_AT,
            // Every meeting held and every outcome, for periods (their days only: the timeline's texts stay out).
            "meetings.meetingId", "meetings.status", "meetings.startsAt", "meetings.recordedAt", "steps.sequence",
            "steps.outcome", "steps.occurredOn"};

    private final MongoTemplate mongo;
    private final ValuesOfNewerReleases newerValues = new ValuesOfNewerReleases(log);
    private final ViewsOfAnyRelease views;
    private final GaugeRefresh polls = new GaugeRefresh(DashboardFacts.class, "the dashboards' facts");
    private final ZoneId zone;
    private final long overlapMillis;
    private final Clock clock;
    private final Duration fullReadEvery;
    private volatile Instant lastFullRead = Instant.MIN;
    private final Map<String, IntroductionFact> facts = new ConcurrentHashMap<>();
    private volatile long newestSeen = Long.MIN_VALUE;
    private volatile List<Document> positionsSeen = List.of();
    private volatile boolean loaded;
    private volatile long version;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Autowired
    DashboardFacts(MongoTemplate mongo, Clock clock, @Value("${matchmaking.dashboard.poll-overlap:10s}") Duration overlap,
                   @Value("${matchmaking.dashboard.full-read:1h}") Duration fullReadEvery) {
        this.mongo = mongo;
        this.views = new ViewsOfAnyRelease(mongo, newerValues);
        this.zone = clock.getZone();
        this.overlapMillis = overlap.toMillis();
        this.clock = clock;
        this.fullReadEvery = fullReadEvery;
    }

    /** Read again whole every hour, as in the service. */
    DashboardFacts(MongoTemplate mongo, Clock clock, Duration overlap) {
        this(mongo, clock, overlap, Duration.ofHours(1));
    }

    /**
     * The facts as of the last poll; polls first if none has succeeded yet, and then throws Spring's
     * {@code DataAccessException} (a 503) if MongoDB cannot be read: empty dashboards would be a lie.
     */
    Collection<IntroductionFact> all() {
        if (!loaded) {
            poll();
        }
        return facts.values();
    }

    /**
     * Changes whenever the facts do, before the first change and after the last one of a poll: what lets a reader
     * skip work it did for the same facts, and never take facts read during a poll for those after it.
     */
    long version() {
        return version;
    }

    /** Runs the listener after each scheduled poll that changed the facts (on the polling thread). */
    void whenChanged(Runnable listener) {
        listeners.add(listener);
    }

    @Scheduled(fixedDelayString = "${matchmaking.dashboard.refresh:1s}", initialDelay = 0)
    void refresh() {
        long before = version();
        // MongoDB away, or a view it cannot read: the dashboards answer from the last poll, which the log says once
        // (a view that fails at every poll would otherwise freeze them without a word at the usual level).
        polls.run(this::poll);
        if (version() != before) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Reads the views written since the last poll (all of them the first time, or after a rebuild). */
    synchronized void poll() {
        List<Document> positions = mongo.findAll(Document.class, IntroductionView.POSITIONS);
        Instant now = clock.instant();
        boolean fullRead = !now.isBefore(lastFullRead.plus(fullReadEvery));
        if (loaded && !fullRead && positions.equals(positionsSeen)) {
            return;
        }
        if (loaded && mongo.estimatedCount(IntroductionView.COLLECTION) < facts.size()) {
            log.info("The introduction views shrank (a rebuild?): reading them again whole");
            facts.clear();
            newestSeen = Long.MIN_VALUE;
            version++;
        }
        long newest = newestSeen;
        boolean changed = false;
        Query query = newestSeen == Long.MIN_VALUE || fullRead ? new Query()
                : Query.query(Criteria.where(IntroductionView.TOUCHED_AT).gte(newestSeen - overlapMillis));
        query.fields().include(FIELDS);
        query.with(Sort.by(IntroductionView.TOUCHED_AT));
        for (Document document : mongo.find(query, Document.class, IntroductionView.COLLECTION)) {
            // Read as stored, not converted into the view's records: at start, 100,000 views' meetings and steps
            // (a record of nineteen fields per step) doubled the time of the first dashboard.
            List<Instant> meetingsHeldAt = meetingsHeldAt(document.remove("meetings"));
            List<RecordedOutcome> outcomes = outcomes(document.remove("steps"));
            IntroductionView view = views.read(document);
            if (view.proposedAt() != null) {
                IntroductionFact fact = IntroductionFact.of(view, zone, meetingsHeldAt, outcomes);
                // The overlap reads views again that did not change: the dashboards need not be rebuilt for them.
                if (!fact.equals(facts.get(view.id()))) {
                    if (!changed) {
                        version++;
                    }
                    facts.put(view.id(), fact);
                    changed = true;
                }
            }
            newest = Math.max(newest, view.touchedAt());
        }
        newestSeen = newest;
        positionsSeen = positions;
        if (fullRead) {
            lastFullRead = now;
        }
        if (changed) {
            version++;
        }
        loaded = true;
    }

    /** Every meeting held, on its planned start or else when it was recorded (as the view's first meeting counts). */
    private static List<Instant> meetingsHeldAt(Object meetings) {
        List<Instant> held = new ArrayList<>();
        if (meetings instanceof List<?> stored) {
            for (Object item : stored) {
                if (item instanceof Document meeting && "held".equals(meeting.get("status"))) {
                    Object at = meeting.get("startsAt") != null ? meeting.get("startsAt") : meeting.get("recordedAt");
                    if (at instanceof Date date) {
                        held.add(date.toInstant());
                    }
                }
            }
        }
        return held;
    }

    /**
     * The outcomes of the timeline's steps, in the order recorded; a day is stored at midnight UTC ({@code MongoDays}).
     * An outcome this release does not know is left out, as the view leaves it out.
     */
    private List<RecordedOutcome> outcomes(Object steps) {
        List<RecordedOutcome> outcomes = new ArrayList<>();
        if (steps instanceof List<?> stored) {
            for (Object item : stored) {
                if (item instanceof Document step && step.get("outcome") instanceof String name
                        && step.get("occurredOn") instanceof Date day) {
                    Outcome outcome = newerValues.known(Outcome.class, name, IntroductionView.COLLECTION);
                    if (outcome != null) {
                        outcomes.add(new RecordedOutcome(outcome, LocalDate.ofInstant(day.toInstant(), ZoneOffset.UTC)));
                    }
                }
            }
        }
        return outcomes;
    }

    /** Forgets everything: the next poll reads the views again whole. */
    synchronized void reset() {
        facts.clear();
        newestSeen = Long.MIN_VALUE;
        positionsSeen = List.of();
        loaded = false;
        version++;
    }
}
