package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.PostFeatures;
import fr.labos.partenariats.matchmaking.engine.model.TermVector;

import java.util.Arrays;

/**
 * A run of posts of one inverted list ({@link PostBucket}), with a summary of them from which a ranking bounds the
 * score of every post of the block at once, and skips the block when that bound cannot reach its top k.
 *
 * <p>Laid out as parallel arrays ("structure of arrays"): besides the posts themselves, the few features the first,
 * cheap bound of a ranking reads (form, SDGs, themes, end date, date written, actor slot, term signature) sit in flat
 * arrays that a ranking streams through without touching a single post object. Removal swaps the last post into the
 * hole (order does not matter: results are sorted by score and id).
 *
 * <p>The summary only ever over-states what its posts have (union of SDGs, themes, forms and term signatures, the
 * fewest SDGs and themes, the latest writing and end dates): kept exact on additions, recomputed from the block's
 * posts on removal, so a bound taken from it is a true upper bound of each post's. Guarded by the index's lock.
 */
final class PostBlock {

    /** The themes every post of the block has exactly, or {@link #MIXED} for a block of a list too small to split. */
    private final int key;
    static final int MIXED = -1;

    private int size;
    private PostFeatures[] posts = new PostFeatures[2];
    /** {@link PostFeatures#formCode}. */
    private byte[] forms = new byte[2];
    private int[] sdgs = new int[2];
    private int[] themes = new int[2];
    private int[] validUntil = new int[2];
    private int[] freshSince = new int[2];
    private int[] actorSlots = new int[2];
    /** The term signatures, {@link TermVector#SIGNATURE_WORDS} words per post, post after post. */
    private long[] signatures = new long[2 * TermVector.SIGNATURE_WORDS];

    // The summary.
    /** Bit {@link PostFeatures#formCode} set for each form present. */
    private int formCodes;
    private int sdgUnion;
    private int themeUnion;
    private int fewestSdgs;
    private int fewestThemes;
    private int latestValidUntil;
    private int latestFreshSince;
    private final long[] signatureUnion = new long[TermVector.SIGNATURE_WORDS];

    PostBlock(int key) {
        this.key = key;
        clearSummary();
    }

    int key() {
        return key;
    }

    void add(PostFeatures post) {
        if (size == posts.length) {
            int capacity = size * 2;
            posts = Arrays.copyOf(posts, capacity);
            forms = Arrays.copyOf(forms, capacity);
            sdgs = Arrays.copyOf(sdgs, capacity);
            themes = Arrays.copyOf(themes, capacity);
            validUntil = Arrays.copyOf(validUntil, capacity);
            freshSince = Arrays.copyOf(freshSince, capacity);
            actorSlots = Arrays.copyOf(actorSlots, capacity);
            signatures = Arrays.copyOf(signatures, capacity * TermVector.SIGNATURE_WORDS);
        }
        posts[size] = post;
        forms[size] = (byte) PostFeatures.formCode(post.form());
        sdgs[size] = post.sdgs();
        themes[size] = post.themes();
        validUntil[size] = post.validUntilDay();
        freshSince[size] = post.freshSinceDay();
        actorSlots[size] = post.actor().slot();
        System.arraycopy(post.terms().signature(), 0, signatures, size * TermVector.SIGNATURE_WORDS,
                TermVector.SIGNATURE_WORDS);
        summarize(size);
        size++;
    }

    /** Removes that very post (identity), if held. */
    boolean remove(PostFeatures post) {
        for (int i = 0; i < size; i++) {
            if (posts[i] == post) {
                int last = --size;
                posts[i] = posts[last];
                forms[i] = forms[last];
                sdgs[i] = sdgs[last];
                themes[i] = themes[last];
                validUntil[i] = validUntil[last];
                freshSince[i] = freshSince[last];
                actorSlots[i] = actorSlots[last];
                System.arraycopy(signatures, last * TermVector.SIGNATURE_WORDS, signatures, i * TermVector.SIGNATURE_WORDS,
                        TermVector.SIGNATURE_WORDS);
                posts[last] = null;
                // A union cannot be taken apart: recount it from the posts left (a block holds tens of posts).
                clearSummary();
                for (int j = 0; j < size; j++) {
                    summarize(j);
                }
                return true;
            }
        }
        return false;
    }

    private void clearSummary() {
        formCodes = 0;
        sdgUnion = 0;
        themeUnion = 0;
        fewestSdgs = Integer.MAX_VALUE;
        fewestThemes = Integer.MAX_VALUE;
        latestValidUntil = Integer.MIN_VALUE;
        latestFreshSince = Integer.MIN_VALUE;
        Arrays.fill(signatureUnion, 0);
    }

    private void summarize(int i) {
        formCodes |= 1 << forms[i];
        sdgUnion |= sdgs[i];
        themeUnion |= themes[i];
        fewestSdgs = Math.min(fewestSdgs, Integer.bitCount(sdgs[i]));
        fewestThemes = Math.min(fewestThemes, Integer.bitCount(themes[i]));
        latestValidUntil = Math.max(latestValidUntil, validUntil[i]);
        latestFreshSince = Math.max(latestFreshSince, freshSince[i]);
        for (int word = 0; word < TermVector.SIGNATURE_WORDS; word++) {
            signatureUnion[word] |= signatures[i * TermVector.SIGNATURE_WORDS + word];
        }
    }

    int size() {
        return size;
    }

    // The arrays themselves, for a ranking's inner loop to hold in locals (valid until the next write: rankings run
    // under the index's read lock).
    PostFeatures[] posts() {
        return posts;
    }

    byte[] forms() {
        return forms;
    }

    int[] sdgs() {
        return sdgs;
    }

    int[] themes() {
        return themes;
    }

    int[] validUntil() {
        return validUntil;
    }

    int[] freshSince() {
        return freshSince;
    }

    int[] actorSlots() {
        return actorSlots;
    }

    /** Post i's signature is at {@code i * TermVector.SIGNATURE_WORDS}. */
    long[] signatures() {
        return signatures;
    }

    PostFeatures post(int i) {
        return posts[i];
    }

    // The summary.
    int formCodes() {
        return formCodes;
    }

    int sdgUnion() {
        return sdgUnion;
    }

    int themeUnion() {
        return themeUnion;
    }

    int fewestSdgs() {
        return fewestSdgs;
    }

    int fewestThemes() {
        return fewestThemes;
    }

    int latestValidUntil() {
        return latestValidUntil;
    }

    int latestFreshSince() {
        return latestFreshSince;
    }

    /** Every signature bit a post of the block has. Read-only for the caller. */
    long[] signatureUnion() {
        return signatureUnion;
    }
}
