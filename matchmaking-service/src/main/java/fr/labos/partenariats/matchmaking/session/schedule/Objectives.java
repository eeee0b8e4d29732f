package fr.labos.partenariats.matchmaking.session.schedule;

import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.util.List;

/** Measures what a schedule achieves for the participants present, in the scheduler's order. */
final class Objectives {

    private Objectives() {
    }

    static ScheduleObjective of(List<ScheduledMeeting> meetings, PairTable pairs) {
        int[] count = new int[pairs.size];
        boolean[][] together = new boolean[pairs.size][pairs.size];
        double total = 0;
        for (ScheduledMeeting meeting : meetings) {
            int a = pairs.indexOf(meeting.actorId());
            int b = pairs.indexOf(meeting.partnerActorId());
            if (a >= 0) count[a]++;
            if (b >= 0) count[b]++;
            if (a >= 0 && b >= 0) {
                together[a][b] = true;
                together[b][a] = true;
            }
            total += meeting.weight();
        }
        int minimum = pairs.size == 0 ? 0 : Integer.MAX_VALUE;
        for (int c : count) minimum = Math.min(minimum, c);
        int mutual = 0;
        int mutualMet = 0;
        int oneSided = 0;
        int oneSidedMet = 0;
        for (int a = 0; a < pairs.size; a++) {
            for (int b = a + 1; b < pairs.size; b++) {
                if (pairs.mutual(a, b)) {
                    mutual++;
                    if (together[a][b]) mutualMet++;
                } else if (pairs.oneSided(a, b)) {
                    oneSided++;
                    if (together[a][b]) oneSidedMet++;
                }
            }
        }
        return new ScheduleObjective(minimum, mutualMet, mutual, oneSidedMet, oneSided, total);
    }
}
