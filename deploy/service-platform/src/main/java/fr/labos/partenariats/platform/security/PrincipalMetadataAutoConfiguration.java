package fr.labos.partenariats.platform.security;

import fr.labos.partenariats.schema.PrincipalMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who did it, in every command and event of a service that runs Axon: the principal goes into each command's
 * metadata on dispatch, and correlation copies those keys into the metadata of the events the command applies.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@ConditionalOnClass({CommandBus.class, AxonAutoConfiguration.class, SecurityContextHolder.class})
public class PrincipalMetadataAutoConfiguration {

    @Bean
    CorrelationDataProvider principalCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(PrincipalMetadata.SUBJECT, PrincipalMetadata.ROLE,
                PrincipalMetadata.ACTING_FOR);
    }

    /**
     * Axon's default correlation (correlation and trace ids), which it creates only when no other provider is
     * defined: the one above would otherwise replace it.
     */
    @Bean
    @ConditionalOnMissingBean(MessageOriginProvider.class)
    MessageOriginProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    @ConditionalOnMissingBean
    PrincipalCommandMetadata principalCommandMetadata() {
        return new PrincipalCommandMetadata(PrincipalCommandMetadata::actorIdComponent);
    }

    /** Registered on the bus rather than a gateway, so that every way of sending a command carries the principal. */
    @Bean
    SmartInitializingSingleton principalCommandMetadataRegistration(ObjectProvider<CommandBus> commandBus,
                                                                    PrincipalCommandMetadata interceptor) {
        return () -> commandBus.ifAvailable(bus -> bus.registerDispatchInterceptor(interceptor));
    }
}
