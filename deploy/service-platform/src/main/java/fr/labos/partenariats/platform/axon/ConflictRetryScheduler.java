package fr.labos.partenariats.platform.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Sends a command again, at once and in the same thread, when it failed only because another command changed the
 * same aggregate first: the event store refused its events (unique aggregate and sequence number), so it wrote
 * nothing, and the retry decides again on the aggregate as it now stands. This happens when two instances change
 * one aggregate at the same moment: each read it (or checked its cached copy against the store) before the other
 * appended; the refusal evicts a loser's cached copy and the retry reads the aggregate again. Without it the loser
 * answers a 409 « réessayez » for a change nobody refused: an erasure of a contact person, which must never fail,
 * while a colleague joined the same actor on another instance.
 *
 * <p>Every other failure (a rule refused the command, a 4xx of the API) is final: Axon's own retry schedulers retry
 * anything not marked non-transient, which would run a refused command several times. The retry stays in the
 * caller's thread, so the caller's principal still signs the command's metadata.
 */
public final class ConflictRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);

    /** Counted for operators: a steady rate says instances often serve the same aggregates at once. */
    public static final String RETRIES_METRIC = "lab.commands.conflict.retries";

    private final int maxRetries;
    private final Counter retries;

    public ConflictRetryScheduler(int maxRetries, MeterRegistry registry) {
        this.maxRetries = maxRetries;
        this.retries = Counter.builder(RETRIES_METRIC)
                .description("Commands sent again after another command changed their aggregate first")
                .register(registry);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        // failures holds this attempt's failure too: retries made so far = failures.size() - 1.
        if (!isConflict(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        log.debug("{} met a concurrent change of its aggregate; sending it again ({} of {})",
                commandMessage.getCommandName(), failures.size(), maxRetries);
        retries.increment();
        dispatchTask.run();
        return true;
    }

    /** A concurrent append to an existing aggregate (an aggregate created twice is not cured by trying again). */
    static boolean isConflict(Throwable failure) {
        return ExceptionUtils.findException(failure, ConcurrencyException.class).isPresent();
    }
}
