package fr.labos.partenariats.matchmaking.matching.exclusion;

import fr.labos.partenariats.schema.matching.Outcome;

import java.time.LocalDate;

/**
 * Which of an introduction's outcomes says where it stands, one rule for every reader of the introduction events (the
 * pairs the matcher sets aside, the introductions' views) so that they never disagree. Outcomes are often recorded
 * weeks late and out of order (a partnership formed on 1 March recorded, then a follow-up planned on 1 February that
 * had been forgotten): the one that happened last prevails; on the same day, the one recorded last.
 */
public final class LatestOutcome {

    private LatestOutcome() {
    }

    /**
     * Whether an outcome that happened on {@code occurredOn}, recorded after the introduction's other outcomes,
     * prevails over them.
     *
     * @param latestBefore the latest day on which one of the outcomes recorded before it happened; null if none was
     */
    public static boolean prevails(LocalDate occurredOn, LocalDate latestBefore) {
        return latestBefore == null || !occurredOn.isBefore(latestBefore);
    }

    /**
     * The partnerships formed through an introduction and not ended, once this outcome is recorded (outcomes taken in
     * the order they were recorded): an introduction may lead to several partnerships, and an end closes one of them,
     * as the introduction itself counts them. While one is in force, a later end or « no fit » does not make the pair
     * strangers again.
     */
    public static int partnershipsInForce(int before, Outcome outcome) {
        return switch (outcome) {
            case PARTNERSHIP_FORMED -> before + 1;
            case PARTNERSHIP_ENDED -> Math.max(0, before - 1);
            case NO_FIT, FOLLOW_UP_PLANNED -> before;
        };
    }

    /**
     * Whether an introduction accepted by both sides makes its two actors partners: a partnership formed through it in
     * force, whatever came after it (a follow-up planned, a « no fit », another partnership's end), or a formation the
     * outcome that prevails.
     *
     * @param latest the outcome that prevails ({@link #prevails}); null if none is recorded
     */
    public static boolean partners(int partnershipsInForce, Outcome latest) {
        return partnershipsInForce > 0 || latest == Outcome.PARTNERSHIP_FORMED;
    }

    /**
     * Whether an introduction accepted by both sides is still in progress: no partnership formed through it in force,
     * and no outcome that closes it (none yet, or the latest a follow-up planned).
     *
     * @param latest the outcome that prevails ({@link #prevails}); null if none is recorded
     */
    public static boolean carriesOn(int partnershipsInForce, Outcome latest) {
        return partnershipsInForce == 0 && (latest == null || latest == Outcome.FOLLOW_UP_PLANNED);
    }

    /**
     * Where an introduction stands after its outcomes, given in the order they were recorded: the partnerships formed
     * through it and in force, and the outcome that prevails. The one fold of those rules for every reader that keeps no
     * richer state (the aggregate keeps the days its partnerships were formed, to know which one an end closes).
     */
    public static final class Standing {

        private int partnershipsInForce;
        private Outcome latest;
        private LocalDate latestOn;

        /**
         * Takes the next outcome recorded. One of no known day (a view's step written before steps kept it) counts
         * for the partnerships in force, not for the one that prevails.
         */
        public Standing record(Outcome outcome, LocalDate occurredOn) {
            partnershipsInForce = LatestOutcome.partnershipsInForce(partnershipsInForce, outcome);
            if (occurredOn != null && prevails(occurredOn, latestOn)) {
                latest = outcome;
                latestOn = occurredOn;
            }
            return this;
        }

        public int partnershipsInForce() {
            return partnershipsInForce;
        }

        /** The outcome that prevails; null while none is recorded. */
        public Outcome latest() {
            return latest;
        }

        /** Whether an introduction accepted by both sides is still in progress after these outcomes ({@link #carriesOn}). */
        public boolean carriesOn() {
            return LatestOutcome.carriesOn(partnershipsInForce, latest);
        }
    }
}
