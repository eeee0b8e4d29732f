package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static fr.labos.partenariats.matchmaking.support.IndexFixture.TERRITORIES;
import static org.assertj.core.api.Assertions.assertThat;

/** The integer places of the index say what the official directory says about which territory contains which. */
class TerritoryTableTest {

    private static final TerritoryDirectory DIRECTORY = TerritoryDirectory.official();

    @Test
    void everyEpciLiesInExactlyTheDepartementsAndRegionsTheDirectorySays() {
        List<TerritoryRef> outers = new ArrayList<>();
        for (TerritoryLevel level : List.of(TerritoryLevel.DEPARTEMENT, TerritoryLevel.REGION)) {
            DIRECTORY.codes(level).forEach(code -> outers.add(new TerritoryRef(code, level)));
        }
        int straddling = 0;
        for (String code : DIRECTORY.codes(TerritoryLevel.EPCI)) {
            TerritoryRef epci = new TerritoryRef(code, TerritoryLevel.EPCI);
            Place place = TERRITORIES.place(epci);
            int departements = 0;
            for (TerritoryRef outer : outers) {
                boolean contains = DIRECTORY.contains(outer, epci);
                assertThat(place.isWithin(TERRITORIES.place(outer))).as("%s within %s", epci, outer).isEqualTo(contains);
                if (contains && outer.level() == TerritoryLevel.DEPARTEMENT) {
                    departements++;
                }
            }
            straddling += departements > 1 ? 1 : 0;
        }
        // The case the table must widen beyond the primary chain does occur in the official data.
        assertThat(straddling).isPositive();
    }

    @Test
    void communesAndArrondissementsLieInTheirAncestryAndNowhereElse() {
        List<String> communes = DIRECTORY.codes(TerritoryLevel.COMMUNE);
        TerritoryRef isere = new TerritoryRef("38", TerritoryLevel.DEPARTEMENT);
        TerritoryRef paris = TerritoryRef.commune("75056");
        for (int i = 0; i < communes.size(); i += 97) {
            TerritoryRef commune = TerritoryRef.commune(communes.get(i));
            Place place = TERRITORIES.place(commune);
            for (TerritoryRef container : DIRECTORY.ancestry(commune)) {
                assertThat(place.isWithin(TERRITORIES.place(container))).as("%s within %s", commune, container).isTrue();
            }
            assertThat(place.isWithin(TERRITORIES.place(isere))).isEqualTo(DIRECTORY.contains(isere, commune));
            assertThat(place.isWithin(TERRITORIES.place(paris))).isEqualTo(DIRECTORY.contains(paris, commune));
        }
        assertThat(TERRITORIES.place(TerritoryRef.commune("75111")).isWithin(TERRITORIES.place(paris)))
                .as("an arrondissement municipal lies in its commune").isTrue();
    }

    @Test
    void anUnknownTerritoryLiesOnlyInItselfAndNational() {
        Place unknown = TERRITORIES.place(TerritoryRef.commune("99999"));

        assertThat(unknown.containers()).containsExactly(unknown.id(), TERRITORIES.national().id());
        assertThat(TERRITORIES.place(TerritoryRef.commune("99999"))).isSameAs(unknown);
        assertThat(TERRITORIES.place(null)).isSameAs(TERRITORIES.national());
    }
}
