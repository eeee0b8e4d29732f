package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.command.SessionRules;
import fr.labos.partenariats.schema.common.TerritoryRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The bodies of the session API's requests. Texts and ids are bounded as the session's rules bound them
 * ({@link SessionRules}), which the participant list's import checks too.
 */
final class SessionRequests {

    private SessionRequests() {
    }

    /** A session to plan. */
    record Plan(@NotBlank @Size(max = SessionRules.MAX_TEXT) String title, @NotNull TerritoryRef territory,
                @Size(max = SessionRules.MAX_TEXT) String place, @NotNull LocalDate date,
                @NotNull LocalTime startsAt, int rounds, int minutesPerRound, int tables) {
    }

    /** An actor to register; its organisation (optional) sets aside meetings with its own. */
    record Participant(@NotBlank @Size(max = SessionRules.MAX_ID) String actorId,
                       @Size(max = SessionRules.MAX_TEXT) String organisation) {
    }

    /** {@code actorId} wishes to meet {@code wishedActorId}. */
    record MeetingWish(@NotBlank @Size(max = SessionRules.MAX_ID) String actorId,
                       @NotBlank @Size(max = SessionRules.MAX_ID) String wishedActorId) {
    }

    /** A participant who arrived, is absent or arrives late. */
    record Presence(@NotBlank @Size(max = SessionRules.MAX_ID) String actorId) {
    }

    record Created(String id) {
    }
}
