package fr.labos.partenariats.matchmaking.matching.exclusion;

import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The pairs of actors the matcher leaves out because of their introductions, built from the introduction events
 * alone (in memory, by every instance from the whole topic, so that all give the same answers). One introduction
 * sets its pair aside:
 * <ul>
 *   <li>while it is open: proposed and waiting for answers ({@link ExclusionReason#OPEN_INTRODUCTION});</li>
 *   <li>once both sides accepted, until an outcome closes it ({@link ExclusionReason#INTRODUCED}); the outcome that
 *   happened last decides ({@link LatestOutcome}): {@code FOLLOW_UP_PLANNED} keeps it so, {@code PARTNERSHIP_FORMED}
 *   makes it {@link ExclusionReason#PARTNERS}, {@code NO_FIT} and {@code PARTNERSHIP_ENDED} free the pair — unless
 *   another partnership formed through the introduction is still in force, which keeps it {@code PARTNERS};</li>
 *   <li>for good when a side declined it as {@code COMPETITOR} or {@code ALREADY_PARTNERS}.</li>
 * </ul>
 * An introduction that expired, was withdrawn, or was declined for another reason ({@code NOT_NOW},
 * {@code NOT_RELEVANT}, {@code OTHER}) frees the pair. A pair is set aside while any of its introductions sets it
 * aside, with the most lasting reason. Events of an introduction apply once, in its sequence order: a redelivered or
 * older step is ignored. Thread-safe.
 */
public final class IntroducedPairs implements PairExclusions {

    /** A pair set aside: why, and the introduction that says so. */
    public record SetAside(ExclusionReason reason, String introductionId) {
    }

    private enum Stage { PROPOSED, ACCEPTED, CLOSED }

    private static final class Introduction {
        final String id;
        final String actorId;
        final String partnerId;
        final Instant proposedAt;
        long sequence;
        Stage stage = Stage.PROPOSED;
        ExclusionReason lasting;
        /** Its outcomes so far: partnerships formed and not ended (it may lead to several), the one that prevails. */
        final LatestOutcome.Standing outcomes = new LatestOutcome.Standing();

        Introduction(String id, String actorId, String partnerId, long sequence, Instant proposedAt) {
            this.id = id;
            this.proposedAt = proposedAt;
            this.actorId = actorId;
            this.partnerId = partnerId;
            this.sequence = sequence;
        }

        ExclusionReason reason() {
            if (lasting != null) {
                return lasting;
            }
            return switch (stage) {
                case PROPOSED -> ExclusionReason.OPEN_INTRODUCTION;
                case CLOSED -> null;
                case ACCEPTED -> LatestOutcome.partners(outcomes.partnershipsInForce(), outcomes.latest())
                        ? ExclusionReason.PARTNERS
                        : outcomes.carriesOn() ? ExclusionReason.INTRODUCED
                        : null;
            };
        }
    }

    /**
     * Proposed last: by the proposal's instant, then its id. Never by the order the events arrived in: an instance
     * rebuilding from the topic reads one partition after another, and two introductions of a pair, on different
     * partitions, come back in either order; every instance, after every restart, must name the same one.
     */
    private static final Comparator<Introduction> PROPOSED_LAST =
            Comparator.comparing((Introduction introduction) -> introduction.proposedAt).thenComparing(introduction -> introduction.id);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Introduction> introductions = new HashMap<>();
    /** Introductions by unordered pair of actors. */
    private final Map<Set<String>, Set<Introduction>> byPair = new HashMap<>();
    /** The pairs set aside, both ways: actor → partner → why. */
    private final Map<String, Map<String, SetAside>> setAside = new HashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    /**
     * Applies one step of an introduction, at its sequence number in that introduction; other event types and steps
     * already applied are ignored. A step of an introduction whose proposal never arrived is ignored too.
     */
    public void apply(String introductionId, long sequence, Object event) {
        lock.writeLock().lock();
        try {
            Introduction introduction = introductions.get(introductionId);
            if (event instanceof IntroductionProposedEvent proposed) {
                if (introduction == null && !proposed.actorId().equals(proposed.partnerActorId())) {
                    introduction = new Introduction(introductionId, proposed.actorId(), proposed.partnerActorId(), sequence,
                            proposed.proposedAt() != null ? proposed.proposedAt() : Instant.EPOCH);
                    introductions.put(introductionId, introduction);
                    byPair.computeIfAbsent(pair(introduction), key -> new HashSet<>()).add(introduction);
                    refresh(introduction);
                }
                return;
            }
            if (introduction == null || sequence <= introduction.sequence || !step(introduction, event)) {
                return;
            }
            introduction.sequence = sequence;
            refresh(introduction);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Changes the introduction's state for a step that matters here; false for any other event. */
    private static boolean step(Introduction introduction, Object event) {
        if (event instanceof IntroductionAcceptedEvent accepted) {
            if (accepted.bothSidesAccepted()) {
                introduction.stage = Stage.ACCEPTED;
            }
        } else if (event instanceof IntroductionDeclinedEvent declined) {
            introduction.stage = Stage.CLOSED;
            introduction.lasting = ExclusionReason.ofDecline(declined.reason());
        } else if (event instanceof IntroductionExpiredEvent || event instanceof IntroductionWithdrawnEvent) {
            introduction.stage = Stage.CLOSED;
        } else if (event instanceof OutcomeRecordedEvent outcome) {
            introduction.outcomes.record(outcome.outcome(), outcome.occurredOn());
        } else {
            return false;
        }
        return true;
    }

    /**
     * Recomputes the pair of this introduction from all of the pair's introductions: the most lasting reason, and of
     * two introductions giving it, the one proposed last (never the one a hash set happens to give first: every
     * instance names the same introduction).
     */
    private void refresh(Introduction changed) {
        // The reasons are declared from the most lasting down: the strongest is the one of least ordinal.
        SetAside strongest = byPair.get(pair(changed)).stream()
                .filter(introduction -> introduction.reason() != null)
                .max(Comparator.comparing(Introduction::reason, Comparator.<ExclusionReason>reverseOrder())
                        .thenComparing(PROPOSED_LAST))
                .map(introduction -> new SetAside(introduction.reason(), introduction.id))
                .orElse(null);
        put(changed.actorId, changed.partnerId, strongest);
        put(changed.partnerId, changed.actorId, strongest);
    }

    private void put(String actorId, String partnerId, SetAside why) {
        if (why == null) {
            Map<String, SetAside> partners = setAside.get(actorId);
            if (partners != null) {
                partners.remove(partnerId);
                if (partners.isEmpty()) {
                    setAside.remove(actorId);
                }
            }
        } else {
            setAside.computeIfAbsent(actorId, key -> new HashMap<>()).put(partnerId, why);
        }
    }

    private static Set<String> pair(Introduction introduction) {
        return Set.of(introduction.actorId, introduction.partnerId);
    }

    @Override
    public Set<String> excludedPartnersOf(String actorId) {
        lock.readLock().lock();
        try {
            Map<String, SetAside> partners = setAside.get(actorId);
            return partners == null ? Set.of() : Set.copyOf(partners.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The pairs set aside for a lasting reason only (declined as competitor or as already partners, or partners
     * through an introduction), without those an open or accepted introduction sets aside for now. A speed-meeting
     * session seats the latter: meeting at a table is a way of carrying an introduction on, not of repeating it.
     */
    public PairExclusions lasting() {
        return actorId -> {
            lock.readLock().lock();
            try {
                Set<String> partners = new HashSet<>();
                setAside.getOrDefault(actorId, Map.of()).forEach((partnerId, why) -> {
                    if (LASTING.contains(why.reason())) {
                        partners.add(partnerId);
                    }
                });
                return Set.copyOf(partners);
            } finally {
                lock.readLock().unlock();
            }
        };
    }

    private static final Set<ExclusionReason> LASTING = EnumSet.of(ExclusionReason.DECLINED_COMPETITOR,
            ExclusionReason.DECLINED_ALREADY_PARTNERS, ExclusionReason.PARTNERS);

    /** Why the pair is set aside, if it is. */
    public Optional<SetAside> between(String actorId, String partnerId) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(setAside.getOrDefault(actorId, Map.of()).get(partnerId));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The introduction of this pair still in progress, if any: waiting for its answers, or accepted by both sides
     * and not closed by an outcome (none yet, or the latest {@code FOLLOW_UP_PLANNED}); a declined one, even for a
     * lasting reason, is not. The latest proposed when several are.
     */
    public Optional<String> inProgressBetween(String actorId, String partnerId) {
        return inProgress(actorId, partnerId).map(SetAside::introductionId);
    }

    /** As {@link #inProgressBetween}, with the stage it is at ({@code OPEN_INTRODUCTION} or {@code INTRODUCED}). */
    public Optional<SetAside> inProgress(String actorId, String partnerId) {
        if (actorId.equals(partnerId)) {
            return Optional.empty();
        }
        lock.readLock().lock();
        try {
            return byPair.getOrDefault(Set.of(actorId, partnerId), Set.of()).stream()
                    .filter(introduction -> introduction.reason() == ExclusionReason.OPEN_INTRODUCTION
                            || introduction.reason() == ExclusionReason.INTRODUCED)
                    .max(PROPOSED_LAST)
                    .map(introduction -> new SetAside(introduction.reason(), introduction.id));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The ids of every introduction of this pair, whatever became of them, in id order (the same on every instance). */
    public List<String> introductionsBetween(String actorId, String partnerId) {
        if (actorId.equals(partnerId)) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            return byPair.getOrDefault(Set.of(actorId, partnerId), Set.of()).stream()
                    .map(introduction -> introduction.id).sorted().toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many introductions are known, for the benchmark and health. */
    public int introductionCount() {
        lock.readLock().lock();
        try {
            return introductions.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------------------------------------ readiness

    /** The topic has been read up to where it ended when this instance started: answers are everyone's answers. */
    void markCaughtUp() {
        caughtUp.countDown();
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits up to {@code timeout} to have caught up; false if it still has not. */
    public boolean awaitCaughtUp(Duration timeout) {
        try {
            return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
