package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publish the generated schedule to the participants.
 *
 * @param basedOnVersion the version of the schedule the facilitator looked at before publishing it; refused when the
 *                       schedule has changed since (generated again or adjusted on another device). Null: no check
 */
public record PublishScheduleCommand(@TargetAggregateIdentifier String sessionId, Integer basedOnVersion) {

    /** Without a version to check: the schedule as it is now is published. */
    public PublishScheduleCommand(String sessionId) {
        this(sessionId, null);
    }
}
