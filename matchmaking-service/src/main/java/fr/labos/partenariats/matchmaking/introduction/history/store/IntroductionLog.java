package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.matchmaking.introduction.history.merkle.ConsistencyProof;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.Hash;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.InclusionProof;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleTree;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Merkle tree over every introduction event, in memory, following the leaves the history table commits (by any
 * instance of the service): it is rebuilt from the table at the first use after a start, then caught up before every
 * head and proof. The leaf order is the commit order, made dense by {@code introduction_log}'s lock.
 * <p>
 * The rebuild counts, in the same snapshot, the introduction events of the event store: each one commits with its
 * leaf, so the two agree unless rows were deleted behind the service's back (a history row: the tree stops at the hole;
 * an event: its leaf stays). A difference is logged as an error and kept in the gauge
 * {@value #UNMATCHED_EVENTS} (0 otherwise), since it is what a rewrite of the history looks like at a restart.
 */
@Component
public class IntroductionLog {

    private static final Logger LOG = LoggerFactory.getLogger(IntroductionLog.class);

    static final String UNMATCHED_EVENTS = "lab.introduction.log.unmatched.events";

    private final HistoryRepository repository;
    private final TransactionTemplate snapshot;
    private final MerkleTree tree = new MerkleTree();
    /** How far the tree rebuilt at start and the event store's introduction events differ in number: 0 unless altered. */
    private final AtomicLong unmatchedEvents = new AtomicLong();
    private boolean rebuilt;

    IntroductionLog(HistoryRepository repository, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.repository = repository;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        Gauge.builder(UNMATCHED_EVENTS, unmatchedEvents, AtomicLong::get)
                .description("How many introduction events the event store and the tree of the introductions' history "
                        + "rebuilt at start differ by (rows deleted from either table in the database); 0 unless the "
                        + "history was altered")
                .register(meters);
    }

    /** Appends the leaves committed since the last call; returns the tree's size. */
    public synchronized long catchUp() {
        if (!rebuilt) {
            rebuild();
            rebuilt = true;
            return tree.size();
        }
        repository.leavesFrom(tree.size(), tree::appendLeafHash);
        return tree.size();
    }

    /** The first catch-up: every leaf of the table, and the store's introduction events counted in the same snapshot. */
    private void rebuild() {
        long before = tree.size();
        Long events = snapshot.execute(status -> {
            repository.leavesFrom(before, tree::appendLeafHash);
            return repository.introductionEvents();
        });
        long leaves = tree.size();
        if (leaves > 0) {
            LOG.info("Arbre de l'historique des mises en relation reconstruit : {} événements", leaves);
        }
        if (events != null && events != leaves) {
            unmatchedEvents.set(Math.abs(events - leaves));
            LOG.error("L'arbre de l'historique des mises en relation reconstruit compte {} événements quand le magasin "
                    + "d'événements en compte {} : {}", leaves, events, events > leaves
                    ? "une ligne de l'historique a été supprimée dans la base (l'arbre s'arrête avant elle)"
                    : "des événements de mise en relation ont été supprimés du magasin d'événements");
        } else {
            unmatchedEvents.set(0);
        }
    }

    public synchronized TreeHead head(long treeSize, Instant at) {
        return new TreeHead(treeSize, tree.rootHash(treeSize), at);
    }

    /** MTH of the tree at a size it has reached. */
    public synchronized Hash rootHash(long treeSize) {
        return tree.rootHash(treeSize);
    }

    public synchronized Hash leafHash(long leafIndex) {
        return tree.leafHash(leafIndex);
    }

    public synchronized long size() {
        return tree.size();
    }

    /** @throws IllegalArgumentException when the leaf or size is outside the tree */
    public synchronized InclusionProof inclusionProof(long leafIndex, long treeSize) {
        return tree.inclusionProof(leafIndex, treeSize);
    }

    /** @throws IllegalArgumentException when a size is outside the tree or the first exceeds the second */
    public synchronized ConsistencyProof consistencyProof(long firstSize, long secondSize) {
        return tree.consistencyProof(firstSize, secondSize);
    }
}
