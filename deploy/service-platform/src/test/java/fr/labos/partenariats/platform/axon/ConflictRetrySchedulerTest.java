package fr.labos.partenariats.platform.axon;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictRetrySchedulerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConflictRetryScheduler scheduler = new ConflictRetryScheduler(3, registry);
    private final AtomicInteger dispatched = new AtomicInteger();

    @Test
    void aConcurrentChangeIsSentAgainAtOnceUpToTheLimit() {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            failures.add(chainOf(new ConcurrencyException("taken")));
            assertThat(scheduler.scheduleRetry(command(), new ConcurrencyException("sequence 4 taken"), failures,
                    dispatched::incrementAndGet)).as("retry %d", attempt).isTrue();
        }
        failures.add(chainOf(new ConcurrencyException("taken")));
        assertThat(scheduler.scheduleRetry(command(), new ConcurrencyException("sequence 4 taken"), failures,
                dispatched::incrementAndGet)).as("a fourth failure is final").isFalse();
        assertThat(dispatched).hasValue(3);
        assertThat(registry.counter(ConflictRetryScheduler.RETRIES_METRIC).count()).isEqualTo(3.0);
    }

    @Test
    void aConflictWrappedByTheCommandBusIsRecognised() {
        RuntimeException wrapped = new CommandExecutionException("failed", new ConcurrencyException("taken"));
        assertThat(scheduler.scheduleRetry(command(), wrapped, List.<Class<? extends Throwable>[]>of(chainOf(wrapped)),
                dispatched::incrementAndGet)).isTrue();
        assertThat(dispatched).hasValue(1);
    }

    @Test
    void aRefusalByTheRulesOrACreationTwiceIsNeverRetried() {
        RuntimeException refused = new IllegalStateException("la mise en relation intro-1 a déjà été acceptée");
        RuntimeException createdTwice = new AggregateStreamCreationException("intro-1 exists");
        assertThat(scheduler.scheduleRetry(command(), refused, List.<Class<? extends Throwable>[]>of(chainOf(refused)),
                dispatched::incrementAndGet)).isFalse();
        assertThat(scheduler.scheduleRetry(command(), createdTwice,
                List.<Class<? extends Throwable>[]>of(chainOf(createdTwice)), dispatched::incrementAndGet)).isFalse();
        assertThat(dispatched).hasValue(0);
        assertThat(registry.counter(ConflictRetryScheduler.RETRIES_METRIC).count()).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] chainOf(Throwable failure) {
        return new Class[]{failure.getClass()};
    }

    private static GenericCommandMessage<String> command() {
        return new GenericCommandMessage<>("accept intro-1");
    }
}
