package fr.labos.partenariats.matchmaking.session.schedule.bench;

import fr.labos.partenariats.matchmaking.session.schedule.RandomSessions;
import fr.labos.partenariats.matchmaking.session.schedule.SchedulingRequest;
import fr.labos.partenariats.matchmaking.session.schedule.SpeedMeetingScheduler;
import fr.labos.partenariats.schema.session.ScheduleObjective;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a few random small sessions (a table per pair, and short tables), the scheduler reaches the exact optimum's
 * minimum of meetings and wishes, and most of its weight. The benchmark measures the share on many more sessions.
 */
class SchedulerOptimumTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void reachesTheOptimalMinimumAndWishesAndNearlyTheOptimalWeight(long seed) {
        int participants = 12 + (int) (seed % 4) * 4;
        int tables = seed % 2 == 0 ? participants / 2 : participants / 2 - 2;
        SchedulingRequest request = RandomSessions.session(seed, participants, 5, tables);
        ScheduleObjective got = new SpeedMeetingScheduler().plan(request).objective();
        ExactOptimum.Optimum best = ExactOptimum.of(request);
        assertThat(best.proven()).as("seed %d: optimum proven", seed).isTrue();
        assertThat(got.minimumMeetings()).as("seed %d: minimum meetings", seed).isEqualTo(best.minimumMeetings());
        assertThat(got.mutualWishesMet()).as("seed %d: mutual wishes", seed).isEqualTo(best.mutualWishes());
        assertThat(got.oneSidedWishesMet()).as("seed %d: one-sided wishes", seed).isEqualTo(best.oneSidedWishes());
        assertThat(got.totalWeight()).as("seed %d: weight against the optimum %s", seed, best.totalWeight())
                .isLessThanOrEqualTo(best.totalWeight() + 1e-9)
                .isGreaterThanOrEqualTo(0.9 * best.totalWeight());
    }
}
