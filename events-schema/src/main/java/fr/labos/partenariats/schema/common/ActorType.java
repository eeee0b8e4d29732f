package fr.labos.partenariats.schema.common;

/** What kind of organisation an actor is (type d'acteur), each belonging to one {@link ActorFamily}. */
public enum ActorType {
    ASSOCIATION(ActorFamily.PEERS, "association"),
    NETWORK_HEAD(ActorFamily.PEERS, "tête de réseau"),
    MUNICIPALITY(ActorFamily.PUBLIC, "commune"),
    INTERMUNICIPALITY(ActorFamily.PUBLIC, "intercommunalité"),
    DEPARTMENT(ActorFamily.PUBLIC, "département"),
    REGION(ActorFamily.PUBLIC, "région"),
    STATE_AGENCY(ActorFamily.PUBLIC, "service de l'État"),
    COMPANY(ActorFamily.PRIVATE, "entreprise"),
    FOUNDATION(ActorFamily.PRIVATE, "fondation"),
    ACADEMIC(ActorFamily.ACADEMIC, "établissement d'enseignement ou de recherche"),
    SOCIAL_ENTERPRISE(ActorFamily.SOCIAL_ECONOMY, "structure de l'ESS"),
    FACILITATOR_ORG(ActorFamily.SUPPORT, "accompagnateur");

    private final ActorFamily family;
    private final String label;

    ActorType(ActorFamily family, String label) {
        this.family = family;
        this.label = label;
    }

    public ActorFamily family() {
        return family;
    }

    /** French label, as read out by a facilitator. */
    public String label() {
        return label;
    }
}
