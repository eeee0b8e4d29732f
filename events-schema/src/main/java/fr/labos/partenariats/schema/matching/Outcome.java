package fr.labos.partenariats.schema.matching;

/** What came of an accepted introduction; several may follow one another over months. */
public enum Outcome {
    NO_FIT("pas de suite"),
    FOLLOW_UP_PLANNED("suite prévue"),
    PARTNERSHIP_FORMED("partenariat conclu"),
    PARTNERSHIP_ENDED("partenariat terminé");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** French label, as shown in an introduction's history and dashboards. */
    public String label() {
        return label;
    }
}
