package fr.labos.partenariats.matchmaking.introduction.command;

/** The introduction was declined: nothing more can happen to it. */
public class IntroductionDeclined extends IntroductionConflict {

    public IntroductionDeclined(String introductionId) {
        super("la mise en relation " + introductionId + " a été déclinée", introductionId);
    }
}
