package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.FoldedText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenFilter;
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
 * French text analysis, Lucene's {@link FrenchAnalyzer} chain made blind to accents and ligatures: elision
 * (« l'insertion » → insertion), lower case, accents and ligatures folded (« âgées » and « agees », « vélo » and
 * « velo », « œuvre » and « oeuvre » are one), French stop words (folded too: « a » goes as « à » does), light
 * stemming (« mobilités » and « mobilité » meet). Without the folding, the stemmer drops accents from long stems
 * only, so that a post typed without them (a phone, a spreadsheet) shared no short word with one typed with them.
 * Thread-safe: Lucene analyzers keep their token streams per thread.
 */
public final class FrenchText implements AutoCloseable {

    private final Analyzer analyzer = new FoldingFrenchAnalyzer();

    /**
     * {@link FrenchAnalyzer}'s components with {@link ASCIIFoldingFilter} after the lower case, the stop words folded
     * to match, and the two accented endings the stemmer reads given back before it ({@link AccentedEndings}).
     */
    private static final class FoldingFrenchAnalyzer extends StopwordAnalyzerBase {

        FoldingFrenchAnalyzer() {
            super(folded(FrenchAnalyzer.getDefaultStopSet()));
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            result = new LowerCaseFilter(result);
            result = new ASCIIFoldingFilter(result);
            result = new StopFilter(result, stopwords);
            result = new AccentedEndings(result);
            result = new FrenchLightStemFilter(result);
            // The stemmer keeps the accent of a short stem (« père »): folded again, as its unaccented spelling.
            result = new ASCIIFoldingFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES)));
        }

        private static CharArraySet folded(CharArraySet words) {
            CharArraySet folded = new CharArraySet(words.size(), false);
            for (Object word : words) {
                folded.add(FoldedText.fold(new String((char[]) word)));
            }
            return CharArraySet.unmodifiableSet(folded);
        }
    }

    /**
     * Gives back the accent of the two endings {@link FrenchLightStemFilter} recognises by it, « -ère » and « -ième »,
     * to words that lost it in the folding or were typed without: so that « conseillère » and « conseillere » meet
     * « conseiller », « deuxième » and « deuxieme » meet each other. French writes these endings with their accent.
     */
    private static final class AccentedEndings extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        AccentedEndings(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            int length = term.length();
            char[] text = term.buffer();
            if (length > 4 && text[length - 4] == 'i' && text[length - 3] == 'e' && text[length - 2] == 'm'
                    && text[length - 1] == 'e') {
                text[length - 3] = 'è';
            } else if (length > 3 && text[length - 3] == 'e' && text[length - 2] == 'r' && text[length - 1] == 'e') {
                text[length - 3] = 'è';
            }
            return true;
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
