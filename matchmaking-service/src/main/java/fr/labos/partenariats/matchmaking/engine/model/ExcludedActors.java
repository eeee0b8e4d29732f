package fr.labos.partenariats.matchmaking.engine.model;

import java.util.Arrays;

/**
 * The actors set aside for one ranking's subject ({@link PairExclusions}), as a bit set over actor slots, so that the
 * gate costs one array-length test per candidate when nothing is set aside. Immutable.
 */
public final class ExcludedActors {

    public static final ExcludedActors NONE = new ExcludedActors(new long[0]);

    private final long[] words;

    private ExcludedActors(long[] words) {
        this.words = words;
    }

    /** The set of these slots; {@link #NONE} when there are none. */
    public static ExcludedActors ofSlots(int... slots) {
        if (slots.length == 0) {
            return NONE;
        }
        long[] words = new long[(Arrays.stream(slots).max().orElse(0) >>> 6) + 1];
        for (int slot : slots) {
            words[slot >>> 6] |= 1L << slot;
        }
        return new ExcludedActors(words);
    }

    public boolean contains(int slot) {
        int word = slot >>> 6;
        return word < words.length && (words[word] & (1L << slot)) != 0;
    }
}
