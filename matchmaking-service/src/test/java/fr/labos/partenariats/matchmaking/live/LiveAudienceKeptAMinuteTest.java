package fr.labos.partenariats.matchmaking.live;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.introduction.api.IntroductionParties;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionReadAccess;
import fr.labos.partenariats.matchmaking.session.api.SessionReaders;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Who may hear an introduction's event is read once and kept a minute, then read again: the catch-up serves an event
 * for as long as it is among the latest, and a member removed from its actor since stops hearing the introduction's id.
 */
class LiveAudienceKeptAMinuteTest {

    private static final LabPrincipal MEMBER = new LabPrincipal("u-member", LabRole.ACTOR_MEMBER, Set.of(), Set.of());

    @Test
    void aMemberRemovedSinceStopsHearingTheIntroductionOnceTheMinuteIsOver() {
        IntroductionParties parties = mock(IntroductionParties.class);
        IntroductionReadAccess readers = mock(IntroductionReadAccess.class);
        when(parties.find("i-1")).thenReturn(Optional.of(List.of("a", "b")));
        Predicate<LabPrincipal> memberOfA = principal -> true;
        Predicate<LabPrincipal> removedSince = principal -> false;
        when(readers.readersOf("a", "b")).thenReturn(memberOfA, removedSince);
        AtomicLong nanos = new AtomicLong();
        LiveAudience audience = new LiveAudience(parties, readers, mock(SessionReaders.class), mock(ActorAccess.class),
                nanos::get);
        Predicate<LabPrincipal> hears = audience.of(new LiveNotification("e-1", "matchmaking",
                "IntroductionAcceptedEvent", "i-1", 1, null, Instant.EPOCH, Instant.EPOCH));

        assertThat(hears.test(MEMBER)).isTrue();
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(hears.test(MEMBER)).as("kept within the minute").isTrue();
        verify(readers, times(1)).readersOf("a", "b");

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(hears.test(MEMBER)).isFalse();
        verify(readers, times(2)).readersOf("a", "b");
    }
}
