package fr.labos.partenariats.matchmaking.infrastructure;

import fr.labos.partenariats.platform.axon.JacksonSerializers;
import fr.labos.partenariats.platform.axon.UniqueViolations;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Axon set-up of this service's event store: the platform's Jackson serializers (stored deadlines included). The
 * relay to Kafka is service-platform's ({@code lab.relay.*}); the deadline manager is Axon's db-scheduler one,
 * configured by Axon's auto-configuration once db-scheduler's starter provides a scheduler.
 */
@Configuration
@Import({JacksonSerializers.class, UniqueViolations.class})
class AxonConfiguration {
}
