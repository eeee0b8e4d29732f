package fr.labos.partenariats.matchmaking.session.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random sessions from a seed, for property tests and the benchmark: participants spread over organisations (two
 * of the same organisation are excluded), pair weights drawn at random with many small ones and a few strong ones,
 * and about one wish per three participants, a third of them returned.
 */
public final class RandomSessions {

    private RandomSessions() {
    }

    public static SchedulingRequest session(long seed, int participants, int rounds, int tables) {
        Random random = new Random(seed);
        List<String> actors = new ArrayList<>();
        Map<String, Integer> organisation = new HashMap<>();
        for (int i = 0; i < participants; i++) {
            String actor = "actor-" + i;
            actors.add(actor);
            organisation.put(actor, random.nextInt(Math.max(2, participants * 4 / 5)));
        }
        List<Exclusion> exclusions = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            for (int j = i + 1; j < participants; j++) {
                if (organisation.get(actors.get(i)).equals(organisation.get(actors.get(j)))) {
                    exclusions.add(new Exclusion(actors.get(i), actors.get(j), "même organisation"));
                } else if (random.nextInt(100) == 0) {
                    exclusions.add(new Exclusion(actors.get(i), actors.get(j), "refusé comme concurrent"));
                }
            }
        }
        List<Wish> wishes = new ArrayList<>();
        for (int k = 0; k < participants / 3; k++) {
            String from = actors.get(random.nextInt(participants));
            String to = actors.get(random.nextInt(participants));
            if (from.equals(to)) continue;
            wishes.add(new Wish(from, to));
            if (random.nextInt(3) == 0) wishes.add(new Wish(to, from));
        }
        return SchedulingRequest.firstPlan(actors, rounds, tables, new RandomWeights(seed), wishes, exclusions);
    }

    /** A pair's weight from a hash of the seed and the pair: the same whatever the order asked. */
    record RandomWeights(long seed) implements PairWeights {
        @Override
        public double weight(String actorId, String partnerActorId) {
            String key = actorId.compareTo(partnerActorId) < 0 ? actorId + "|" + partnerActorId
                    : partnerActorId + "|" + actorId;
            double u = new Random(seed * 31 + key.hashCode()).nextDouble();
            return Math.round(u * u * u * 1000) / 1000.0;
        }
    }
}
