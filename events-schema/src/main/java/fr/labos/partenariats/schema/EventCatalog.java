package fr.labos.partenariats.schema;

import fr.labos.partenariats.schema.profile.ActorContactErasedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedFulfilledEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedUpdatedEvent;
import fr.labos.partenariats.schema.profile.NeedWithdrawnEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferUpdatedEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import org.axonframework.serialization.Revision;

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
            ActorMemberJoinedEvent.class,
            NeedRegisteredEvent.class, NeedUpdatedEvent.class, NeedWithdrawnEvent.class, NeedFulfilledEvent.class,
            OfferRegisteredEvent.class, OfferUpdatedEvent.class, OfferWithdrawnEvent.class);

    private static final Map<String, Class<?>> BY_TYPE_NAME = new LinkedHashMap<>();

    static {
        PROFILE_EVENTS.forEach(type -> BY_TYPE_NAME.put(typeName(type), type));
    }

    private EventCatalog() {
    }

    public static List<Class<?>> profileEvents() {
        return PROFILE_EVENTS;
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
}
