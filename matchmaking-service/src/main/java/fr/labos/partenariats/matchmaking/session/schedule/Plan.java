package fr.labos.partenariats.matchmaking.session.schedule;

import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/** The schedule being built: who sits where in each round, who met whom, how many meetings each one has. */
final class Plan {

    private final PairTable pairs;
    private final List<List<Seat>> seats = new ArrayList<>();
    private final List<BitSet> busy = new ArrayList<>();
    private final BitSet met;
    private final int[] meetings;

    /** A meeting kept as it was given, or a pair the scheduler seated (meeting null). */
    private record Seat(int round, int table, int a, int b, boolean locked, ScheduledMeeting kept) {
    }

    Plan(PairTable pairs, int rounds) {
        this.pairs = pairs;
        met = new BitSet(pairs.size * pairs.size);
        meetings = new int[pairs.size];
        for (int round = 0; round <= rounds; round++) {
            seats.add(new ArrayList<>());
            busy.add(new BitSet(pairs.size));
        }
    }

    /** A meeting of a started round, kept exactly, even when a participant has since left. */
    void keepStarted(ScheduledMeeting meeting, int a, int b) {
        if (meeting.round() < 1 || meeting.round() >= seats.size()) return;
        seats.get(meeting.round()).add(new Seat(meeting.round(), meeting.table(), a, b, meeting.locked(), meeting));
        record(meeting.round(), a, b);
    }

    void seat(int round, int table, int a, int b, boolean locked) {
        seats.get(round).add(new Seat(round, table, a, b, locked, null));
        record(round, a, b);
    }

    private void record(int round, int a, int b) {
        if (a >= 0) {
            busy.get(round).set(a);
            meetings[a]++;
        }
        if (b >= 0) {
            busy.get(round).set(b);
            meetings[b]++;
        }
        if (a >= 0 && b >= 0) {
            met.set(a * pairs.size + b);
            met.set(b * pairs.size + a);
        }
    }

    boolean mayMeet(int a, int b) {
        return a != b && pairs.allowed[a][b] && !met.get(a * pairs.size + b);
    }

    int meetingsOf(int participant) {
        return meetings[participant];
    }

    BitSet busy(int round) {
        return busy.get(round);
    }

    int seatedPairs(int round) {
        return seats.get(round).size();
    }

    boolean tableFree(int round, int table) {
        return seats.get(round).stream().noneMatch(s -> s.table() == table);
    }

    /** The lowest free table of the round, or 0 when every table is taken. */
    int freeTable(int round, int tables) {
        BitSet taken = new BitSet();
        seats.get(round).forEach(s -> taken.set(s.table()));
        int table = taken.nextClearBit(1);
        return table <= tables ? table : 0;
    }

    /** The pairs of the round, as participant indices: those the scheduler chose (true) or those kept (false). */
    List<int[]> pairs(int round, boolean chosen) {
        List<int[]> out = new ArrayList<>();
        for (Seat seat : seats.get(round)) {
            boolean mine = !seat.locked() && seat.kept() == null;
            if (mine == chosen) out.add(new int[]{seat.a(), seat.b()});
        }
        return out;
    }

    /** Every meeting, by round then table, carrying its weight and why it was planned. */
    List<ScheduledMeeting> meetings(PairWeights weights) {
        List<ScheduledMeeting> all = new ArrayList<>();
        for (List<Seat> round : seats) {
            for (Seat seat : round) {
                if (seat.kept() != null) {
                    all.add(seat.kept());
                } else {
                    all.add(describe(seat, weights));
                }
            }
        }
        all.sort(Comparator.comparingInt(ScheduledMeeting::round).thenComparingInt(ScheduledMeeting::table));
        return all;
    }

    private ScheduledMeeting describe(Seat seat, PairWeights weights) {
        String a = pairs.actors.get(seat.a());
        String b = pairs.actors.get(seat.b());
        MeetingReason reason = SpeedMeetingScheduler.reasonFor(seat.a(), seat.b(), pairs);
        String explanation = switch (reason) {
            case MUTUAL_WISH -> "Les deux participants ont demandé à se rencontrer.";
            case WISH -> (pairs.wishes[seat.a()][seat.b()] ? a + " a demandé à rencontrer " + b
                    : b + " a demandé à rencontrer " + a) + ".";
            case COMPLEMENTARITY -> weights.explanation(a, b);
        };
        return new ScheduledMeeting(seat.round(), seat.table(), a, b, pairs.weight[seat.a()][seat.b()], reason,
                explanation, seat.locked());
    }
}
