package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.ChainVerification;
import fr.labos.partenariats.matchmaking.introduction.history.ChainVerifier;
import fr.labos.partenariats.matchmaking.introduction.history.HistoryStep;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleHashing;
import org.springframework.stereotype.Component;

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

    IntroductionHistories(HistoryRepository repository, IntroductionLog log) {
        this.repository = repository;
        this.log = log;
    }

    /** The stored events of an introduction, in order; empty when it has none. */
    public List<StoredEvent> history(String introductionId) {
        return repository.events(introductionId);
    }

    /** Recomputes the chain from the stored rows and names the first step that breaks. */
    public ChainVerification verify(String introductionId) {
        List<StoredEvent> events = repository.events(introductionId);
        List<HistoryStep> steps = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            CanonicalEvent canonical;
            try {
                canonical = event.canonical();
            } catch (IllegalArgumentException unreadable) {
                return ChainVerification.unreadable(events.size(), event.sequenceNumber(), event.typeName());
            }
            steps.add(new HistoryStep(event.sequenceNumber(), canonical, event.hash()));
        }
        ChainVerification chain = ChainVerifier.verify(steps, repository.recordedSteps(introductionId));
        return chain.chainHolds() ? againstTheTree(events, steps, chain) : chain;
    }

    /**
     * A chain rewritten consistently holds; but while the service runs, its tree still has the leaves it was given
     * when the events were appended (after a restart it rebuilds from the table: then only a kept head tells).
     */
    private ChainVerification againstTheTree(List<StoredEvent> events, List<HistoryStep> steps, ChainVerification chain) {
        long treeSize = log.catchUp();
        for (int i = 0; i < events.size(); i++) {
            Long leafIndex = events.get(i).leafIndex();
            if (leafIndex != null && leafIndex < treeSize
                    && !log.leafHash(leafIndex).equals(MerkleHashing.leafHash(steps.get(i).event().bytes()))) {
                return ChainVerification.notInTree(events.size(), events.get(i).sequenceNumber(),
                        events.get(i).typeName(), leafIndex);
            }
        }
        return chain;
    }
}
