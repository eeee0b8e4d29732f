package fr.labos.partenariats.platform.security;

import fr.labos.partenariats.schema.PrincipalMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Puts who sends a command into its metadata: the subject, the role and the actor acted for (keys of
 * {@link PrincipalMetadata}). Axon's correlation then copies them into every event the command applies. A command
 * sent with no signed-in principal (start-up jobs, tests of aggregates) goes out unchanged, and metadata already set
 * by the sender is kept.
 */
public final class PrincipalCommandMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Function<Object, Optional<String>> actingFor;

    /** @param actingFor the actor a command is for, read from its payload */
    public PrincipalCommandMetadata(Function<Object, Optional<String>> actingFor) {
        this.actingFor = actingFor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        // Read on the sender's thread, where the request's security context lives.
        Optional<LabPrincipal> principal = LabPrincipal.current();
        return (index, command) -> principal.isPresent() ? withPrincipal(command, principal.get()) : command;
    }

    private CommandMessage<?> withPrincipal(CommandMessage<?> command, LabPrincipal principal) {
        Map<String, Object> added = new HashMap<>();
        added.put(PrincipalMetadata.SUBJECT, principal.subject());
        added.put(PrincipalMetadata.ROLE, principal.role().name());
        actingFor.apply(command.getPayload()).ifPresent(actor -> added.put(PrincipalMetadata.ACTING_FOR, actor));
        added.keySet().removeAll(command.getMetaData().keySet());
        return added.isEmpty() ? command : command.andMetaData(added);
    }

    /**
     * The convention of the lab's commands: the actor a command is for is its record component {@code actorId}
     * (for a registration, the actor being created).
     */
    public static Optional<String> actorIdComponent(Object payload) {
        Class<?> type = payload.getClass();
        if (!type.isRecord()) {
            return Optional.empty();
        }
        for (var component : type.getRecordComponents()) {
            if (component.getName().equals("actorId") && component.getType() == String.class) {
                try {
                    return Optional.ofNullable((String) component.getAccessor().invoke(payload));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read actorId of " + type.getName(), e);
                }
            }
        }
        return Optional.empty();
    }
}
