package fr.labos.partenariats.matchmaking.projection;

import fr.labos.partenariats.schema.common.LabCalendar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * What a lab charts about the projection: events by type and outcome ({@code lab.projection.events}), how far behind
 * the producer it is ({@code lab.projection.lag}, seconds), and how many needs and offers are open
 * ({@code lab.projection.open.posts}, tag {@code kind}).
 */
@Component
public class ProjectionMetrics {

    public static final String EVENTS = "lab.projection.events";
    public static final String LAG = "lab.projection.lag";
    public static final String OPEN_POSTS = "lab.projection.open.posts";

    private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);
    // Type names come from a header: keep arbitrary values of a broken producer out of the tag set.
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicReference<Double> lastLag = new AtomicReference<>();
    private final Map<PostKind, AtomicReference<Double>> openPosts = new EnumMap<>(PostKind.class);
    private final ProjectionReader reader;

    public ProjectionMetrics(MeterRegistry registry, Clock clock, ProjectionReader reader) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder(LAG, this, ProjectionMetrics::lagSeconds)
                .description("Seconds between the producer timestamp of the last applied event and its application"
                        + " (NaN before the first)")
                .baseUnit("seconds")
                .register(registry);
        this.reader = reader;
        for (PostKind kind : PostKind.values()) {
            AtomicReference<Double> count = new AtomicReference<>(Double.NaN);
            openPosts.put(kind, count);
            Gauge.builder(OPEN_POSTS, count, AtomicReference::get)
                    .description("Posts standing and not expired in the matching projection (NaN until first counted)")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    /**
     * Counts open posts in the background rather than at scrape time, so that a scrape stays fast when MongoDB is slow
     * or away (the health endpoint reports that).
     */
    @Scheduled(fixedDelayString = "${matchmaking.metrics.open-posts-refresh:15s}", initialDelay = 0)
    void refreshOpenPosts() {
        for (PostKind kind : PostKind.values()) {
            openPosts.get(kind).set(countOrNaN(reader, kind));
        }
    }

    /** Counts one consumed record; an applied event also moves the lag reference. */
    public void record(String type, EventOutcome outcome, Instant eventTimestamp) {
        Counter.builder(EVENTS)
                .description("Profile events consumed by the matching projection, by type and outcome")
                .tag("type", type != null && TYPE_NAME.matcher(type).matches() ? type : "invalid")
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
        if (outcome == EventOutcome.APPLIED && eventTimestamp != null) {
            lastLag.set(Duration.between(eventTimestamp, clock.instant()).toMillis() / 1000.0);
        }
    }

    /** Total of {@code lab.projection.events} for one outcome, all types. */
    public double count(EventOutcome outcome) {
        return registry.find(EVENTS).tag("outcome", outcome.tag()).counters().stream().mapToDouble(Counter::count).sum();
    }

    /**
     * How late the last applied event was applied: what a reader of the rankings waits for a change to show. It does
     * not grow while nothing happens (a quiet night is not a lag); a partition that stops moving while records wait
     * shows in the Kafka consumer's own {@code kafka_consumer_fetch_manager_records_lag_max}.
     */
    double lagSeconds() {
        Double last = lastLag.get();
        return last == null ? Double.NaN : last;
    }

    private double countOrNaN(ProjectionReader reader, PostKind kind) {
        try {
            return reader.countOpen(kind, LabCalendar.today(clock));
        } catch (RuntimeException e) {
            // A scrape must not fail because MongoDB is down; the health endpoint says so.
            log.debug("Cannot count open {} for the gauge", kind.collection(), e);
            return Double.NaN;
        }
    }
}
