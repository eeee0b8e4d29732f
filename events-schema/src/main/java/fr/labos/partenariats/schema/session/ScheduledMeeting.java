package fr.labos.partenariats.schema.session;

/**
 * One meeting of a schedule: two participants at a table in a round, with the weight the scheduler gave the pair and
 * why (reason, and a sentence a facilitator can read).
 *
 * @param locked true when a facilitator fixed it by hand: re-plans keep it where it is
 */
public record ScheduledMeeting(int round, int table, String actorId, String partnerActorId, double weight,
                               MeetingReason reason, String explanation, boolean locked) {

    /** True when the meeting brings together these two actors, in either order. */
    public boolean brings(String oneActor, String otherActor) {
        return actorId.equals(oneActor) && partnerActorId.equals(otherActor)
                || actorId.equals(otherActor) && partnerActorId.equals(oneActor);
    }

    /** True when the actor sits at this meeting. */
    public boolean involves(String actor) {
        return actorId.equals(actor) || partnerActorId.equals(actor);
    }
}
