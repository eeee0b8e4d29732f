package fr.labos.partenariats.matchmaking.introduction.command;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer period's days are the lab's calendar days: a clock change neither shortens nor lengthens them. */
class AnswerPeriodTest {

    @Test
    void twoWeeksFromAMorningEndAtTheSameHourInParisAcrossAClockChange() {
        // 10:00 in Paris on 20 October 2026 (summer time, UTC+2) → 10:00 on 3 November (winter time, UTC+1).
        assertThat(AnswerPeriod.DEFAULT.endOf(Instant.parse("2026-10-20T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-03T09:00:00Z"));
        // 10:00 on 20 March 2026 (winter time) → 10:00 on 3 April (summer time).
        assertThat(AnswerPeriod.DEFAULT.endOf(Instant.parse("2026-03-20T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-04-03T08:00:00Z"));
        // No change in between: 14 × 24 hours.
        assertThat(AnswerPeriod.DEFAULT.endOf(Instant.parse("2026-06-01T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-15T08:00:00Z"));
    }

    @Test
    void whatIsLessThanADayIsElapsedTime() {
        // A day and a half from noon on 24 October 2026 (UTC+2): noon on the 25th, after the clocks went back (UTC+1),
        // then twelve hours.
        assertThat(new AnswerPeriod(Duration.ofHours(36)).endOf(Instant.parse("2026-10-24T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    }
}
