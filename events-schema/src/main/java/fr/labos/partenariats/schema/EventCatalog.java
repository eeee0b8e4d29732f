package fr.labos.partenariats.schema;

import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionLogHeadPublishedEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionReminderRecordedEvent;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.MeetingHeldEvent;
import fr.labos.partenariats.schema.matching.MeetingMissedEvent;
import fr.labos.partenariats.schema.matching.MeetingScheduledEvent;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.profile.ActorContactErasedEvent;
import fr.labos.partenariats.schema.profile.ActorInvitationRedeemedEvent;
import fr.labos.partenariats.schema.profile.ActorInvitationRevokedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberInvitedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import fr.labos.partenariats.schema.profile.ActorMemberRoleChangedEvent;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.ActorPrivate;
import fr.labos.partenariats.schema.profile.ManagersOnly;
import fr.labos.partenariats.schema.profile.NeedFulfilledEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedUpdatedEvent;
import fr.labos.partenariats.schema.profile.NeedWithdrawnEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferUpdatedEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import fr.labos.partenariats.schema.session.LateArrivalRegisteredEvent;
import fr.labos.partenariats.schema.session.MeetingWishExpressedEvent;
import fr.labos.partenariats.schema.session.MeetingWishWithdrawnEvent;
import fr.labos.partenariats.schema.session.ParticipantCheckedInEvent;
import fr.labos.partenariats.schema.session.ParticipantMarkedAbsentEvent;
import fr.labos.partenariats.schema.session.ParticipantRegisteredEvent;
import fr.labos.partenariats.schema.session.ParticipantWithdrewEvent;
import fr.labos.partenariats.schema.session.RoundStartedEvent;
import fr.labos.partenariats.schema.session.ScheduleAdjustedEvent;
import fr.labos.partenariats.schema.session.ScheduleGeneratedEvent;
import fr.labos.partenariats.schema.session.SchedulePublishedEvent;
import fr.labos.partenariats.schema.session.SessionClosedEvent;
import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;
import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import fr.labos.partenariats.schema.session.TableLostEvent;
import org.axonframework.serialization.Revision;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event that crosses a service boundary, by the type name it travels under
 * (header {@link EventHeaders#EVENT_TYPE}). A consumer that meets a name it does not know skips it,
 * so producers may add event types before consumers learn them.
 */
public final class EventCatalog {

    private static final List<Class<?>> PROFILE_EVENTS = List.of(
            ActorRegisteredEvent.class, ActorProfileUpdatedEvent.class, ActorContactErasedEvent.class,
            ActorMemberJoinedEvent.class, ActorMemberLeftEvent.class, ActorMemberRoleChangedEvent.class,
            ActorMemberInvitedEvent.class, ActorInvitationRedeemedEvent.class, ActorInvitationRevokedEvent.class,
            NeedRegisteredEvent.class, NeedUpdatedEvent.class, NeedWithdrawnEvent.class, NeedFulfilledEvent.class,
            OfferRegisteredEvent.class, OfferUpdatedEvent.class, OfferWithdrawnEvent.class);

    private static final List<Class<?>> MATCHING_EVENTS = List.of(
            IntroductionProposedEvent.class, IntroductionAcceptedEvent.class, IntroductionDeclinedEvent.class,
            IntroductionExpiredEvent.class, IntroductionWithdrawnEvent.class,
            MeetingScheduledEvent.class, MeetingHeldEvent.class, MeetingMissedEvent.class, OutcomeRecordedEvent.class,
            IntroductionReminderRecordedEvent.class);

    /** Not about one introduction but about all of them: the signed heads of the tree over their history. */
    private static final List<Class<?>> INTRODUCTION_LOG_EVENTS = List.of(IntroductionLogHeadPublishedEvent.class);

    private static final List<Class<?>> SESSION_EVENTS = List.of(
            SessionPlannedEvent.class, ParticipantRegisteredEvent.class, ParticipantWithdrewEvent.class,
            MeetingWishExpressedEvent.class, MeetingWishWithdrawnEvent.class, ScheduleGeneratedEvent.class,
            ScheduleAdjustedEvent.class, SchedulePublishedEvent.class, ParticipantCheckedInEvent.class,
            ParticipantMarkedAbsentEvent.class, LateArrivalRegisteredEvent.class, RoundStartedEvent.class,
            SessionMeetingHeldEvent.class, SessionClosedEvent.class, TableLostEvent.class);

    private static final Map<String, Class<?>> BY_TYPE_NAME = new LinkedHashMap<>();
    /** By fully qualified class name, as event stores name payloads: looked up for every event read from a store. */
    private static final Map<String, Class<?>> BY_CLASS_NAME = new HashMap<>();

    /** The events only those who manage an actor's members read ({@link ManagersOnly}), by type name. */
    private static final Map<String, Class<?>> MANAGERS_ONLY = new LinkedHashMap<>();
    /** The events that tell about an actor's people ({@link ActorPrivate}), by type name. */
    private static final Map<String, Class<?>> ACTOR_PRIVATE = new LinkedHashMap<>();

    static {
        PROFILE_EVENTS.forEach(type -> BY_TYPE_NAME.put(typeName(type), type));
        MATCHING_EVENTS.forEach(type -> BY_TYPE_NAME.put(typeName(type), type));
        INTRODUCTION_LOG_EVENTS.forEach(type -> BY_TYPE_NAME.put(typeName(type), type));
        SESSION_EVENTS.forEach(type -> BY_TYPE_NAME.put(typeName(type), type));
        BY_TYPE_NAME.values().forEach(type -> BY_CLASS_NAME.put(type.getName(), type));
        BY_TYPE_NAME.forEach((name, type) -> {
            if (type.isAnnotationPresent(ManagersOnly.class)) {
                MANAGERS_ONLY.put(name, type);
            }
            if (type.isAnnotationPresent(ActorPrivate.class)) {
                ACTOR_PRIVATE.put(name, type);
            }
        });
    }

    private EventCatalog() {
    }

    /**
     * The events only those who manage an actor's members read ({@link ManagersOnly}: its invitations), which the views
     * open to others leave out.
     */
    public static List<Class<?>> managersOnlyEvents() {
        return List.copyOf(MANAGERS_ONLY.values());
    }

    /** Whether events of that type name are for those who manage an actor's members only ({@link ManagersOnly}). */
    public static boolean isManagersOnly(String typeName) {
        return typeName != null && MANAGERS_ONLY.containsKey(typeName);
    }

    /**
     * Whether events of that type name tell about an actor's people ({@link ActorPrivate}): views open to every
     * signed-in reader name the actor only to those who act for it.
     */
    public static boolean isActorPrivate(String typeName) {
        return typeName != null && ACTOR_PRIVATE.containsKey(typeName);
    }

    public static List<Class<?>> profileEvents() {
        return PROFILE_EVENTS;
    }

    /** Events of matchmaking-service (introductions), on {@link Topics#MATCHMAKING_EVENTS}. */
    public static List<Class<?>> matchingEvents() {
        return MATCHING_EVENTS;
    }

    /**
     * Events of matchmaking-service about the introductions' history as a whole (signed tree heads), on
     * {@link Topics#MATCHMAKING_EVENTS}, keyed by the log's fixed id; apart from {@link #matchingEvents()} because
     * they belong to no introduction.
     */
    public static List<Class<?>> introductionLogEvents() {
        return INTRODUCTION_LOG_EVENTS;
    }

    /** Events of matchmaking-service's speed-meeting sessions, on {@link Topics#MATCHMAKING_EVENTS} too. */
    public static List<Class<?>> sessionEvents() {
        return SESSION_EVENTS;
    }

    /** The name an event type travels under: its simple name, so that packages can move freely. */
    public static String typeName(Class<?> eventType) {
        return eventType.getSimpleName();
    }

    /** The revision an event type is written at, from its {@code @Revision}. */
    public static String revisionOf(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    public static Optional<Class<?>> typeFor(String typeName) {
        return Optional.ofNullable(BY_TYPE_NAME.get(typeName));
    }

    /** The catalogued type of that fully qualified class name (as an event store names payloads), if it is one. */
    public static Optional<Class<?>> typeForClassName(String className) {
        return Optional.ofNullable(BY_CLASS_NAME.get(className));
    }
}
