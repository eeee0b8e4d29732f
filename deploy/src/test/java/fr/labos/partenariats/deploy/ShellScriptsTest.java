package fr.labos.partenariats.deploy;

import fr.labos.partenariats.schema.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell scripts handed to operators parse, and the production topic script creates every topic the services
 * read or park records in. An operator runs them rarely, on a cluster, where a syntax error is found too late.
 */
class ShellScriptsTest {

    @Test
    void everyScriptOfTheRepositoryParses() throws Exception {
        List<Path> scripts = new ArrayList<>(List.of(Repository.root().resolve(".ci/run")));
        try (Stream<Path> files = Files.walk(Repository.root().resolve("deploy"))) {
            files.filter(file -> file.toString().endsWith(".sh") && !file.toString().contains("/target/"))
                    .forEach(scripts::add);
        }
        assertThat(scripts).extracting(file -> file.getFileName().toString())
                .contains("run", "run.sh", "token.sh", "kafka-topics.sh");
        for (Path script : scripts) {
            Result parsed = run(List.of("bash", "-n", script.toString()), null, Map.of());
            assertThat(parsed.exit()).as(script + ": " + parsed.output()).isZero();
        }
    }

    @Test
    void theTopicScriptCreatesEveryTopicTheServicesUseReplicatedAndKeptForever(@TempDir Path tools) throws Exception {
        Result created = run(List.of("bash", Repository.root().resolve("deploy/config/kafka-topics.sh").toString()),
                recordingKafkaTopics(tools), Map.of());

        assertThat(created.exit()).as(created.output()).isZero();
        List<String> calls = Files.readAllLines(tools.resolve("calls.txt"));
        assertThat(calls).noneSatisfy(line -> assertThat(line).contains("--command-config"));
        List<String> creations = calls.stream().filter(line -> line.contains("--create")).toList();
        assertThat(creations).extracting(ShellScriptsTest::topicOf).containsExactlyInAnyOrder(
                Topics.PROFILE_EVENTS, Topics.MATCHMAKING_EVENTS,
                Topics.PROFILE_EVENTS + ".DLT", Topics.MATCHMAKING_EVENTS + ".introduction-views.DLT");
        assertThat(creations).allSatisfy(line -> assertThat(line)
                .contains("--replication-factor 3", "min.insync.replicas=2", "retention.ms=-1", "--if-not-exists"));
    }

    @Test
    void theTopicScriptPassesTheClusterCredentialsToEveryCall(@TempDir Path tools) throws Exception {
        Path credentials = tools.resolve("admin-client.properties");
        Files.writeString(credentials, "security.protocol=SASL_SSL\n");

        Result created = run(List.of("bash", Repository.root().resolve("deploy/config/kafka-topics.sh").toString()),
                recordingKafkaTopics(tools), Map.of("KAFKA_COMMAND_CONFIG", credentials.toString()));

        assertThat(created.exit()).as(created.output()).isZero();
        assertThat(Files.readAllLines(tools.resolve("calls.txt"))).hasSize(5)
                .allSatisfy(line -> assertThat(line).contains("--command-config " + credentials));
    }

    /**
     * A second {@code run.sh} while the first one builds (it holds the start's lock, and its launcher has not written
     * its pid yet) says so and does nothing: no second build into the same folders, no second lab. The Java it would
     * start is one that only writes down that it was started.
     */
    @Test
    void aSecondRunWhileTheFirstOneStartsDoesNothingButSaySo(@TempDir Path data, @TempDir Path jdk) throws Exception {
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\ntouch " + data.resolve("launched") + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process first = new ProcessBuilder("flock", data.resolve("run.lock").toString(), "sleep", "30").start();
        try {
            // flock holds the lock once it runs the command it was given.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (first.children().findAny().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            Result second = run(List.of("bash", Repository.root().resolve("deploy/run.sh").toString()), null,
                    Map.of("LAB_DATA_DIR", data.toString(), "LAB_SKIP_BUILD", "1", "JAVA_HOME", jdk.toString()));

            assertThat(second.exit()).as(second.output()).isEqualTo(1);
            assertThat(second.output()).contains("already starting the lab");
            assertThat(data.resolve("launched")).as("no launcher started").doesNotExist();
        } finally {
            first.descendants().forEach(ProcessHandle::destroy);
            first.destroy();
        }
    }

    /** Kafka's own tool, replaced by one that writes down how it was called (in calls.txt beside it). */
    private static Path recordingKafkaTopics(Path tools) throws IOException {
        Path tool = tools.resolve("kafka-topics.sh");
        Files.writeString(tool, "#!/usr/bin/env bash\necho \"$*\" >> " + tools.resolve("calls.txt") + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tools;
    }

    private static String topicOf(String call) {
        String[] words = call.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("--topic")) return words[i + 1];
        }
        throw new AssertionError("no topic in " + call);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path toolsFirst, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092");
        builder.environment().remove("KAFKA_COMMAND_CONFIG");
        builder.environment().putAll(environment);
        if (toolsFirst != null) {
            builder.environment().put("PATH", toolsFirst + ":" + System.getenv("PATH"));
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
