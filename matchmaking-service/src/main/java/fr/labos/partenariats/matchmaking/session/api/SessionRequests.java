package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.command.SessionRules;
import fr.labos.partenariats.schema.common.TerritoryRef;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The bodies of the session API's requests. Texts and ids are bounded as the session's rules bound them
 * ({@link SessionRules}), which the participant list's import checks too.
 */
final class SessionRequests {

    private SessionRequests() {
    }

    /**
     * A session to plan. The numbers are checked by the session's rules ({@link SessionRules}), whose
     * refusals (400, in French) name the field; a number left out reads as 0, which they refuse: hence required.
     */
    record Plan(@NotBlank @Size(max = SessionRules.MAX_TEXT) String title, @NotNull TerritoryRef territory,
                @Size(max = SessionRules.MAX_TEXT) String place, @NotNull LocalDate date,
                @NotNull LocalTime startsAt,
                @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "" + SessionRules.MAX_ROUNDS) int rounds,
                @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "" + SessionRules.MAX_MINUTES_PER_ROUND)
                int minutesPerRound,
                @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "" + SessionRules.MAX_TABLES,
                        description = "At most " + SessionRules.MAX_MEETINGS + " meetings in all: rounds × tables")
                int tables) {
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

    /**
     * A publication: the version of the schedule the facilitator looked at (the schedule's {@code version}), so that
     * a plan generated again or adjusted on another device meanwhile is not published unseen (409). Optional.
     */
    record Publication(Integer basedOnVersion) {
    }

    record Created(String id) {
    }
}
