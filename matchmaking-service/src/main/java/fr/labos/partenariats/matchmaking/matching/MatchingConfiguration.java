package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.model.FrenchText;
import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.matchmaking.engine.model.TerritoryTable;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the matching engine with its configured weights, the official territorial reference and the French analyser. */
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

    /** No pair of actors is set aside yet: introductions, when they come, will supply theirs. */
    @Bean
    MatchingEngine matchingEngine(ComplementarityProperties complementarity, TerritoryTable territories, FrenchText text,
                                  Clock clock) {
        return new MatchingEngine(complementarity.weights(), territories, text, clock.getZone(), PairExclusions.NONE);
    }
}
