package fr.labos.partenariats.deploy;

import fr.labos.partenariats.deploy.ReadmeBlocks.Line;
import fr.labos.partenariats.deploy.ReadmeBlocks.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code bash} blocks are meant to be pasted in order into one terminal, on the demo the README's first
 * command starts (they were run so against it). What can go wrong with them without running the lab is checked here:
 * that bash can read them, that every variable they use was set by an earlier line, and that none still holds a
 * {@code <placeholder>} for the reader to fill in.
 */
class ReadmeCommandsTest {

    /** Set by the shell or by the reader's environment, not by the README. */
    private static final Set<String> FROM_THE_ENVIRONMENT = Set.of("HOME", "PATH");
    /** At the start of a command: the line's, or after a {@code ;} or {@code &&}. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?:^|;|&&)\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern FOR_LOOP = Pattern.compile("^\\s*for\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+in\\b");
    private static final Pattern USE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(:-)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z][a-zA-Z ]*>");

    private static Map<Integer, List<Line>> blocks;

    @BeforeAll
    static void readTheReadme() {
        blocks = new LinkedHashMap<>();
        ReadmeBlocks.read().forEach(block -> blocks.put(block.fence(), block.lines()));
        assertThat(blocks).as("the README's bash blocks").hasSizeGreaterThan(15);
    }

    @Test
    void bashCanReadEveryBlock() throws Exception {
        for (Map.Entry<Integer, List<Line>> block : blocks.entrySet()) {
            String script = String.join("\n", block.getValue().stream().map(Line::text).toList()) + "\n";
            Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
            bash.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            bash.getOutputStream().close();
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String complaint = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.exitValue()).as("the block at line %d: %s", block.getKey(), complaint).isZero();
        }
    }

    @Test
    void everyVariableIsSetBeforeItIsUsed() {
        Set<String> set = new TreeSet<>(FROM_THE_ENVIRONMENT);
        List<String> unset = new ArrayList<>();
        for (List<Line> block : blocks.values()) {
            for (Shell line : ReadmeBlocks.shell(block)) {
                Matcher use = USE.matcher(line.expanded());
                while (use.find()) {
                    boolean hasDefault = use.group(2) != null;
                    if (!hasDefault && !set.contains(use.group(1))) {
                        unset.add("$" + use.group(1) + " at line " + line.number());
                    }
                }
                for (Pattern assigns : List.of(ASSIGNMENT, FOR_LOOP)) {
                    Matcher assignment = assigns.matcher(line.code());
                    while (assignment.find()) {
                        set.add(assignment.group(1));
                    }
                }
            }
        }
        assertThat(unset).as("variables used before any line sets them").isEmpty();
    }

    @Test
    void noCommandWaitsForTheReaderToFillItIn() {
        List<String> placeholders = new ArrayList<>();
        blocks.values().forEach(block -> ReadmeBlocks.shell(block).forEach(line -> {
            Matcher placeholder = PLACEHOLDER.matcher(line.code());
            while (placeholder.find()) {
                placeholders.add(placeholder.group() + " at line " + line.number());
            }
        }));
        assertThat(placeholders).isEmpty();
    }
}
