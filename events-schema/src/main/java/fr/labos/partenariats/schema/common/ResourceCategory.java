package fr.labos.partenariats.schema.common;

/** What a need asks for or an offer gives (catégorie de ressource). */
public enum ResourceCategory {
    FUNDING("un financement"),
    SKILLS("des compétences"),
    VOLUNTEERS("des bénévoles"),
    PREMISES("des locaux"),
    EQUIPMENT("du matériel"),
    NETWORK("un réseau et de la visibilité"),
    CO_PRODUCTION("un partenaire de co-construction"),
    ADVOCACY("un partenaire de plaidoyer"),
    POOLING("une mutualisation de moyens"),
    EXPERIMENTATION("un terrain d'expérimentation");

    private final String label;

    ResourceCategory(String label) {
        this.label = label;
    }

    /** French noun phrase, fit to follow « cherche » or « offre ». */
    public String label() {
        return label;
    }
}
