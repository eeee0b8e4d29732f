package fr.labos.partenariats.matchmaking.matching;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tunable numbers of {@link ComplementarityModel} ({@code matchmaking.complementarity.*}). The score is the weighted
 * mean of the components, so weights need not add up to 1; only their ratios matter.
 *
 * @param category          weight of category and form compatibility
 * @param territory         weight of territorial proximity
 * @param purpose           weight of shared SDGs and themes
 * @param description       weight of description similarity
 * @param crossFamily       weight of the alliance's family mix
 * @param reciprocity       weight of reciprocity
 * @param crossAnswer       category value when the offer answers the need with another category (e.g. SKILLS for CO_PRODUCTION)
 * @param relatedForm       multiplier when the partnership forms differ but work together (e.g. RESOURCES into CO_PRODUCTION)
 * @param distantForm       multiplier when the forms differ more (e.g. POSITIONING and RESOURCES)
 * @param peerAlliance      crossFamily value of two actors of one family (e.g. two associations), against 1 across families
 */
@Validated
@ConfigurationProperties("matchmaking.complementarity")
public record ComplementarityWeights(
        @DefaultValue("0.25") @PositiveOrZero double category,
        @DefaultValue("0.25") @PositiveOrZero double territory,
        @DefaultValue("0.20") @PositiveOrZero double purpose,
        @DefaultValue("0.10") @PositiveOrZero double description,
        @DefaultValue("0.10") @PositiveOrZero double crossFamily,
        @DefaultValue("0.10") @PositiveOrZero double reciprocity,
        @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double crossAnswer,
        @DefaultValue("0.8") @DecimalMin("0") @DecimalMax("1") double relatedForm,
        @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double distantForm,
        @DefaultValue("0.4") @DecimalMin("0") @DecimalMax("1") double peerAlliance) {

    public ComplementarityWeights {
        if (category + territory + purpose + description + crossFamily + reciprocity <= 0) {
            throw new IllegalArgumentException("at least one complementarity weight must be positive");
        }
    }

    /** The defaults, as documented in {@code matchmaking-service.yml}. */
    public static ComplementarityWeights defaults() {
        return new ComplementarityWeights(0.25, 0.25, 0.20, 0.10, 0.10, 0.10, 0.6, 0.8, 0.6, 0.4);
    }

    double total() {
        return category + territory + purpose + description + crossFamily + reciprocity;
    }
}
