package fr.labos.partenariats.deploy.fault;

import fr.labos.partenariats.deploy.fault.CrashChecker.Verdict;
import fr.labos.partenariats.deploy.fault.CrashLab.Component;
import fr.labos.partenariats.matchmaking.introduction.history.verify.TopicAudit;
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
 * Kills each component in turn under a steady load of writes (posts at profile-service, introductions at
 * matchmaking-service), starts it again, and once the load is over and the
 * system quiet, compares the three views. Each kill waits until writes are flowing (so the component dies with work in
 * hand); while a consumer-side component (matchmaking-service, Kafka, MongoDB) is down, writes go on being
 * acknowledged and pile up for it.
 */
final class CrashScenario {

    /** The figures of a run. */
    record Outcome(Map<Component, Integer> kills, long unansweredWrites, long unansweredIntroductionWrites,
                   Map<String, Long> introductionWritesPerKind, Duration took, Duration caughtUp, Verdict verdict) {

        String figures() {
            StringBuilder out = new StringBuilder("Crash test figures\n");
            out.append("  kills survived: ");
            kills.forEach((component, count) -> out.append(component.label()).append(' ').append(count).append(", "));
            out.setLength(out.length() - 2);
            CrashChecker.Relay profile = verdict.profile();
            CrashChecker.Relay matchmaking = verdict.matchmaking();
            out.append("\n  run: ").append(took.toSeconds()).append(" s; writes acknowledged ").append(profile.acknowledgedWrites())
                    .append(", refused or unanswered ").append(unansweredWrites)
                    .append("\n  views in agreement with the stores ").append(caughtUp == null ? "never" : caughtUp.toSeconds() + " s")
                    .append(" after the last restart (checked every 2 s; the writes go on meanwhile)")
                    .append("\n  events checked: ").append(profile.storedEvents()).append(" in the event store, ")
                    .append(profile.topicRecords()).append(" records on the topic")
                    .append("\n  introductions (matchmaking-service's relay): writes acknowledged ")
                    .append(matchmaking.acknowledgedWrites()).append(' ').append(introductionWritesPerKind)
                    .append(", refused or unanswered ").append(unansweredIntroductionWrites)
                    .append("; ").append(matchmaking.storedEvents()).append(" events in its store, ")
                    .append(matchmaking.topicRecords()).append(" records on lab.matchmaking.events")
                    .append("\n  lost: ").append(verdict.lost()).append(" (event store ").append(profile.lostFromStore().size())
                    .append(", topic ").append(profile.lostFromTopic().size())
                    .append(", introductions' store ").append(matchmaking.lostFromStore().size())
                    .append(", introductions' topic ").append(matchmaking.lostFromTopic().size())
                    .append(", projection ").append(verdict.lostFromProjection().size())
                    .append(", index ").append(verdict.lostFromIndex().size()).append(')')
                    .append("\n  duplicated-applied: ").append(verdict.duplicatedApplied())
                    .append("\n  relay duplicates: ").append(profile.duplicates()).append(" and ").append(matchmaking.duplicates())
                    .append(profile.harmfulDuplicates().isEmpty() && matchmaking.harmfulDuplicates().isEmpty()
                            ? " (same payload, projection at the store's sequence: harmless)"
                            : " (" + (profile.harmfulDuplicates().size() + matchmaking.harmfulDuplicates().size())
                            + " with a different payload)");
            TopicAudit.Verdict history = verdict.history();
            out.append("\n  introductions' history audited from lab.matchmaking.events: ").append(history.introductionEvents())
                    .append(" events of ").append(history.introductions()).append(" introductions, ")
                    .append(history.headsChecked()).append(" signed heads recomputed (largest ")
                    .append(history.largestHead()).append(" events), ").append(history.repeated())
                    .append(" records repeated, ").append(history.problems().size()).append(" problems");
            verdict.problems().forEach(problem -> out.append("\n  PROBLEM: ").append(problem));
            return out.toString();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CrashScenario.class);
    private static final List<Component> ORDER = List.of(
            Component.PROFILE_SERVICE, Component.MATCHMAKING_SERVICE, Component.KAFKA_BROKER, Component.MONGODB);
    /** Writes acknowledged before a kill, during a consumer-side outage, and after a restart before the next kill. */
    private static final int WRITES_BETWEEN = 20;
    /** Introduction writes acknowledged before matchmaking-service or the broker is killed, and while the broker is down. */
    private static final int INTRODUCTION_WRITES_BETWEEN = 3;
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
        long lastRestart;
        Map<Component, Integer> kills = new EnumMap<>(Component.class);
        PostLoad load = new PostLoad(http, lab.profileService(), clients, period);
        IntroductionLoad introductions = new IntroductionLoad(http, lab.matchmakingService(), load::actors, period);
        try {
            for (int round = 1; round <= rounds || System.nanoTime() - started < minimum.toNanos(); round++) {
                log.info("Kill round {}", round);
                for (Component component : ORDER) {
                    awaitWrites(load, WRITES_BETWEEN, "before killing " + component.label());
                    awaitFlowing(load);
                    if (component == Component.MATCHMAKING_SERVICE || component == Component.KAFKA_BROKER) {
                        // matchmaking-service's relay dies, or loses its broker, with introductions to send.
                        awaitIntroductionWrites(introductions, "before killing " + component.label());
                    }
                    lab.kill(component);
                    if (component != Component.PROFILE_SERVICE) {
                        awaitWrites(load, WRITES_BETWEEN, "while " + component.label() + " is down");
                    }
                    if (component == Component.KAFKA_BROKER) {
                        // Acknowledged while the relay cannot send them: they must reach the topic after the restart.
                        awaitIntroductionWrites(introductions, "while the Kafka broker is down");
                    }
                    lab.restart(component);
                    kills.merge(component, 1, Integer::sum);
                }
            }
            lastRestart = System.nanoTime();
            awaitWrites(load, WRITES_BETWEEN, "after the last restart");
        } finally {
            introductions.close();
            load.close();
        }
        CrashChecker checker = new CrashChecker(lab, http);
        List<PostLoad.Acknowledged> acknowledged = load.acknowledged();
        Map<String, Long> introduced = introductions.acknowledgedPerIntroduction();
        // Quiet: the relay has sent everything and the projection has applied it. A loss never converges: then the
        // last comparison says where the views differ.
        Verdict verdict = awaitClean(checker, acknowledged, introduced, false, QUIESCENCE_TIMEOUT);
        Duration caughtUp = verdict.clean() ? Duration.ofNanos(System.nanoTime() - lastRestart) : null;
        verdict = verdict.clean() ? awaitClean(checker, acknowledged, introduced, true, GAUGE_TIMEOUT)
                : checker.check(acknowledged, introduced, true);
        Outcome outcome = new Outcome(kills, load.unansweredCount(), introductions.unansweredCount(),
                introductions.acknowledgedPerKind(), Duration.ofNanos(System.nanoTime() - started), caughtUp, verdict);
        log.info("{}", outcome.figures());
        System.out.println(outcome.figures());
        return outcome;
    }

    private static Verdict awaitClean(CrashChecker checker, List<PostLoad.Acknowledged> acknowledged,
                                      Map<String, Long> introduced, boolean askIndex, Duration timeout) throws Exception {
        AtomicReference<Verdict> last = new AtomicReference<>();
        try {
            await().atMost(timeout).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                last.set(checker.check(acknowledged, introduced, askIndex));
                return last.get().clean();
            });
        } catch (ConditionTimeoutException e) {
            log.warn("The views still differ after {} s: {}", timeout.toSeconds(), last.get() == null ? e : last.get().problems());
        }
        return last.get() != null ? last.get() : checker.check(acknowledged, introduced, askIndex);
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

    private static void awaitIntroductionWrites(IntroductionLoad introductions, String when) {
        long target = introductions.acknowledgedCount() + INTRODUCTION_WRITES_BETWEEN;
        await("%d more acknowledged introduction writes %s".formatted(INTRODUCTION_WRITES_BETWEEN, when))
                .atMost(PROGRESS_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> introductions.acknowledgedCount() >= target);
    }

    private static void awaitWrites(PostLoad load, int writes, String when) {
        long target = load.acknowledgedCount() + writes;
        await("%d more acknowledged writes %s".formatted(writes, when)).atMost(PROGRESS_TIMEOUT)
                .pollInterval(Duration.ofMillis(200)).until(() -> load.acknowledgedCount() >= target);
    }
}
