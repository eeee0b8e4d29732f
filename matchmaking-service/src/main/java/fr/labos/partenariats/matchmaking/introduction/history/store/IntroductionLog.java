package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.matchmaking.introduction.history.merkle.ConsistencyProof;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.Hash;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.InclusionProof;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleTree;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The Merkle tree over every introduction event, in memory, following the leaves the history table commits (by any
 * instance of the service): it is rebuilt from the table at the first use after a start, then caught up before every
 * head and proof. The leaf order is the commit order, made dense by {@code introduction_log}'s lock.
 */
@Component
public class IntroductionLog {

    private static final Logger LOG = LoggerFactory.getLogger(IntroductionLog.class);

    private final HistoryRepository repository;
    private final MerkleTree tree = new MerkleTree();

    IntroductionLog(HistoryRepository repository) {
        this.repository = repository;
    }

    /** Appends the leaves committed since the last call; returns the tree's size. */
    public synchronized long catchUp() {
        long before = tree.size();
        repository.leavesFrom(before, tree::appendLeafHash);
        if (before == 0 && tree.size() > 0) {
            LOG.info("Arbre de l'historique des mises en relation reconstruit : {} événements", tree.size());
        }
        return tree.size();
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
