package fr.labos.partenariats.schema.matching;

/** Why a side declined an introduction; some reasons keep the pair from being proposed again. */
public enum DeclineReason {
    NOT_RELEVANT("pas pertinent"),
    ALREADY_PARTNERS("déjà partenaires"),
    NOT_NOW("pas maintenant"),
    COMPETITOR("concurrent"),
    OTHER("autre raison");

    private final String label;

    DeclineReason(String label) {
        this.label = label;
    }

    /** French label, as shown in an introduction's history. */
    public String label() {
        return label;
    }
}
