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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Merkle tree over every introduction event, in memory, following the leaves the history table commits (by any
 * instance of the service): it is rebuilt from the table at the first use after a start, then caught up before every
 * head and proof. The leaf order is the commit order, made dense by {@code introduction_log}'s lock.
 * <p>
 * After the rebuild, and apart from it, the introduction events of the event store are counted against the tree: each
 * one commits with its leaf and {@code introduction_log}'s increment, so the count and that counter, read in one
 * snapshot, agree, and the tree caught up after that snapshot holds every leaf the counter gives, unless rows were
 * deleted behind the service's back (a history row: the tree stops at the hole; an event: its leaf stays). A
 * difference is logged as an error and kept in the gauge {@value #UNMATCHED_EVENTS} (0 otherwise), since it is what
 * a rewrite of the history looks like at a restart. That count is a diagnostic only: it runs once the tree serves,
 * and again at every publishing period, on a thread of its own (an error is logged when the difference changes, not
 * at every count while it lasts), and when it fails (a slow database past the socket timeout) it is logged as a
 * warning and the gauge is left at NaN; the tree, its heads and proofs never wait for it.
 * <p>
 * While the service runs, a catch-up reads on from the tree's end and never sees a row deleted below it: the tree
 * would keep that leaf, and heads be signed over it, until a restart. So at every publishing period ({@link
 * #recheck}) the table is checked to still hold every leaf of the tree, the tree is rebuilt from it when it does
 * not (it then stops at the hole, as after a restart, and the heads stop with it), and the events are counted again.
 */
@Component
public class IntroductionLog {

    private static final Logger LOG = LoggerFactory.getLogger(IntroductionLog.class);

    static final String UNMATCHED_EVENTS = "lab.introduction.log.unmatched.events";

    private final HistoryRepository repository;
    private final TransactionTemplate snapshot;
    /** Replaced, under this object's lock, when rows it holds were deleted from the table ({@link #recheck}). */
    private MerkleTree tree = new MerkleTree();
    /**
     * How far the event store's introduction events and the tree differ in number: 0 unless altered, NaN until they
     * were counted (or when counting them failed).
     */
    private final AtomicReference<Double> unmatchedEvents = new AtomicReference<>(Double.NaN);
    /** Where the events are counted against the tree after the rebuild, away from the tree's lock and its callers. */
    private final Executor diagnostics;
    private boolean rebuilt;
    private final AtomicBoolean counting = new AtomicBoolean();

    @Autowired
    IntroductionLog(HistoryRepository repository, PlatformTransactionManager transactions, MeterRegistry meters) {
        // Each count on a thread of its own that ends with it (one at start, then one per head period at most), not a
        // pool left idle for the service's life.
        this(repository, transactions, meters, count -> {
            Thread thread = new Thread(count, "introduction-log-count");
            thread.setDaemon(true);
            thread.start();
        });
    }

    IntroductionLog(HistoryRepository repository, PlatformTransactionManager transactions, MeterRegistry meters,
                    Executor diagnostics) {
        this.repository = repository;
        this.diagnostics = diagnostics;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        Gauge.builder(UNMATCHED_EVENTS, unmatchedEvents, AtomicReference::get)
                .description("How many introduction events the event store and the tree of the introductions' history "
                        + "differ by, counted at start and at every head period (rows deleted from either table in the "
                        + "database); 0 unless the history was altered")
                .register(meters);
    }

    /** Appends the leaves committed since the last call; returns the tree's size. */
    public long catchUp() {
        boolean first;
        long size;
        synchronized (this) {
            first = !rebuilt;
            if (first) {
                rebuild();
            } else {
                repository.leavesFrom(tree.size(), tree::appendLeafHash);
            }
            size = tree.size();
        }
        if (first) {
            countEventsLater();
        }
        return size;
    }

    /** The first catch-up: every leaf of the table. The tree serves from now on, whatever the count of events gives. */
    private void rebuild() {
        snapshot.executeWithoutResult(status -> repository.leavesFrom(tree.size(), tree::appendLeafHash));
        rebuilt = true;
        if (tree.size() > 0) {
            LOG.info("Arbre de l'historique des mises en relation reconstruit : {} événements", tree.size());
        }
    }

    private void countEventsLater() {
        // A count still running (a slow database) is not joined by another: the next period counts again.
        if (!counting.compareAndSet(false, true)) {
            return;
        }
        try {
            diagnostics.execute(() -> {
                try {
                    countEvents();
                } finally {
                    counting.set(false);
                }
            });
        } catch (RuntimeException refused) {
            counting.set(false);
            LOG.warn("Événements de mise en relation non comptés face à l'arbre : {}", refused.toString());
        }
    }

    /**
     * Run before each periodic head: checks that the table still holds a row for every leaf of the tree, rebuilds the
     * tree from the table when it does not, then counts the events against it. Never throws: a failed check is logged
     * as a warning and the tree serves as it is.
     */
    void recheck() {
        long size;
        synchronized (this) {
            if (!rebuilt) {
                // The first catch-up rebuilds the tree from the table and counts the events itself.
                return;
            }
            size = tree.size();
        }
        try {
            long rows = repository.leavesBelow(size);
            if (rows < size) {
                LOG.error("Lignes de l'historique des mises en relation supprimées dans la base : la table ne compte "
                        + "plus que {} des {} feuilles de l'arbre. L'arbre est reconstruit à partir d'elle, comme au "
                        + "démarrage : il s'arrête avant la première ligne manquante", rows, size);
                synchronized (this) {
                    tree = new MerkleTree();
                    rebuilt = false;
                    rebuild();
                }
            }
        } catch (RuntimeException failed) {
            LOG.warn("Feuilles de l'arbre de l'historique non vérifiées dans la table (l'arbre sert tel quel) : {}",
                    failed.toString());
        }
        // On the diagnostics' thread, as at start: a slow count never holds the head back.
        countEventsLater();
    }

    /**
     * Counts the store's introduction events and reads {@code introduction_log}'s counter in one snapshot, then
     * catches the tree up: it then holds every leaf that counter gives, unless it stops at a hole. Never throws.
     */
    void countEvents() {
        try {
            long[] counted = snapshot.execute(status ->
                    new long[]{repository.introductionEvents(), repository.recordedLeaves()});
            long events = counted[0];
            long recorded = counted[1];
            long leaves = Math.min(catchUp(), recorded);
            double difference = Math.abs(events - leaves);
            // Said when it changes, not at every period while it lasts: the gauge keeps it.
            if (events != leaves && !Objects.equals(unmatchedEvents.getAndSet(difference), difference)) {
                LOG.error("L'arbre de l'historique des mises en relation compte {} événements quand le magasin "
                        + "d'événements en compte {} : {}", leaves, events, events > leaves
                        ? "une ligne de l'historique a été supprimée dans la base (l'arbre s'arrête avant elle)"
                        : "des événements de mise en relation ont été supprimés du magasin d'événements");
            } else if (events == leaves) {
                unmatchedEvents.set(0.0);
            }
        } catch (RuntimeException failed) {
            unmatchedEvents.set(Double.NaN);
            LOG.warn("Événements de mise en relation non comptés face à l'arbre (l'arbre sert sans ce contrôle) : {}",
                    failed.toString());
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
