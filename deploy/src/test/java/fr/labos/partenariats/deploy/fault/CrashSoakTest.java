package fr.labos.partenariats.deploy.fault;

import fr.labos.partenariats.deploy.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test as a soak: kill rounds (each component once per round) under load for {@code soak.minutes}, then the
 * same comparison of the three views, with the figures printed. Runs only when asked:
 * {@code mvn -pl deploy -am verify -Dtest=CrashSoakTest -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.minutes=10}.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "\\d+")
class CrashSoakTest {

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedWriteSurvivesRepeatedKills() throws Exception {
        Duration soak = Duration.ofMinutes(Long.parseLong(System.getProperty("soak.minutes")));
        try (CrashLab lab = CrashLab.start(Repository.root(), data)) {
            CrashScenario.Outcome outcome = new CrashScenario(lab, lab.http(), 4, Duration.ofMillis(250))
                    .run(1, soak);

            assertThat(outcome.verdict().problems()).as(outcome.figures()).isEmpty();
        }
    }
}
