package fr.labos.partenariats.matchmaking.introduction.command;

/** Only the principal who proposed an introduction may withdraw it. */
public class NotTheProposer extends IntroductionForbidden {

    public NotTheProposer(String introductionId) {
        super("seul l'auteur de la mise en relation " + introductionId + " peut la retirer", introductionId);
    }
}
