package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.schema.common.TerritoryRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.time.LocalTime;

/** The bodies of the session API's requests. */
final class SessionRequests {

    private SessionRequests() {
    }

    /** A session to plan. */
    record Plan(@NotBlank String title, @NotNull TerritoryRef territory, String place, @NotNull LocalDate date,
                @NotNull LocalTime startsAt, int rounds, int minutesPerRound, int tables) {
    }

    /** An actor to register; its organisation (optional) sets aside meetings with its own. */
    record Participant(@NotBlank String actorId, String organisation) {
    }

    /** {@code actorId} wishes to meet {@code wishedActorId}. */
    record MeetingWish(@NotBlank String actorId, @NotBlank String wishedActorId) {
    }

    /** A participant who arrived, is absent or arrives late. */
    record Presence(@NotBlank String actorId) {
    }

    record Created(String id) {
    }
}
