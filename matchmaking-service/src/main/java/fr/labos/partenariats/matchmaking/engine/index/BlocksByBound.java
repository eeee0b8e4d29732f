package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.schema.common.ResourceCategory;

import java.util.Arrays;

/**
 * The blocks one ranking may visit, each with the upper bound of its posts' scores, handed out highest bound first:
 * the likeliest posts then raise the ranking's floor early, and more of the blocks after them fall below it.
 */
final class BlocksByBound {

    private PostBlock[] blocks = new PostBlock[64];
    private ResourceCategory[] categories = new ResourceCategory[64];
    private double[] proximities = new double[64];
    private int[] neighbourhoods = new int[64];
    private double[] bounds = new double[64];
    private int size;
    /** After {@link #sortHighestFirst()}: the bound (as float bits) in the high half, the entry in the low half. */
    private long[] order;

    /** @param neighbourhood as {@link CandidateBuckets.BucketVisitor#visit} gave it with the block's list */
    void add(PostBlock block, ResourceCategory category, double proximity, int neighbourhood, double bound) {
        if (size == blocks.length) {
            int capacity = size * 2;
            blocks = Arrays.copyOf(blocks, capacity);
            categories = Arrays.copyOf(categories, capacity);
            proximities = Arrays.copyOf(proximities, capacity);
            neighbourhoods = Arrays.copyOf(neighbourhoods, capacity);
            bounds = Arrays.copyOf(bounds, capacity);
        }
        blocks[size] = block;
        categories[size] = category;
        proximities[size] = proximity;
        neighbourhoods[size] = neighbourhood;
        bounds[size] = bound;
        size++;
    }

    /**
     * Orders the entries by bound, highest first, as far as a float tells them apart: near-equal bounds may come in
     * either order, so a caller skips each entry on its own exact {@link #bound}, and never stops at the first one
     * below its floor.
     */
    void sortHighestFirst() {
        order = new long[size];
        for (int i = 0; i < size; i++) {
            // Bounds are in [0, 1]: the bits of a non-negative float order as the float does. Negated: ascending sort.
            order[i] = -(((long) Float.floatToIntBits((float) bounds[i]) << 32) | (Integer.MAX_VALUE - i));
        }
        Arrays.sort(order);
    }

    int size() {
        return size;
    }

    /** The entry at position {@code rank} of the order. */
    int entry(int rank) {
        return Integer.MAX_VALUE - (int) ((-order[rank]) & 0xFFFF_FFFFL);
    }

    PostBlock block(int entry) {
        return blocks[entry];
    }

    ResourceCategory category(int entry) {
        return categories[entry];
    }

    double proximity(int entry) {
        return proximities[entry];
    }

    int neighbourhood(int entry) {
        return neighbourhoods[entry];
    }

    double bound(int entry) {
        return bounds[entry];
    }
}
