package fr.labos.partenariats.matchmaking.session.schedule;

import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The hard constraints and the exclusions, checked on a whole schedule; {@code context} names the seed. */
final class ScheduleChecks {

    private ScheduleChecks() {
    }

    static void checkHardConstraints(List<ScheduledMeeting> meetings, SchedulingRequest request, String context) {
        Set<String> pairs = new HashSet<>();
        Set<String> seats = new HashSet<>();
        Set<String> tables = new HashSet<>();
        Set<String> excluded = new HashSet<>();
        request.exclusions().forEach(e -> excluded.add(key(e.actorId(), e.partnerActorId())));
        for (ScheduledMeeting m : meetings) {
            assertThat(m.actorId()).as(context + ": a meeting of two different participants, " + m)
                    .isNotEqualTo(m.partnerActorId());
            assertThat(pairs.add(key(m.actorId(), m.partnerActorId())))
                    .as(context + ": pair met twice, " + m).isTrue();
            assertThat(seats.add(m.round() + "/" + m.actorId()))
                    .as(context + ": " + m.actorId() + " twice in round " + m.round()).isTrue();
            assertThat(seats.add(m.round() + "/" + m.partnerActorId()))
                    .as(context + ": " + m.partnerActorId() + " twice in round " + m.round()).isTrue();
            assertThat(tables.add(m.round() + "/" + m.table()))
                    .as(context + ": table " + m.table() + " twice in round " + m.round()).isTrue();
            assertThat(m.round()).as(context + ": round of " + m).isBetween(1, request.rounds());
            assertThat(m.table()).as(context + ": table of " + m).isGreaterThanOrEqualTo(1);
            if (m.round() > request.roundsStarted()) {
                assertThat(m.table()).as(context + ": table still available, " + m)
                        .isLessThanOrEqualTo(request.tables());
            }
            assertThat(excluded).as(context + ": excluded pair seated, " + m)
                    .doesNotContain(key(m.actorId(), m.partnerActorId()));
        }
    }

    static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
