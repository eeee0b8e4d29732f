package fr.labos.partenariats.matchmaking.support;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.MatchmakingServiceApplication;
import fr.labos.partenariats.platform.security.TestTokens;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * matchmaking-service in a JVM of its own, started from this JVM's class path: a process that can be killed with
 * SIGKILL ({@link #kill()}) and whose resident memory can be read ({@link #residentKilobytes()}).
 */
public final class ChildMatchmaking implements AutoCloseable {

    private static final String ADMIN_TOKEN = TestTokens.admin().sign();

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChildMatchmaking(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service with these JVM options and settings (as {@code key=value}); does not wait for it. Its event
     * store is a new database of the embedded PostgreSQL unless {@code spring.datasource.url} is given.
     */
    public static ChildMatchmaking start(List<String> jvmOptions, String bootstrapServers, String mongoUri, String topic,
                                         String groupId, String... extraProperties) {
        int port = InMemoryMongo.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(MatchmakingServiceApplication.class.getName());
        List<String> properties = new ArrayList<>(List.of(
                "server.port=" + port,
                "spring.kafka.bootstrap-servers=" + bootstrapServers,
                "spring.data.mongodb.uri=" + mongoUri,
                "matchmaking.projection.topic=" + topic,
                "spring.kafka.consumer.group-id=" + groupId,
                "matchmaking.projection.retry-initial-interval=100ms",
                "matchmaking.projection.retry-max-interval=1s"));
        // Signed in like every other test: the child trusts the test issuer's key, and is asked as an admin.
        properties.addAll(TestTokens.properties());
        properties.addAll(MatchmakingDatabase.properties(extraProperties));
        properties = CommandLineSettings.overriddenBy(properties, extraProperties);
        properties.forEach(property -> command.add("--" + property));
        try {
            Path log = Files.createTempFile("matchmaking-child-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            return new ChildMatchmaking(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path this JVM was given (surefire's manifest jar, or the URLs of exec:java's class loader). */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(new File(url.toURI()).getPath());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no last commit, no last write. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** VmRSS of the process, in kB, from /proc; empty if unreadable (not Linux, or it ended). */
    public Optional<Long> residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** CPU time (user + system) the process has used, in seconds, from /proc; empty if unreadable. */
    public Optional<Double> cpuSeconds() {
        return cpuSeconds(process.pid());
    }

    /** CPU time (user + system) of a process, in seconds, from /proc (clock ticks of 1/100 s); empty if unreadable. */
    public static Optional<Double> cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of proc(5), utime and stime; the split starts at field 3.
            return Optional.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** GET on the service; empty while it does not answer. */
    public Optional<HttpResponse<String>> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.bearer(ADMIN_TOKEN))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** GET, expecting 200 and JSON. */
    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path).orElseThrow(() -> new AssertionError("GET " + path + ": no answer"));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return RunningMatchmaking.parse(response.body());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
