package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.TermStatistics;
import fr.labos.partenariats.matchmaking.engine.model.TermVector;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The index's vocabulary: an id for every stem ever seen, and the document frequencies of the open posts from which
 * IDF is computed at query time.
 *
 * <p>Ids are handed out concurrently (texts are analysed outside the index's lock); the frequencies are changed only
 * under the index's write lock and read under its read lock. {@code ln(df + 1)} is kept per term and updated with it,
 * so that IDF at query time is one subtraction: {@code idf = ln(N + 1) + 1 - ln(df + 1)}. Stems whose frequency falls
 * back to 0 keep their id (a few bytes each); the vocabulary of a lab's posts grows slowly.
 */
final class TermDictionary {

    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private int[] documentFrequency = new int[1024];
    private double[] lnDocumentFrequencyPlusOne = new double[1024];
    private int documents;
    /** Bumped by every change of the frequencies, so that norms computed from them can be cached until the next. */
    private long version;

    /** The term vector of analysed text, giving new stems their ids. Thread-safe. */
    TermVector vectorOf(SortedMap<String, Integer> stems) {
        if (stems.isEmpty()) {
            return TermVector.EMPTY;
        }
        Map<Integer, Integer> counts = new HashMap<>(stems.size() * 2);
        stems.forEach((stem, count) -> counts.put(ids.computeIfAbsent(stem, s -> nextId.getAndIncrement()), count));
        return TermVector.of(counts);
    }

    /** Counts a post's terms in (under the index's write lock). */
    void add(TermVector vector) {
        version++;
        documents++;
        int[] terms = vector.terms();
        ensureCapacity(terms.length == 0 ? 0 : terms[terms.length - 1]);
        for (int term : terms) {
            set(term, documentFrequency[term] + 1);
        }
    }

    /** Counts a post's terms out (under the index's write lock). */
    void remove(TermVector vector) {
        version++;
        documents--;
        for (int term : vector.terms()) {
            set(term, documentFrequency[term] - 1);
        }
    }

    void clear() {
        version++;
        documents = 0;
        Arrays.fill(documentFrequency, 0);
        Arrays.fill(lnDocumentFrequencyPlusOne, 0);
    }

    /** IDF as it stands (under the index's read lock, so it holds still for the whole ranking). */
    TermStatistics statistics() {
        double lnDocumentsPlusOnePlusOne = StrictMath.log(documents + 1.0) + 1;
        double[] lnDf = lnDocumentFrequencyPlusOne;
        long current = version;
        return new TermStatistics() {
            @Override
            public double idf(int term) {
                return lnDocumentsPlusOnePlusOne - lnDf[term];
            }

            @Override
            public long version() {
                return current;
            }
        };
    }

    int vocabularySize() {
        return nextId.get();
    }

    int documents() {
        return documents;
    }

    private void set(int term, int frequency) {
        documentFrequency[term] = frequency;
        lnDocumentFrequencyPlusOne[term] = StrictMath.log(frequency + 1.0);
    }

    private void ensureCapacity(int maxTerm) {
        if (maxTerm >= documentFrequency.length) {
            int capacity = Math.max(maxTerm + 1, documentFrequency.length * 2);
            documentFrequency = Arrays.copyOf(documentFrequency, capacity);
            lnDocumentFrequencyPlusOne = Arrays.copyOf(lnDocumentFrequencyPlusOne, capacity);
        }
    }
}
