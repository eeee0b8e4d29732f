package fr.labos.partenariats.matchmaking.introduction.command;

/**
 * No meeting of this id was planned for the introduction: the meeting its address names does not exist, a 404 (only a
 * scheduled meeting can be held or missed). Told only to whoever may act on the introduction, whose access is checked
 * first: the introduction itself is no secret to it.
 */
public class UnknownMeeting extends IntroductionRefused {

    public UnknownMeeting(String introductionId, String meetingId) {
        super("aucun rendez-vous " + meetingId + " n'est planifié pour la mise en relation " + introductionId, introductionId, meetingId);
    }
}
