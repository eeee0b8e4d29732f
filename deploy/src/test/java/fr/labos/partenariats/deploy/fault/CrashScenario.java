package fr.labos.partenariats.deploy.fault;

import fr.labos.partenariats.deploy.fault.CrashChecker.Verdict;
import fr.labos.partenariats.deploy.fault.CrashLab.Component;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * Kills each component in turn under a steady load of writes, starts it again, and once the load is over and the
 * system quiet, compares the three views. Each kill waits until writes are flowing (so the component dies with work in
 * hand); while a consumer-side component (matchmaking-service, Kafka, MongoDB) is down, writes go on being
 * acknowledged and pile up for it.
 */
final class CrashScenario {

    /** The figures of a run. */
    record Outcome(Map<Component, Integer> kills, long unansweredWrites, Duration took, Verdict verdict) {

        String figures() {
            StringBuilder out = new StringBuilder("Crash test figures\n");
            out.append("  kills survived: ");
            kills.forEach((component, count) -> out.append(component.label()).append(' ').append(count).append(", "));
            out.setLength(out.length() - 2);
            out.append("\n  run: ").append(took.toSeconds()).append(" s; writes acknowledged ").append(verdict.acknowledgedWrites())
                    .append(", refused or unanswered ").append(unansweredWrites)
                    .append("\n  events checked: ").append(verdict.storedEvents()).append(" in the event store, ")
                    .append(verdict.topicRecords()).append(" records on the topic")
                    .append("\n  lost: ").append(verdict.lost()).append(" (event store ").append(verdict.lostFromStore().size())
                    .append(", topic ").append(verdict.lostFromTopic().size())
                    .append(", projection ").append(verdict.lostFromProjection().size())
                    .append(", index ").append(verdict.lostFromIndex().size()).append(')')
                    .append("\n  duplicated-applied: ").append(verdict.duplicatedApplied())
                    .append("\n  relay duplicates: ").append(verdict.relayDuplicates())
                    .append(verdict.harmfulDuplicates().isEmpty() ? " (same payload, projection at the store's sequence: harmless)"
                            : " (" + verdict.harmfulDuplicates().size() + " with a different payload)");
            verdict.problems().forEach(problem -> out.append("\n  PROBLEM: ").append(problem));
            return out.toString();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CrashScenario.class);
    private static final List<Component> ORDER = List.of(
            Component.PROFILE_SERVICE, Component.MATCHMAKING_SERVICE, Component.KAFKA_BROKER, Component.MONGODB);
    /** Writes acknowledged before a kill, during a consumer-side outage, and after a restart before the next kill. */
    private static final int WRITES_BETWEEN = 20;
    private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration QUIESCENCE_TIMEOUT = Duration.ofSeconds(90);
    /** The open-post gauge is recounted every second here; asking the index to rank every post takes a while. */
    private static final Duration GAUGE_TIMEOUT = Duration.ofSeconds(120);

    private final CrashLab lab;
    private final LabHttp http;
    private final int clients;
    private final Duration period;

    CrashScenario(CrashLab lab, LabHttp http, int clients, Duration period) {
        this.lab = lab;
        this.http = http;
        this.clients = clients;
        this.period = period;
    }

    /** Kills each component once per round, for at least {@code rounds} rounds and until {@code minimum} has passed. */
    Outcome run(int rounds, Duration minimum) throws Exception {
        long started = System.nanoTime();
        Map<Component, Integer> kills = new EnumMap<>(Component.class);
        PostLoad load = new PostLoad(http, lab.profileService(), clients, period);
        try {
            for (int round = 1; round <= rounds || System.nanoTime() - started < minimum.toNanos(); round++) {
                log.info("Kill round {}", round);
                for (Component component : ORDER) {
                    awaitWrites(load, WRITES_BETWEEN, "before killing " + component.label());
                    awaitFlowing(load);
                    lab.kill(component);
                    if (component != Component.PROFILE_SERVICE) {
                        awaitWrites(load, WRITES_BETWEEN, "while " + component.label() + " is down");
                    }
                    lab.restart(component);
                    kills.merge(component, 1, Integer::sum);
                }
            }
            awaitWrites(load, WRITES_BETWEEN, "after the last restart");
        } finally {
            load.close();
        }
        CrashChecker checker = new CrashChecker(lab, http);
        List<PostLoad.Acknowledged> acknowledged = load.acknowledged();
        // Quiet: the relay has sent everything and the projection has applied it. A loss never converges: then the
        // last comparison says where the views differ.
        Verdict verdict = awaitClean(checker, acknowledged, false, QUIESCENCE_TIMEOUT);
        verdict = verdict.clean() ? awaitClean(checker, acknowledged, true, GAUGE_TIMEOUT) : checker.check(acknowledged, true);
        Outcome outcome = new Outcome(kills, load.unansweredCount(), Duration.ofNanos(System.nanoTime() - started), verdict);
        log.info("{}", outcome.figures());
        System.out.println(outcome.figures());
        return outcome;
    }

    private static Verdict awaitClean(CrashChecker checker, List<PostLoad.Acknowledged> acknowledged, boolean askIndex,
                                      Duration timeout) throws Exception {
        AtomicReference<Verdict> last = new AtomicReference<>();
        try {
            await().atMost(timeout).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                last.set(checker.check(acknowledged, askIndex));
                return last.get().clean();
            });
        } catch (ConditionTimeoutException e) {
            log.warn("The views still differ after {} s: {}", timeout.toSeconds(), last.get() == null ? e : last.get().problems());
        }
        return last.get() != null ? last.get() : checker.check(acknowledged, askIndex);
    }

    /**
     * Waits until matchmaking-service ranks the post acknowledged last: writes then flow end to end, and the component
     * about to be killed has work in hand (a relay batch, consumed records, MongoDB writes not yet flushed).
     */
    private void awaitFlowing(PostLoad load) {
        PostLoad.Acknowledged post = load.latestPost().orElseThrow(() -> new IllegalStateException("No post acknowledged yet"));
        URI ranking = lab.matchmakingService().resolve((post.kind() == AggregateKind.NEED ? "/api/needs/" : "/api/offers/")
                + post.aggregateId() + "/matches?limit=1");
        await("post " + post.aggregateId() + " rankable at matchmaking-service").atMost(PROGRESS_TIMEOUT)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> http.get(ranking).statusCode() == 200);
    }

    private static void awaitWrites(PostLoad load, int writes, String when) {
        long target = load.acknowledgedCount() + writes;
        await("%d more acknowledged writes %s".formatted(writes, when)).atMost(PROGRESS_TIMEOUT)
                .pollInterval(Duration.ofMillis(200)).until(() -> load.acknowledgedCount() >= target);
    }
}
