package fr.labos.partenariats.matchmaking.introduction.api;

/** An actor asked to be introduced on grounds the matcher does not propose (today). */
class PairNotProposed extends RuntimeException {

    private final String actorId;
    private final String partnerId;

    PairNotProposed(String actorId, String partnerId) {
        super("The matcher proposes no pair between " + actorId + " and " + partnerId + " as asked");
        this.actorId = actorId;
        this.partnerId = partnerId;
    }

    String actorId() {
        return actorId;
    }

    String partnerId() {
        return partnerId;
    }
}
