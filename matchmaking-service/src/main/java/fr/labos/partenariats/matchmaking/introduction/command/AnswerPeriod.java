package fr.labos.partenariats.matchmaking.introduction.command;

import java.time.Duration;

/** How long both sides of an introduction have to accept it before it expires. */
public record AnswerPeriod(Duration duration) {

    /** Two weeks: long enough for a volunteer-run association to answer, short enough for an offer to stand. */
    public static final AnswerPeriod DEFAULT = new AnswerPeriod(Duration.ofDays(14));

    public AnswerPeriod {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the answer period must be positive, not " + duration);
        }
    }
}
