package fr.labos.partenariats.schema.territory;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// Expectations are real-world facts (COG / DGCL), not values read back from the resource.
class TerritoryDirectoryTest {

    private static final TerritoryDirectory DIR = TerritoryDirectory.official();

    private static final TerritoryRef FRANCE = TerritoryRef.national();
    private static final TerritoryRef GRENOBLE = commune("38185");
    private static final TerritoryRef ECHIROLLES = commune("38151");
    private static final TerritoryRef LYON = commune("69123");
    private static final TerritoryRef STRASBOURG = commune("67482");
    private static final TerritoryRef PARIS = commune("75056");
    private static final TerritoryRef PARIS_1ER = commune("75101");
    private static final TerritoryRef AVIGNON = commune("84007");
    private static final TerritoryRef VILLENEUVE_LES_AVIGNON = commune("30351");
    private static final TerritoryRef NIMES = commune("30189");
    private static final TerritoryRef ILE_DE_BREHAT = commune("22016");

    private static final TerritoryRef GRENOBLE_ALPES_METROPOLE = epci("200040715");
    private static final TerritoryRef METROPOLE_DU_GRAND_PARIS = epci("200054781");
    private static final TerritoryRef GRAND_AVIGNON = epci("248400251");

    private static final TerritoryRef ISERE = departement("38");
    private static final TerritoryRef BAS_RHIN = departement("67");
    private static final TerritoryRef PARIS_DEPARTEMENT = departement("75");
    private static final TerritoryRef CORSE_DU_SUD = departement("2A");
    private static final TerritoryRef VAUCLUSE = departement("84");
    private static final TerritoryRef GARD = departement("30");
    private static final TerritoryRef COTES_D_ARMOR = departement("22");

    private static final TerritoryRef AUVERGNE_RHONE_ALPES = region("84");
    private static final TerritoryRef GRAND_EST = region("44");
    private static final TerritoryRef ILE_DE_FRANCE = region("11");
    private static final TerritoryRef CORSE = region("94");
    private static final TerritoryRef PACA = region("93");
    private static final TerritoryRef OCCITANIE = region("76");
    private static final TerritoryRef BRETAGNE = region("53");

    @Test
    void official_is_loaded_once_and_shared() {
        assertThat(TerritoryDirectory.official()).isSameAs(DIR);
    }

    @Test
    void knows_real_territories_at_each_level() {
        assertThat(List.of(GRENOBLE, ECHIROLLES, LYON, STRASBOURG, PARIS, PARIS_1ER, GRENOBLE_ALPES_METROPOLE, ISERE,
                BAS_RHIN, CORSE_DU_SUD, departement("2B"), departement("971"), departement("976"), AUVERGNE_RHONE_ALPES,
                GRAND_EST, CORSE, FRANCE))
                .allSatisfy(ref -> assertThat(DIR.isKnown(ref)).as("%s", ref).isTrue());
    }

    @Test
    void rejects_unknown_codes_and_codes_at_the_wrong_level() {
        assertThat(DIR.isKnown(commune("99999"))).isFalse();
        assertThat(DIR.isKnown(departement("00"))).isFalse();
        // Corsica has been split into 2A/2B since 1976: "20" is no département code.
        assertThat(DIR.isKnown(departement("20"))).isFalse();
        assertThat(DIR.isKnown(region("38"))).isFalse();
        assertThat(DIR.isKnown(departement("38185"))).isFalse();
        assertThat(DIR.isKnown(epci("38185"))).isFalse();
        assertThat(DIR.isKnown(commune("FR"))).isFalse();
        assertThat(DIR.isKnown(new TerritoryRef("EU", TerritoryLevel.NATIONAL))).isFalse();
        assertThat(DIR.isKnown(new TerritoryRef(null, TerritoryLevel.COMMUNE))).isFalse();
        assertThat(DIR.isKnown(new TerritoryRef("38185", null))).isFalse();
    }

    @Test
    void a_code_means_different_territories_at_different_levels() {
        // "84" is both the Vaucluse département and the Auvergne-Rhône-Alpes région.
        assertThat(DIR.nameOf(VAUCLUSE)).contains("Vaucluse");
        assertThat(DIR.nameOf(AUVERGNE_RHONE_ALPES)).contains("Auvergne-Rhône-Alpes");
    }

    @Test
    void names_are_the_official_french_names() {
        assertThat(DIR.nameOf(GRENOBLE)).contains("Grenoble");
        assertThat(DIR.nameOf(ECHIROLLES)).contains("Échirolles");
        assertThat(DIR.nameOf(ISERE)).contains("Isère");
        assertThat(DIR.nameOf(CORSE_DU_SUD)).contains("Corse-du-Sud");
        assertThat(DIR.nameOf(departement("2B"))).contains("Haute-Corse");
        assertThat(DIR.nameOf(BAS_RHIN)).contains("Bas-Rhin");
        assertThat(DIR.nameOf(GRAND_EST)).contains("Grand Est");
        assertThat(DIR.nameOf(ILE_DE_FRANCE)).contains("Île-de-France");
        assertThat(DIR.nameOf(departement("974"))).contains("La Réunion");
        assertThat(DIR.nameOf(GRENOBLE_ALPES_METROPOLE)).contains("Grenoble-Alpes-Métropole");
        assertThat(DIR.nameOf(FRANCE)).contains("France");
        assertThat(DIR.nameOf(PARIS_1ER)).hasValueSatisfying(name -> assertThat(name).startsWith("Paris 1"));
        assertThat(DIR.nameOf(commune("99999"))).isEmpty();
    }

    @Test
    void commune_ancestry_goes_through_epci_departement_region_to_national() {
        assertThat(DIR.ancestry(GRENOBLE))
                .containsExactly(GRENOBLE, GRENOBLE_ALPES_METROPOLE, ISERE, AUVERGNE_RHONE_ALPES, FRANCE);
        assertThat(DIR.ancestry(STRASBOURG)).startsWith(STRASBOURG)
                .endsWith(BAS_RHIN, GRAND_EST, FRANCE)
                .hasSize(5);
        assertThat(DIR.ancestry(commune("2A004"))).endsWith(CORSE_DU_SUD, CORSE, FRANCE);
    }

    @Test
    void commune_outside_any_epci_skips_that_level() {
        // The four single-commune islands (Bréhat, Sein, Ouessant, Yeu) are exempt from joining an EPCI.
        assertThat(DIR.ancestry(ILE_DE_BREHAT)).containsExactly(ILE_DE_BREHAT, COTES_D_ARMOR, BRETAGNE, FRANCE);
    }

    @Test
    void arrondissement_municipal_sits_under_its_commune() {
        assertThat(DIR.ancestry(PARIS))
                .containsExactly(PARIS, METROPOLE_DU_GRAND_PARIS, PARIS_DEPARTEMENT, ILE_DE_FRANCE, FRANCE);
        assertThat(DIR.ancestry(PARIS_1ER))
                .containsExactly(PARIS_1ER, PARIS, METROPOLE_DU_GRAND_PARIS, PARIS_DEPARTEMENT, ILE_DE_FRANCE, FRANCE);
        assertThat(DIR.ancestry(commune("69381"))).element(1).isEqualTo(LYON);
        assertThat(DIR.ancestry(commune("13201"))).element(1).isEqualTo(commune("13055"));
        assertThat(DIR.contains(PARIS, PARIS_1ER)).isTrue();
        assertThat(DIR.contains(PARIS_1ER, PARIS)).isFalse();
        assertThat(DIR.departementOf(PARIS_1ER)).contains(PARIS_DEPARTEMENT);
    }

    @Test
    void upper_levels_have_shorter_ancestries() {
        assertThat(DIR.ancestry(GRENOBLE_ALPES_METROPOLE)).containsExactly(GRENOBLE_ALPES_METROPOLE, ISERE, AUVERGNE_RHONE_ALPES, FRANCE);
        assertThat(DIR.ancestry(ISERE)).containsExactly(ISERE, AUVERGNE_RHONE_ALPES, FRANCE);
        assertThat(DIR.ancestry(AUVERGNE_RHONE_ALPES)).containsExactly(AUVERGNE_RHONE_ALPES, FRANCE);
        assertThat(DIR.ancestry(FRANCE)).containsExactly(FRANCE);
    }

    @Test
    void ancestry_of_unknown_territory_is_refused() {
        assertThatThrownBy(() -> DIR.ancestry(commune("99999")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99999")
                .hasMessageContaining("COMMUNE");
        assertThatThrownBy(() -> DIR.ancestry(departement("00"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contains_follows_ancestry() {
        assertThat(DIR.contains(ISERE, GRENOBLE)).isTrue();
        assertThat(DIR.contains(AUVERGNE_RHONE_ALPES, GRENOBLE)).isTrue();
        assertThat(DIR.contains(GRENOBLE_ALPES_METROPOLE, ECHIROLLES)).isTrue();
        assertThat(DIR.contains(FRANCE, STRASBOURG)).isTrue();
        assertThat(DIR.contains(GRENOBLE, GRENOBLE)).isTrue();
        assertThat(DIR.contains(GRENOBLE, ISERE)).isFalse();
        assertThat(DIR.contains(ISERE, STRASBOURG)).isFalse();
        assertThat(DIR.contains(GRAND_EST, GRENOBLE)).isFalse();
        assertThat(DIR.contains(GRENOBLE_ALPES_METROPOLE, LYON)).isFalse();
        assertThat(DIR.contains(ISERE, commune("99999"))).isFalse();
        assertThat(DIR.contains(FRANCE, commune("99999"))).isFalse();
    }

    @Test
    void an_epci_across_departements_lies_in_each_of_them() {
        // The Grand Avignon agglomeration spans the Rhône: Avignon (Vaucluse, PACA) and Villeneuve-lès-Avignon (Gard, Occitanie).
        assertThat(DIR.departementOf(GRAND_AVIGNON)).contains(VAUCLUSE);
        assertThat(DIR.regionOf(GRAND_AVIGNON)).contains(PACA);
        assertThat(DIR.ancestry(GRAND_AVIGNON)).containsExactly(GRAND_AVIGNON, VAUCLUSE, PACA, FRANCE);
        assertThat(DIR.contains(VAUCLUSE, GRAND_AVIGNON)).isTrue();
        assertThat(DIR.contains(GARD, GRAND_AVIGNON)).isTrue();
        assertThat(DIR.contains(OCCITANIE, GRAND_AVIGNON)).isTrue();
        assertThat(DIR.contains(ISERE, GRAND_AVIGNON)).isFalse();

        // Its communes still lie only in their own département.
        assertThat(DIR.ancestry(VILLENEUVE_LES_AVIGNON)).containsExactly(VILLENEUVE_LES_AVIGNON, GRAND_AVIGNON, GARD, OCCITANIE, FRANCE);
        assertThat(DIR.contains(VAUCLUSE, VILLENEUVE_LES_AVIGNON)).isFalse();
        assertThat(DIR.contains(GARD, AVIGNON)).isFalse();

        assertThat(DIR.lowestCommonAncestor(AVIGNON, VILLENEUVE_LES_AVIGNON)).contains(GRAND_AVIGNON);
        assertThat(DIR.lowestCommonAncestor(GRAND_AVIGNON, NIMES)).contains(GARD);
        assertThat(DIR.lowestCommonAncestor(NIMES, GRAND_AVIGNON)).contains(GARD);
    }

    @Test
    void lowest_common_ancestor_is_the_nearest_shared_territory() {
        assertThat(DIR.lowestCommonAncestor(GRENOBLE, ECHIROLLES)).contains(GRENOBLE_ALPES_METROPOLE);
        assertThat(DIR.lowestCommonAncestor(GRENOBLE, LYON)).contains(AUVERGNE_RHONE_ALPES);
        assertThat(DIR.lowestCommonAncestor(GRENOBLE, STRASBOURG)).contains(FRANCE);
        assertThat(DIR.lowestCommonAncestor(GRENOBLE, GRENOBLE)).contains(GRENOBLE);
        assertThat(DIR.lowestCommonAncestor(GRENOBLE, ISERE)).contains(ISERE);
        assertThat(DIR.lowestCommonAncestor(AUVERGNE_RHONE_ALPES, GRENOBLE)).contains(AUVERGNE_RHONE_ALPES);
        assertThat(DIR.lowestCommonAncestor(PARIS_1ER, commune("75120"))).contains(PARIS);
        assertThat(DIR.lowestCommonAncestor(FRANCE, GRENOBLE)).contains(FRANCE);
        assertThat(DIR.lowestCommonAncestor(GRENOBLE, commune("99999"))).isEmpty();
    }

    @Test
    void departement_and_region_of_each_level() {
        assertThat(DIR.departementOf(GRENOBLE)).contains(ISERE);
        assertThat(DIR.regionOf(GRENOBLE)).contains(AUVERGNE_RHONE_ALPES);
        assertThat(DIR.departementOf(STRASBOURG)).contains(BAS_RHIN);
        assertThat(DIR.regionOf(STRASBOURG)).contains(GRAND_EST);
        assertThat(DIR.departementOf(GRENOBLE_ALPES_METROPOLE)).contains(ISERE);
        assertThat(DIR.departementOf(CORSE_DU_SUD)).contains(CORSE_DU_SUD);
        assertThat(DIR.regionOf(CORSE_DU_SUD)).contains(CORSE);
        assertThat(DIR.regionOf(departement("974"))).contains(region("04"));
        assertThat(DIR.departementOf(AUVERGNE_RHONE_ALPES)).isEmpty();
        assertThat(DIR.regionOf(AUVERGNE_RHONE_ALPES)).contains(AUVERGNE_RHONE_ALPES);
        assertThat(DIR.departementOf(FRANCE)).isEmpty();
        assertThat(DIR.regionOf(FRANCE)).isEmpty();
        assertThat(DIR.departementOf(commune("99999"))).isEmpty();
    }

    @Test
    void populations_are_the_legal_municipal_populations() {
        assertThat(DIR.population("38185")).isBetween(100_000, 250_000);
        assertThat(DIR.population("75056")).isBetween(1_900_000, 2_400_000);
        assertThat(DIR.population("75115")).as("Paris 15e, the most populated arrondissement").isGreaterThan(200_000);
        assertThat(DIR.population("99999")).isZero();
        assertThat(DIR.population("38")).isZero();
        assertThat(DIR.communeCodes()).allSatisfy(code -> assertThat(DIR.population(code)).isNotNegative());
    }

    @Test
    void counts_are_those_of_france_metropolitan_and_overseas_departements() {
        assertThat(DIR.communeCodes()).hasSizeBetween(34_500, 35_500)
                .isSorted()
                .contains("38185", "75056", "2A004", "97411")
                .doesNotContain("75101", "69381", "13201");
        assertThat(DIR.codes(TerritoryLevel.COMMUNE)).hasSize(DIR.communeCodes().size() + 20 + 9 + 16);
        assertThat(DIR.codes(TerritoryLevel.DEPARTEMENT)).hasSize(101)
                .contains("2A", "2B", "971", "972", "973", "974", "976")
                .doesNotContain("20", "975");
        assertThat(DIR.codes(TerritoryLevel.REGION)).hasSize(18);
        assertThat(DIR.codes(TerritoryLevel.EPCI)).hasSizeBetween(1_200, 1_300);
        assertThat(DIR.codes(TerritoryLevel.NATIONAL)).containsExactly("FR");
    }

    @Test
    void every_commune_has_a_complete_chain() {
        for (String code : DIR.communeCodes()) {
            List<TerritoryRef> chain = DIR.ancestry(commune(code));
            assertThat(chain).hasSizeBetween(4, 5);
            assertThat(chain.get(chain.size() - 3).level()).isEqualTo(TerritoryLevel.DEPARTEMENT);
            assertThat(chain.get(chain.size() - 2).level()).isEqualTo(TerritoryLevel.REGION);
        }
    }

    @Test
    void an_overseas_territory_is_in_its_regions_zone_at_every_level() {
        ZoneId reunion = ZoneId.of("Indian/Reunion");
        assertThat(List.of(commune("97411"), epci("249740119"), departement("974"), region("04")))
                .allSatisfy(ref -> assertThat(DIR.zoneOf(ref)).as("%s", ref).isEqualTo(reunion));
        assertThat(DIR.zoneOf(commune("97105"))).as("Basse-Terre").isEqualTo(ZoneId.of("America/Guadeloupe"));
        assertThat(DIR.zoneOf(departement("971"))).isEqualTo(ZoneId.of("America/Guadeloupe"));
        assertThat(DIR.zoneOf(commune("97209"))).as("Fort-de-France").isEqualTo(ZoneId.of("America/Martinique"));
        assertThat(DIR.zoneOf(region("02"))).isEqualTo(ZoneId.of("America/Martinique"));
        assertThat(DIR.zoneOf(commune("97302"))).as("Cayenne").isEqualTo(ZoneId.of("America/Cayenne"));
        assertThat(DIR.zoneOf(region("03"))).isEqualTo(ZoneId.of("America/Cayenne"));
        assertThat(DIR.zoneOf(commune("97611"))).as("Mamoudzou").isEqualTo(ZoneId.of("Indian/Mayotte"));
        assertThat(DIR.zoneOf(departement("976"))).isEqualTo(ZoneId.of("Indian/Mayotte"));
    }

    @Test
    void overseas_zones_are_hours_away_from_paris() {
        // Offsets are facts (none of these territories changes its clocks), not values read back from the code.
        Instant winter = Instant.parse("2026-12-10T12:00:00Z");
        Instant summer = Instant.parse("2026-07-10T12:00:00Z");
        for (Instant instant : List.of(winter, summer)) {
            assertThat(offset(commune("97411"), instant)).isEqualTo(ZoneOffset.ofHours(4));
            assertThat(offset(commune("97611"), instant)).isEqualTo(ZoneOffset.ofHours(3));
            assertThat(offset(commune("97105"), instant)).isEqualTo(ZoneOffset.ofHours(-4));
            assertThat(offset(commune("97209"), instant)).isEqualTo(ZoneOffset.ofHours(-4));
            assertThat(offset(commune("97302"), instant)).isEqualTo(ZoneOffset.ofHours(-3));
        }
        assertThat(offset(GRENOBLE, winter)).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(offset(GRENOBLE, summer)).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void metropolitan_france_and_corsica_are_on_paris_time() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(List.of(GRENOBLE, PARIS_1ER, GRENOBLE_ALPES_METROPOLE, ISERE, AUVERGNE_RHONE_ALPES, commune("2A004"),
                CORSE_DU_SUD, departement("2B"), CORSE, FRANCE))
                .allSatisfy(ref -> assertThat(DIR.zoneOf(ref)).as("%s", ref).isEqualTo(paris));
        // The overseas régions' codes are also départements' codes in metropolitan France: the level decides.
        assertThat(DIR.zoneOf(departement("04"))).as("Alpes-de-Haute-Provence").isEqualTo(paris);
        assertThat(DIR.zoneOf(departement("01"))).as("Ain").isEqualTo(paris);
        assertThat(DIR.zoneOf(departement("06"))).as("Alpes-Maritimes").isEqualTo(paris);
    }

    @Test
    void every_overseas_region_of_the_reference_has_its_own_zone() {
        // INSEE numbers the overseas régions 01 to 06 and the metropolitan ones from 11: a région the reference gains
        // overseas must be given its zone, not fall on Paris's.
        assertThat(DIR.codes(TerritoryLevel.REGION)).allSatisfy(code -> {
            boolean overseas = code.compareTo("10") < 0;
            assertThat(DIR.zoneOf(region(code)).equals(ZoneId.of("Europe/Paris"))).as("région %s", code)
                    .isEqualTo(!overseas);
        });
    }

    @Test
    void an_unknown_territory_is_on_the_labs_calendar_zone() {
        assertThat(DIR.zoneOf(commune("97499"))).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(DIR.zoneOf(region("05"))).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(DIR.zoneOf(new TerritoryRef("974", null))).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void malformed_resource_is_refused_with_the_offending_line() {
        String tsv = """
                kind\tcode\tname\tdepartements\tregion\tepci\tcommune\tpopulation
                region\t84\tAuvergne-Rhône-Alpes\t\t\t\t\t
                departement\t38\tIsère\t\t99\t\t\t
                """;
        assertThatThrownBy(() -> TerritoryDirectory.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("'99'");
    }

    private static ZoneOffset offset(TerritoryRef ref, Instant instant) {
        return DIR.zoneOf(ref).getRules().getOffset(instant);
    }

    private static TerritoryRef commune(String code) {
        return new TerritoryRef(code, TerritoryLevel.COMMUNE);
    }

    private static TerritoryRef epci(String code) {
        return new TerritoryRef(code, TerritoryLevel.EPCI);
    }

    private static TerritoryRef departement(String code) {
        return new TerritoryRef(code, TerritoryLevel.DEPARTEMENT);
    }

    private static TerritoryRef region(String code) {
        return new TerritoryRef(code, TerritoryLevel.REGION);
    }
}
