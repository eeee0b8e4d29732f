package fr.labos.partenariats.matchmaking.introduction.command;

/** A meeting cannot be held or missed before it starts. */
public class MeetingNotYetDue extends IntroductionConflict {

    public MeetingNotYetDue(String introductionId, String meetingId) {
        super("le rendez-vous " + meetingId + " de la mise en relation " + introductionId
                + " n'a pas encore commencé", introductionId, meetingId);
    }
}
