package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.matchmaking.matching.index.MatchingIndex;
import fr.labos.partenariats.matchmaking.matching.model.ComplementarityModel;
import fr.labos.partenariats.matchmaking.matching.model.ComplementarityWeights;
import fr.labos.partenariats.matchmaking.matching.model.FrenchText;
import fr.labos.partenariats.matchmaking.matching.model.TerritoryTable;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the complementarity model with its configured weights, the official territorial reference and the index. */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    TerritoryDirectory territoryDirectory() {
        return TerritoryDirectory.official();
    }

    @Bean
    TerritoryTable territoryTable(TerritoryDirectory directory) {
        return new TerritoryTable(directory);
    }

    @Bean(destroyMethod = "close")
    FrenchText frenchText() {
        return new FrenchText();
    }

    @Bean
    ComplementarityModel complementarityModel(ComplementarityWeights weights) {
        return new ComplementarityModel(weights);
    }

    @Bean
    MatchingIndex matchingIndex(ComplementarityModel model, TerritoryTable territories, FrenchText text, Clock clock) {
        return new MatchingIndex(model, territories, text, clock.getZone());
    }
}
