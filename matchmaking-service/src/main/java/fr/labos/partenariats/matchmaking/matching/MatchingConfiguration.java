package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the complementarity model with its configured weights and the official territorial reference. */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    TerritoryDirectory territoryDirectory() {
        return TerritoryDirectory.official();
    }

    @Bean(destroyMethod = "close")
    DescriptionSimilarity descriptionSimilarity() {
        return new DescriptionSimilarity();
    }

    @Bean
    ComplementarityModel complementarityModel(ComplementarityWeights weights, TerritoryDirectory territories,
                                              DescriptionSimilarity texts) {
        return new ComplementarityModel(weights, territories, texts);
    }
}
