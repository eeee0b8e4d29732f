package fr.labos.partenariats.matchmaking.introduction.api;

import fr.labos.partenariats.matchmaking.introduction.command.IntroductionRules;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.ReminderChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Bodies of the introduction write API. {@code actingFor}: the actor the caller acts for, or null for an intermediary. */
final class IntroductionRequests {

    static final int MAX_ID = 100;
    /** The introduction's own limit, which every other way in meets too: the API says it first, by its fields. */
    static final int MAX_NOTE = IntroductionRules.MAX_NOTE;
    static final int MAX_PLACE = IntroductionRules.MAX_PLACE;
    static final int MAX_PAIRS = 20;

    private IntroductionRequests() {
    }

    /**
     * Ask for an introduction ({@code ACTOR_REQUEST}, the default: to a partner the matcher proposes, on the pairs it
     * proposes, all of its best ones when none is named) or make one as a facilitator ({@code FACILITATOR}).
     */
    record Proposal(@NotBlank @Size(max = MAX_ID) String actorId, @NotBlank @Size(max = MAX_ID) String partnerId,
                    @Size(max = MAX_PAIRS) List<@Valid @NotNull Pair> pairs, @Size(max = MAX_NOTE) String note,
                    IntroductionSource source) {

        IntroductionSource sourceOrDefault() {
            return source == null ? IntroductionSource.ACTOR_REQUEST : source;
        }

        List<NeedOfferPair> requestedPairs() {
            return pairs == null ? List.of() : pairs.stream().map(p -> new NeedOfferPair(p.needId(), p.offerId())).toList();
        }
    }

    record Pair(@NotBlank @Size(max = MAX_ID) String needId, @NotBlank @Size(max = MAX_ID) String offerId) {
    }

    /** Accept on behalf of one of the two actors. */
    record Answer(@NotBlank @Size(max = MAX_ID) String actingFor) {
    }

    /** Decline on behalf of one of the two actors, with a reason of the list and a free text. */
    record Decline(@NotBlank @Size(max = MAX_ID) String actingFor, @NotNull DeclineReason reason,
                   @Size(max = MAX_NOTE) String text) {
    }

    /** The proposer withdraws its proposal before both sides accepted. */
    record Withdrawal(@Size(max = MAX_NOTE) String reason) {
    }

    /** A meeting of an accepted introduction; its id is generated when not given. */
    record Meeting(@Size(max = MAX_ID) String meetingId, @NotNull Instant startsAt, @Size(max = MAX_PLACE) String place,
                   @Size(max = MAX_ID) String actingFor) {
    }

    /** A meeting took place. */
    record MeetingHeld(@Size(max = MAX_ID) String actingFor, @Size(max = MAX_NOTE) String note) {
    }

    /** A meeting did not take place; the absent side when known. */
    record MeetingMissed(@Size(max = MAX_ID) String actingFor, @Size(max = MAX_ID) String absentActorId,
                         @Size(max = MAX_NOTE) String note) {
    }

    /** A facilitator reminded a side ({@code remindedActorId}), or both (null). */
    record Reminder(@Size(max = MAX_ID) String remindedActorId, @NotNull ReminderChannel channel,
                    @Size(max = MAX_NOTE) String note) {
    }

    /**
     * What came of an accepted introduction, on a day; a partnership says its form and category.
     *
     * @param lastStepSeen the last step of the introduction the author saw (its inbox line's {@code sequence}, or the
     *                     highest {@code steps[].sequence} of its timeline): an outcome recorded after it, from another
     *                     page, refuses this one (409) rather than count the same partnership twice. Optional
     */
    record OutcomeReport(@Size(max = MAX_ID) String actingFor, @NotNull Outcome outcome, @NotNull LocalDate day,
                         @Size(max = MAX_NOTE) String note, PartnershipForm form, ResourceCategory category,
                         @PositiveOrZero Long lastStepSeen) {
    }
}
