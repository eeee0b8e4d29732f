package fr.labos.partenariats.schema.common;

/** The kind of alliance a post is about (forme de partenariat). */
public enum PartnershipForm {
    POSITIONING("dialogue et plaidoyer"),
    CO_PRODUCTION("actions communes"),
    POOLING("mutualisation de moyens"),
    RESOURCES("apport de ressources");

    private final String label;

    PartnershipForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
