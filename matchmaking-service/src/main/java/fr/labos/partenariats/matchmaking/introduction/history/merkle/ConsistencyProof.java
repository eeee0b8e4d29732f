package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import java.util.List;

/**
 * RFC 9162 §2.1.4: the nodes that prove the tree of {@code secondSize} leaves extends the tree of
 * {@code firstSize} leaves, i.e. that nothing recorded in the earlier tree was changed or removed since.
 */
public record ConsistencyProof(long firstSize, long secondSize, List<Hash> path) {

    public ConsistencyProof {
        path = List.copyOf(path);
    }
}
