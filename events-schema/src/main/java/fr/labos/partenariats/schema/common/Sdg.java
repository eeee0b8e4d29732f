package fr.labos.partenariats.schema.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A United Nations Sustainable Development Goal (objectif de développement durable, ODD).
 * Travels as its number, 1 to 17, because that is how actors and funders name them.
 */
public enum Sdg {
    ODD_1("Pas de pauvreté"),
    ODD_2("Faim « zéro »"),
    ODD_3("Bonne santé et bien-être"),
    ODD_4("Éducation de qualité"),
    ODD_5("Égalité entre les sexes"),
    ODD_6("Eau propre et assainissement"),
    ODD_7("Énergie propre et d'un coût abordable"),
    ODD_8("Travail décent et croissance économique"),
    ODD_9("Industrie, innovation et infrastructure"),
    ODD_10("Inégalités réduites"),
    ODD_11("Villes et communautés durables"),
    ODD_12("Consommation et production responsables"),
    ODD_13("Mesures relatives à la lutte contre les changements climatiques"),
    ODD_14("Vie aquatique"),
    ODD_15("Vie terrestre"),
    ODD_16("Paix, justice et institutions efficaces"),
    ODD_17("Partenariats pour la réalisation des objectifs");

    private final String label;

    Sdg(String label) {
        this.label = label;
    }

    @JsonValue
    public int number() {
        return ordinal() + 1;
    }

    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException when the number is outside 1–17 */
    @JsonCreator
    public static Sdg of(int number) {
        if (number < 1 || number > 17) {
            throw new IllegalArgumentException("an SDG (ODD) is a number from 1 to 17, not " + number);
        }
        return values()[number - 1];
    }
}
