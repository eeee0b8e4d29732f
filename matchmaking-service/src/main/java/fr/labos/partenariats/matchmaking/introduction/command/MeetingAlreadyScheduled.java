package fr.labos.partenariats.matchmaking.introduction.command;

/** A meeting id names one meeting of an introduction. */
public class MeetingAlreadyScheduled extends IntroductionConflict {

    public MeetingAlreadyScheduled(String introductionId, String meetingId) {
        super("le rendez-vous " + meetingId + " de la mise en relation " + introductionId + " est déjà planifié", introductionId, meetingId);
    }
}
