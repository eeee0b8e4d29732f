package fr.labos.partenariats.schema.common;

/** Fields of action of the general interest that actors and posts declare. */
public enum Theme {
    HEALTH_SOCIAL("santé et social"),
    YOUTH_EDUCATION("jeunesse et éducation"),
    ENVIRONMENT_BIODIVERSITY("environnement et biodiversité"),
    ENERGY_CLIMATE("énergie et climat"),
    MOBILITY("mobilité"),
    EMPLOYMENT_INSERTION("emploi et insertion"),
    FOOD("alimentation"),
    CULTURE("culture"),
    HOUSING("logement"),
    SPORT("sport"),
    DIGITAL_INCLUSION("inclusion numérique"),
    AGEING_DISABILITY("âge et handicap"),
    CITIZENSHIP("citoyenneté et vie associative"),
    LOCAL_ECONOMY("développement économique local");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
