package fr.labos.partenariats.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both services' command gateway sends a command again when another instance changed its aggregate first, so that
 * no user gets a 409 for a race nobody lost on purpose (an erasure while a colleague joined the same actor
 * elsewhere); a service's own gateway is kept.
 */
class CommandGatewayAutoConfigurationTest {

    private final AtomicInteger handled = new AtomicInteger();
    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CommandGatewayAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(CommandBus.class, this::busLosingTheFirstRace);

    /** A bus whose handler meets a concurrent append once, as the event store reports it, then succeeds. */
    private CommandBus busLosingTheFirstRace() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), command -> {
            if (handled.incrementAndGet() == 1) {
                throw new ConcurrencyException("sequence 7 of actor-1 already taken by another instance");
            }
            return "effacé";
        });
        return bus;
    }

    @Test
    void aCommandThatLostARaceForItsAggregateIsSentAgainAndSucceeds() {
        contexts.run(context -> {
            Object result = context.getBean(CommandGateway.class).sendAndWait("effacer le contact de actor-1");

            assertThat(result).isEqualTo("effacé");
            assertThat(handled).hasValue(2);
            assertThat(context.getBean(MeterRegistry.class).counter(ConflictRetryScheduler.RETRIES_METRIC).count())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void aServicesOwnGatewayIsKept() {
        contexts.withBean("ownGateway", CommandGateway.class,
                        () -> DefaultCommandGateway.builder().commandBus(SimpleCommandBus.builder().build()).build())
                .run(context -> assertThat(context.getBeansOfType(CommandGateway.class)).containsOnlyKeys("ownGateway"));
    }
}
