package fr.labos.partenariats.schema.common;

/** The families of partners a lab brings together; cross-family pairs are what the labs exist for. */
public enum ActorFamily {
    PEERS("associations et réseaux"),
    PUBLIC("acteurs publics"),
    PRIVATE("acteurs privés"),
    ACADEMIC("enseignement et recherche"),
    SOCIAL_ECONOMY("économie sociale et solidaire"),
    SUPPORT("accompagnateurs");

    private final String label;

    ActorFamily(String label) {
        this.label = label;
    }

    /** French label, as read out by a facilitator. */
    public String label() {
        return label;
    }
}
