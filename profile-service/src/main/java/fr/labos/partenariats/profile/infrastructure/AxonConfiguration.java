package fr.labos.partenariats.profile.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.schema.EventJson;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/**
 * Axon set-up. Serializers are Jackson, set explicitly (Axon would otherwise fall back to XStream in places),
 * with the same JSON conventions as the events' golden samples. The relay to Kafka is service-platform's
 * ({@code lab.relay.*}).
 */
@Configuration
class AxonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    /** The views share the command's transaction: a failing view fails the command, and nothing is written. */
    @Bean
    ConfigurerModule viewsPropagateErrors() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler("profile-views", c -> PropagatingErrorHandler.instance());
    }

    private static Serializer jackson() {
        ObjectMapper mapper = EventJson.configure(new ObjectMapper());
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }
}
