package fr.labos.partenariats.matchmaking.session.introductions;

import fr.labos.partenariats.matchmaking.introduction.command.OpenPairs;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.schema.matching.IntroduceAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A meeting handled again (a replay, a token reset) whose introduction exists and is no longer in progress sends no
 * second creation: its events would be stored with the processor's own unit of work, and the duplicate refused at
 * that commit, outside the handler, would stop the processor on this meeting for good.
 */
class SpeedMeetingHandledAgainTest {

    private static final SessionMeetingHeldEvent HELD = new SessionMeetingHeldEvent("session-38", 2, 4, "actor-a",
            "actor-b", Instant.parse("2026-11-12T09:40:00Z"));

    private final CommandGateway commands = mock(CommandGateway.class);
    private final EventStore events = mock(EventStore.class);
    private final OpenPairs openPairs = mock(OpenPairs.class);
    @SuppressWarnings("unchecked")
    private final ObjectProvider<IntroducedPairs> introduced = mock(ObjectProvider.class);
    private final SpeedMeetingIntroductions handler = new SpeedMeetingIntroductions(commands, events, introduced,
            openPairs, null, Clock.systemUTC());

    SpeedMeetingHandledAgainTest() {
        when(events.readEvents("session-38")).thenReturn(DomainEventStream.empty());
        when(openPairs.claimedBy("actor-a", "actor-b")).thenReturn(Optional.empty());
    }

    @Test
    void aMeetingWhoseIntroductionExistsMakesNoOther() {
        when(events.lastSequenceNumberFor(SpeedMeetingIntroductions.introductionId(HELD))).thenReturn(Optional.of(4L));

        handler.on(HELD);

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aMeetingHandledForTheFirstTimeMakesItsIntroduction() {
        when(events.lastSequenceNumberFor(SpeedMeetingIntroductions.introductionId(HELD))).thenReturn(Optional.empty());

        handler.on(HELD);

        org.mockito.ArgumentCaptor<Object> sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isInstanceOfSatisfying(IntroduceAfterSpeedMeetingCommand.class, command -> {
            assertThat(command.introductionId()).isEqualTo(SpeedMeetingIntroductions.introductionId(HELD));
            assertThat(command.place()).as("a session without a place").isEqualTo("table 4");
        });
    }
}
