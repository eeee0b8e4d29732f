package fr.labos.partenariats.matchmaking.introduction.command;

/**
 * An outcome was recorded after the last step its author saw (from another page, by the other side or a
 * facilitator): recorded as well, the same partnership would count twice, and one end would no longer end it.
 */
public class OutcomeRecordedMeanwhile extends IntroductionConflict {

    public OutcomeRecordedMeanwhile(String introductionId, String outcomeLabel, String day) {
        super("une suite a été enregistrée entre-temps pour la mise en relation " + introductionId, introductionId,
                outcomeLabel, day);
    }
}
