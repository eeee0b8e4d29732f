package fr.labos.partenariats.schema.common;

/** Levels of the French administrative hierarchy, nearest first. */
public enum TerritoryLevel {
    COMMUNE("commune"),
    EPCI("intercommunalité"),
    DEPARTEMENT("département"),
    REGION("région"),
    NATIONAL("national");

    private final String label;

    TerritoryLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
