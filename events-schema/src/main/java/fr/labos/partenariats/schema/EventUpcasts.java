package fr.labos.partenariats.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.MemberRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How an event written at an older revision reads as the revision its class carries now. Events are kept for ever, in
 * the event stores and on the topics, so a change to an event's fields is a new revision and a step here from the one
 * before; every reader goes through these steps: the event stores (Axon's upcaster chain, in service-platform) and the
 * services reading each other's topics. A step works on the JSON, before any class sees it, and is tested against a
 * stored sample of the old revision.
 */
public final class EventUpcasts {

    /** From one revision of a type's JSON to the next. */
    private record Step(Class<?> type, String fromRevision, String toRevision, UnaryOperator<ObjectNode> change) {
    }

    private static final List<Step> STEPS = List.of(
            // Written before members had roles, when every member could invite, remove and name others: a manager.
            new Step(ActorMemberJoinedEvent.class, "1", "2",
                    payload -> payload.put("role", MemberRole.MANAGER.name())));

    private EventUpcasts() {
    }

    /** Whether a payload of that type and revision reads as the current revision: it is current, or steps lead there. */
    public static boolean canRead(Class<?> type, String revision) {
        return stepsToCurrent(type, revision).isPresent();
    }

    /**
     * The payload as the current revision of its type writes it (a changed copy; the one given is left alone).
     *
     * @throws IllegalArgumentException when no steps lead from that revision to the current one ({@link #canRead})
     */
    public static ObjectNode toCurrent(Class<?> type, String revision, ObjectNode payload) {
        List<Step> steps = stepsToCurrent(type, revision).orElseThrow(() -> new IllegalArgumentException(
                EventCatalog.typeName(type) + " revision " + revision + " cannot be read as revision "
                        + EventCatalog.revisionOf(type)));
        ObjectNode upcast = payload.deepCopy();
        for (Step step : steps) {
            upcast = step.change().apply(upcast);
        }
        return upcast;
    }

    /**
     * Reads a payload written at that revision as the current revision of its type: what a reader of another service's
     * topic does with each record (the revision is in its headers; null when the record carries none, read as current).
     *
     * @throws IllegalArgumentException when no steps lead from that revision to the current one ({@link #canRead})
     * @throws JsonProcessingException  when the payload is not JSON for its type
     */
    public static <T> T read(String json, Class<T> type, String revision) throws JsonProcessingException {
        ObjectMapper mapper = EventJson.mapper();
        if (revision == null || revision.equals(EventCatalog.revisionOf(type))) {
            return mapper.readValue(json, type);
        }
        JsonNode written = mapper.readTree(json);
        if (!(written instanceof ObjectNode object)) {
            throw JsonMappingException.from((JsonParser) null, "an event's payload must be a JSON object");
        }
        return mapper.treeToValue(toCurrent(type, revision, object), type);
    }

    /** The steps from that revision to the current one, in order (none when it is current); empty when none lead there. */
    private static Optional<List<Step>> stepsToCurrent(Class<?> type, String revision) {
        List<Step> steps = new ArrayList<>();
        String reached = revision;
        while (!Objects.equals(reached, EventCatalog.revisionOf(type))) {
            Optional<Step> next = stepFrom(type, reached);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            steps.add(next.get());
            reached = next.get().toRevision();
        }
        return Optional.of(steps);
    }

    private static Optional<Step> stepFrom(Class<?> type, String revision) {
        return STEPS.stream()
                .filter(step -> step.type().equals(type) && step.fromRevision().equals(revision))
                .findFirst();
    }
}
