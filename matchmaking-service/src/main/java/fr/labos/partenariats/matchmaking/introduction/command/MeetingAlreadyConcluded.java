package fr.labos.partenariats.matchmaking.introduction.command;

/** A meeting is held or missed once. */
public class MeetingAlreadyConcluded extends IntroductionConflict {

    public MeetingAlreadyConcluded(String introductionId, String meetingId) {
        super("le rendez-vous " + meetingId + " de la mise en relation " + introductionId
                + " a déjà eu lieu ou a été manqué", introductionId, meetingId);
    }
}
