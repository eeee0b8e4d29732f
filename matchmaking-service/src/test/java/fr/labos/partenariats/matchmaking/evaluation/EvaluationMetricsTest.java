package fr.labos.partenariats.matchmaking.evaluation;

import fr.labos.partenariats.matchmaking.evaluation.LabelledPairs.DistractorKind;
import fr.labos.partenariats.matchmaking.evaluation.LabelledPairs.Distractor;
import fr.labos.partenariats.matchmaking.evaluation.LabelledPairs.Label;
import fr.labos.partenariats.matchmaking.evaluation.LabelledPairs.Query;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.labos.partenariats.matchmaking.evaluation.EvaluationMetrics.countInTopK;
import static fr.labos.partenariats.matchmaking.evaluation.EvaluationMetrics.meanReciprocalRank;
import static fr.labos.partenariats.matchmaking.evaluation.EvaluationMetrics.ndcgAtK;
import static fr.labos.partenariats.matchmaking.evaluation.EvaluationMetrics.precisionAtK;
import static fr.labos.partenariats.matchmaking.evaluation.EvaluationMetrics.recallAtK;
import static fr.labos.partenariats.matchmaking.evaluation.EvaluationMetrics.reciprocalRank;
import static fr.labos.partenariats.matchmaking.evaluation.EvaluationMetrics.successAtK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluationMetricsTest {

    private static final List<String> RANKED = List.of("a", "b", "c", "d");
    private static final Set<String> RELEVANT = Set.of("a", "c", "x");

    @Test
    void precisionCountsRelevantIdsAmongTheFirstKSlots() {
        assertThat(precisionAtK(RANKED, RELEVANT, 1)).isEqualTo(1.0);
        assertThat(precisionAtK(RANKED, RELEVANT, 2)).isEqualTo(0.5);
        assertThat(precisionAtK(RANKED, RELEVANT, 3)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void aShortRankingIsNotRewardedForReturningFewerAnswers() {
        // Two hits in four answers, judged over five slots.
        assertThat(precisionAtK(RANKED, RELEVANT, 5)).isEqualTo(0.4);
        assertThat(precisionAtK(List.of(), RELEVANT, 3)).isZero();
    }

    @Test
    void recallCountsTheRelevantIdsFoundOutOfAllRelevantOnes() {
        assertThat(recallAtK(RANKED, RELEVANT, 1)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(recallAtK(RANKED, RELEVANT, 3)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(recallAtK(RANKED, Set.of("a", "c"), 10)).isEqualTo(1.0);
    }

    @Test
    void aRepeatedIdCountsOnceAtItsFirstRank() {
        List<String> repeated = List.of("a", "a", "a", "c");

        assertThat(precisionAtK(repeated, RELEVANT, 2)).isEqualTo(1.0);
        assertThat(recallAtK(repeated, RELEVANT, 2)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(reciprocalRank(List.of("b", "b", "a"), Set.of("a"))).isEqualTo(0.5);
    }

    @Test
    void reciprocalRankIsOneOverTheRankOfTheFirstRelevantId() {
        assertThat(reciprocalRank(List.of("b", "c", "a"), Set.of("a"))).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(reciprocalRank(List.of("a", "b"), Set.of("a", "b"))).isEqualTo(1.0);
        assertThat(reciprocalRank(List.of("b", "c"), Set.of("a"))).isZero();
    }

    @Test
    void meanReciprocalRankAveragesOverQueries() {
        double mrr = meanReciprocalRank(
                List.of(List.of("a"), List.of("b", "a"), List.of("c")),
                List.of(Set.of("a"), Set.of("a"), Set.of("a")));

        assertThat(mrr).isCloseTo((1 + 0.5 + 0) / 3, within(1e-12));
    }

    @Test
    void ndcgDiscountsGradedGainsByRankAndNormalisesByTheIdealOrder() {
        Map<String, Integer> grades = Map.of("a", 2, "c", 1);

        // DCG = 0 + (2²−1)/log2(3) + (2¹−1)/log2(4); IDCG = 3/log2(2) + 1/log2(3).
        assertThat(ndcgAtK(List.of("b", "a", "c"), grades, 3)).isCloseTo(0.6590018, within(1e-6));
        // Only the acceptable offer, then the ideal one: (1 + 3/log2(3)) / (3 + 1/log2(3)).
        assertThat(ndcgAtK(List.of("c", "a"), grades, 2)).isCloseTo(0.7967076, within(1e-6));
        assertThat(ndcgAtK(List.of("a", "c", "b"), grades, 3)).isCloseTo(1.0, within(1e-12));
        assertThat(ndcgAtK(List.of("b", "d"), grades, 2)).isZero();
    }

    @Test
    void successAndDistractorCountsLookAtTheFirstKSlotsOnly() {
        assertThat(successAtK(List.of("b", "d", "a"), Set.of("a"), 2)).isZero();
        assertThat(successAtK(List.of("b", "d", "a"), Set.of("a"), 3)).isEqualTo(1.0);
        assertThat(countInTopK(List.of("x", "b", "y", "z"), Set.of("x", "y", "z"), 3)).isEqualTo(2);
    }

    @Test
    void undefinedMeasuresAreRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> precisionAtK(RANKED, RELEVANT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recallAtK(RANKED, Set.of(), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ndcgAtK(RANKED, Map.of("a", 0), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> meanReciprocalRank(List.of(RANKED), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evaluateAveragesEachMeasureOverQueriesAndCountsForbiddenProposals() {
        Query first = new Query("need-1", "",
                List.of(new Label("o-ideal", 2, ""), new Label("o-ok", 1, "")),
                List.of(new Distractor("o-expired", DistractorKind.EXPIRED, ""), new Distractor("o-far", DistractorKind.OUT_OF_TERRITORY, "")));
        Query second = new Query("need-2", "",
                List.of(new Label("o-ideal-2", 2, "")),
                List.of(new Distractor("o-same", DistractorKind.SAME_ACTOR, "")));
        Map<String, List<String>> rankings = Map.of(
                "need-1", List.of("o-far", "o-ideal", "o-other", "o-expired"),
                "need-2", List.of("o-ideal-2"));

        EvaluationMetrics.Report report = EvaluationMetrics.evaluate(List.of(first, second), q -> rankings.get(q.needId()), 2);

        assertThat(report.queries()).isEqualTo(2);
        assertThat(report.precisionAtK()).isCloseTo((0.5 + 0.5) / 2, within(1e-12));
        assertThat(report.recallAtK()).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
        assertThat(report.meanReciprocalRank()).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
        assertThat(report.successAtK()).isEqualTo(1.0);
        assertThat(report.distractorsInTopK()).isEqualTo(0.5);
        // The expired offer sits beyond k but was proposed all the same; the out-of-territory one is only ranked too high.
        assertThat(report.forbiddenProposed()).isEqualTo(1);
        assertThat(report.perQuery()).extracting(EvaluationMetrics.QueryResult::needId).containsExactly("need-1", "need-2");
        assertThat(report.summary()).contains("P@2=0.500", "MRR=0.750", "forbidden=1");
    }
}
