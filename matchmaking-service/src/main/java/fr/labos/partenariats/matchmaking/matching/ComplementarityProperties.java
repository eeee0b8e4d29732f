package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.matchmaking.engine.model.ComplementarityWeights;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code matchmaking.complementarity.*}: the engine's {@link ComplementarityWeights} as configured, checked at start
 * (each parameter is documented there).
 */
@Validated
@ConfigurationProperties("matchmaking.complementarity")
record ComplementarityProperties(
        @DefaultValue("0.20") @PositiveOrZero double category,
        @DefaultValue("0.20") @PositiveOrZero double territory,
        @DefaultValue("0.20") @PositiveOrZero double purpose,
        @DefaultValue("0.15") @PositiveOrZero double description,
        @DefaultValue("0.10") @PositiveOrZero double crossFamily,
        @DefaultValue("0.10") @PositiveOrZero double reciprocity,
        @DefaultValue("0.05") @PositiveOrZero double freshness,
        @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double crossAnswer,
        @DefaultValue("0.8") @DecimalMin("0") @DecimalMax("1") double relatedForm,
        @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double distantForm,
        @DefaultValue("0.4") @DecimalMin("0") @DecimalMax("1") double peerAlliance,
        @DefaultValue("180") @Positive int freshnessHalfLifeDays) {

    ComplementarityWeights weights() {
        return new ComplementarityWeights(category, territory, purpose, description, crossFamily, reciprocity, freshness,
                crossAnswer, relatedForm, distantForm, peerAlliance, freshnessHalfLifeDays);
    }
}
