package fr.labos.partenariats.matchmaking.bench;

import fr.labos.partenariats.matchmaking.evaluation.EvaluationMetrics;
import fr.labos.partenariats.matchmaking.evaluation.LabelledPairs;
import fr.labos.partenariats.matchmaking.engine.index.MatchingIndex;
import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityModel;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityWeights;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityWeights.Component;
import fr.labos.partenariats.matchmaking.engine.model.FrenchText;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.TerritoryTable;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The quality command: ranks the offers of the labelled set ({@link LabelledPairs}) for each of its query needs with
 * the complementarity model, prints precision@k, recall@k, MRR and nDCG@k, then the ablation: the same with each
 * component's weight set to 0 in turn, and what the component adds. Not a test; run as BENCHMARKS.md says:
 * <pre>
 * mvn -B -q -pl matchmaking-service test-compile exec:java \
 *     -Dexec.mainClass=fr.labos.partenariats.matchmaking.bench.QualityEvaluation
 * </pre>
 * Prints Markdown and writes it to {@code target/quality.md}.
 */
public final class QualityEvaluation {

    private static final ZoneId PARIS = LabCalendar.ZONE;
    private static final int[] KS = {1, 3, 5, 10};
    private static final int ABLATION_K = 5;

    private final LabelledPairs set = LabelledPairs.load();
    private final TerritoryTable territories = new TerritoryTable(TerritoryDirectory.official());
    private final FrenchText text = new FrenchText();
    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws IOException {
        new QualityEvaluation().run();
    }

    private void run() throws IOException {
        ComplementarityWeights defaults = ComplementarityWeights.defaults();
        line("## Quality on the labelled set (%s)", ComplementarityModel.MODEL_VERSION);
        line("");
        line("%d query needs, %d offers, %d actors; reference date %s; default weights %s.", set.queries().size(),
                set.offers().size(), set.actors().size(), set.referenceDate(), defaults);
        line("");
        line("| k | P@k | R@k | MRR | nDCG@k | success@k | distractors in top k (mean) | never-to-propose offers proposed |");
        line("|---|---|---|---|---|---|---|---|");
        MatchingIndex index = build(defaults);
        EvaluationMetrics.Report atAblationK = null;
        for (int k : KS) {
            EvaluationMetrics.Report r = evaluate(index, k);
            line("| %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f | %d |", k, r.precisionAtK(), r.recallAtK(),
                    r.meanReciprocalRank(), r.ndcgAtK(), r.successAtK(), r.distractorsInTopK(), r.forbiddenProposed());
            if (k == ABLATION_K) {
                atAblationK = r;
            }
        }
        line("");
        line("Ablation at k = %d: each component's weight set to 0 in turn (the gates stay); Δ = full model − ablated, "
                + "so a positive Δ is what the component adds.", ABLATION_K);
        line("");
        line("| component off | weight | P@%d | R@%d | MRR | nDCG@%d | ΔP@%d | ΔMRR | ΔnDCG@%d |", ABLATION_K, ABLATION_K,
                ABLATION_K, ABLATION_K, ABLATION_K);
        line("|---|---|---|---|---|---|---|---|---|");
        line("| none (full model) | | %.3f | %.3f | %.3f | %.3f | | | |", atAblationK.precisionAtK(), atAblationK.recallAtK(),
                atAblationK.meanReciprocalRank(), atAblationK.ndcgAtK());
        for (Component component : Component.values()) {
            EvaluationMetrics.Report r = evaluate(build(defaults.with(component, 0)), ABLATION_K);
            line("| %s | %.2f | %.3f | %.3f | %.3f | %.3f | %+.3f | %+.3f | %+.3f |", component.name().toLowerCase(Locale.ROOT),
                    defaults.of(component), r.precisionAtK(), r.recallAtK(), r.meanReciprocalRank(), r.ndcgAtK(),
                    atAblationK.precisionAtK() - r.precisionAtK(), atAblationK.meanReciprocalRank() - r.meanReciprocalRank(),
                    atAblationK.ndcgAtK() - r.ndcgAtK());
        }
        line("");
        line("Queries whose first relevant offer ranks lowest (full model):");
        line("");
        atAblationK.perQuery().stream().sorted(Comparator.comparingDouble(EvaluationMetrics.QueryResult::reciprocalRank))
                .limit(5).forEach(q -> line("- %s: reciprocal rank %.2f, top 3 %s", q.needId(), q.reciprocalRank(),
                        q.ranked().subList(0, Math.min(3, q.ranked().size()))));
        line("");
        line("Example explanation (first query, best offer): %s", exampleSentence(index));

        Path out = (Files.isDirectory(Path.of("matchmaking-service")) ? Path.of("matchmaking-service", "target") : Path.of("target"))
                .resolve("quality.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("Written to " + out.toAbsolutePath());
        text.close();
    }

    private EvaluationMetrics.Report evaluate(MatchingIndex index, int k) {
        // Rank deeper than k so that MRR sees a relevant offer below the cut-off too.
        return EvaluationMetrics.evaluate(set.queries(), query -> index.matchesFor(PostKind.NEED, query.needId(),
                        RankingFilter.none(), set.referenceDate(), 100).orElse(List.of())
                .stream().map(m -> m.offer().id()).toList(), k);
    }

    private String exampleSentence(MatchingIndex index) {
        return index.matchesFor(PostKind.NEED, set.queries().get(0).needId(), RankingFilter.none(), set.referenceDate(), 1)
                .orElse(List.of()).stream().findFirst().map(Match::sentence).orElse("(none)");
    }

    private MatchingIndex build(ComplementarityWeights weights) {
        MatchingIndex index = new MatchingIndex(new ComplementarityModel(weights), territories, text, PARIS);
        MatchingBenchmark.feed(index, set.eventsInOrder(), index::put);
        index.markReady();
        return index;
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
