package fr.labos.partenariats.matchmaking.bench;

import fr.labos.partenariats.matchmaking.bench.dataset.SyntheticNationalDataset;
import fr.labos.partenariats.matchmaking.engine.index.MatchingIndex;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.FrenchText;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.TerritoryTable;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Writes every answer of the engine on the synthetic dataset — top 10 of every fifth need and offer, without and with
 * a filter, partners of every tenth actor — with scores as raw IEEE bits, to {@code target/rankings.txt}, and prints
 * its SHA-256: two versions of the engine that print the same digest gave the same answers, bit for bit. Not a test;
 * {@code -Dexec.args="20000"} sets the dataset's size.
 */
public final class RankingDigest {

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        int size = args.length == 0 ? 20_000 : Integer.parseInt(args[0]);
        SyntheticNationalDataset dataset = SyntheticNationalDataset.generate(size, 20261126L);
        LocalDate today = dataset.referenceDate();
        MatchingIndex index = MatchingBenchmark.build(dataset.eventsInOrder(),
                new TerritoryTable(TerritoryDirectory.official()), new FrenchText());
        RankingFilter filter = RankingFilter.none().scopedAt(TerritoryLevel.DEPARTEMENT)
                .actorTypes(Set.of(ActorType.ASSOCIATION, ActorType.COMPANY, ActorType.FOUNDATION));
        Path out = Path.of("target", "rankings.txt");
        Files.createDirectories(out.getParent());
        int lines = 0;
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (PostKind kind : PostKind.values()) {
                List<String> ids = index.ids(kind);
                for (int i = 0; i < ids.size(); i += 5) {
                    for (RankingFilter f : List.of(RankingFilter.none(), filter)) {
                        for (Match match : index.matchesFor(kind, ids.get(i), f, today, 10).orElse(List.of())) {
                            writer.println(kind + " " + ids.get(i) + " " + line(match));
                            lines++;
                        }
                    }
                }
            }
            List<String> actors = dataset.actors().stream().map(a -> a.actorId()).sorted().toList();
            for (int i = 0; i < actors.size(); i += 10) {
                for (Partner partner : index.partnersOf(actors.get(i), RankingFilter.none(), today, 10, 3).orElse(List.of())) {
                    writer.println("PARTNER " + actors.get(i) + " " + partner.actor().id() + " "
                            + Long.toHexString(Double.doubleToRawLongBits(partner.score())) + " " + partner.pairCount()
                            + " " + partner.sentence());
                    for (Match match : partner.pairs()) {
                        writer.println("  " + line(match));
                    }
                    lines++;
                }
            }
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out));
        System.out.println("rankings: " + lines + " lines, SHA-256 " + HexFormat.of().formatHex(digest));
    }

    private static String line(Match match) {
        return match.need().id() + " " + match.offer().id() + " " + Long.toHexString(Double.doubleToRawLongBits(match.score()))
                + " " + match.components() + " " + match.sentence();
    }
}
