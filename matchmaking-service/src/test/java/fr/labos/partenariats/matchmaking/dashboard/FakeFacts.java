package fr.labos.partenariats.matchmaking.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facts held in memory for unit tests, no MongoDB: {@link #put} changes them at once (as a poll in progress does),
 * {@link #arrive} queues them for the next {@link #poll()} (what the scheduled {@link #refresh()} runs).
 */
final class FakeFacts extends DashboardFacts {

    private final Map<String, IntroductionFact> facts = new ConcurrentHashMap<>();
    private final List<IntroductionFact> arriving = new ArrayList<>();
    private volatile long version;

    FakeFacts(Clock clock) {
        super(null, clock, Duration.ZERO);
    }

    @Override
    Collection<IntroductionFact> all() {
        return facts.values();
    }

    @Override
    long version() {
        return version;
    }

    synchronized void put(IntroductionFact fact) {
        facts.put(fact.id(), fact);
        version++;
    }

    synchronized void clear() {
        facts.clear();
        version++;
    }

    synchronized void arrive(IntroductionFact fact) {
        arriving.add(fact);
    }

    @Override
    synchronized void poll() {
        if (!arriving.isEmpty()) {
            arriving.forEach(fact -> facts.put(fact.id(), fact));
            arriving.clear();
            version++;
        }
    }
}
