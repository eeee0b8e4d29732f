package fr.labos.partenariats.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How the launcher ends the child JVMs it started: the same for the broker, the MongoDB stand-in and the services. */
final class ChildProcesses {

    private static final Logger log = LoggerFactory.getLogger(ChildProcesses.class);
    /** A graceful stop flushes and closes; past this, the child is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private ChildProcesses() {
    }

    /** SIGTERM, so the child can shut down cleanly, then waits; SIGKILL only if it hangs. */
    static void stopGracefully(Process process, String name) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("{} did not stop within {} s, killing it", name, STOP_TIMEOUT.toSeconds());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
