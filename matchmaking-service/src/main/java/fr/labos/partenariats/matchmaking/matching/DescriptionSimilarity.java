package fr.labos.partenariats.matchmaking.matching;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closeness of two French texts: Lucene's {@link FrenchAnalyzer} (elision, lower case, French stop words, light
 * stemming) turns each into stem counts, compared by cosine. « mobilité » and « mobilités » meet; « de », « la » do not
 * count. Thread-safe: Lucene analyzers reuse their components per thread.
 */
final class DescriptionSimilarity implements AutoCloseable {

    private static final int CACHE_SIZE = 4096;

    private final Analyzer analyzer = new FrenchAnalyzer();
    // Every ranking compares one text with every open post: keep the analysed form of recent texts.
    private final Map<String, Map<String, Integer>> stems = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, Integer>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    /** Cosine of the stem counts, in [0, 1]; 0 when either text has no meaningful word. */
    double similarity(String a, String b) {
        Map<String, Integer> x = stemsOf(a);
        Map<String, Integer> y = stemsOf(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<String, Integer> term : x.entrySet()) {
            Integer other = y.get(term.getKey());
            if (other != null) {
                dot += (double) term.getValue() * other;
            }
        }
        double cosine = dot / (norm(x) * norm(y));
        return Math.min(1.0, cosine);
    }

    /** The stems of a text with their counts. */
    Map<String, Integer> stemsOf(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Map<String, Integer> cached = stems.get(text);
        if (cached != null) {
            return cached;
        }
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse a text held in memory", e);
        }
        // Sorted, so that sums run in one order and equal inputs give bit-for-bit equal scores on every JVM.
        Map<String, Integer> frozen = Collections.unmodifiableMap(new TreeMap<>(counts));
        stems.put(text, frozen);
        return frozen;
    }

    private static double norm(Map<String, Integer> counts) {
        double sum = 0;
        for (int count : counts.values()) {
            sum += (double) count * count;
        }
        return Math.sqrt(sum);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
