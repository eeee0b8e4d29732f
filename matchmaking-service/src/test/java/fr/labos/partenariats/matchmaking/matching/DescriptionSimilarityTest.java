package fr.labos.partenariats.matchmaking.matching;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** French text closeness through Lucene's French analysis. */
class DescriptionSimilarityTest {

    private static final DescriptionSimilarity TEXTS = new DescriptionSimilarity();

    @AfterAll
    static void close() {
        TEXTS.close();
    }

    @Test
    void pluralsElisionsAndCaseMeet() {
        assertThat(TEXTS.similarity("L'insertion par la mobilité solidaire", "insertions, mobilités solidaires"))
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void stopWordsCountForNothing() {
        assertThat(TEXTS.similarity("le la les de des du et pour avec nous", "le la les de des du et pour avec nous")).isZero();
        assertThat(TEXTS.similarity("les jardins de la ville", "les vélos de la ville")).isLessThan(0.51);
    }

    @Test
    void unrelatedTextsScoreZeroAndSharedStemsScoreBetween() {
        double unrelated = TEXTS.similarity("prêt de scooters pour l'emploi", "chorale et théâtre amateur");
        double partly = TEXTS.similarity("prêt de scooters pour l'emploi", "location de scooters électriques");
        double same = TEXTS.similarity("prêt de scooters pour l'emploi", "prêt de scooters pour l'emploi");

        assertThat(unrelated).isZero();
        assertThat(partly).isGreaterThan(0).isLessThan(1);
        assertThat(same).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void emptyOrMissingTextsScoreZero() {
        assertThat(TEXTS.similarity(null, "mobilité")).isZero();
        assertThat(TEXTS.similarity("   ", "mobilité")).isZero();
    }
}
