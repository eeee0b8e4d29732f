package fr.labos.partenariats.matchmaking.matching.exclusion;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class LatestOutcomeTest {

    private static final LocalDate FEBRUARY_1 = LocalDate.of(2026, 2, 1);
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    @Test
    void theFirstOutcomeRecordedPrevails() {
        assertThat(LatestOutcome.prevails(FEBRUARY_1, null)).isTrue();
    }

    @Test
    void anOutcomeThatHappenedAfterTheOthersPrevails() {
        assertThat(LatestOutcome.prevails(MARCH_1, FEBRUARY_1)).isTrue();
    }

    @Test
    void anOutcomeRecordedLateThatHappenedBeforeAnotherDoesNotPrevail() {
        assertThat(LatestOutcome.prevails(FEBRUARY_1, MARCH_1)).isFalse();
    }

    @Test
    void onTheSameDayTheOutcomeRecordedLastPrevails() {
        assertThat(LatestOutcome.prevails(MARCH_1, MARCH_1)).isTrue();
    }
}
