package fr.labos.partenariats.matchmaking.introduction.command;

/**
 * An introduction holds at most {@link Introduction#STEPS_AT_MOST} steps: far more than a lab's introduction lives
 * through, few enough for its history to be read and verified at once and for its view to stay one document.
 */
public class HistoryFull extends IntroductionConflict {

    public HistoryFull(String introductionId, int stepsAtMost) {
        super("la mise en relation " + introductionId + " compte déjà " + stepsAtMost
                + " étapes, le maximum que peut contenir un historique : rien ne peut plus y être ajouté", introductionId, stepsAtMost);
    }
}
