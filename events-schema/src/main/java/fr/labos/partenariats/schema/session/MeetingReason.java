package fr.labos.partenariats.schema.session;

/** Why the scheduler put a pair together: both wished it, one side wished it, or their complementarity. */
public enum MeetingReason {
    MUTUAL_WISH,
    WISH,
    COMPLEMENTARITY
}
