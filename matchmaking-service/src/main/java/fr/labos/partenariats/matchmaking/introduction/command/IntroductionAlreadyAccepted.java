package fr.labos.partenariats.matchmaking.introduction.command;

/** Both sides accepted already: the introduction can no longer be answered or withdrawn. */
public class IntroductionAlreadyAccepted extends IntroductionConflict {

    public IntroductionAlreadyAccepted(String introductionId) {
        super("la mise en relation " + introductionId + " a déjà été acceptée par les deux parties", introductionId);
    }
}
