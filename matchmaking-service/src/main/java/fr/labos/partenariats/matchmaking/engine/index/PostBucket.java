package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.PostFeatures;

import java.util.Arrays;

/**
 * One inverted list of the index: the posts of one kind and category scoped at (or lying within) one territory, in
 * {@link PostBlock}s that a ranking bounds and skips whole.
 *
 * <p>A small list is one block: streaming it costs less than bounding parts of it. Once it holds {@link #SPLIT_AT}
 * posts (the national and régional lists of the common categories hold thousands, and every need of the category
 * reaches them), it is split into one block per set of themes, which is what shared purpose — a fifth of the score —
 * turns on: a need about mobility then streams the mobility offers of a national list and bounds the dozens of other
 * theme blocks away, most of them in one comparison each. Never merged back: a list that was large once is likely to
 * be again. Guarded by the index's lock.
 */
final class PostBucket {

    static final int SPLIT_AT = 64;

    private int size;
    private PostBlock[] blocks = {new PostBlock(PostBlock.MIXED)};
    private int blockCount = 1;
    private boolean split;

    void add(PostFeatures post) {
        if (!split && size + 1 >= SPLIT_AT) {
            splitByThemes();
        }
        blockFor(post, true).add(post);
        size++;
    }

    /** Removes that very post (identity); linear in its block only. */
    boolean remove(PostFeatures post) {
        PostBlock block = blockFor(post, false);
        if (block != null && block.remove(post)) {
            size--;
            return true;
        }
        return false;
    }

    int size() {
        return size;
    }

    int blockCount() {
        return blockCount;
    }

    /** Block {@code i} of {@link #blockCount()}; some may be empty. */
    PostBlock block(int i) {
        return blocks[i];
    }

    private PostBlock blockFor(PostFeatures post, boolean create) {
        if (!split) {
            return blocks[0];
        }
        int key = post.themes();
        for (int i = 0; i < blockCount; i++) {
            if (blocks[i].key() == key) {
                return blocks[i];
            }
        }
        if (!create) {
            return null;
        }
        if (blockCount == blocks.length) {
            blocks = Arrays.copyOf(blocks, blockCount * 2);
        }
        PostBlock block = new PostBlock(key);
        blocks[blockCount++] = block;
        return block;
    }

    private void splitByThemes() {
        PostBlock mixed = blocks[0];
        blocks = new PostBlock[8];
        blockCount = 0;
        split = true;
        for (int i = 0; i < mixed.size(); i++) {
            blockFor(mixed.post(i), true).add(mixed.post(i));
        }
    }
}
