package fr.labos.partenariats.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Each service's command gateway, sending a command again when it lost a race for its aggregate to another
 * instance ({@link ConflictRetryScheduler}, up to {@code lab.commands.conflict-retries} times): the same rule for
 * both services, several instances of either sharing one event store. Ordered before Axon's own gateway, which then
 * backs off; a service that declares its own keeps it. It sends through Axon's command bus: an application that leaves
 * Axon's auto-configuration out leaves this one out too.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass({CommandGateway.class, MeterRegistry.class})
public class CommandGatewayAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommandGateway.class)
    CommandGateway commandGateway(CommandBus commandBus, MeterRegistry registry,
                                  @Value("${lab.commands.conflict-retries:3}") int conflictRetries) {
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(conflictRetries, registry)).build();
    }
}
