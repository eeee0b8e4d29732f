package fr.labos.partenariats.deploy.fault;

import fr.labos.partenariats.deploy.Repository;
import fr.labos.partenariats.deploy.fault.CrashLab.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9, in turn, of profile-service, matchmaking-service, the Kafka broker and the MongoDB stand-in, each a process
 * of its own, under a steady load of needs and offers posted by four clients and of introductions made and accepted
 * between their actors; each is started again on its data. Afterwards every acknowledged write is in its service's
 * event store and on its topic, every post in the projection at its aggregate's last sequence and rankable at
 * matchmaking-service, and nothing is applied twice; the introductions' history, audited from the topic's records
 * alone, gives every hash and every head the service signed. The longer form is {@link CrashSoakTest}.
 */
class CrashTest {

    // Kept when the test fails: the services', broker's and MongoDB's logs are what explain a loss.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void everyAcknowledgedWriteSurvivesAKillOfEachComponent() throws Exception {
        try (CrashLab lab = CrashLab.start(Repository.root(), data)) {
            CrashScenario.Outcome outcome = new CrashScenario(lab, lab.http(), 4, Duration.ofMillis(250))
                    .run(1, Duration.ZERO);

            assertThat(outcome.kills()).containsOnlyKeys(Component.values()).allSatisfy((component, kills) -> assertThat(kills).isEqualTo(1));
            // 20 writes before each kill, 20 more during each consumer-side outage and after the last restart: 160.
            assertThat(outcome.verdict().profile().acknowledgedWrites()).isGreaterThanOrEqualTo(160);
            // 3 before killing matchmaking-service, 3 before killing the broker and 3 while it is down, at the least.
            assertThat(outcome.verdict().matchmaking().acknowledgedWrites()).isGreaterThanOrEqualTo(9);
            // The introductions' load went through every kind of step it writes, not only proposals (and withdrew the
            // introductions a kill made it give up, when there were some).
            assertThat(outcome.introductionWritesPerKind()).as(outcome.figures()).containsKeys(
                    "proposal", "acceptance", "decline", "meeting scheduled", "meeting held", "outcome");
            assertThat(outcome.introductionWritesPerKind().keySet()).as(outcome.figures()).isSubsetOf(
                    "proposal", "acceptance", "decline", "meeting scheduled", "meeting held", "outcome", "withdrawal");
            // Heads signed before and after the kills were rebuilt from the topic's records, not only read.
            assertThat(outcome.verdict().history().headsChecked()).as(outcome.figures()).isGreaterThanOrEqualTo(2);
            assertThat(outcome.verdict().problems()).as(outcome.figures()).isEmpty();
        }
    }
}
