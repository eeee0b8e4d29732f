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
            Result parsed = run(List.of("bash", "-n", script.toString()), null);
            assertThat(parsed.exit()).as(script + ": " + parsed.output()).isZero();
        }
    }

    @Test
    void theTopicScriptCreatesEveryTopicTheServicesUseReplicatedAndKeptForever(@TempDir Path tools) throws Exception {
        // Kafka's own tool, replaced by one that writes down how it was called.
        Path calls = tools.resolve("calls.txt");
        Path tool = tools.resolve("kafka-topics.sh");
        Files.writeString(tool, "#!/usr/bin/env bash\necho \"$*\" >> " + calls + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result created = run(List.of("bash", Repository.root().resolve("deploy/config/kafka-topics.sh").toString()),
                tools);

        assertThat(created.exit()).as(created.output()).isZero();
        List<String> creations = Files.readAllLines(calls).stream().filter(line -> line.contains("--create")).toList();
        assertThat(creations).extracting(ShellScriptsTest::topicOf).containsExactlyInAnyOrder(
                Topics.PROFILE_EVENTS, Topics.MATCHMAKING_EVENTS,
                Topics.PROFILE_EVENTS + ".DLT", Topics.MATCHMAKING_EVENTS + ".introduction-views.DLT");
        assertThat(creations).allSatisfy(line -> assertThat(line)
                .contains("--replication-factor 3", "min.insync.replicas=2", "retention.ms=-1", "--if-not-exists"));
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

    private static Result run(List<String> command, Path toolsFirst) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092");
        if (toolsFirst != null) {
            builder.environment().put("PATH", toolsFirst + ":" + System.getenv("PATH"));
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
