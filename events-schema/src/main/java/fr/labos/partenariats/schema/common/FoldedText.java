package fr.labos.partenariats.schema.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as two spellings of one French name compare: without accents (« Échirolles », « Echirolles »), ligatures written
 * out (« Cœur », « Coeur »; Unicode decomposes neither « œ » nor « æ »), in lower case. What separates words is left to
 * each caller, which knows what a name may hold.
 */
public final class FoldedText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private FoldedText() {
    }

    /** The text folded; null for null. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return bare.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae").toLowerCase(Locale.ROOT);
    }
}
