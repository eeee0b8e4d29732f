package fr.labos.partenariats.matchmaking.introduction.batch;

import fr.labos.partenariats.schema.common.TerritoryRef;

import java.util.List;

/**
 * What a batch did: how many actors of the territory it went through, how many introductions it proposed, and how
 * many of their top partners it skipped, by reason.
 *
 * @param actorsWithoutPartner actors of the territory for whom the matcher has no partner at all
 * @param skipped              top partners not proposed, by reason (French label)
 * @param introductions        the introductions proposed, in the order they were
 */
public record BatchReport(TerritoryRef territory, int partnersPerActor, int actors, int proposed,
                          int actorsWithoutPartner, List<Skipped> skipped, List<Proposal> introductions) {

    /** Top partners not proposed for one reason. */
    public record Skipped(String reason, String label, int count) {
    }

    /** One introduction proposed, with the partner score the matcher gave the pair. */
    public record Proposal(String introductionId, String actorId, String partnerId, double score) {
    }

    /** Skipped partners in all. */
    public int skippedCount() {
        return skipped.stream().mapToInt(Skipped::count).sum();
    }
}
