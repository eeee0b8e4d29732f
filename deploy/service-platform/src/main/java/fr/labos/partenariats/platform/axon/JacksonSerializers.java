package fr.labos.partenariats.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.schema.EventJson;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's three serializers as Jackson, with the JSON conventions of the events' golden samples ({@link EventJson}).
 * Set explicitly because Axon would otherwise fall back to XStream in places (among them stored deadlines). A service
 * with an event store imports this configuration; being the application's own beans, they replace Axon's defaults.
 * Events stored at an older revision of their type are read as the current one ({@link CatalogUpcaster}, which Axon's
 * Spring Boot set-up puts in the event store's upcaster chain as it does every upcaster bean).
 */
@Configuration(proxyBeanMethods = false)
public class JacksonSerializers {

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

    @Bean
    CatalogUpcaster catalogUpcaster() {
        return new CatalogUpcaster();
    }

    private static Serializer jackson() {
        ObjectMapper mapper = EventJson.configure(new ObjectMapper());
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }
}
