package fr.labos.partenariats.profile.infrastructure;

import fr.labos.partenariats.platform.axon.JacksonSerializers;
import fr.labos.partenariats.platform.axon.UniqueViolations;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * Axon set-up: the platform's Jackson serializers, a clock, views that fail their command. The relay to Kafka is service-platform's
 * ({@code lab.relay.*}).
 */
@Configuration
@Import({JacksonSerializers.class, UniqueViolations.class})
class AxonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The views share the command's transaction: a failing view fails the command, and nothing is written. */
    @Bean
    ConfigurerModule viewsPropagateErrors() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler("profile-views", c -> PropagatingErrorHandler.instance());
    }
}
