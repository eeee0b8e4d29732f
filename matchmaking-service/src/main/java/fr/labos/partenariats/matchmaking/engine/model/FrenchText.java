package fr.labos.partenariats.matchmaking.engine.model;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * French text analysis, Lucene's {@link FrenchAnalyzer} chain with accents and ligatures folded before stemming:
 * elision (« l'insertion » → insertion), lower case, French stop words, then « âgées » and « agees », « vélo » and
 * « velo », « œuvre » and « oeuvre » made one ({@link ASCIIFoldingFilter}), then light stemming (« mobilités » and
 * « mobilité » meet). Without the folding, the stemmer drops accents from long stems only, so that a post typed without
 * them (a phone, a spreadsheet) shared no short word with one typed with them. Thread-safe: Lucene analyzers keep their
 * token streams per thread.
 */
public final class FrenchText implements AutoCloseable {

    private final Analyzer analyzer = new FoldingFrenchAnalyzer();

    /** {@link FrenchAnalyzer}'s components, with {@link ASCIIFoldingFilter} between its stop words and its stemmer. */
    private static final class FoldingFrenchAnalyzer extends StopwordAnalyzerBase {

        FoldingFrenchAnalyzer() {
            super(FrenchAnalyzer.getDefaultStopSet());
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            result = new LowerCaseFilter(result);
            // The stop words are listed with their accents (« été », « à »): removed before the folding.
            result = new StopFilter(result, stopwords);
            result = new ASCIIFoldingFilter(result);
            result = new FrenchLightStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES)));
        }
    }

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
