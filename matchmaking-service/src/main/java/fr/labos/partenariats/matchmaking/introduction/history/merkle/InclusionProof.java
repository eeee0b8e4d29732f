package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import java.util.List;

/** RFC 9162 §2.1.3: the audit path that proves the leaf at {@code leafIndex} is in the tree of {@code treeSize}. */
public record InclusionProof(long leafIndex, long treeSize, List<Hash> path) {

    public InclusionProof {
        path = List.copyOf(path);
    }
}
