package fr.labos.partenariats.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher reads its variables as run.sh does: one set but empty is one not set. */
class LauncherSettingsTest {

    private static final Path ROOT = Path.of("/srv/labo").toAbsolutePath();

    @Test
    void anEmptyDataDirectoryIsTheDefaultOneAsForRunSh() {
        assertThat(LauncherSettings.dataDir(Map.of("LAB_ROOT", ROOT.toString(), "LAB_DATA_DIR", "")))
                .isEqualTo(ROOT.resolve(".data"));
        assertThat(LauncherSettings.dataDir(Map.of("LAB_ROOT", ROOT.toString(), "LAB_DATA_DIR", "  ")))
                .isEqualTo(ROOT.resolve(".data"));
        assertThat(LauncherSettings.dataDir(Map.of("LAB_ROOT", ROOT.toString(), "LAB_DATA_DIR", "essai")))
                .isEqualTo(ROOT.resolve("essai"));
    }

    @Test
    void anEmptyVariableIsItsDefault() {
        assertThat(LauncherSettings.setting(Map.of("LAB_SERVICE_JAVA_OPTS", ""), "LAB_SERVICE_JAVA_OPTS",
                LauncherSettings.DEFAULT_SERVICE_JVM_OPTIONS)).isEqualTo(LauncherSettings.DEFAULT_SERVICE_JVM_OPTIONS);
        assertThat(LauncherSettings.setting(Map.of(), "KAFKA_CONTROLLER_PORT", "0")).isEqualTo("0");
        assertThat(LauncherSettings.setting(Map.of("KAFKA_CONTROLLER_PORT", "9093"), "KAFKA_CONTROLLER_PORT", "0"))
                .isEqualTo("9093");
    }
}
