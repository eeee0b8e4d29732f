package fr.labos.partenariats.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventUpcasts;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Objects;
import java.util.Optional;

/**
 * Reads a stored event written at an older revision of its type as the current revision, with the steps of
 * {@link EventUpcasts} (the same ones the services apply to each other's topics). Axon runs it on every event read
 * from the store: loading an aggregate, a processor catching up, a replay.
 */
public class CatalogUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return olderRevisionOfACataloguedType(event).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        Class<?> type = olderRevisionOfACataloguedType(event).orElseThrow();
        String revision = event.getType().getRevision();
        return event.upcastPayload(new SimpleSerializedType(type.getName(), EventCatalog.revisionOf(type)),
                JsonNode.class, payload -> EventUpcasts.toCurrent(type, revision, (ObjectNode) payload));
    }

    private static Optional<Class<?>> olderRevisionOfACataloguedType(IntermediateEventRepresentation event) {
        String revision = event.getType().getRevision();
        return EventCatalog.typeForClassName(event.getType().getName())
                .filter(type -> !Objects.equals(revision, EventCatalog.revisionOf(type)))
                .filter(type -> EventUpcasts.canRead(type, revision));
    }
}
