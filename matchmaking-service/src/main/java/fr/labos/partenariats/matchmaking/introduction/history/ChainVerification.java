package fr.labos.partenariats.matchmaking.introduction.history;

/**
 * Whether an introduction's hash chain holds and, when it does not, the first step where it breaks and why.
 *
 * @param brokenStep the sequence number of the first broken step (the first missing one when steps were deleted), or
 *                   null when the chain holds
 * @param brokenType the event type of that step, or null (always for a missing step)
 * @param reason     why it breaks, or null
 * @param explanation a French sentence for the user, naming the step
 */
public record ChainVerification(int steps, Long brokenStep, String brokenType, Break reason, String explanation) {

    /** What makes a step break the chain. */
    public enum Break {
        /** A step's content no longer gives the hash recorded for it: it was altered after it was written. */
        ALTERED_STEP,
        /** A step does not link to the hash of the step before it: a step was inserted, removed or reordered. */
        BROKEN_LINK,
        /** The sequence numbers skip a step, or steps recorded in the history are gone: they were deleted. */
        MISSING_STEP,
        /** A step has no hash recorded when it was appended: it was added to the store afterwards. */
        UNRECORDED_STEP,
        /**
         * A step no longer gives the leaf the tree holds for it (the chain was rewritten, hashes and all), or its
         * recorded leaf is not in the tree at all: past every leaf the appends were given, its index was forged.
         */
        NOT_IN_TREE,
        /**
         * A step's leaf was given to it by an append, but the tree stops before it, at a history row of another
         * introduction deleted from the database: this introduction's place in the tree can no longer be checked,
         * though nothing shows that its own steps were touched.
         */
        TREE_INTERRUPTED
    }

    static ChainVerification holds(int steps) {
        return new ChainVerification(steps, null, null, null,
                "l'historique de " + steps + " étapes est intègre : chaque étape est liée à la précédente");
    }

    static ChainVerification broken(int steps, ChainStep step, Break reason, String explanation) {
        return new ChainVerification(steps, step.sequenceNumber(), step.type(), reason, explanation);
    }

    /** The sequence numbers skip from {@code missingStep} to {@code nextStep}: the steps between were deleted. */
    public static ChainVerification missing(int steps, long missingStep, long nextStep, String nextType) {
        return new ChainVerification(steps, missingStep, null, Break.MISSING_STEP,
                "l'étape " + missingStep + " manque avant l'étape " + nextStep + " (" + nextType + ")");
    }

    /** The same break, in a history of {@code total} steps (found among the first of them). */
    public ChainVerification ofSteps(int total) {
        return new ChainVerification(total, brokenStep, brokenType, reason, explanation);
    }

    /** A stored step that cannot even be read back as an event (its payload or metadata is no longer JSON). */
    public static ChainVerification unreadable(int steps, long sequenceNumber, String type) {
        return new ChainVerification(steps, sequenceNumber, type, Break.ALTERED_STEP,
                "l'étape " + sequenceNumber + " (" + type + ") a été modifiée après son enregistrement : "
                        + "elle n'est même plus lisible");
    }

    /** A step whose chain holds but whose canonical form is not the leaf the tree recorded for it. */
    public static ChainVerification notInTree(int steps, long sequenceNumber, String type, long leafIndex) {
        return new ChainVerification(steps, sequenceNumber, type, Break.NOT_IN_TREE,
                "l'étape " + sequenceNumber + " (" + type + ") ne correspond plus à la feuille " + leafIndex
                        + " de l'arbre des mises en relation : l'historique a été réécrit, empreintes comprises");
    }

    /**
     * A step whose chain holds but whose recorded leaf the tree does not have: its leaf index is missing, or at or
     * beyond the number of leaves the appends were given, where no committed step's leaf can be (leaves are committed
     * in index order): its index was forged, the history rewritten.
     */
    public static ChainVerification outsideTheTree(int steps, long sequenceNumber, String type, Long leafIndex,
                                                   long treeSize) {
        String leaf = leafIndex == null ? "n'a aucune feuille enregistrée"
                : "est enregistrée à la feuille " + leafIndex + ", hors de l'arbre des mises en relation, qui en compte "
                + treeSize;
        return new ChainVerification(steps, sequenceNumber, type, Break.NOT_IN_TREE,
                "l'étape " + sequenceNumber + " (" + type + ") " + leaf + " : sa place dans l'arbre a été falsifiée "
                        + "(l'historique a été réécrit)");
    }

    /**
     * A step whose chain holds, recorded at a leaf an append gave it, but beyond the end of the tree, which stops at
     * {@code treeSize}: the history row of that leaf, which belongs to another introduction (this one's rows are all
     * there, or its chain would not hold), was deleted from the database.
     */
    public static ChainVerification treeInterrupted(int steps, long sequenceNumber, String type, long leafIndex,
                                                    long treeSize) {
        return new ChainVerification(steps, sequenceNumber, type, Break.TREE_INTERRUPTED,
                "l'étape " + sequenceNumber + " (" + type + ") est enregistrée à la feuille " + leafIndex
                        + ", mais l'arbre des mises en relation s'interrompt à la feuille " + treeSize
                        + " : la ligne de l'historique de cette feuille, qui appartient à une autre mise en relation, "
                        + "a été supprimée de la base. Rien n'indique que cette mise en relation-ci ait été modifiée, "
                        + "mais sa place dans l'arbre ne peut plus être vérifiée");
    }

    public boolean chainHolds() {
        return reason == null;
    }
}
