package fr.labos.partenariats.matchmaking.engine.model;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * French text analysis by Lucene's {@link FrenchAnalyzer}: elision (« l'insertion » → insertion), lower case, French
 * stop words, light stemming (« mobilités » and « mobilité » meet). Thread-safe: Lucene analyzers keep their token
 * streams per thread.
 */
public final class FrenchText implements AutoCloseable {

    private final Analyzer analyzer = new FrenchAnalyzer();

    /** The stems of a text with how often each occurs, sorted by stem; empty for a blank or missing text. */
    public SortedMap<String, Integer> stems(String text) {
        if (text == null || text.isBlank()) {
            return Collections.emptySortedMap();
        }
        SortedMap<String, Integer> counts = new TreeMap<>();
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
        return counts;
    }

    /** What the model compares of a post: its title, then its description. */
    public static String of(String title, String description) {
        return (title == null ? "" : title) + "\n" + (description == null ? "" : description);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
