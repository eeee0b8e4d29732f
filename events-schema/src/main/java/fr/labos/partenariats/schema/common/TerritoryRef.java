package fr.labos.partenariats.schema.common;

/** A territory named by its official code at a level: INSEE code for communes, départements and régions, SIREN for EPCI, "FR" for national. */
public record TerritoryRef(String code, TerritoryLevel level) {

    public static final String NATIONAL_CODE = "FR";

    public static TerritoryRef national() {
        return new TerritoryRef(NATIONAL_CODE, TerritoryLevel.NATIONAL);
    }

    public static TerritoryRef commune(String inseeCode) {
        return new TerritoryRef(inseeCode, TerritoryLevel.COMMUNE);
    }
}
