package fr.labos.partenariats.matchmaking.session.pairs;

import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The {@link EarlierMeetings} of every session: who met whom, and in which sessions, from the
 * {@link SessionMeetingHeldEvent}s read back from {@code lab.matchmaking.events} (by every instance, from the whole
 * topic, with the introduced pairs, so that all instances plan alike). Only meetings held count: a pair scheduled in a
 * round that never started did not meet. Applying a meeting twice (a redelivery) changes nothing. Thread-safe.
 */
public final class MeetingsHeldInSessions implements EarlierMeetings {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** actor → partner met → the sessions where they met. */
    private final Map<String, Map<String, Set<String>>> met = new HashMap<>();

    public void apply(SessionMeetingHeldEvent held) {
        if (held.sessionId() == null || held.actorId() == null || held.partnerActorId() == null
                || held.actorId().equals(held.partnerActorId())) {
            return;
        }
        lock.writeLock().lock();
        try {
            record(held.actorId(), held.partnerActorId(), held.sessionId());
            record(held.partnerActorId(), held.actorId(), held.sessionId());
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void record(String actorId, String partnerId, String sessionId) {
        met.computeIfAbsent(actorId, key -> new HashMap<>()).computeIfAbsent(partnerId, key -> new HashSet<>(2))
                .add(sessionId);
    }

    @Override
    public Set<String> metBefore(String sessionId, String actorId) {
        lock.readLock().lock();
        try {
            Set<String> partners = new HashSet<>();
            met.getOrDefault(actorId, Map.of()).forEach((partnerId, sessions) -> {
                if (sessions.size() > 1 || !sessions.contains(sessionId)) {
                    partners.add(partnerId);
                }
            });
            return Set.copyOf(partners);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many pairs met in some session, for health and benchmarks. */
    public int pairCount() {
        lock.readLock().lock();
        try {
            return met.values().stream().mapToInt(Map::size).sum() / 2;
        } finally {
            lock.readLock().unlock();
        }
    }
}
