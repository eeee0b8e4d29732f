package fr.labos.partenariats.matchmaking.engine.model;

/**
 * Inverse document frequencies of the corpus being ranked, as they stand while one ranking runs (the index answers
 * under a read lock, so they do not move during it).
 */
public interface TermStatistics {

    /** Smoothed IDF of a term, {@code ln((N + 1) / (df + 1)) + 1} over the N posts held: at least 1 for a known term. */
    double idf(int term);

    /**
     * Changes whenever any IDF may have changed, so that values computed from these statistics (a vector's norm) can
     * be reused until then; negative means "do not cache".
     */
    default long version() {
        return -1;
    }
}
