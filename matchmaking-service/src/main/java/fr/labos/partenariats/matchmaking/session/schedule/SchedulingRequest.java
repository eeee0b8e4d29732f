package fr.labos.partenariats.matchmaking.session.schedule;

import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.util.List;

/**
 * What the scheduler plans from.
 *
 * @param participants  the participants present (or expected), in a stable order
 * @param rounds        the session's rounds
 * @param tables        the tables available now
 * @param kept          meetings to keep: those of started rounds (held) and those a facilitator locked; a locked
 *                      meeting of a round to come is dropped when one of its two participants is no longer present
 * @param roundsStarted rounds 1 to this one keep exactly their kept meetings; only the later rounds are planned
 */
public record SchedulingRequest(List<String> participants, int rounds, int tables, PairWeights weights,
                                List<Wish> wishes, List<Exclusion> exclusions, List<ScheduledMeeting> kept,
                                int roundsStarted) {

    public SchedulingRequest {
        participants = List.copyOf(participants);
        wishes = wishes == null ? List.of() : List.copyOf(wishes);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        kept = kept == null ? List.of() : List.copyOf(kept);
    }

    /** A first plan: nothing kept, no round started. */
    public static SchedulingRequest firstPlan(List<String> participants, int rounds, int tables, PairWeights weights,
                                              List<Wish> wishes, List<Exclusion> exclusions) {
        return new SchedulingRequest(participants, rounds, tables, weights, wishes, exclusions, List.of(), 0);
    }
}
