package fr.labos.partenariats.matchmaking.session.schedule;

import fr.labos.partenariats.schema.session.ScheduledMeeting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On random sessions, through random sequences of live changes between rounds (an absence, a late arrival, a table
 * lost, a meeting locked by hand), every re-plan keeps the hard constraints and the exclusions, keeps every meeting
 * held and every lock whose two participants are present, and seats nobody absent. Each case names its seed.
 */
class LiveChangesPropertiesTest {

    private final SpeedMeetingScheduler scheduler = new SpeedMeetingScheduler();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aFirstPlanKeepsTheHardConstraintsAndTheExclusions(long seed) {
        Random random = new Random(seed);
        int participants = 4 + random.nextInt(60);
        SchedulingRequest request = RandomSessions.session(seed, participants, 1 + random.nextInt(10),
                1 + random.nextInt(participants / 2 + 2));
        Schedule schedule = scheduler.plan(request);
        ScheduleChecks.checkHardConstraints(schedule.meetings(), request, "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void liveChangesKeepHeldAndLockedMeetings(long seed) {
        Random random = new Random(seed);
        int size = 6 + random.nextInt(40);
        int rounds = 3 + random.nextInt(6);
        SchedulingRequest first = RandomSessions.session(seed, size, rounds, size / 2);
        List<String> present = new ArrayList<>(first.participants());
        List<String> absent = new ArrayList<>();
        int tables = first.tables();
        List<ScheduledMeeting> meetings = scheduler.plan(first).meetings();
        for (int round = 1; round <= rounds; round++) {
            String change = "";
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (present.size() > 2) {
                        String gone = present.remove(random.nextInt(present.size()));
                        absent.add(gone);
                        change = gone + " absent";
                    }
                }
                case 1 -> {
                    if (!absent.isEmpty()) {
                        String back = absent.remove(random.nextInt(absent.size()));
                        present.add(back);
                        change = back + " arrives late";
                    }
                }
                case 2 -> {
                    if (tables > 1) change = "table " + tables-- + " lost";
                }
                default -> {
                    int r = round;
                    List<ScheduledMeeting> later = meetings.stream().filter(m -> m.round() >= r).toList();
                    if (!later.isEmpty()) {
                        ScheduledMeeting locked = later.get(random.nextInt(later.size()));
                        meetings = new ArrayList<>(meetings);
                        meetings.set(meetings.indexOf(locked), lock(locked));
                        change = "locked " + locked;
                    }
                }
            }
            String context = "seed " + seed + ", before round " + round + " (" + change + ")";
            int started = round - 1;
            List<ScheduledMeeting> kept = meetings.stream()
                    .filter(m -> m.round() <= started || m.locked()).toList();
            SchedulingRequest replan = new SchedulingRequest(present, rounds, tables, first.weights(), first.wishes(),
                    first.exclusions(), kept, started);
            List<ScheduledMeeting> next = scheduler.plan(replan).meetings();

            ScheduleChecks.checkHardConstraints(next, replan, context);
            for (ScheduledMeeting held : kept.stream().filter(m -> m.round() <= started).toList()) {
                assertThat(next).as(context + ": held meeting kept as it was").contains(held);
            }
            List<ScheduledMeeting> locks = kept.stream().filter(m -> m.round() > started
                    && present.contains(m.actorId()) && present.contains(m.partnerActorId())).toList();
            for (ScheduledMeeting lock : locks) {
                // A round whose locks outnumber the tables left cannot keep them all.
                if (locks.stream().filter(m -> m.round() == lock.round()).count() <= tables) {
                    assertThat(next).as(context + ": lock kept in its round, " + lock)
                            .anyMatch(m -> m.round() == lock.round() && m.locked()
                                    && m.brings(lock.actorId(), lock.partnerActorId()));
                }
            }
            assertThat(next.stream().filter(m -> m.round() <= started).toList())
                    .as(context + ": started rounds unchanged")
                    .containsExactlyInAnyOrderElementsOf(meetings.stream().filter(m -> m.round() <= started).toList());
            assertThat(next.stream().filter(m -> m.round() > started))
                    .as(context + ": nobody absent seated in the rounds to come")
                    .allMatch(m -> present.contains(m.actorId()) && present.contains(m.partnerActorId()));
            meetings = next;
        }
    }

    private static ScheduledMeeting lock(ScheduledMeeting m) {
        return new ScheduledMeeting(m.round(), m.table(), m.actorId(), m.partnerActorId(), m.weight(), m.reason(),
                m.explanation(), true);
    }
}
