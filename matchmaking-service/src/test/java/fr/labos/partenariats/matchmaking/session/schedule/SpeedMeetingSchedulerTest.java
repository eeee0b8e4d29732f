package fr.labos.partenariats.matchmaking.session.schedule;

import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's objective, in its order, on sessions small enough to know the best answer. */
class SpeedMeetingSchedulerTest {

    private final SpeedMeetingScheduler scheduler = new SpeedMeetingScheduler();

    private static final List<String> EIGHT = IntStream.rangeClosed(1, 8).mapToObj(i -> "a" + i).toList();

    /** Pairs of a1..a4 with a5..a8 weigh 1, the others 0.1. */
    private static final PairWeights CROSS = (a, b) -> (a.compareTo("a5") < 0) != (b.compareTo("a5") < 0) ? 1 : 0.1;

    /**
     * Tables short and every pair of the same weight (nobody wished anyone, complementarity alike): which pairs take
     * the seats, and at which tables, must not depend on the run, or another instance, or the next generation, would
     * hand out another plan for the same session.
     */
    @Test
    void theSameSessionGivesTheSamePlanRunAfterRun() {
        // Seven people at two tables over ten rounds: once most pairs have met, more pairs could take the seats left
        // than there are seats.
        List<String> seven = IntStream.rangeClosed(1, 7).mapToObj(i -> "a" + i).toList();
        PairWeights alike = (a, b) -> 0.5;
        List<ScheduledMeeting> first = new SpeedMeetingScheduler()
                .plan(SchedulingRequest.firstPlan(seven, 10, 2, alike, List.of(), List.of())).meetings();
        for (int run = 0; run < 20; run++) {
            assertThat(new SpeedMeetingScheduler()
                    .plan(SchedulingRequest.firstPlan(seven, 10, 2, alike, List.of(), List.of())).meetings())
                    .as("run " + run).isEqualTo(first);
        }
    }

    @Test
    void withATableForEveryPairEveryoneMeetsInEveryRound() {
        Schedule schedule = scheduler.plan(SchedulingRequest.firstPlan(EIGHT, 7, 4, CROSS, List.of(), List.of()));
        assertThat(schedule.objective().minimumMeetings()).isEqualTo(7);
        assertThat(schedule.meetings()).hasSize(28);
    }

    @Test
    void theHeaviestPairsMeetFirstAndTheScheduleCarriesItsTotalWeight() {
        Schedule schedule = scheduler.plan(SchedulingRequest.firstPlan(EIGHT, 4, 4, CROSS, List.of(), List.of()));
        assertThat(schedule.meetings()).allMatch(m -> m.weight() == 1.0);
        assertThat(schedule.objective().totalWeight()).isEqualTo(16.0);
        assertThat(schedule.meetings()).allMatch(m -> m.reason() == MeetingReason.COMPLEMENTARITY);
    }

    @Test
    void wishesComeBeforeWeightAndSayWhy() {
        List<Wish> wishes = List.of(new Wish("a1", "a2"), new Wish("a2", "a1"), new Wish("a3", "a4"));
        Schedule schedule = scheduler.plan(SchedulingRequest.firstPlan(EIGHT, 1, 4, CROSS, wishes, List.of()));
        assertThat(schedule.meetings()).anySatisfy(m -> {
            assertThat(m.brings("a1", "a2")).isTrue();
            assertThat(m.reason()).isEqualTo(MeetingReason.MUTUAL_WISH);
            assertThat(m.explanation()).isEqualTo("Les deux participants ont demandé à se rencontrer.");
        });
        assertThat(schedule.meetings()).anySatisfy(m -> {
            assertThat(m.brings("a3", "a4")).isTrue();
            assertThat(m.reason()).isEqualTo(MeetingReason.WISH);
            assertThat(m.explanation()).isEqualTo("a3 a demandé à rencontrer a4.");
        });
        assertThat(schedule.objective().mutualWishesMet()).isEqualTo(1);
        assertThat(schedule.objective().oneSidedWishesMet()).isEqualTo(1);
    }

    @Test
    void excludedPairsNeverMeet() {
        List<Exclusion> exclusions = List.of(new Exclusion("a1", "a5", "même organisation"));
        Schedule schedule = scheduler.plan(SchedulingRequest.firstPlan(EIGHT, 7, 4, CROSS, List.of(), exclusions));
        assertThat(schedule.meetings()).noneMatch(m -> m.brings("a1", "a5"));
    }

    @Test
    void whenTablesAreShortNobodyIdlesTwiceWhileAnotherNeverIdles() {
        List<String> ten = IntStream.rangeClosed(1, 10).mapToObj(i -> "p" + i).toList();
        Schedule schedule = scheduler.plan(SchedulingRequest.firstPlan(ten, 5, 4, (a, b) -> 0.5, List.of(),
                List.of()));
        Map<String, Integer> meetings = new HashMap<>();
        for (ScheduledMeeting m : schedule.meetings()) {
            meetings.merge(m.actorId(), 1, Integer::sum);
            meetings.merge(m.partnerActorId(), 1, Integer::sum);
        }
        assertThat(schedule.meetings()).hasSize(20);
        assertThat(ten).allMatch(p -> meetings.get(p) == 4);
        assertThat(schedule.objective().minimumMeetings()).isEqualTo(4);
    }

    @Test
    void anOddParticipantIdlesInTurn() {
        List<String> seven = EIGHT.subList(0, 7);
        Schedule schedule = scheduler.plan(SchedulingRequest.firstPlan(seven, 7, 4, (a, b) -> 0.5, List.of(),
                List.of()));
        assertThat(schedule.objective().minimumMeetings()).isEqualTo(6);
        assertThat(schedule.meetings()).hasSize(21);
    }

    @Test
    void aRePlanAfterAnAbsenceKeepsTheHeldRoundAndTheLocksAndSeatsNobodyAbsent() {
        Schedule first = scheduler.plan(SchedulingRequest.firstPlan(EIGHT, 4, 4, CROSS, List.of(), List.of()));
        List<ScheduledMeeting> roundOne = first.meetings().stream().filter(m -> m.round() == 1).toList();
        ScheduledMeeting lockedLater = first.meetings().stream()
                .filter(m -> m.round() == 3 && !m.involves("a8")).findFirst().orElseThrow();
        ScheduledMeeting lock = new ScheduledMeeting(3, lockedLater.table(), lockedLater.actorId(),
                lockedLater.partnerActorId(), lockedLater.weight(), lockedLater.reason(), lockedLater.explanation(),
                true);
        List<ScheduledMeeting> kept = new java.util.ArrayList<>(roundOne);
        kept.add(lock);
        Schedule replanned = scheduler.plan(new SchedulingRequest(EIGHT.subList(0, 7), 4, 4, CROSS, List.of(),
                List.of(), kept, 1));
        assertThat(replanned.meetings()).containsAll(roundOne).contains(lock);
        assertThat(replanned.meetings()).filteredOn(m -> m.round() > 1).noneMatch(m -> m.involves("a8"));
    }
}
