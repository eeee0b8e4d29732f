package fr.labos.partenariats.matchmaking.introduction.command;

/** Only a scheduled meeting can be held or missed. */
public class UnknownMeeting extends IntroductionConflict {

    public UnknownMeeting(String introductionId, String meetingId) {
        super("aucun rendez-vous " + meetingId + " n'est planifié pour la mise en relation " + introductionId, introductionId, meetingId);
    }
}
