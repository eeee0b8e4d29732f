package fr.labos.partenariats.matchmaking.introduction.history;

import java.util.List;
import java.util.Objects;

/**
 * Recomputes an introduction's hash chain from its stored steps and names the first step where it breaks. A chain
 * proves that no step was altered, inserted or removed in the middle; it cannot show that the last steps were cut
 * off or that the whole chain was rewritten consistently: the Merkle tree over all introductions does.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /**
     * As {@link #verify(List)}, knowing how many steps the history recorded when they were appended: fewer stored
     * steps than that means the last ones were deleted (with the hashes recorded elsewhere, a chain can tell).
     */
    public static ChainVerification verify(List<? extends ChainStep> steps, long recordedSteps) {
        ChainVerification chain = verify(steps);
        if (!chain.chainHolds() || recordedSteps <= steps.size()) {
            return chain;
        }
        return new ChainVerification(steps.size(), (long) steps.size(), null, ChainVerification.Break.MISSING_STEP,
                "les étapes " + steps.size() + " à " + (recordedSteps - 1) + ", enregistrées dans l'historique, "
                        + "manquent dans le magasin d'événements : elles ont été supprimées");
    }

    /**
     * @param steps the steps of one introduction, in the order of their sequence numbers; a step whose hash is null
     *              had none recorded when it was appended
     */
    public static ChainVerification verify(List<? extends ChainStep> steps) {
        String previousHash = null;
        long expectedSequence = 0;
        for (ChainStep step : steps) {
            if (step.sequenceNumber() != expectedSequence) {
                // The broken step is the first missing one (its type is gone with it), as when the last ones are.
                return ChainVerification.missing(steps.size(), expectedSequence, step.sequenceNumber(), step.type());
            }
            if (step.recordedHash() == null) {
                // A row added behind the service's back and a recorded hash deleted since look the same here.
                return ChainVerification.broken(steps.size(), step, ChainVerification.Break.UNRECORDED_STEP,
                        "l'étape " + step.sequenceNumber() + " (" + step.type() + ") n'a aucune empreinte dans "
                                + "l'historique : elle a été ajoutée après coup, ou son empreinte a été supprimée");
            }
            if (!Objects.equals(step.linkedHash(), previousHash)) {
                return ChainVerification.broken(steps.size(), step, ChainVerification.Break.BROKEN_LINK,
                        "l'étape " + step.sequenceNumber() + " (" + step.type()
                                + ") n'est pas liée à l'étape qui la précède");
            }
            if (!step.contentHash().equals(step.recordedHash())) {
                return ChainVerification.broken(steps.size(), step, ChainVerification.Break.ALTERED_STEP,
                        "l'étape " + step.sequenceNumber() + " (" + step.type()
                                + ") a été modifiée après son enregistrement");
            }
            previousHash = step.recordedHash();
            expectedSequence++;
        }
        return ChainVerification.holds(steps.size());
    }
}
