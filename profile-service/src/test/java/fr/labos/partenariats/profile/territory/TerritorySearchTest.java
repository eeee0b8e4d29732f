package fr.labos.partenariats.profile.territory;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Territories found as people write them, on the official reference. */
class TerritorySearchTest {

    private static final TerritoryDirectory DIRECTORY = TerritoryDirectory.official();
    private static final TerritorySearch SEARCH = new TerritorySearch(DIRECTORY);

    @Test
    void aCommuneIsFoundByItsNameWrittenAnyHowOrByItsCode() {
        for (String written : List.of("Échirolles", "echirolles", "ECHIROLLES", "  échirolles ", "38151")) {
            TerritorySearch.Found first = SEARCH.find(written, Optional.empty(), 5).get(0);
            assertThat(first.level()).as(written).isEqualTo(TerritoryLevel.COMMUNE);
            assertThat(first.code()).as(written).isEqualTo("38151");
            assertThat(first.name()).as(written).isEqualTo("Échirolles");
            assertThat(first.departement()).as(written).contains(new TerritoryRef("38", TerritoryLevel.DEPARTEMENT));
        }
    }

    @Test
    void hyphensApostrophesAndSaintWrittenShortAreTheSame() {
        for (String written : List.of("st martin d'heres", "Saint-Martin-d’Hères", "saint martin d heres")) {
            assertThat(SEARCH.find(written, Optional.of(TerritoryLevel.COMMUNE), 3)).as(written)
                    .first().satisfies(found -> assertThat(found.code()).isEqualTo("38421"));
        }
        // The README's example: La Mure itself before La Mure-Argens and the other names that begin so.
        assertThat(SEARCH.find("la mure", Optional.of(TerritoryLevel.COMMUNE), 3))
                .first().satisfies(found -> assertThat(found.code()).isEqualTo("38269"));
        assertThat(SEARCH.find("st egreve", Optional.of(TerritoryLevel.COMMUNE), 3))
                .first().satisfies(found -> assertThat(found.name()).isEqualTo("Saint-Égrève"));
        assertThat(TerritorySearch.fold("Sainte-Foy-lès-Lyon")).isEqualTo(TerritorySearch.fold("ste foy les lyon"));
    }

    @Test
    void theNameItselfComesBeforeLongerNamesAndAWordInsideANameComesLast() {
        // Grenoble the commune (its name), then Grenoble-Alpes-Métropole (a name beginning with it).
        List<TerritorySearch.Found> grenoble = SEARCH.find("grenoble", Optional.empty(), 10);
        assertThat(grenoble.get(0).code()).isEqualTo("38185");
        assertThat(grenoble.subList(1, grenoble.size())).extracting(TerritorySearch.Found::name)
                .allSatisfy(name -> assertThat(TerritorySearch.fold(name)).startsWith("grenoble"));
        // « hères » begins no commune's name but a word of Saint-Martin-d'Hères.
        assertThat(SEARCH.find("hères", Optional.of(TerritoryLevel.COMMUNE), 50)).extracting(TerritorySearch.Found::code)
                .contains("38421");
    }

    @Test
    void theLargerTerritoryFirstAndTheMorePopulousCommuneFirst() {
        assertThat(SEARCH.find("isère", Optional.empty(), 1)).singleElement()
                .satisfies(found -> assertThat(found.level()).isEqualTo(TerritoryLevel.DEPARTEMENT));
        List<TerritorySearch.Found> saints = SEARCH.find("saint", Optional.of(TerritoryLevel.COMMUNE), 20);
        assertThat(saints).hasSize(20).allSatisfy(found -> assertThat(TerritorySearch.fold(found.name())).startsWith("saint "));
        assertThat(saints.stream().map(found -> DIRECTORY.population(found.code())).toList())
                .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        // Saint-Étienne is among the most populous, far before any village.
        assertThat(saints).extracting(TerritorySearch.Found::name).contains("Saint-Étienne");
    }

    @Test
    void aLevelAndALimitNarrowTheAnswer() {
        assertThat(SEARCH.find("38", Optional.of(TerritoryLevel.DEPARTEMENT), 5)).singleElement()
                .satisfies(found -> assertThat(found.name()).isEqualTo("Isère"));
        assertThat(SEARCH.find("84", Optional.of(TerritoryLevel.REGION), 5)).singleElement()
                .satisfies(found -> assertThat(found.name()).isEqualTo("Auvergne-Rhône-Alpes"));
        assertThat(SEARCH.find("saint", Optional.empty(), 7)).hasSize(7);
    }

    @Test
    void aTextWithoutALetterOrADigitFindsNothing() {
        assertThat(SEARCH.find(" - ' ", Optional.empty(), 10)).isEmpty();
        assertThat(SEARCH.find("zzzqqq", Optional.empty(), 10)).isEmpty();
    }
}
