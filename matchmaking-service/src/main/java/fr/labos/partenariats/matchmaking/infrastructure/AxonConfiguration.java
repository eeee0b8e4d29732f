package fr.labos.partenariats.matchmaking.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.schema.EventJson;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon set-up of this service's event store. Serializers are Jackson, set explicitly (Axon would otherwise fall back
 * to XStream in places, among them the deadline manager's stored deadlines), with the same JSON conventions as the
 * events' golden samples. The relay to Kafka is service-platform's ({@code lab.relay.*}); the deadline manager is
 * Axon's db-scheduler one, configured by Axon's auto-configuration once db-scheduler's starter provides a scheduler.
 */
@Configuration
class AxonConfiguration {

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

    private static Serializer jackson() {
        ObjectMapper mapper = EventJson.configure(new ObjectMapper());
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }
}
