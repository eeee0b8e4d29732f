package fr.labos.partenariats.matchmaking.introduction.command;

/** Only a partnership formed through this introduction can end. */
public class NoPartnershipToEnd extends IntroductionConflict {

    public NoPartnershipToEnd(String introductionId) {
        super("aucun partenariat en cours n'est issu de la mise en relation " + introductionId, introductionId);
    }
}
