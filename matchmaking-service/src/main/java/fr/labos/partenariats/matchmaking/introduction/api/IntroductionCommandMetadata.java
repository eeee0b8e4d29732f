package fr.labos.partenariats.matchmaking.introduction.api;

import fr.labos.partenariats.platform.security.PrincipalCommandMetadata;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * The actor a command of this service is sent for, in its metadata ({@code actingFor}): the {@code actingFor} of the
 * meetings' and outcomes' commands (absent for an intermediary), the asking actor of an actor's request (none for a
 * facilitator's intermediation, nor for a lab's past introductions), else the {@code actorId} of an answer.
 */
@Configuration(proxyBeanMethods = false)
class IntroductionCommandMetadata {

    @Bean
    PrincipalCommandMetadata principalCommandMetadata() {
        return new PrincipalCommandMetadata(payload -> {
            if (payload instanceof ProposeIntroductionCommand proposal) {
                return proposal.source() == IntroductionSource.ACTOR_REQUEST ? Optional.of(proposal.actorId())
                        : Optional.empty();
            }
            if (payload instanceof RecordPastIntroductionCommand) {
                return Optional.empty(); // a lab's records, brought by an intermediary acting for neither side
            }
            Class<?> type = payload.getClass();
            boolean hasActingFor = type.isRecord() && java.util.Arrays.stream(type.getRecordComponents())
                    .anyMatch(component -> component.getName().equals("actingFor"));
            return hasActingFor ? actingFor(payload) : PrincipalCommandMetadata.actorIdComponent(payload);
        });
    }

    private static Optional<String> actingFor(Object payload) {
        try {
            for (var component : payload.getClass().getRecordComponents()) {
                if (component.getName().equals("actingFor")) {
                    return Optional.ofNullable((String) component.getAccessor().invoke(payload));
                }
            }
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read actingFor of " + payload.getClass().getName(), e);
        }
    }
}
