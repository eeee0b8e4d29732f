package fr.labos.partenariats.schema.common;

/** What a need asks for or an offer gives (catégorie de ressource). */
public enum ResourceCategory {
    FUNDING("un financement", "Financement"),
    SKILLS("des compétences", "Compétences"),
    VOLUNTEERS("des bénévoles", "Bénévoles"),
    PREMISES("des locaux", "Locaux"),
    EQUIPMENT("du matériel", "Matériel"),
    NETWORK("un réseau et de la visibilité", "Réseau"),
    CO_PRODUCTION("un partenaire de co-construction", "Co-construction"),
    ADVOCACY("un partenaire de plaidoyer", "Plaidoyer"),
    POOLING("une mutualisation de moyens", "Mutualisation"),
    EXPERIMENTATION("un terrain d'expérimentation", "Expérimentation");

    private final String label;
    private final String shortLabel;

    ResourceCategory(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** The category's name on its own, as a list, a chart or a choice names it: « Financement », « Locaux ». */
    public String shortLabel() {
        return shortLabel;
    }

    /** French noun phrase, fit to follow « cherche » or « offre ». */
    public String label() {
        return label;
    }
}
