package fr.labos.partenariats.matchmaking.engine.model;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

import static fr.labos.partenariats.matchmaking.support.IndexFixture.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** French text closeness: Lucene's French analysis, then TF-IDF cosine. */
class DescriptionSimilarityTest {

    /** Every term equally frequent, so that these tests read the cosine of the analysed words alone. */
    private static final TermStatistics FLAT = term -> 1.0;

    private final Map<String, Integer> ids = new HashMap<>();

    @Test
    void pluralsElisionsAndCaseMeet() {
        assertThat(similarity("L'insertion par la mobilité solidaire", "insertions, mobilités solidaires", FLAT))
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void accentsAndLigaturesTypedOrNotMeet() {
        // Short stems keep their accents through the stemmer alone: « vélo » and « velo » were two words.
        assertThat(similarity("Atelier vélo pour personnes âgées, mise en œuvre", "ateliers velo personnes agees mise en oeuvre",
                FLAT)).isCloseTo(1.0, within(1e-9));
        assertThat(TEXT.stems("Élève")).isEqualTo(TEXT.stems("eleve"));
        // A stop word typed without its accent goes as it does with it (« a » as « à »).
        assertThat(similarity("Accès à l'emploi", "acces a l'emploi", FLAT)).isCloseTo(1.0, within(1e-9));
    }

    /** The stemmer's accented endings still meet: feminine and masculine of a trade, an ordinal typed either way. */
    @Test
    void theStemmersAccentedEndingsMeetTypedWithOrWithoutTheirAccent() {
        assertThat(TEXT.stems("conseillère")).isEqualTo(TEXT.stems("conseillere")).isEqualTo(TEXT.stems("conseiller"));
        assertThat(TEXT.stems("infirmière")).isEqualTo(TEXT.stems("infirmiere")).isEqualTo(TEXT.stems("infirmier"));
        assertThat(TEXT.stems("deuxième")).isEqualTo(TEXT.stems("deuxieme"));
        assertThat(TEXT.stems("père")).isEqualTo(TEXT.stems("pere")).hasSize(1);
    }

    @Test
    void stopWordsCountForNothing() {
        assertThat(TEXT.stems("le la les de des du et pour avec nous")).isEmpty();
        assertThat(similarity("le la les de des du et pour avec nous", "le la les de des du et pour avec nous", FLAT)).isZero();
        assertThat(similarity("les jardins de la ville", "les vélos de la ville", FLAT)).isLessThan(0.51);
    }

    @Test
    void unrelatedTextsScoreZeroAndSharedStemsScoreBetween() {
        double unrelated = similarity("prêt de scooters pour l'emploi", "chorale et théâtre amateur", FLAT);
        double partly = similarity("prêt de scooters pour l'emploi", "location de scooters électriques", FLAT);
        double same = similarity("prêt de scooters pour l'emploi", "prêt de scooters pour l'emploi", FLAT);

        assertThat(unrelated).isZero();
        assertThat(partly).isGreaterThan(0).isLessThan(1);
        assertThat(same).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aRareTermWeighsMoreThanACommonOne() {
        // Same texts, two corpora: in the second « scooters » is rare (IDF 5) and « emploi » common (IDF 1).
        double flat = similarity("scooters emploi", "scooters", FLAT);
        assertThat(TEXT.stems("scooters")).hasSize(1);
        int scooters = id(TEXT.stems("scooters").firstKey());
        TermStatistics scootersRare = term -> term == scooters ? 5.0 : 1.0;
        double weighted = similarity("scooters emploi", "scooters", scootersRare);

        assertThat(flat).isCloseTo(1 / Math.sqrt(2), within(1e-9));
        assertThat(weighted).isCloseTo(5 / Math.sqrt(26), within(1e-9));
    }

    @Test
    void repeatingAWordDoesNotDrownTheOthers() {
        // Sub-linear tf: ten « vélo » weigh 1 + ln 10, not 10.
        double similarity = similarity("vélo vélo vélo vélo vélo vélo vélo vélo vélo vélo atelier", "atelier", FLAT);

        assertThat(similarity).isCloseTo(1 / Math.sqrt(1 + Math.pow(1 + Math.log(10), 2)), within(1e-6));
    }

    @Test
    void emptyOrMissingTextsScoreZero() {
        assertThat(similarity(null, "mobilité", FLAT)).isZero();
        assertThat(similarity("   ", "mobilité", FLAT)).isZero();
    }

    @Test
    void theScoreDoesNotDependOnTheOrderTermsWereNumberedIn() {
        String a = "Former les conseillers en mobilité solidaire pour l'insertion professionnelle des jeunes";
        String b = "Nos salariés forment des conseillers aux mobilités solidaires et à l'insertion";
        double first = similarity(a, b, term -> 1 + term * 0.37);
        // Number the stems again, in reverse order of first appearance; weights follow the stem, not the id.
        Map<String, Integer> before = new HashMap<>(ids);
        ids.clear();
        int n = before.size();
        before.forEach((stem, id) -> ids.put(stem, n - 1 - id));

        double second = similarity(a, b, term -> 1 + (n - 1 - term) * 0.37);

        assertThat(second).isEqualTo(first);
    }

    private double similarity(String a, String b, TermStatistics statistics) {
        return DescriptionSimilarity.cosine(vector(a), vector(b), statistics);
    }

    private TermVector vector(String text) {
        SortedMap<String, Integer> stems = TEXT.stems(text);
        Map<Integer, Integer> counts = new HashMap<>();
        stems.forEach((stem, count) -> counts.put(id(stem), count));
        return TermVector.of(counts);
    }

    private int id(String stem) {
        return ids.computeIfAbsent(stem, s -> ids.size());
    }
}
