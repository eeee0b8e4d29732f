package fr.labos.partenariats.matchmaking.introduction.command;

/** Meetings and outcomes need both sides to have accepted the introduction first. */
public class IntroductionNotYetAccepted extends IntroductionConflict {

    public IntroductionNotYetAccepted(String introductionId) {
        super("la mise en relation " + introductionId + " n'a pas encore été acceptée par les deux parties", introductionId);
    }
}
