package fr.labos.partenariats.matchmaking.introduction.api;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.introduction.command.LastingPairs;
import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * An actor asks to be introduced to a competitor that declined it for good, while the decline has not reached this
 * instance (the broker or the relay away): refused all the same, with the reason, from what the introduction wrote
 * down when it was declined.
 */
class RequestOfAPairSetAsideForGoodTest {

    @Test
    void theRequestIsRefusedWithTheReasonTheIntroductionWroteDown() {
        MatchingEngine engine = mock(MatchingEngine.class);
        IntroducedPairs introducedPairs = mock(IntroducedPairs.class);
        LastingPairs lastingPairs = mock(LastingPairs.class);
        when(engine.awaitReady(any())).thenReturn(true);
        when(introducedPairs.awaitCaughtUp(any())).thenReturn(true);
        when(introducedPairs.between("a-epicerie", "b-superette")).thenReturn(Optional.empty());
        when(lastingPairs.between("a-epicerie", "b-superette")).thenReturn(Optional.of(
                new IntroducedPairs.SetAside(ExclusionReason.DECLINED_COMPETITOR, "i-declined")));
        MatcherGrounds grounds = new MatcherGrounds(engine, introducedPairs, lastingPairs, Clock.systemUTC(),
                Duration.ofSeconds(1));

        PairSetAside refused = catchThrowableOfType(() -> grounds.required("a-epicerie", "b-superette", List.of()),
                PairSetAside.class);

        assertThat(refused).isNotNull();
        assertThat(refused.arguments()).containsExactly("a-epicerie", "b-superette",
                ExclusionReason.DECLINED_COMPETITOR.label(), "i-declined", "DECLINED_COMPETITOR");
    }
}
