package fr.labos.partenariats.matchmaking.matching.index;

import fr.labos.partenariats.matchmaking.matching.model.PostFeatures;
import fr.labos.partenariats.schema.common.PartnershipForm;

import java.util.Arrays;

/**
 * One inverted list of the index: the posts of one kind and category scoped at (or lying within) one territory.
 *
 * <p>Laid out as parallel arrays ("structure of arrays"): besides the posts themselves, the few features the first,
 * cheap bound of a ranking reads (form, SDGs, themes, end date, date written, actor slot, term signature) sit in flat arrays that a
 * ranking streams through without touching a single post object. Only candidates whose bound can still reach the
 * top k are looked at as objects. Removal swaps the last post into the hole (order does not matter: results are
 * sorted by score and id). Guarded by the index's lock.
 */
final class PostBucket {

    private static final PartnershipForm[] FORMS = PartnershipForm.values();

    private int size;
    private PostFeatures[] posts = new PostFeatures[4];
    /** Form ordinal + 1; 0 for a post without form. */
    private byte[] forms = new byte[4];
    private int[] sdgs = new int[4];
    private int[] themes = new int[4];
    private int[] validUntil = new int[4];
    private int[] freshSince = new int[4];
    private int[] actorSlots = new int[4];
    private long[] signaturesLow = new long[4];
    private long[] signaturesHigh = new long[4];

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
            signaturesLow = Arrays.copyOf(signaturesLow, capacity);
            signaturesHigh = Arrays.copyOf(signaturesHigh, capacity);
        }
        posts[size] = post;
        forms[size] = (byte) (post.form() == null ? 0 : post.form().ordinal() + 1);
        sdgs[size] = post.sdgs();
        themes[size] = post.themes();
        validUntil[size] = post.validUntilDay();
        freshSince[size] = post.freshSinceDay();
        actorSlots[size] = post.actor().slot();
        signaturesLow[size] = post.terms().signatureLow();
        signaturesHigh[size] = post.terms().signatureHigh();
        size++;
    }

    /** Removes that very post (identity); linear, which even the largest list (national, one category) affords. */
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
                signaturesLow[i] = signaturesLow[last];
                signaturesHigh[i] = signaturesHigh[last];
                posts[last] = null;
                return true;
            }
        }
        return false;
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

    long[] signaturesLow() {
        return signaturesLow;
    }

    long[] signaturesHigh() {
        return signaturesHigh;
    }

    static PartnershipForm formOf(byte code) {
        return code == 0 ? null : FORMS[code - 1];
    }

    PostFeatures post(int i) {
        return posts[i];
    }
}
