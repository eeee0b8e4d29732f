package fr.labos.partenariats.matchmaking.introduction.view;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When an introduction is to follow up ({@code lab.introductions.follow-up.*}, Paris days), checked at start: a lab in
 * a rural territory, where partners meet every other month, may wait longer than a city's before calling.
 *
 * @param answerDueWithinDays    an answer due within these days (0: on the day) is to follow: time for a reminder
 * @param noMeetingAfterDays     accepted this many days ago, and no meeting planned nor held
 * @param noOutcomeAfterDays     a first meeting held this many days ago, and no outcome recorded since
 * @param followUpQuietAfterDays a follow-up planned on a day this many days ago, and nothing recorded since
 */
@Validated
@ConfigurationProperties("lab.introductions.follow-up")
record FollowUpThresholds(
        @DefaultValue("3") @Min(0) @Max(60) int answerDueWithinDays,
        @DefaultValue("30") @Min(1) @Max(3650) int noMeetingAfterDays,
        @DefaultValue("90") @Min(1) @Max(3650) int noOutcomeAfterDays,
        @DefaultValue("180") @Min(1) @Max(3650) int followUpQuietAfterDays) {

    /** The service's defaults. */
    static final FollowUpThresholds DEFAULTS = new FollowUpThresholds(3, 30, 90, 180);

    /** The days a rule counts. */
    int days(FollowUp rule) {
        return switch (rule) {
            case ANSWER_DUE -> answerDueWithinDays;
            case NO_MEETING -> noMeetingAfterDays;
            case NO_OUTCOME -> noOutcomeAfterDays;
            case FOLLOW_UP_QUIET -> followUpQuietAfterDays;
        };
    }
}
