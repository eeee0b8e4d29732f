package fr.labos.partenariats.matchmaking.introduction.command;

/**
 * Two actors already have an introduction in progress (waiting for its answers, or accepted and not closed by an
 * outcome): a second one is not proposed meanwhile; that one is to be carried on.
 */
public class PairAlreadyInIntroduction extends IntroductionConflict {

    private final String openIntroductionId;

    public PairAlreadyInIntroduction(String openIntroductionId, String actorId, String partnerActorId) {
        super("les acteurs " + actorId + " et " + partnerActorId + " ont déjà une mise en relation en cours ("
                + openIntroductionId + ")", openIntroductionId, actorId, partnerActorId);
        this.openIntroductionId = openIntroductionId;
    }

    /** The introduction of the pair in progress, which holds the pair. */
    public String openIntroductionId() {
        return openIntroductionId;
    }
}
