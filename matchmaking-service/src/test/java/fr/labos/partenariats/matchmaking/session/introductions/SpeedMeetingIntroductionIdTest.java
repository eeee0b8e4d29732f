package fr.labos.partenariats.matchmaking.session.introductions;

import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The introduction a meeting held at a session makes has an id derived from the session and the pair, so that the
 * same meeting handled twice (a replay, two instances) makes one introduction. Those ids are stored: their recipe
 * must not change.
 */
class SpeedMeetingIntroductionIdTest {

    private static final Instant HELD_AT = Instant.parse("2026-11-12T09:40:00Z");

    @Test
    void theIdNamesTheSessionAndTheTwoActorsInTheOrderOfTheirIdsWhicheverSatFirst() {
        String expected = UUID.nameUUIDFromBytes("speed-meeting|session-38|actor-a|actor-b"
                .getBytes(StandardCharsets.UTF_8)).toString();

        assertThat(SpeedMeetingIntroductions.introductionId(
                new SessionMeetingHeldEvent("session-38", 2, 4, "actor-a", "actor-b", HELD_AT))).isEqualTo(expected);
        assertThat(SpeedMeetingIntroductions.introductionId(
                new SessionMeetingHeldEvent("session-38", 2, 4, "actor-b", "actor-a", HELD_AT))).isEqualTo(expected);
        assertThat(SpeedMeetingIntroductions.introductionId(
                new SessionMeetingHeldEvent("session-73", 2, 4, "actor-a", "actor-b", HELD_AT))).isNotEqualTo(expected);
    }
}
