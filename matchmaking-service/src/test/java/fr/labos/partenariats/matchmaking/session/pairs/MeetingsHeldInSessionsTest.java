package fr.labos.partenariats.matchmaking.session.pairs;

import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Who met whom in which session, as a session being planned sees it: the meetings of the other sessions only. */
class MeetingsHeldInSessionsTest {

    private static final Instant AT = Instant.parse("2026-04-16T14:00:00Z");

    private final MeetingsHeldInSessions meetings = new MeetingsHeldInSessions();

    @Test
    void aPairThatMetInOneSessionMetBeforeInEveryOtherSessionBothWays() {
        meetings.apply(new SessionMeetingHeldEvent("s-1", 2, 1, "wimoov", "fondation", AT));
        assertThat(meetings.metBefore("s-2", "wimoov")).containsExactly("fondation");
        assertThat(meetings.metBefore("s-2", "fondation")).containsExactly("wimoov");
        assertThat(meetings.metBefore("s-2", "banque")).isEmpty();
    }

    @Test
    void aMeetingOfTheSessionBeingPlannedIsNotAnEarlierOneUnlessTheyAlsoMetInAnother() {
        meetings.apply(new SessionMeetingHeldEvent("s-1", 1, 1, "wimoov", "fondation", AT));
        assertThat(meetings.metBefore("s-1", "wimoov")).isEmpty();
        meetings.apply(new SessionMeetingHeldEvent("s-0", 3, 2, "fondation", "wimoov", AT));
        assertThat(meetings.metBefore("s-1", "wimoov")).containsExactly("fondation");
    }

    @Test
    void aRedeliveredMeetingChangesNothing() {
        SessionMeetingHeldEvent held = new SessionMeetingHeldEvent("s-1", 1, 1, "wimoov", "fondation", AT);
        meetings.apply(held);
        meetings.apply(held);
        assertThat(meetings.pairCount()).isEqualTo(1);
        assertThat(meetings.metBefore("s-2", "fondation")).containsExactly("wimoov");
    }
}
