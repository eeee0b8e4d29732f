package fr.labos.partenariats.matchmaking.introduction.command;

/** The introduction was withdrawn: nothing more can happen to it. */
public class IntroductionWithdrawn extends IntroductionConflict {

    public IntroductionWithdrawn(String introductionId) {
        super("la mise en relation " + introductionId + " a été retirée", introductionId);
    }
}
