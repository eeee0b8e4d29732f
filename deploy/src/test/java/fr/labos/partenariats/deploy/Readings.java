package fr.labos.partenariats.deploy;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** Waits on what the system shows, for the tests that read it while asynchronous work may still be changing it. */
final class Readings {

    private static final Duration POLL = Duration.ofMillis(500);

    private Readings() {
    }

    /**
     * Waits until {@code reading} gives the same value for {@code quiet} (every half second), and returns that value:
     * the projections and pages have nothing left to do that would change it. Fails after {@code atMost}.
     */
    static <T> T settled(String what, Duration quiet, Duration atMost, Callable<T> reading) {
        AtomicReference<T> last = new AtomicReference<>();
        Awaitility.await(what).during(quiet).atMost(atMost).pollInterval(POLL).until(() -> {
            T now = reading.call();
            return Objects.equals(now, last.getAndSet(now));
        });
        return last.get();
    }
}
