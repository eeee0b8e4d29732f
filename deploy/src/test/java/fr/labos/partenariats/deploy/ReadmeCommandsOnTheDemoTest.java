package fr.labos.partenariats.deploy;

import fr.labos.partenariats.deploy.ReadmeBlocks.Block;
import fr.labos.partenariats.deploy.ReadmeBlocks.Line;
import fr.labos.partenariats.deploy.ReadmeBlocks.Shell;
import fr.labos.partenariats.schema.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's commands, run as a reader runs them: {@code ./deploy/run.sh} started as the README's first command
 * says (on free ports, a fresh data folder, and the jars the build made), then every {@code bash} block pasted in
 * order into one bash, from a folder of its own so that the files the blocks write stay out of the repository.
 * Between two blocks the test waits, as a reader reading the text between them would, until the services have caught
 * up with both topics.
 * <p>
 * Not run: the README's first two commands (the first is what started the lab), the restart that rebuilds the views,
 * and the build of the standalone verifier (the build already made it). The README's {@code localhost:8081},
 * {@code localhost:8082} and {@code localhost:9092} (the broker) are pointed at the ports chosen here; nothing else of
 * a command is changed.
 * <p>
 * Checked: every command succeeds ({@code pipefail}: a pipeline too), but the one the README shows failing (the token
 * script without an account, which lists the accounts); every curl command of the
 * README was run; every HTTP answer is a 2xx unless the README announces another status for that command — a comment
 * on the command's own line that starts with a status names the statuses it must get, a 4xx named in a comment of the
 * command's paragraph is allowed; the history's verification says the chain holds, and the standalone verifier
 * accepts both proofs — the consistency proof from the head kept before the journey to a larger one — and the audit
 * of the topic.
 */
class ReadmeCommandsOnTheDemoTest {

    private static final Pattern HTTP = Pattern.compile("^@@http (\\d+) (\\d{3}) (\\S+) (\\S+)$", Pattern.MULTILINE);
    private static final Pattern ERROR = Pattern.compile("^@@error (\\d+) (.*)$", Pattern.MULTILINE);
    /** The one command the README runs to show it failing: the token script without an account lists the accounts. */
    private static final String MEANT_TO_FAIL = "./deploy/token.sh";
    private static final Pattern STATUS = Pattern.compile("\\b([1-5]\\d\\d)\\b");
    private static final Pattern ANNOUNCED_STATUS = Pattern.compile("^(?:→\\s*)?[1-5]\\d\\d\\b");
    private static final Duration CAUGHT_UP_FOR = Duration.ofSeconds(1);

    @TempDir
    static Path work;

    private static Process lab;
    private static Map<String, String> environment;
    private static List<String> readme;
    /** The blocks' lines as bash reads them (code, comment), by their line number in the README. */
    private static final Map<Integer, Shell> SHELL = new HashMap<>();
    private static Transcript transcript;
    private static List<Integer> curlLines;
    private static List<Integer> skippedLines;

    /** What the blocks printed, and each HTTP answer: the README line of its command, status, method, address. */
    private record Transcript(int exitCode, String out, String err, List<Answer> answers) {
    }

    private record Answer(int line, int status, String method, String url) {
    }

    @BeforeAll
    static void startTheLabAndRunTheReadme() throws Exception {
        Path root = Repository.root();
        Path data = Files.createDirectories(work.resolve("data"));
        int profilePort = Ports.freePort();
        int matchmakingPort = Ports.freePort();
        int kafkaPort = Ports.freePort();
        environment = Map.of("LAB_SKIP_BUILD", "1", "LAB_DATA_DIR", data.toString(),
                "PROFILE_SERVICE_PORT", String.valueOf(profilePort), "MATCHMAKING_SERVICE_PORT", String.valueOf(matchmakingPort),
                "KAFKA_PORT", String.valueOf(kafkaPort), "KAFKA_CONTROLLER_PORT", String.valueOf(Ports.freePort()),
                "POSTGRES_PORT", String.valueOf(Ports.freePort()), "MONGODB_PORT", String.valueOf(Ports.freePort()),
                "AUTH_SERVER_PORT", String.valueOf(Ports.freePort()));
        Path launcherLog = work.resolve("run.log");
        ProcessBuilder run = new ProcessBuilder("bash", "deploy/run.sh").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(launcherLog.toFile());
        run.environment().putAll(environment);
        lab = run.start();
        awaitUp(launcherLog);

        // The reader's folder: the scripts and the verifier's jar where the README's relative paths expect them.
        Path reader = Files.createDirectories(work.resolve("reader"));
        Files.createSymbolicLink(reader.resolve("deploy"), root.resolve("deploy"));
        Files.createSymbolicLink(reader.resolve("matchmaking-service"), root.resolve("matchmaking-service"));
        readme = ReadmeBlocks.readme();
        String script = script(ReadmeBlocks.read(), profilePort, matchmakingPort, kafkaPort);
        Files.writeString(work.resolve("readme.sh"), script);
        try (ConsumerGroupProgress kafka = new ConsumerGroupProgress("localhost:" + kafkaPort)) {
            transcript = runInOneShell(reader, work.resolve("readme.sh"), kafka);
        }
        Path copy = Path.of(System.getProperty("basedir", ".")).resolve("target/readme-commands.log");
        Files.writeString(copy, "--- stdout\n" + transcript.out() + "\n--- stderr\n" + transcript.err());
    }

    @AfterAll
    static void stopTheLab() throws Exception {
        if (lab == null) {
            return;
        }
        // As the README says: run it again to stop it.
        ProcessBuilder stop = new ProcessBuilder("bash", "deploy/run.sh").directory(Repository.root().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        stop.environment().putAll(environment);
        stop.start().waitFor(150, TimeUnit.SECONDS);
        if (!lab.waitFor(30, TimeUnit.SECONDS)) {
            lab.descendants().forEach(ProcessHandle::destroyForcibly);
            lab.destroyForcibly();
        }
    }

    @Test
    void everyCommandSucceedsButTheOneShownFailing() {
        List<String> failed = new ArrayList<>();
        Matcher error = ERROR.matcher(transcript.err());
        while (error.find()) {
            Shell line = SHELL.get(Integer.parseInt(error.group(1)));
            if (line == null || !line.code().strip().equals(MEANT_TO_FAIL)) {
                failed.add("line " + error.group(1) + ": " + error.group(2));
            }
        }
        assertThat(failed).as("commands that failed; bash's output:%n%s", tail(transcript.err())).isEmpty();
        assertThat(transcript.exitCode()).as("bash's exit code; its errors:%n%s", tail(transcript.err())).isZero();
        assertThat(skippedLines).as("the lines not run: the first two commands, the restart, the verifier's build")
                .hasSize(4);
    }

    @Test
    void everyCurlCommandOfTheReadmeWasRun() {
        Set<Integer> answered = transcript.answers().stream().map(Answer::line).collect(Collectors.toCollection(TreeSet::new));
        // A command's answer names the line it ends on, which may be below the line its curl starts on.
        assertThat(answered).as("lines where the README's curl commands start: %s; lines of those answered: %s",
                curlLines, answered).hasSameSizeAs(curlLines);
        assertThat(answered.size()).isGreaterThan(50);
    }

    @Test
    void everyAnswerIsTheOneTheReadmeAnnounces() {
        List<String> unexpected = new ArrayList<>();
        for (Answer answer : transcript.answers()) {
            Set<Integer> required = statusesAnnouncedOnTheLine(answer.line());
            boolean expected = required.isEmpty()
                    ? answer.status() / 100 == 2 || clientErrorsNamedInTheParagraph(answer.line()).contains(answer.status())
                    : required.contains(answer.status());
            if (!expected) {
                unexpected.add("line %d: %s %s → %d (README: %s)".formatted(answer.line(), answer.method(), answer.url(),
                        answer.status(), readme.get(answer.line() - 1).strip()));
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(transcript.answers()).as("the contact refused to a third actor's member and to a viewer")
                .filteredOn(answer -> answer.status() == 403).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theHistoryHoldsAndTheStandaloneVerifierAcceptsBothProofsAndTheTopic() {
        // The inclusion proof checked against the step the reader saved from the history (--step), not the service's word.
        assertThat(transcript.out()).contains("\"holds\":true").contains("OK : la feuille")
                .contains("enregistré dans step.json : recalculé à partir de la preuve, il a l'empreinte de l'étape "
                        + "enregistrée")
                .containsPattern("OK : \\d+ événements de \\d+ mises en relation .* toutes signées par cette clé");
        Matcher consistency = Pattern.compile("OK : l'arbre de (\\d+) événements prolonge celui de (\\d+)")
                .matcher(transcript.out());
        assertThat(consistency.find()).as(transcript.out()).isTrue();
        assertThat(Long.parseLong(consistency.group(1)))
                .as("the head after the journey covers its events, the one kept before it does not")
                .isGreaterThan(Long.parseLong(consistency.group(2)));
    }

    /**
     * One script whose line numbers are the README's: a block's lines where they are, the wait for the services on
     * the line of each block's fence, the set-up on the README's first line, every other line empty.
     */
    private static String script(List<Block> blocks, int profilePort, int matchmakingPort, int kafkaPort) {
        String[] lines = new String[readme.size()];
        Arrays.fill(lines, "");
        lines[0] = String.join("; ",
                // as in a terminal, a failing command does not stop the next ones; each failure is noted
                "set -Euo pipefail",
                "trap 'echo \"@@error $LINENO $BASH_COMMAND\" >&2' ERR",
                // every answer's status, with the README line of the command (the line it ends on)
                "curl() { command curl \"$@\" -w \"%{stderr}@@http ${BASH_LINENO[0]} %{http_code} %{method} %{url_effective}\\n\"; }",
                // the test waits until the services caught up, then removes the file
                "caught_up() { echo \"$1\" > \"$README_SYNC\"; while [ -e \"$README_SYNC\" ]; do sleep 0.1; done; }");
        curlLines = new ArrayList<>();
        skippedLines = new ArrayList<>();
        for (Block block : blocks) {
            ReadmeBlocks.shell(block.lines()).forEach(line -> SHELL.put(line.number(), line));
            lines[block.fence() - 1] = "caught_up " + block.fence();
            for (Line line : block.lines()) {
                // a heredoc's body is data: kept as it is
                String code = SHELL.containsKey(line.number()) ? SHELL.get(line.number()).code() : "";
                if (code.contains("./deploy/run.sh") || code.strip().startsWith("mvn ")) {
                    skippedLines.add(line.number());
                    continue;
                }
                if (code.contains("curl ")) {
                    curlLines.add(line.number());
                }
                lines[line.number() - 1] = line.text().replace("localhost:8081", "localhost:" + profilePort)
                        .replace("localhost:8082", "localhost:" + matchmakingPort)
                        .replace("localhost:9092", "localhost:" + kafkaPort);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static Transcript runInOneShell(Path folder, Path script, ConsumerGroupProgress kafka) throws Exception {
        Path sync = work.resolve("caught-up");
        Path out = work.resolve("readme.out");
        Path err = work.resolve("readme.err");
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        bash.environment().putAll(environment);
        bash.environment().put("README_SYNC", sync.toString());
        Process shell = bash.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (shell.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(sync)) {
                // what the relays publish within the quiet time, they had stored before
                kafka.awaitEveryGroupCaughtUp(List.of(Topics.PROFILE_EVENTS, Topics.MATCHMAKING_EVENTS), CAUGHT_UP_FOR,
                        Duration.ofSeconds(90));
                Files.delete(sync);
            }
            shell.waitFor(100, TimeUnit.MILLISECONDS);
        }
        if (shell.isAlive()) {
            shell.destroyForcibly();
            throw new AssertionError("The README's blocks did not end within 6 minutes:\n" + tail(Files.readString(err)));
        }
        String errors = Files.readString(err);
        List<Answer> answers = new ArrayList<>();
        Matcher http = HTTP.matcher(errors);
        while (http.find()) {
            answers.add(new Answer(Integer.parseInt(http.group(1)), Integer.parseInt(http.group(2)), http.group(3), http.group(4)));
        }
        return new Transcript(shell.exitValue(), Files.readString(out), errors, answers);
    }

    private static void awaitUp(Path launcherLog) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (System.nanoTime() < deadline) {
            String log = Files.exists(launcherLog) ? Files.readString(launcherLog) : "";
            if (log.contains("Partnership lab is up")) {
                return;
            }
            if (!lab.isAlive()) {
                throw new AssertionError("./deploy/run.sh ended with " + lab.exitValue() + ":\n" + tail(log));
            }
            Thread.sleep(500);
        }
        throw new AssertionError("./deploy/run.sh did not start the lab within 6 minutes:\n" + tail(Files.readString(launcherLog)));
    }

    /** The statuses a comment on the command's own line announces, when it starts with one ("# 204; again: 409"). */
    private static Set<Integer> statusesAnnouncedOnTheLine(int number) {
        String comment = SHELL.get(number).comment();
        return ANNOUNCED_STATUS.matcher(comment).find() ? statuses(comment) : Set.of();
    }

    /** The 4xx statuses that the comments of the command's paragraph (the block's lines between blank lines) name. */
    private static Set<Integer> clientErrorsNamedInTheParagraph(int number) {
        int first = number;
        while (first > 1 && !readme.get(first - 2).isBlank() && !readme.get(first - 2).startsWith("```")) {
            first--;
        }
        int last = number;
        while (last < readme.size() && !readme.get(last).isBlank() && !readme.get(last).startsWith("```")) {
            last++;
        }
        Set<Integer> named = new TreeSet<>();
        for (int line = first; line <= last; line++) {
            if (SHELL.containsKey(line)) {
                statuses(SHELL.get(line).comment()).stream().filter(status -> status / 100 == 4).forEach(named::add);
            }
        }
        return named;
    }

    private static Set<Integer> statuses(String text) {
        Set<Integer> statuses = new TreeSet<>();
        Matcher status = STATUS.matcher(text);
        while (status.find()) {
            statuses.add(Integer.parseInt(status.group(1)));
        }
        return statuses;
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
