package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.model.FrenchText;
import fr.labos.partenariats.matchmaking.engine.model.TerritoryTable;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    /** The pairs of actors set aside are those their introductions set aside ({@link IntroducedPairs}). */
    @Bean
    MatchingEngine matchingEngine(ComplementarityProperties complementarity, TerritoryTable territories, FrenchText text,
                                  IntroducedPairs introducedPairs) {
        // The days posts are counted in (their freshness) are the lab's calendar days, whatever zone the clock has.
        return new MatchingEngine(complementarity.weights(), territories, text, LabCalendar.ZONE, introducedPairs);
    }
}
