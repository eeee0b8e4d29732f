package fr.labos.partenariats.matchmaking.introduction.command;

/** Two actors already have an introduction waiting for its answers: a second one is not proposed meanwhile. */
public class PairAlreadyInIntroduction extends IntroductionConflict {

    private final String openIntroductionId;

    public PairAlreadyInIntroduction(String openIntroductionId, String actorId, String partnerActorId) {
        super("les acteurs " + actorId + " et " + partnerActorId + " ont déjà une mise en relation en attente de "
                + "réponse (" + openIntroductionId + ")", openIntroductionId, actorId, partnerActorId);
        this.openIntroductionId = openIntroductionId;
    }

    /** The introduction of the pair waiting for its answers, which holds the pair. */
    public String openIntroductionId() {
        return openIntroductionId;
    }
}
