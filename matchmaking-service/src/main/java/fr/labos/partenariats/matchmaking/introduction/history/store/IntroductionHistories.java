package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.ChainVerification;
import fr.labos.partenariats.matchmaking.introduction.history.ChainVerifier;
import fr.labos.partenariats.matchmaking.introduction.history.HistoryStep;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleHashing;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * An introduction's history read back from the event store, and its verification: the chain recomputed from the
 * rows as stored, then every step checked against the leaf the in-memory tree holds for it.
 */
@Component
public class IntroductionHistories {

    private final HistoryRepository repository;
    private final IntroductionLog log;
    private final TransactionTemplate snapshot;

    IntroductionHistories(HistoryRepository repository, IntroductionLog log, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.log = log;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /**
     * An introduction's stored events, in order, and how many steps its history recorded, read in one snapshot: a
     * step committed meanwhile (an acceptance, a meeting) is in neither, so that a count read after the events cannot
     * exceed them on an untouched introduction and pass its new step off as a deleted one.
     */
    public record Snapshot(List<StoredEvent> events, long recordedSteps) {
        public Snapshot {
            events = List.copyOf(events);
        }
    }

    /** The stored events of an introduction, in order; empty when it has none. */
    public List<StoredEvent> history(String introductionId) {
        return repository.events(introductionId);
    }

    /** The events and recorded steps of an introduction, in one read-only repeatable-read transaction. */
    public Snapshot read(String introductionId) {
        return snapshot.execute(status -> {
            List<StoredEvent> events = repository.events(introductionId);
            return new Snapshot(events, repository.recordedSteps(introductionId));
        });
    }

    /** Recomputes the chain from the stored rows and names the first step that breaks. */
    public ChainVerification verify(String introductionId) {
        return verify(read(introductionId));
    }

    /** Recomputes the chain from the rows of one snapshot ({@link #read}) and names the first step that breaks. */
    public ChainVerification verify(Snapshot read) {
        List<StoredEvent> events = read.events();
        List<HistoryStep> steps = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            CanonicalEvent canonical;
            try {
                canonical = event.canonical();
            } catch (IllegalArgumentException unreadable) {
                return unreadable(steps, event, events.size());
            }
            steps.add(new HistoryStep(event.sequenceNumber(), canonical, event.hash()));
        }
        ChainVerification chain = ChainVerifier.verify(steps, read.recordedSteps());
        return chain.chainHolds() ? againstTheTree(events, steps, chain) : chain;
    }

    /**
     * A step that cannot be read is where the chain breaks unless it breaks before: a step missing, or one altered,
     * among those read before it or just before it — the first break is the one named.
     */
    private static ChainVerification unreadable(List<HistoryStep> readBefore, StoredEvent event, int stepCount) {
        ChainVerification before = ChainVerifier.verify(readBefore);
        if (!before.chainHolds()) {
            return before.ofSteps(stepCount);
        }
        if (event.sequenceNumber() != readBefore.size()) {
            return ChainVerification.missing(stepCount, readBefore.size(), event.sequenceNumber(), event.typeName());
        }
        return ChainVerification.unreadable(stepCount, event.sequenceNumber(), event.typeName());
    }

    /**
     * A chain rewritten consistently holds; but while the service runs, its tree still has the leaves it was given
     * when the events were appended (after a restart it rebuilds from the table: then only a kept head tells).
     * <p>
     * Every step read here was committed before {@code introduction_log}'s counter is read, then the tree caught up,
     * and leaves are committed in their index order (that counter's lock): a step's leaf is therefore below the
     * counter, and inside the tree unless the tree stops short of the counter at a hole (a history row deleted). A
     * step whose recorded leaf is missing or at or beyond the counter has a forged leaf index (a rewritten chain given
     * leaves of its own, past the real ones): it is not in the tree, and skipping it would let a rewritten chain hold.
     * A step between the hole and the counter is past a row of another introduction that was deleted: the tree is
     * interrupted, which is not this introduction's doing.
     */
    private ChainVerification againstTheTree(List<StoredEvent> events, List<HistoryStep> steps, ChainVerification chain) {
        long given = repository.recordedLeaves();
        long treeSize = log.catchUp();
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            Long leafIndex = event.leafIndex();
            if (leafIndex != null && leafIndex >= treeSize && leafIndex < given) {
                return ChainVerification.treeInterrupted(events.size(), event.sequenceNumber(), event.typeName(),
                        leafIndex, treeSize);
            }
            if (leafIndex == null || leafIndex < 0 || leafIndex >= treeSize) {
                return ChainVerification.outsideTheTree(events.size(), event.sequenceNumber(), event.typeName(),
                        leafIndex, treeSize);
            }
            if (!log.leafHash(leafIndex).equals(MerkleHashing.leafHash(steps.get(i).event().bytes()))) {
                return ChainVerification.notInTree(events.size(), event.sequenceNumber(), event.typeName(), leafIndex);
            }
        }
        return chain;
    }
}
